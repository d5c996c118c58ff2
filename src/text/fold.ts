// Diacritic folding: "Kế hoạch" → "Ke hoach", with a map back to offsets in the unfolded text.
//
// Matching runs on the folded form (so OCR text without diacritics and text with them read alike),
// and every match must point back into the real text. For NFC Vietnamese each letter is one code
// unit and folds to one code unit, so the map is the identity; only stray combining marks (left by
// OCR or by text that was never NFC-normalised) are dropped, and then an explicit map is kept.

const COMBINING = /[\u0300-\u036f]/;
const cache = new Map<string, string>();

function foldChar(ch: string): string {
  let out = cache.get(ch);
  if (out === undefined) {
    if (ch === "đ") out = "d";
    else if (ch === "Đ") out = "D";
    else {
      const stripped = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
      // A letter that decomposes to several base letters (ligatures) keeps its own form,
      // so that the folded text stays the same length.
      out = stripped.length === 1 ? stripped : ch;
    }
    cache.set(ch, out);
  }
  return out;
}

// Folded code of every code unit below U+2000 (Latin with diacritics, combining marks), filled
// once: 0 marks a combining mark, which folding drops.
const TABLE_SIZE = 0x2000;
const FOLD_TABLE = (() => {
  const table = new Uint16Array(TABLE_SIZE);
  for (let c = 0; c < TABLE_SIZE; c++) {
    if (c >= 0x300 && c <= 0x36f) continue;
    if (c >= 0xd800) break;
    table[c] = c < 0xc0 ? c : foldChar(String.fromCharCode(c)).charCodeAt(0);
  }
  return table;
})();
const UTF16 = new TextDecoder("utf-16le");
/** Folded text plus the way back to the source offsets. */
export interface FoldedText {
  readonly text: string;
  /** Offset in the source text of folded offset `i` (also valid for `i === text.length`). */
  toSource(i: number): number;
}

/**
 * Folds diacritics and đ/Đ, keeping case: `fold("Sở Giáo dục")` → `"So Giao duc"`.
 * The result has the same length as the input unless the input holds bare combining marks.
 */
export function foldDiacritics(text: string): string {
  const n = text.length;
  let i = 0;
  while (i < n && text.charCodeAt(i) < 0xc0) i++;
  if (i === n) return text;
  const codes = new Uint16Array(n);
  for (let j = 0; j < i; j++) codes[j] = text.charCodeAt(j);
  let o = i;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < TABLE_SIZE) {
      const f = FOLD_TABLE[c] ?? c;
      if (f !== 0 || c === 0) codes[o++] = f;
    } else codes[o++] = c;
  }
  return UTF16.decode(codes.subarray(0, o));
}

/** Folds `text` and keeps the map from folded offsets back to `text` offsets. */
export function foldWithMap(text: string): FoldedText {
  const folded = foldDiacritics(text);
  if (folded.length === text.length) return { text: folded, toSource: (i) => i };
  const map = new Int32Array(folded.length + 1);
  let j = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    const width = ch.length;
    if (!COMBINING.test(ch)) {
      const out = width === 1 && cp < 0xc0 ? ch : foldChar(ch);
      for (let k = 0; k < out.length; k++) map[j++] = i;
    }
    i += width;
  }
  map[j] = text.length;
  return { text: folded, toSource: (i) => map[Math.min(Math.max(i, 0), folded.length)] ?? text.length };
}

/**
 * The key two strings are compared by: folded, lower case, runs of anything but letters and
 * digits as one space. `key("Sở  GD&ĐT")` → `"so gd dt"`.
 */
export function foldKey(text: string): string {
  return foldDiacritics(text.normalize("NFC"))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
