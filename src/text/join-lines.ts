// Joins lines that a page break, a PDF column or OCR line wrapping cut in the middle of a sentence:
//   "trên cơ sở các thoả thuận hợp" / "" / "tác giữa thành phố …"   (page break)
//   "Thực hiện Nghị quyết số 07-NQ/TU … của Ban Chấp hành" / "Đảng bộ thành phố …"   (hard wrap)
// A line that opens a block (item, bullet, label, heading) is never glued to the one before it.

import {
  isMostlyUpper,
  isUpperLine,
  type LetterCase,
  letterCase,
  opensItem,
  startsBlock,
} from "./line-kinds.js";

// "… cụ thể như sau:" | "… hiệu quả." | "… (năm 2024)." | "… “Thi đua”;": a line that ends its sentence
// (tried only at punctuation, each run of white space after it read once: linear).
const ENDS_SENTENCE = /[.;!?]["”)]?\s*$|:\s*$/;
// "tác giữa thành phố …": a continuation starts in lower case
const STARTS_LOWER = /^\s*[\p{Ll}]/u;

/**
 * True when the text is hard-wrapped: its paragraphs are cut into lines of similar length with
 * single line breaks (OCR output, text copied from PDF), rather than one line per paragraph.
 */
export function isHardWrapped(lines: readonly string[]): boolean {
  let long = 0;
  let wrapped = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.trim().length < 40) continue;
    long++;
    const next = lines[i + 1] ?? "";
    if (!next.trim() || startsBlock(next) || isUpperLine(line)) continue;
    if (!ENDS_SENTENCE.test(line)) wrapped++;
  }
  return wrapped >= 5 && wrapped / Math.max(long, 1) > 0.25;
}

/**
 * True when the text sets its paragraphs apart with blank lines and wraps them where its source
 * was wrapped (Markdown or text made from a web page: "Thực hiện Quyết định số" / "2138/QĐ-TTg
 * ngày 27 tháng 9 năm 2025 …", "1." / "Trên cơ sở tài liệu …"): nearly every item, bullet and
 * heading follows a blank line, and many paragraphs run over lines. Then a line inside a
 * paragraph continues it, whatever its first letter and however short the line before.
 */
export function isBlankSeparated(lines: readonly string[]): boolean {
  // A block start right after a paragraph's text, with no blank line between, tells against;
  // one after another block start (a list of bullets, a signature's lines) tells nothing.
  let afterBlank = 0;
  let afterText = 0;
  let continued = 0;
  let previousStarts = false;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (!line.trim()) continue;
    const blankBefore = !(lines[i - 1] ?? "").trim();
    const starts = startsBlock(line);
    if (starts && blankBefore) afterBlank++;
    else if (starts && !previousStarts) afterText++;
    else if (!starts && !blankBefore) continued++;
    previousStarts = starts;
  }
  return afterBlank >= 10 && afterBlank >= 0.85 * (afterBlank + afterText) && continued >= 10;
}

/** The paragraph being built: its pieces, joined once at the end, and its letters counted as it grows. */
interface OpenParagraph {
  pieces: string[];
  /** The last piece: whether the paragraph ends a sentence is read from it alone. */
  last: string;
  letters: LetterCase;
}

function openParagraph(line: string): OpenParagraph {
  return { pieces: [line], last: line, letters: letterCase(line) };
}

/**
 * Joins broken lines: `joinBrokenLines("một câu bị\n\ncắt đôi")` → `"một câu bị cắt đôi"`.
 * Across blank lines only a continuation that starts in lower case is joined; across a single
 * line break, in hard-wrapped text, any line that does not open a block.
 * Linear in the text: a paragraph of many short lines is never re-read as it grows.
 */
export function joinBrokenLines(text: string, hardWrapped?: boolean, blankSeparated?: boolean): string {
  const lines = text.split("\n");
  const wrapped = hardWrapped ?? isHardWrapped(lines);
  const width = wrapped ? wrapWidth(lines) : 0;
  const paragraphs = blankSeparated ?? isBlankSeparated(lines);
  const out: string[] = [];
  let open: OpenParagraph | null = null;
  let blanks = 0;
  let lastLength = 0;
  for (const raw of lines) {
    // trimEnd, not /\s+$/: that pattern re-reads a long run of spaces from each of its positions.
    const line = raw.trimEnd();
    if (!line.trim()) {
      blanks++;
      continue;
    }
    let join = false;
    // A paragraph never ends in white space, so its last piece tells whether it ends a sentence.
    if (open && !startsBlock(line) && !isMostlyUpper(open.letters)) {
      if (STARTS_LOWER.test(line)) join = blanks <= 3;
      // A line well short of the wrap width ended its paragraph ("1. Mục đích" over its text).
      else if (paragraphs && blanks === 0) join = true;
      else if (wrapped && blanks === 0) join = !ENDS_SENTENCE.test(open.last) && lastLength >= 0.6 * width;
    } else if (open && paragraphs && blanks === 0 && !isMostlyUpper(open.letters)) {
      // "… Ủy ban nhân dân tỉnh ban hành" / "Kế hoạch với các nội dung sau:": inside a paragraph a
      // line that reads like a label or "Căn cứ …" goes on the sentence left open; an item, a
      // bullet, a table row or a heading still starts its own.
      join = !opensItem(line) && !ENDS_SENTENCE.test(open.last);
    }
    if (open && join) {
      const piece = line.trim();
      const added = letterCase(piece);
      open.pieces.push(piece);
      open.last = piece;
      open.letters = {
        letters: open.letters.letters + added.letters,
        upper: open.letters.upper + added.upper,
      };
    } else {
      if (open) {
        out.push(open.pieces.join(" "));
        if (blanks > 0) out.push("");
      }
      open = openParagraph(line);
    }
    blanks = 0;
    lastLength = line.trim().length;
  }
  if (open) out.push(open.pieces.join(" "));
  return out.join("\n");
}

// The width paragraphs were wrapped at: the length most full lines reach (80th percentile).
function wrapWidth(lines: readonly string[]): number {
  const lengths = lines
    .map((l) => l.trim().length)
    .filter((n) => n >= 20)
    .sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.8)] ?? 0;
}
