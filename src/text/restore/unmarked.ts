// Whether a text lost its diacritics, and restoring it only then: a plan typed with its marks is
// never touched. Printed Vietnamese carries a mark on about one letter in six; text typed without
// a Vietnamese keyboard carries none, OCR of a poor copy a few (seed 004: one in twenty-two).

import { foldKey, isMarked } from "./letters.js";
import type { SyllableModel } from "./model.js";
import { type Restoration, type RestoreOptions, restoreDiacritics } from "./restore.js";
import { sentences } from "./tokens.js";

/** Below this share of marked letters a Vietnamese text is taken to have lost its marks. */
const MARKED_SHARE = 0.09;
/** At least this share of its words must be Vietnamese syllables once folded (not English). */
const VIETNAMESE_SHARE = 0.6;

const SAMPLE = 40_000;

/** Whether a text has too few marks for Vietnamese written with them: "Ke hoach" yes, "Kế hoạch" no. */
export function fewMarks(text: string): boolean {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  let letters = 0;
  let marked = 0;
  for (const ch of sample) {
    if (!/\p{L}/u.test(ch)) continue;
    letters++;
    if (isMarked(ch)) marked++;
  }
  return letters >= 40 && marked / letters < MARKED_SHARE;
}

/** `lacksDiacritics("Ke hoach thuc hien …", model)` → true; false for marked or English text. */
export function lacksDiacritics(text: string, model: SyllableModel): boolean {
  if (!fewMarks(text)) return false;
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  const keys = keysOf(model);
  let words = 0;
  let vietnamese = 0;
  for (const sentence of sentences(sample))
    for (const token of sentence) {
      if (token.fixed) continue;
      words++;
      if (keys.has(foldKey(token.text.toLowerCase()))) vietnamese++;
    }
  return words >= 8 && vietnamese / words >= VIETNAMESE_SHARE;
}

const keySets = new WeakMap<SyllableModel, Set<string>>();
function keysOf(model: SyllableModel): Set<string> {
  let keys = keySets.get(model);
  if (!keys) {
    keys = new Set(model.tables.vocab.slice(4).map(foldKey));
    keySets.set(model, keys);
  }
  return keys;
}

/** Restores a text that lost its marks; null for a text that has them (or is not Vietnamese). */
export function restoreIfUnmarked(
  text: string,
  model: SyllableModel,
  options: RestoreOptions = {},
): Restoration | null {
  return lacksDiacritics(text, model) ? restoreDiacritics(text, model, options) : null;
}
