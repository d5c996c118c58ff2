// Text that came out of OCR without its diacritics ("Pon vi thuc hién: Co quan S¢"): detecting it,
// and repairing the letter confusions that OCR engines make on Vietnamese print, where the repair
// is safe. Restoring the lost diacritics themselves is a later stage.

import { foldDiacritics } from "./fold.js";

const MARKED_LETTERS = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";
const MARKED = new Uint8Array(0x2000);
for (const ch of MARKED_LETTERS + MARKED_LETTERS.toUpperCase()) MARKED[ch.charCodeAt(0)] = 1;
// OCR debris inside words: "s6" | "d6i" | "S¢" | "Chwong" | "ctia" | "1ap" | "Pon" (Đơn)
// (a word with a w is at most 30 letters either side: \b is also true between an ASCII letter and
// a Vietnamese one, so "\p{L}*" from each such place re-read a long run of letters)
const OCR_DEBRIS =
  /\b[a-z]+[06][a-z]*\b|¢|\b\p{L}{0,30}w\p{L}{0,30}\b|\bc(?:t|i|ti|ii|tu)a\b|\b1[a-z]{1,3}\b|\bP[aeiouyáàâãạéèêíìóòôõúùý]/gu;

/**
 * Whether matches of `pattern` in `text` make more than `share` of `words`, counted until they do:
 * a text whose debris or common syllables pass the share early is not read to its end for them.
 */
function matchShareAbove(text: string, pattern: RegExp, words: number, share: number): boolean {
  let n = 0;
  pattern.lastIndex = 0;
  while (pattern.exec(text)) {
    n++;
    if (n / words > share) return true;
  }
  return n / words > share;
}

/** Counts the signs that a text is OCR output with its diacritics mostly lost. */
export function looksLikeOcrWithoutDiacritics(text: string): boolean {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  let letters = 0;
  let marked = 0;
  let words = 0;
  let inWord = false;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    let isLetter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    if (!isLetter && c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7) {
      isLetter = true;
      marked += MARKED[c] ?? 0;
    }
    if (isLetter) {
      letters++;
      if (!inWord) words++;
    }
    inWord = isLetter;
  }
  // Printed Vietnamese carries a diacritic on roughly one letter in six; OCR that lost them keeps
  // a few stray ones. Debris tokens ("s6", "ctia", "Pon") are what tells such text from English.
  if (letters < 200 || marked / letters >= 0.09) return false;
  if (!matchShareAbove(sample, OCR_DEBRIS, words, 0.01)) return false;
  // And it must be Vietnamese: its commonest syllables make up a good share of the words
  // (English prose has w's and digits in words too, but no "cua", "va", "cac").
  return matchShareAbove(foldDiacritics(sample).toLowerCase(), COMMON_SYLLABLES, words, 0.15);
}

// The commonest syllables of administrative Vietnamese, without diacritics.
const COMMON_SYLLABLES =
  /\b(?:va|cac|cua|nam|ngay|thang|so|thuc|hien|don|vi|theo|trong|duoc|cong|tac|nhiem|vu|giao|duc|dao|tao|phong|ban|hoc|quan|ly|thanh|pho|nha|nuoc|dang|tinh|huyen|xa|de|voi|co|mot|nguoi|dan|ke|hoach|chi|to|chuc|bao|cao|tren|tai|ve|hoat|dong|nang|chat|luong|trien|khai|nghi|quyet|uy|hoi|sinh|tu|tuong|truong)\b/g;

// Word-level repairs, each safe because the damaged form is not a Vietnamese word.
const REPAIRS: Array<[RegExp, string | ((m: string, ...g: string[]) => string), string?]> = [
  // "ctia" | "cia" | "caa" | "ciia" | "cta" | "ctua" → "của" (the hook of ủ read as t/i/a)
  [/\bc(?:t|i|a|ti|ii|tu)a\b/g, "của"],
  // "S6:" | "s6" | "s0" | "so6" before a number → "số"
  [/\b([Ss])(?:o?[06]|ô)(?=\s*(?:[:.]\s*)?[\d)])/g, (_m, s: string) => `${s}ố`],
  // "Pon vi" | "Pao tao" | "Pang" | "POC" → "Đơn vị" | "Đào tạo" | "Đảng" | "ĐOC": no Vietnamese word starts with P but Ph
  [/\bP(?=[aeiouyAEIOUYàáảãạăâèéẻẽẹêìíỉĩịòóỏõọôơùúủũụưỳýỷỹỵ&¢])/g, "Đ"],
  // "¢) Tiep tuc": ¢ opening an item is the letter c.
  // (blanks of its own line only: "\s*" ran on over every blank line below each line start)
  [/^([^\S\n]*)¢\)/gm, "$1c)", "¢"],
  // "hi¢u" → "hiệu"; "S¢" | "co s¢" → "Sơ": ¢ is a misread ệ after i, else ơ/ở
  [/(?<=i)¢/g, "ệ", "¢"],
  [/¢/g, "ơ", "¢"],
  // "hi€u" | "Vi€t" → "hiệu" | "Việt": € is a misread ệ after i, else ê
  [/(?<=i)€/g, "ệ", "€"],
  [/(?<=\p{L})€(?=\p{L})/gu, "ê", "€"],
  // "Cé)ng" | "c4c" : a bracket or quote inside a word is a broken glyph
  [/(?<=[A-Za-z\u00C0-\u1EF9])[)(’‘'](?=[A-Za-z\u00C0-\u1EF9])/g, ""],
  // "GDTX&DPH" → "GDTX&ĐH": DP inside a capital acronym is Đ
  [/(?<=[A-Z&])DP(?=[A-Z])/g, "Đ", "DP"],
  // "céc" | "cdc" | "Céc" → "các": the á of "các" misread
  [/\b([Cc])(?:é|è|d|4|&)c\b/g, "$1ác"],
  // "gido" | "giéo" → "giáo"
  [/\b([Gg])i(?:d|é|4)o\b/g, "$1iáo"],
  // "thudc" | "Trudng" | "ngudi" | "nudc" → "uo": no Vietnamese syllable holds "ud"
  [/(?<=[A-Za-z\u00C0-\u1EF9])ud(?=[A-Za-z\u00C0-\u1EF9])/g, "uo"],
  // "hanh ddng" | "dbc" → "động" | "đốc": d doubled or followed by b where a vowel was
  [/\b([dDđĐ])(?:d|b)(?=ng\b|n\b|c\b|i\b)/g, "$1o"],
  // "S6 Khoa hoc" | "S0 Lao dong" → "Sở": a capital S with a digit for its vowel, not before a number
  [/\bS[06](?!\s*(?:[:.]\s*)?\d)\b/g, "Sở"],
  // "DPang" | "PDang" → "Đang": a doubled capital where Đ was
  [/\b(?:DP|PD|bB|BD)(?=[a-z])/g, "Đ"],
  // "S&" | "K&" (Sở, Kế): an ampersand glued to one capital is a misread letter, "GD&ĐT" is not
  [/\b([SK])&(?=[\s,.;:)]|$)/gm, (_m, s: string) => (s === "S" ? "Sở" : "Kế"), "&"],
  // "m&i" | "c&c" → "moi" | "coc": & between lower-case letters is a misread vowel
  [/(?<=[a-z])&(?=[a-z])/g, "o", "&"],
  // "Chwong" | "tw twéng" | "Thuwong" → u: Vietnamese has no w, OCR reads ư as w or uw
  [/uw/g, "u", "uw"],
  [/(?<=[A-Za-z\u00C0-\u1EF9])w|w(?=[A-Za-z\u00C0-\u1EF9])/g, "ư"],
  // "thyc" | "Ty do" | "sy" : ự read as y before a final consonant
  [/(?<=\b[bcdghklmnpqrstvx]{1,2})y(?=[cnmpt]\b)/g, "ư"],
  // "d6i" | "b0" | "s6" : 0 and 6 inside lower-case words are misread o/ô/ơ
  // (30 letters at most either side: \b is also true beside "đ", so an unbounded run re-read a long word)
  [/\b[A-Za-zđ][a-zđ]{0,30}[06][a-zđ06]{0,30}\b|\b[06][a-z]+\b/g, (m: string) => m.replace(/[06]/g, "o")],
  // "1ap" | "1a" | "16i" → "lap" | "la" | "loi": 1 read for l at the start of a lower-case word
  [/\b1(?=[a-zàáảãạăâèéêìíòóôơùúưý]{1,4}\b)/g, "l"],
  // "Thanh ay" | "Thanh ty" | "cac cap iy" → "Thanh ủy" | "cấp ủy": the ủ of ủy misread
  [/\b(Thanh|Tinh|thanh|tinh|cap|cip|cấp|Dang|Đang|dang|đang) [aitu]y\b/g, (_m, w: string) => `${w} ủy`],
];

/**
 * Repairs OCR letter confusions in text that lost its diacritics:
 * `repairOcr("Pon vi thyc hién: Co quan S¢")` → `"Đon vi thưc hién: Co quan Sơ"`.
 * Only applied to text that `looksLikeOcrWithoutDiacritics` accepts.
 */
export function repairOcr(text: string): string {
  let out = text;
  for (const [pattern, replacement, trigger] of REPAIRS) {
    // A rule whose every match holds a given character is skipped where that character is absent.
    if (trigger && !out.includes(trigger)) continue;
    out =
      typeof replacement === "string" ? out.replace(pattern, replacement) : out.replace(pattern, replacement);
  }
  return out;
}

/** The folded, OCR-tolerant key used to compare labels: "Thoit gian thyc hién" → "thoit gian thuc hien". */
export function ocrKey(text: string): string {
  return foldDiacritics(repairOcr(text))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
