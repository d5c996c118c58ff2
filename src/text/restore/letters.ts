// A Vietnamese letter is a base letter, at most one modifier (the breve of ă, the circumflex of
// â ê ô, the horn of ơ ư, the stroke of đ) and at most one tone (grave, acute, hook, tilde, dot).
// Restoring diacritics works on these three parts: the key a syllable is looked up by is its base
// letters alone ("hoạch" → "hoach"), and what an OCR engine kept of a mark is compared part by part.

/** Tones in NFD: none, grave (huyền), acute (sắc), hook above (hỏi), tilde (ngã), dot below (nặng). */
export const TONE_MARKS = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"] as const;
export type Tone = 0 | 1 | 2 | 3 | 4 | 5;

/** Modifiers: none, breve (ă), circumflex (â ê ô), horn (ơ ư), stroke (đ). */
export type Modifier = 0 | 1 | 2 | 3 | 4;
const MODIFIER_MARKS: Record<string, Modifier> = { "\u0306": 1, "\u0302": 2, "\u031b": 3 };

export interface LetterParts {
  /** The ASCII base letter, lower case: "ộ" → "o", "Đ" → "d". */
  base: string;
  modifier: Modifier;
  tone: Tone;
}

const partsCache = new Map<string, LetterParts>();

/** `letterParts("ộ")` → `{ base: "o", modifier: 2, tone: 5 }`. */
export function letterParts(ch: string): LetterParts {
  let parts = partsCache.get(ch);
  if (parts) return parts;
  const lower = ch.toLowerCase();
  if (lower === "đ") parts = { base: "d", modifier: 4, tone: 0 };
  else {
    const nfd = lower.normalize("NFD");
    let modifier: Modifier = 0;
    let tone: Tone = 0;
    for (const mark of nfd.slice(1)) {
      const m = MODIFIER_MARKS[mark];
      if (m) modifier = m;
      const t = TONE_MARKS.indexOf(mark as (typeof TONE_MARKS)[number]);
      if (t > 0) tone = t as Tone;
    }
    parts = { base: nfd[0] ?? lower, modifier, tone };
  }
  partsCache.set(ch, parts);
  return parts;
}

/** Whether a letter carries any mark: "ê", "à", "đ" do, "e" and "1" do not. */
export function isMarked(ch: string): boolean {
  const parts = letterParts(ch);
  return parts.modifier !== 0 || parts.tone !== 0;
}

/**
 * The look-up key of a word: lower case, marks dropped, đ as d. `foldKey("Hoạch")` → `"hoach"`.
 * NFC Vietnamese keeps its length (one code unit a letter), which restoring relies on.
 */
export function foldKey(word: string): string {
  let out = "";
  for (const ch of word) out += letterParts(ch).base;
  return out;
}

const VOWELS = "aăâeêioôơuưy";
const HAT_OR_HORN = "ăâêôơư";

/**
 * Puts a tone on a bare syllable where official documents put it (the older placement that
 * `normalizeTones` settles on): `withTone("hoa", 1)` → "hòa", `withTone("thuy", 3)` → "thủy",
 * `withTone("quy", 2)` → "quý", `withTone("nguyên", 4)` → "nguyễn", `withTone("giương", 2)` → "giướng".
 */
export function withTone(bare: string, tone: Tone): string {
  if (tone === 0) return bare;
  let start = 0;
  // "qu" and "gi" before another vowel belong to the onset: "quý", "giá", but "gì".
  if (bare.startsWith("qu")) start = 2;
  else if (bare.startsWith("gi") && bare.length > 2 && VOWELS.includes(bare[2] ?? "")) start = 2;
  while (start < bare.length && !VOWELS.includes(bare[start] ?? "")) start++;
  let end = start;
  while (end < bare.length && VOWELS.includes(bare[end] ?? "")) end++;
  if (start === end) return bare;
  let at = -1;
  for (let i = start; i < end; i++) if (HAT_OR_HORN.includes(bare[i] ?? "")) at = i;
  if (at < 0) {
    const length = end - start;
    if (end < bare.length) at = end - 1;
    else if (length === 1) at = start;
    else if (length === 2) at = start;
    else at = start + 1;
  }
  const marked = `${bare[at]}${TONE_MARKS[tone]}`.normalize("NFC");
  return bare.slice(0, at) + marked + bare.slice(at + 1);
}
