// The imports part of the API: a plan file queued as a job, and the job as it goes.

import { z } from "zod";
import type { ImportJob } from "../../services/import-jobs.service.js";
import { Id } from "./common.js";
import { ImportReply } from "./plans.js";

export const ImportJobReply = z.object({
  id: Id,
  fileName: z.string(),
  sizeBytes: z.number().int(),
  status: z.enum(["queued", "running", "done", "failed"]).describe("Chờ / đang đọc / xong / không nhập được"),
  stage: z.string().describe("queued, reading, ocr (nhận dạng chữ), storing, done, failed"),
  ocrPagesDone: z.number().int().nullable().describe("Số trang đã nhận dạng chữ"),
  ocrPages: z.number().int().nullable().describe("Số trang cần nhận dạng chữ"),
  tasks: z.number().int().nullable().describe("Số nhiệm vụ đã tìm thấy"),
  result: ImportReply.nullable().describe("Kết quả khi xong"),
  error: z
    .object({
      error: z.string(),
      message: z.string(),
      fields: z.array(
        z.object({ field: z.string().optional(), reason: z.string(), line: z.number().optional() }),
      ),
    })
    .nullable()
    .describe("Lý do khi không nhập được"),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJobReply = z.infer<typeof ImportJobReply>;

export const ImportJobList = z.object({ jobs: z.array(ImportJobReply) });
export type ImportJobList = z.infer<typeof ImportJobList>;

export function presentImportJob(j: ImportJob): ImportJobReply {
  return {
    id: j.id,
    fileName: j.fileName,
    sizeBytes: j.sizeBytes,
    status: j.status,
    stage: j.stage,
    ocrPagesDone: j.ocrPagesDone,
    ocrPages: j.ocrPages,
    tasks: j.tasks,
    result: (j.result as ImportJobReply["result"]) ?? null,
    error: (j.error as ImportJobReply["error"]) ?? null,
    createdAt: j.createdAt,
    finishedAt: j.finishedAt,
  };
}
