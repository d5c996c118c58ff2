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
// Up to this length a string is built from an array of codes: TextDecoder costs about a microsecond
// a call whatever the length, several times the folding of a short label ("Sở Y tế", "chủ trì").
const SHORT = 256;

// Folded and lower-cased code of every code unit below U+2000, in one look-up: 0 a combining mark
// (dropped), LOWER_SPECIAL a letter whose lower case is not one code unit ("İ" → "i̇") or hangs on
// its neighbours (Greek "Σ" is "ς" at a word's end), read the long way.
const LOWER_SPECIAL = 0xffff;
const FOLD_LOWER_TABLE = (() => {
  const table = new Uint16Array(TABLE_SIZE);
  for (let c = 0; c < TABLE_SIZE; c++) {
    if (c >= 0x300 && c <= 0x36f) continue;
    const folded = String.fromCharCode(FOLD_TABLE[c] ?? c);
    const lower = folded.toLowerCase();
    const inWord = `A${folded}`.toLowerCase() === `a${lower}` && `A${folded}A`.toLowerCase() === `a${lower}a`;
    table[c] = lower.length === 1 && inWord ? lower.charCodeAt(0) : LOWER_SPECIAL;
  }
  return table;
})();

/** Folded text plus the way back to the source offsets. */
export interface FoldedText {
  readonly text: string;
  /** Offset in the source text of folded offset `i` (also valid for `i === text.length`). */
  toSource(i: number): number;
}

/**
 * Writes the folded code units of `text` into `codes` (its first `from` units unchanged: none of
 * them folds) and gives how many there are — a letter whose fold is nothing (a combining mark) is dropped.
 */
function foldCodes(text: string, from: number, codes: { [i: number]: number }): number {
  for (let j = 0; j < from; j++) codes[j] = text.charCodeAt(j);
  let o = from;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < TABLE_SIZE) {
      const f = FOLD_TABLE[c] ?? c;
      if (f !== 0 || c === 0) codes[o++] = f;
    } else codes[o++] = c;
  }
  return o;
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
  if (n <= SHORT) {
    const codes: number[] = new Array(n);
    codes.length = foldCodes(text, i, codes);
    return String.fromCharCode.apply(null, codes);
  }
  const codes = new Uint16Array(n);
  const o = foldCodes(text, i, codes);
  return UTF16.decode(codes.subarray(0, o));
}

// Beyond U+2000 folding keeps the character; its lower case ("Ⅳ" → "ⅳ", "“" → "“") is read the first
// time it is met and kept (0: not read yet). Surrogates go the long way.
const HIGH_LOWER = new Uint16Array(0x10000);
function highLower(c: number): number {
  let f = HIGH_LOWER[c] ?? 0;
  if (f === 0) {
    const ch = String.fromCharCode(c);
    const lower = ch.toLowerCase();
    const plain = c < 0xd800 || c > 0xdfff;
    f =
      plain &&
      lower.length === 1 &&
      `A${ch}`.toLowerCase() === `a${lower}` &&
      `A${ch}A`.toLowerCase() === `a${lower}a`
        ? lower.charCodeAt(0)
        : LOWER_SPECIAL;
    HIGH_LOWER[c] = f;
  }
  return f;
}

/**
 * `foldDiacritics(text).toLowerCase()` in one pass for short text: `foldLowerCase("Sở Y Tế")` →
 * `"so y te"`. Labels and unit names are folded this way by the thousand.
 */
export function foldLowerCase(text: string): string {
  const n = text.length;
  if (n > SHORT) return foldDiacritics(text).toLowerCase();
  const codes: number[] = new Array(n);
  let o = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let f: number;
    if (c < TABLE_SIZE) {
      f = FOLD_LOWER_TABLE[c] ?? LOWER_SPECIAL;
      if (f === 0 && c !== 0) continue;
    } else f = highLower(c);
    if (f === LOWER_SPECIAL) return foldDiacritics(text).toLowerCase();
    codes[o++] = f;
  }
  codes.length = o;
  return String.fromCharCode.apply(null, codes);
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
