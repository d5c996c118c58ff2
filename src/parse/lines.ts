// The normalised text as lines with their offsets, and the folded form recognisers match on.

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

/** One space between words, no list mark or trailing `;`/`.`/`,`: the spec's string convention. */
export function cleanValue(text: string): string {
  let s = text.replace(/\s+/g, " ").trim();
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
