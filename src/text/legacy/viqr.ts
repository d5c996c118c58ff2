// VIQR (RFC 1456), Vietnamese in plain ASCII as mail and newsgroups wrote it: the base letter, then
// "(" for the breve, "^" for the circumflex, "+" for the horn, then the tone ("`" grave, "'" acute,
// "?" hook above, "~" tilde, "." dot below); "dd" is đ; a backslash keeps the next mark a mark
// ("ca'i ba`n\." is "cái bàn."). "Ke^' hoa.ch" is "Kế hoạch", "Vie^.t Nam" is "Việt Nam".

import { COMMON_MARKED } from "../common-syllables.js";
import type { LegacyCodec } from "./codec.js";
import { VOWELS, withTone } from "./letters.js";

// "a(" ă | "a^" â | "e^" ê | "o^" ô | "o+" ơ | "u+" ư
const MODIFIED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  a: { "(": "ă", "^": "â" },
  e: { "^": "ê" },
  o: { "^": "ô", "+": "ơ" },
  u: { "+": "ư" },
};
const MODIFIER_OF: Readonly<Record<string, string>> = {
  ă: "a(",
  â: "a^",
  ê: "e^",
  ô: "o^",
  ơ: "o+",
  ư: "u+",
};

// Tone marks in letters.ts's order: none, grave, acute, hook above, tilde, dot below.
const TONE_CHARACTERS = ["", "`", "'", "?", "~", "."] as const;

// What a backslash keeps as it is: "a\." is "a." at a sentence's end, "\\" a backslash.
const ESCAPABLE = new Set(["(", "^", "+", "`", "'", "?", "~", ".", "\\", "d", "D"]);

const isLetter = (ch: string | undefined) => !!ch && /[A-Za-z]/.test(ch);

/**
 * Whether "?" or "." after a vowel is its tone or punctuation. A text that escapes its punctuation
 * anywhere ("ca'i ba`n\.") follows the RFC: there an unescaped mark is a tone. Elsewhere: inside a
 * word or before a comma it is the tone ("hoa.ch", "cu?a", "ddo^.,"), and before a small letter ("kho?e kho^ng" is "khỏe
 * không"); doubled, the first is the tone and the second the sentence's end ("nhie^.m vu.." is
 * "nhiệm vụ."), three are an ellipsis; before a capital or at a line's end, the tone where the toned
 * word is a common one ("So+? Gia'o du.c", "Bo^. Gia'o du.c" are Sở, Bộ), else punctuation ("Ca'c
 * ba.n kho^ng? Va^ng." ends on "Vâng.").
 */
function isToneHere(text: string, at: number, tonedWord: string, strict: boolean): boolean {
  const mark = text.charAt(at);
  if (strict || (mark !== "?" && mark !== ".")) return true;
  const next = text.charAt(at + 1);
  // "ddo^., ba?o" (độ, bảo): no sentence ends in ".," or "?;".
  if (isLetter(next) || /[,;:]/.test(next)) return true;
  if (next === mark) {
    let run = 1;
    while (text.charAt(at + run) === mark) run++;
    return run !== 3;
  }
  const after = /\S/.exec(text.slice(at + 1))?.[0] ?? "";
  if (/\s/.test(next) && /[a-z]/.test(after)) return true;
  return COMMON_MARKED.has(tonedWord.toLowerCase());
}

// "ddi" đi, "DDa`o" Đào, "SGDDDT" SGDĐT (three d's: a d, then đ); "add" (after a small letter) two d's.
function dStrokes(text: string, at: number): { out: string; length: number } | null {
  let length = 0;
  while (/[dD]/.test(text.charAt(at + length))) length++;
  if (length < 2 || /[a-z]/.test(text.charAt(at - 1))) return null;
  let out = length % 2 ? text.charAt(at) : "";
  for (let i = length % 2; i < length; i += 2) out += text.charAt(at + i) === "D" ? "Đ" : "đ";
  return { out, length };
}

/** Whether a VIQR text escapes its punctuation, as the RFC has it: "ca'i ba`n\." does. */
export function escapesPunctuation(text: string): boolean {
  return /\\[.?]/.test(text);
}

/**
 * VIQR text: `decodeViqr("Ke^' hoa.ch")` → "Kế hoạch"; `decodeViqr("DDo^.c la^.p")` → "Độc lập".
 * `strict`: whether the text follows the RFC (a line of a text that does); by default, whether it escapes.
 */
export function decodeViqr(text: string, strict = escapesPunctuation(text)): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    const next = text.charAt(i + 1);
    if (ch === "\\" && ESCAPABLE.has(next)) {
      out += next;
      i += 2;
      continue;
    }
    const strokes = dStrokes(text, i);
    if (strokes) {
      out += strokes.out;
      i += strokes.length;
      continue;
    }
    const base = ch.toLowerCase();
    if (!"aeiouy".includes(base) || !isLetter(ch)) {
      out += ch;
      i++;
      continue;
    }
    let j = i + 1;
    let vowel = base;
    const modified = MODIFIED[base]?.[text.charAt(j)];
    if (modified) {
      vowel = modified;
      j++;
    }
    const tone = TONE_CHARACTERS.indexOf(text.charAt(j) as (typeof TONE_CHARACTERS)[number]);
    const cased = (letter: string) => (ch === base ? letter : letter.toUpperCase());
    const word = /\p{L}*$/u.exec(out)?.[0] ?? "";
    const toned = tone > 0 && isToneHere(text, j, word + cased(withTone(vowel, tone)), strict);
    if (toned) j++;
    out += cased(withTone(vowel, toned ? tone : 0));
    i = j;
  }
  return out.normalize("NFC");
}

const SPELLING = new Map<string, string>();
for (const vowel of VOWELS)
  for (const [tone, mark] of TONE_CHARACTERS.entries()) {
    const spelled = `${MODIFIER_OF[vowel] ?? vowel}${mark}`;
    SPELLING.set(withTone(vowel, tone), spelled);
    SPELLING.set(withTone(vowel, tone).toUpperCase(), spelled.toUpperCase());
  }
SPELLING.set("đ", "dd");
SPELLING.set("Đ", "DD");

/** Unicode to VIQR: `encodeViqr("Kế hoạch.")` → "Ke^' hoa.ch\."; a mark after a vowel is escaped. */
export function encodeViqr(text: string): string {
  let out = "";
  let previous = "";
  for (const ch of text.normalize("NFC")) {
    const afterVowel = /[aeiouy]/i.test(previous) || SPELLING.has(previous);
    const afterD = (previous === "đ" || previous === "Đ" || /d/i.test(previous)) && /d/i.test(ch);
    const escaped = ESCAPABLE.has(ch) && ((afterVowel && !/d/i.test(ch)) || afterD || ch === "\\");
    out += escaped ? `\\${ch}` : (SPELLING.get(ch) ?? ch);
    previous = ch;
  }
  return out;
}

export const VIQR: LegacyCodec = { encoding: "viqr", decode: (text) => decodeViqr(text), encode: encodeViqr };
