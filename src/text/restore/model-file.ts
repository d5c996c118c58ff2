// Where the trained model lives: dist/restore-model.bin, written by `npm run build` from the corpus
// the project ships (data/restore-corpus/, see its SOURCES.md). Loaded once per process.

import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DomainError } from "../../domain/errors.js";
import { looksLikeOcrWithoutDiacritics } from "../ocr.js";
import { deserializeModel, type SyllableModel } from "./model.js";
import type { Restoration } from "./restore.js";
import { fewMarks, restoreIfUnmarked } from "./unmarked.js";

export const MODEL_FILE = "restore-model.bin";

/** The model file's path: beside the compiled code in dist/, or dist/ itself when run from src/. */
export function modelPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const built = join(here, "..", "..", MODEL_FILE);
  if (existsSync(built)) return built;
  return join(here, "..", "..", "..", "dist", MODEL_FILE);
}

let loaded: SyllableModel | null = null;

/** The shipped model: `restoreDiacritics(text, loadRestoreModel())`. Throws restore.model if it was never built. */
export function loadRestoreModel(): SyllableModel {
  if (loaded) return loaded;
  const path = modelPath();
  if (!existsSync(path))
    throw new DomainError(
      "restore.model",
      `Chưa có mô hình phục hồi dấu (${MODEL_FILE}): hãy chạy "npm run build" để huấn luyện nó từ data/restore-corpus/.`,
    );
  loaded = deserializeModel(readFileSync(path));
  return loaded;
}

/**
 * Restores a text that lost its marks with the shipped model, loaded only when one does (`ocr`:
 * the text came from OCR, whose letter confusions are read through; its repairs may hide the signs):
 * what `parsePlanWithText(text, { restore: restoreWithShippedModel })` is given.
 */
export function restoreWithShippedModel(
  text: string,
  ocr = looksLikeOcrWithoutDiacritics(text),
): Restoration | null {
  if (!fewMarks(text)) return null;
  return restoreIfUnmarked(text, loadRestoreModel(), { ocr });
}
