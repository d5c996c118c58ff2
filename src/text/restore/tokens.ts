// How restoring sees a text: words in sentences. The same reading serves training (on text with
// its marks) and restoring (on text without them), so that what the model learnt about "ngày <n>
// tháng <n> năm <n>" applies to "ngay 22 thang 02 nam 2023".

/** A word's place in the text and what the model calls it. */
export interface WordToken {
  start: number;
  end: number;
  text: string;
  /** A number, or a code the model must not touch ("UBND" in "KH-UBND", "a" in "a)"). */
  fixed: "number" | "code" | null;
}

// Words are runs of letters (with digits an OCR engine read for letters: "s6", "d6i"), numbers
// runs of digits: "Số: 22/KH-SGDĐT" → Số | 22 | KH | SGDĐT.
// A run of digits with letters after it is a word an OCR engine began with a digit ("1ap", "16i").
const WORD = /\p{L}[\p{L}\p{Nd}]*|\p{Nd}+(?:\p{L}[\p{L}\p{Nd}]*)?/gu;
// A sentence ends at . ! ? ; : before a blank or the end ("như sau:"), or at a blank line.
// Hard wraps of a scanned page are not ends: the sentence runs on over them.
const END = /[.!?;:](?=\s|$)|\n[^\S\n]*\n/gu;
const CAPITALS = /^\p{Lu}{2,}$/u;
const GLUE = "-/&.";

function isCode(text: string, start: number, end: number, word: string): boolean {
  // "KH-UBND" | "07-NQ/TU" | "GD&ĐT": capitals glued to another piece of a code.
  if (CAPITALS.test(word) && (GLUE.includes(text[start - 1] ?? " ") || GLUE.includes(text[end] ?? " ")))
    return true;
  // "a)" | "b." | "I." opening an item: a letter is a label, not a word.
  return word.length === 1 && (text[end] === ")" || (text[end] === "." && /\p{Lu}/u.test(word)));
}

/**
 * Splits a text into sentences of words:
 * `sentences("Số 22. Kế hoạch")` → [[Số, 22], [Kế, hoạch]] (as tokens with their offsets).
 */
export function sentences(text: string): WordToken[][] {
  const ends: number[] = [];
  END.lastIndex = 0;
  for (let m = END.exec(text); m; m = END.exec(text)) ends.push(m.index);
  const out: WordToken[][] = [];
  let current: WordToken[] = [];
  let nextEnd = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const start = m.index;
    while (nextEnd < ends.length && (ends[nextEnd] ?? 0) < start) {
      if (current.length) out.push(current);
      current = [];
      nextEnd++;
    }
    const word = m[0];
    const end = start + word.length;
    const fixed = /^\p{Nd}+$/u.test(word) ? "number" : isCode(text, start, end, word) ? "code" : null;
    current.push({ start, end, text: word, fixed });
  }
  if (current.length) out.push(current);
  return out;
}
