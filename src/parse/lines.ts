// The normalised text as lines with their offsets, and the folded form recognisers match on.

import { closeUpBlanks } from "../text/blanks.js";
import { foldLowerCase } from "../text/fold.js";

export interface Line {
  readonly index: number;
  /** Offset of the first character in the normalised text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Folded, lower-case: "Thời gian thực hiện:" → "thoi gian thuc hien:". Same length as `text`. */
  readonly key: string;
}

/** Splits text into lines with offsets: `toLines("a\nb")[1].start === 2`. */
export function toLines(text: string, folded?: string): Line[] {
  const key = folded !== undefined && folded.length === text.length ? folded : null;
  const lines: Line[] = [];
  let start = 0;
  let index = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    lines.push({
      index: index++,
      start,
      end,
      text: line,
      key: key ? key.slice(start, end) : foldLower(line),
    });
    if (end === text.length) break;
    start = end + 1;
  }
  return lines;
}

/**
 * Folded and lower-cased, with the same length as the input where the input is NFC. Short strings
 * (unit names, labels, headings) are folded again and again: folding one in a single pass costs
 * less than looking it up in a cache (hashing it reads it all the same).
 */
export function foldLower(text: string): string {
  return foldLowerCase(text);
}

// Per code unit below U+2000, what folding makes of it: 1 one letter or digit ("ế" → "e", "Đ" → "d"),
// 2 a ".", ";" or "(" (the Greek question mark U+037E folds to ";"), 0 anything else.
const LABEL_CHARS = (() => {
  const table = new Uint8Array(0x2000);
  for (let c = 0; c < 0x2000; c++) {
    const folded = foldLowerCase(String.fromCharCode(c));
    if (/[.;(]/.test(folded)) table[c] = 2;
    else if (folded.length === 1 && /[\p{L}\p{N}]/u.test(folded)) table[c] = 1;
  }
  return table;
})();

/**
 * True when a label read from `text[0, end)` — folded, its blanks closed up, and (with `toStop`)
 * cut at its first ".", ";" or "(" — is sure to run past `max` characters: more than `max` letters
 * and digits come before the cut. Lets a recogniser turn down a heading of megabytes without
 * folding it: `labelLongerThan("Triển khai, tuyên truyền … (1 MB)", 1_000_000, 60, false)` → true.
 * False means "maybe not": the label must be read.
 */
export function labelLongerThan(text: string, end: number, max: number, toStop: boolean): boolean {
  // "/[.;(]+.*$/" cuts at the first mark with no line break after it: with a line break about,
  // where the cut falls is for the pattern to say.
  if (toStop && /[\n\r\u2028\u2029]/.test(end < text.length ? text.slice(0, end) : text)) return false;
  let letters = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    const kind = c < 0x2000 ? (LABEL_CHARS[c] ?? 0) : 0;
    if (kind === 2 && toStop) return false;
    if (kind === 1 && ++letters > max) return true;
  }
  return false;
}

/** One space between words, no list mark or trailing `;`/`.`/`,`: the spec's string convention. */
export function cleanValue(text: string): string {
  let s = closeUpBlanks(text);
  s = s.replace(LEADING_MARK, "");
  let end = s.length;
  while (end > 0 && TRAILING.includes(s[end - 1] ?? "")) end--;
  if (end < s.length) s = s.slice(0, end).trimEnd();
  // "quận/ huyện" → "quận/huyện"
  if (s.includes("/ ") || s.includes(" /")) s = s.replace(/ ?\/ ?(?=\p{L})/gu, "/");
  return s;
}

const LEADING_MARK = /^[-+•–—*▪◦●]\s*/u;
const TRAILING = ";.,: ";
