// What a line of a Vietnamese administrative document opens: a numbered item, a bullet, a field
// label, a heading. Line joining must never glue such a line onto the one before it.

// "I." | "II." | "IV)" | "I1." (OCR II) | "I11." (OCR III) | "1." | "12)" | "1.2." | "a)" | "đ)" | "¢)" (OCR c) | "/." (OCR 7)
// | "1000. Rà soát …" (a list past 999 items: four or five digits, then a capital)
export const ITEM_MARKER =
  /^\s*(?:[IVX][IVXl1]{0,4}[.)]|\d{1,3}(?:\.\d{1,2}){0,2}[.)]|[a-zđ¢][).]|\/\.|\d{4,5}\.(?=\s+\p{Lu}))\s/u;
// "- " | "+ " | "• " | "– " | "* "
export const BULLET = /^\s*[-+•–—*▪◦●]\s*(?=\S)/u;
// "Nơi nhận:" | "PHỤ LỤC" | "Điều 1." | "Căn cứ"
// (matched on the raw line, with or without diacritics, so that no folding is needed per line)
const BLOCK_WORDS =
  /^\s*(?:n[ơo]i nh[ậaâ]n|ph[ụu] l[ụu]c|[đd]i[ềeê]u \d|c[ăa]n c[ứu](?![\p{L}])|tm\.|kt\.|tl\.|tuq\.|t\/m|k\/t)/iu;
// A short label ending in a colon: "Nội dung:" | "Thời gian thực hiện:" | "Pon vi thuc hién:"
const LABEL = /^\s*[\p{Lu}][\p{L}\s/]{2,40}:/u;

/** How many letters a line has and how many of them are capitals (counts add up over joined lines). */
export interface LetterCase {
  letters: number;
  upper: number;
}

/** Counts the cased letters of `line`: `letterCase("KẾ HOẠCH số")` → `{ letters: 9, upper: 7 }`. */
export function letterCase(line: string): LetterCase {
  let letters = 0;
  let upper = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c < 0x41) continue;
    const kind = c < CASE_SIZE ? (CASE_TABLE[c] ?? 0) : 0;
    if (kind === 0) continue;
    letters++;
    if (kind === 1) upper++;
  }
  return { letters, upper };
}

/** True when letters so counted are mostly capitals (a heading or a signature line). */
export function isMostlyUpper({ letters, upper }: LetterCase): boolean {
  return letters >= 3 && upper / letters > 0.8;
}

/** True when the line is mostly capital letters (a heading or a signature line). */
export function isUpperLine(line: string): boolean {
  return isMostlyUpper(letterCase(line));
}

// 1 upper-case letter, 2 lower-case letter, 0 anything else, for code units below U+2000.
const CASE_SIZE = 0x2000;
const CASE_TABLE = (() => {
  const table = new Uint8Array(CASE_SIZE);
  for (let c = 0x41; c < CASE_SIZE; c++) {
    const ch = String.fromCharCode(c);
    const lower = ch.toLowerCase();
    const up = ch.toUpperCase();
    if (lower === up) continue;
    table[c] = ch === up ? 1 : 2;
  }
  return table;
})();

/** True when `line` opens a new block that must stay on its own line. */
export function startsBlock(line: string): boolean {
  // A table row: cells separated by tabs or " | ".
  if (line.includes("\t") || /^\s*\|/.test(line)) return true;
  if (ITEM_MARKER.test(line) || BULLET.test(line)) return true;
  if (BLOCK_WORDS.test(line)) return true;
  if (LABEL.test(line)) return true;
  return isUpperLine(line);
}

/** True when `line` opens an item, a bullet, a table row or a heading: never part of the line above. */
export function opensItem(line: string): boolean {
  if (line.includes("\t") || /^\s*\|/.test(line)) return true;
  return ITEM_MARKER.test(line) || BULLET.test(line) || isUpperLine(line);
}
