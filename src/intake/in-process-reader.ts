// Reading a plan file on the calling thread: extract, normalise, parse. For one-shot commands and
// tests; the server reads files in worker processes instead (a bad file cannot stall it).

import { extractText } from "../extract/extract.js";
import { parsePlan } from "../parse/parse-plan.js";
import type { PlanReader, PlanReading } from "../services/context.js";
import { normalizePlanText } from "../text/normalize.js";

/** `await inProcessReader.read("ke-hoach.docx", bytes)` */
export const inProcessReader: PlanReader = {
  async read(_fileName: string, bytes: Uint8Array): Promise<PlanReading> {
    const extracted = await extractText(bytes);
    return {
      format: extracted.format,
      mediaType: extracted.mediaType,
      notes: extracted.notes,
      sourceText: normalizePlanText(extracted.text).text,
      plan: parsePlan(extracted.text),
    };
  },
};
