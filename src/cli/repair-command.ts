// `kehoach repair FILE [--json]`: the text of a file as kehoach reads it before parsing: decoded
// (legacy encodings too), repaired (shifted PDF fonts, OCR letter confusions) and, where it lost its
// diacritics, restored. With --json: each change, how sure the model is, and the runner-up.

import { looksLikeOcrWithoutDiacritics, repairOcr } from "../text/ocr.js";
import { restoreWithShippedModel } from "../text/restore/model-file.js";
import { extractFileArgument } from "./read-file.js";

export async function repairCommand(args: string[], out: (s: string) => void): Promise<number> {
  const { file, json, extracted } = await extractFileArgument(args, "repair");
  const decoded = extracted.text.normalize("NFC");
  const ocr = looksLikeOcrWithoutDiacritics(decoded);
  const repaired = ocr ? repairOcr(decoded) : decoded;
  const restoration = restoreWithShippedModel(repaired, ocr);
  const text = restoration ? restoration.text : repaired;
  if (!json) {
    out(text);
    return 0;
  }
  out(
    JSON.stringify(
      {
        file,
        format: extracted.format,
        ...(extracted.encoding ? { encoding: extracted.encoding } : {}),
        notes: extracted.notes,
        ocrRepaired: ocr,
        restored: restoration !== null,
        syllables: restoration?.syllables ?? 0,
        changed: restoration?.changed ?? 0,
        uncertain: restoration?.uncertain ?? 0,
        text,
        // Offsets of the changes point into both: restoring keeps every word's place.
        original: repaired,
        changes: (restoration?.words ?? []).map((w) => ({
          start: w.start,
          end: w.end,
          from: w.from,
          to: w.to,
          confidence: Math.round(w.confidence * 1000) / 1000,
          ...(w.alternative ? { alternative: w.alternative } : {}),
        })),
      },
      null,
      2,
    ),
  );
  return 0;
}
