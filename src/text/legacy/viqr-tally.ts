// How far an ASCII segment is VIQR: its words that show VIQR's marks and read as Vietnamese once
// decoded. Punctuation alone is no evidence ("ngay 01/8/2022.", "Is it? Yes."): a mark counts
// where it sits inside a word or after a vowel as VIQR puts it.

import { decodeViqr } from "./viqr.js";
import { hasNonAscii, readsAsVietnamese } from "./word-score.js";

// "Ke^'" "ddu+o+.c" "nha^n": a breve, circumflex or horn after a vowel
const MODIFIER_AFTER_VOWEL = /[aeiouy][(^+]/i;
// "hoa.ch" "ca'c" "cu?a": a tone inside a word
const TONE_INSIDE_WORD = /[aeiouy]['`?~.][a-z]/i;
// "la`" "co'" "co'." "nga~": a word's last vowel with a grave, an acute or a tilde
const TONE_ENDING_WORD = /[aeiouy]['`~][.?]?$/i;
// "ddi" "DDa`o": đ opening a word
const D_STROKE_OPENING = /^dd[aeiouy]/i;

function showsViqr(word: string): boolean {
  return (
    MODIFIER_AFTER_VOWEL.test(word) ||
    TONE_INSIDE_WORD.test(word) ||
    TONE_ENDING_WORD.test(word) ||
    D_STROKE_OPENING.test(word)
  );
}

export interface ViqrTally {
  /** Words with a letter. */
  words: number;
  /** Words that show VIQR's marks and decode to a marked Vietnamese syllable. */
  evidence: number;
  /** Words that are Vietnamese once decoded. */
  decoded: number;
  /** Words that are Vietnamese as they stand. */
  asIs: number;
}

const letters = (word: string) => word.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");

/** `tallyViqr("Ke^' hoa.ch na(m 2024")` → `{ words: 3, evidence: 3, decoded: 3, asIs: 1 }`. */
export function tallyViqr(segment: string): ViqrTally {
  const tally: ViqrTally = { words: 0, evidence: 0, decoded: 0, asIs: 0 };
  for (const token of segment.split(/\s+/)) {
    // "(Ke^'" | "la`,": what opens or closes a word is no mark of its own.
    const word = token.replace(/^[^A-Za-z]+/, "").replace(/[,;:!")\]]+$/, "");
    if (!/[A-Za-z]/.test(word)) continue;
    tally.words++;
    const decoded = letters(decodeViqr(word));
    if (readsAsVietnamese(letters(word))) tally.asIs++;
    if (!readsAsVietnamese(decoded)) continue;
    tally.decoded++;
    if (hasNonAscii(decoded) && showsViqr(word)) tally.evidence++;
  }
  return tally;
}

/**
 * Whether a text's ASCII words, tallied together, clearly are VIQR: three words or more show its
 * marks, one word in five does, half the words are Vietnamese once decoded, more than as they stand.
 */
export function isClearlyViqr(tally: ViqrTally): boolean {
  return (
    tally.evidence >= 3 &&
    tally.evidence >= 0.2 * tally.words &&
    tally.decoded >= 0.5 * tally.words &&
    tally.decoded > tally.asIs
  );
}
