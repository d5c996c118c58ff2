// How a reading of a text is judged: by how many of its words are Vietnamese syllables. A legacy
// text read as it is fails ("ho¹ch", "Gi¸o"); read in the right encoding it passes ("hoạch",
// "Giáo"); read in a wrong one it fails again ("hoaùch").

import { isSyllable } from "../syllable.js";

// A legacy text's words: runs of ASCII letters and of the characters 0xA1–0xFF show as, TCVN3's
// letters ("µ ¸ ¶ · ¹ ¨ × ÷ …"), VNI's marks ("ù ø û õ ï"), Windows-1258's tones ("Ì Ò Þ ì ò").
// Spaces, digits, ASCII punctuation and Windows-1252's ("“ ” – …") are no legacy letter.
//   "Së Gi¸o dôc vµ §µo t¹o" → Së, Gi¸o, dôc, vµ, §µo, t¹o | "12/KH-SGD§T" → KH, SGD§T
const LEGACY_WORD = /[A-Za-z\u00a1-\u00ff]+/g;

/** The words of a legacy text: `legacyWords("Gi¸o dôc, 2024")` → ["Gi¸o", "dôc"]. */
export function legacyWords(text: string): string[] {
  return text.match(LEGACY_WORD) ?? [];
}

/** Whether a text has a character outside ASCII: "Gi¸o" has, "Giao" has not. */
export function hasNonAscii(text: string): boolean {
  return /[\u0080-\uffff]/.test(text);
}

/** The legacy words with some character outside ASCII, those a legacy encoding reads differently. */
export function markedLegacyWords(text: string): string[] {
  return legacyWords(text).filter(hasNonAscii);
}

/**
 * Whether a word, as read, is a Vietnamese syllable in a case a writer uses: "hoạch", "Giáo",
 * "HOẠCH" are; "ho¹ch", "hoaùch" and "lỔ" (a capital after a small letter) are not.
 */
export function readsAsVietnamese(word: string): boolean {
  return !/\p{Ll}\p{Lu}/u.test(word) && isSyllable(word);
}
