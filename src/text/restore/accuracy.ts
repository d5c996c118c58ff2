// How well restoring works, measured the way the literature does: take text with its marks, strip
// them, restore, and count the syllables that came back exactly (tone placement aside, which
// `normalizeTones` settles). Used by the bench and by the tests.

import { isSyllable } from "../syllable.js";
import { normalizeTones } from "../tone.js";
import { letterParts } from "./letters.js";
import type { SyllableModel } from "./model.js";
import { type RestoreOptions, restoreDiacritics } from "./restore.js";
import { sentences } from "./tokens.js";

/** Strips every mark, keeping case and length: "Kế hoạch Đào tạo" → "Ke hoach Dao tao". */
export function stripMarks(text: string): string {
  let out = "";
  for (const ch of text) {
    const base = letterParts(ch).base;
    out +=
      /\p{L}/u.test(ch) && base.length === 1 ? (ch === ch.toLowerCase() ? base : base.toUpperCase()) : ch;
  }
  return out;
}

export interface Accuracy {
  syllables: number;
  correct: number;
  accuracy: number;
  /** Of the syllables marked uncertain, how many; and how many of those were right. */
  uncertain: number;
  uncertainCorrect: number;
  /** Of the syllables not marked, how many were wrong: errors that would reach a clerk unmarked. */
  silentErrors: number;
}

/** Strips and restores each text, counting Vietnamese syllables restored exactly. */
export function measureAccuracy(
  model: SyllableModel,
  texts: string[],
  options: RestoreOptions = {},
): Accuracy {
  const tally: Accuracy = {
    syllables: 0,
    correct: 0,
    accuracy: 0,
    uncertain: 0,
    uncertainCorrect: 0,
    silentErrors: 0,
  };
  for (const original of texts) {
    const marked = normalizeTones(original.normalize("NFC"));
    const restored = restoreDiacritics(stripMarks(marked), model, options);
    const flagged = new Map(restored.words.map((w) => [w.start, w]));
    const threshold = options.uncertainBelow ?? 0.8;
    for (const sentence of sentences(marked)) {
      for (const token of sentence) {
        if (token.fixed || !isSyllable(token.text.toLowerCase())) continue;
        tally.syllables++;
        const got = restored.text.slice(token.start, token.end);
        const right = got.toLowerCase() === token.text.toLowerCase();
        if (right) tally.correct++;
        const word = flagged.get(token.start);
        if (word && word.confidence < threshold) {
          tally.uncertain++;
          if (right) tally.uncertainCorrect++;
        } else if (!right) tally.silentErrors++;
      }
    }
  }
  tally.accuracy = tally.syllables ? tally.correct / tally.syllables : 0;
  return tally;
}
