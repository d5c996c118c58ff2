// Reading one plan file into what an import needs: its text extracted (txt, doc, docx, pdf, OCR, a
// web page, Markdown),
// normalised and parsed, normalised once. The same work runs on the caller's thread (the CLI's
// one-shot commands, tests: in-process-reader.ts) and in the pool's child processes (the server).

import type { ExtractOptions } from "../extract/extract.js";
import { extractText } from "../extract/extract.js";
import { parsePlanWithText } from "../parse/parse-plan.js";
import type { PlanReading } from "../services/context.js";
import { restoreWithShippedModel } from "../text/restore/model-file.js";

/**
 * Reads a plan file on this thread: `await readPlanInProcess(readFileSync("ke-hoach.pdf"))` →
 * `{ format: "pdf", plan, sourceText, notes, mediaType }`. The notes (OCR, repaired fonts) are not
 * in plan.warnings: the import adds them. No limit but the file's own on time and memory: for
 * one-shot commands and tests, not for a server (pool.ts).
 */
export async function readPlanInProcess(
  bytes: Uint8Array,
  options: ExtractOptions = {},
): Promise<PlanReading> {
  const extracted = await extractText(bytes, options);
  // The text the parser read is the source text shown for review: its spans point into it.
  const { plan, text, restoration } = parsePlanWithText(extracted.text, { restore: restoreWithShippedModel });
  return {
    format: extracted.format,
    mediaType: extracted.mediaType,
    notes: extracted.notes,
    sourceText: text,
    plan,
    ...(restoration ? { restoration } : {}),
  };
}
