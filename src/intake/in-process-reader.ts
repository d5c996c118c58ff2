// Reading a plan file on the calling thread: extract, normalise, parse. For one-shot commands and
// tests; the server reads files in child processes instead (pool.ts: a bad file cannot stall it).

import type { PlanReader } from "../services/context.js";
import { readPlanInProcess } from "./read-plan.js";

/** `await inProcessReader.read("ke-hoach.docx", bytes)` */
export const inProcessReader: PlanReader = {
  read: (fileName, bytes, options) =>
    readPlanInProcess(bytes, {
      fileName,
      ...(options?.onProgress
        ? {
            onOcrPages: (pages: number) => options.onProgress?.({ ocrPagesDone: 0, ocrPages: pages }),
            onOcrPage: (done: number, pages: number) =>
              options.onProgress?.({ ocrPagesDone: done, ocrPages: pages }),
          }
        : {}),
    }),
};
