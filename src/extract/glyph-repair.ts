// Repairs the text layer of PDFs made from Word whose fonts lost their character map, a common
// defect of Vietnamese PDFs. Two kinds of broken font meet in one line:
//   "&Ӝ1* HO¿ X√ +Ӝ, &+Ӫ 1*+Ƭ$ 9,ӊ7 NAM"  for  "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
// - glyph-number fonts: the text is the font's glyph numbers. In TrueType's standard order the
//   ASCII glyphs sit 29 below their codes ("&" = C, "1" = N, "\u001d" = ":"); the Vietnamese letters
//   sit at an offset of their own per font ("Ӝ" = Ộ), and a few letters apart ("ÿ" = đ, "Ĉ" = Đ);
// - Mac Roman fonts: Latin-1 letters read through the Mac Roman table ("‡" = à, "·" = á, "¿" = À).
// Neither mapping is in the file, so each font's is inferred from what it must spell: the decoding
// that makes the most of its words Vietnamese syllables wins, and a font whose words read as they
// are is left alone.

import iconv from "iconv-lite";
import { COMMON_MARKED } from "../text/common-syllables.js";
import { isSyllable } from "../text/syllable.js";

/** One piece of text as PDF.js gives it: its string, its font, and whether a line ends after it. */
export interface TextRun {
  str: string;
  font: string;
  eol: boolean;
}

const VIETNAMESE_BLOCK = [0x1ea0, 0x1ef9] as const;
// Letters outside the block above that a glyph-number font may hold somewhere of its own.
const OTHER_LETTERS = [..."đĐăĂâÂêÊôÔơƠưƯĩĨũŨàáãèéìíòóõùúýÀÁÃÈÉÌÍÒÓÕÙÚÝ"];
// A font's words must read this much better decoded than as they are.
const MARGIN = 0.15;

const WORD_SPLIT = /[\s.,;:()!?"'“”‘’/\\[\]{}<>|=+*&%$#@^~`_-]+/u;

function words(text: string): string[] {
  return text.split(WORD_SPLIT).filter((w) => /\p{L}/u.test(w));
}

/** Share of a text's words that are Vietnamese syllables (0 when it has none). */
function syllableShare(list: readonly string[]): number {
  if (!list.length) return 0;
  return list.filter(isSyllable).length / list.length;
}

/** "‡" → "à": the Latin-1 letter whose byte Mac Roman shows as this sign. */
function fromMacRoman(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) {
      out += ch;
      continue;
    }
    const bytes = iconv.encode(ch, "macintosh");
    out += bytes.length === 1 && bytes[0] !== 0x3f ? String.fromCharCode(bytes[0] ?? 0) : ch;
  }
  return out;
}

// After ASCII, the standard TrueType glyph order follows the Mac Roman table: glyph 106 is "à"
// (Mac Roman 0x88), 126 "ú", 173 "À", 199 "Â". Only the Vietnamese vowels are taken from it.
const VIETNAMESE_LATIN1 = new Set([..."àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ"]);
const MAC_ORDER = new Map<number, string>();
for (let glyph = 98; glyph <= 225; glyph++) {
  const letter = iconv.decode(Buffer.from([glyph + 30]), "macintosh");
  if (VIETNAMESE_LATIN1.has(letter)) MAC_ORDER.set(glyph, letter);
}

// The letters a strange glyph may be: those the standard order does not already place.
const PLACELESS_LETTERS = OTHER_LETTERS.filter((l) => ![...MAC_ORDER.values()].includes(l));

/**
 * A glyph number read by the standard order: ASCII glyphs are code + 29 ("&" → "C"), then the Mac
 * Roman vowels ("j" → "à"); spaces PDF.js adds stay; anything else is left for inference.
 */
function standardGlyph(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (ch === " " || ch === "\n") return ch;
  if (code >= 0x01 && code <= 0x61) return String.fromCharCode(code + 29);
  return MAC_ORDER.get(code) ?? ch;
}

/** Whether a glyph is one the standard order does not explain. */
const strange = (ch: string): boolean => (ch.codePointAt(0) ?? 0) >= 0x62 && standardGlyph(ch) === ch;

// A word counts when it is a syllable written in a natural case ("độc", "Độc", "ĐỘC", not "đỘc"),
// three times when it is one of the commonest: that is what picks "độc lập" over "đọc lạp".
function wordScore(word: string): number {
  if (!isSyllable(word)) return 0;
  const lower = word.toLowerCase();
  const natural =
    word === lower || word === word.toUpperCase() || word === (lower[0] ?? "").toUpperCase() + lower.slice(1);
  if (!natural) return 0;
  return COMMON_MARKED.has(lower) ? 3 : 1;
}

const inBlock = (code: number) => code >= VIETNAMESE_BLOCK[0] && code <= VIETNAMESE_BLOCK[1];

/** A glyph-number font's letters, worked out from its own words. */
class GlyphFont {
  readonly unknown = new Map<string, number>();
  readonly tokens: string[];
  readonly map = new Map<string, string>();

  // A strange glyph stands in the working text as a private-use character, so that it can never be
  // mistaken for a letter the standard order already gave (glyph 236 is not the "ì" of glyph 117).
  private readonly placeholder = new Map<string, string>();
  private readonly original = new Map<string, number>();

  private stand(ch: string): string {
    if (!strange(ch)) return standardGlyph(ch);
    let p = this.placeholder.get(ch);
    if (!p) {
      p = String.fromCodePoint(0xe000 + this.placeholder.size);
      this.placeholder.set(ch, p);
      this.original.set(p, ch.codePointAt(0) ?? 0);
    }
    return p;
  }

  constructor(text: string) {
    const base = [...text].map((ch) => this.stand(ch)).join("");
    for (const ch of base) if (this.original.has(ch)) this.unknown.set(ch, (this.unknown.get(ch) ?? 0) + 1);
    // Up to 40 words for each strange glyph, so that a rare one (a capital in a heading) has its say.
    const all = [...new Set(words(base))];
    const kept = new Set<string>();
    for (const ch of this.unknown.keys())
      for (const w of all.filter((x) => x.includes(ch)).slice(0, 40)) kept.add(w);
    this.tokens = [...kept];
  }

  /** Letters of text whose ASCII glyphs are already shifted (the tokens). */
  private letters = (s: string): string => [...s].map((ch) => this.map.get(ch) ?? ch).join("");

  /** The text a run of this font's glyph numbers stands for (a glyph never worked out stays as it was). */
  decode = (raw: string): string =>
    [...raw]
      .map((ch) => {
        const p = this.placeholder.get(ch);
        return p ? (this.map.get(p) ?? ch) : standardGlyph(ch);
      })
      .join("");

  score(tokens: readonly string[] = this.tokens): number {
    let n = 0;
    for (const w of tokens) n += wordScore(this.letters(w));
    return n;
  }

  /** Maps the glyphs that an offset sends into the Vietnamese block. */
  applyOffset(offset: number): void {
    this.map.clear();
    if (!offset) return;
    for (const c of this.unknown.keys()) {
      const t = (this.original.get(c) ?? 0) + offset;
      if (inBlock(t)) this.map.set(c, String.fromCodePoint(t));
    }
  }

  /** Offsets that send one of its commonest strange glyphs into the block. */
  candidateOffsets(): number[] {
    const out: number[] = [];
    for (const [ch] of [...this.unknown.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4)) {
      const code = this.original.get(ch) ?? 0;
      for (let t = VIETNAMESE_BLOCK[0]; t <= VIETNAMESE_BLOCK[1]; t++) out.push(t - code);
    }
    return out;
  }

  /**
   * A typeface keeps a letter's two cases side by side ("Ѭ" Ư beside "ѭ" ư): a letter whose other
   * case sits on the next glyph is the likelier reading.
   */
  private partnerBonus(ch: string, letter: string): number {
    const code = this.original.get(ch) ?? 0;
    const other = letter === letter.toLowerCase() ? letter.toUpperCase() : letter.toLowerCase();
    for (const near of [code - 1, code + 1]) {
      const p = this.placeholder.get(String.fromCodePoint(near));
      if (p && this.map.get(p) === other) return 2;
    }
    return 0;
  }

  /** The letters outside the block: each glyph one letter, where it makes the most words. */
  placeOtherLetters(): void {
    const taken = new Set(this.map.values());
    for (const [ch] of [...this.unknown.entries()].sort((a, b) => b[1] - a[1])) {
      if (this.map.has(ch)) continue;
      const own = this.tokens.filter((w) => w.includes(ch));
      let choice: { letter: string | null; score: number } = { letter: null, score: 0 };
      for (const letter of PLACELESS_LETTERS) {
        if (taken.has(letter)) continue;
        this.map.set(ch, letter);
        const words = this.score(own);
        const s = words ? words + this.partnerBonus(ch, letter) : 0;
        if (s > choice.score) choice = { letter, score: s };
      }
      this.map.delete(ch);
      if (choice.letter) {
        this.map.set(ch, choice.letter);
        taken.add(choice.letter);
      }
    }
    // Two glyphs that only ever meet in one word ("THѬѪNG"): placed together.
    const left = [...this.unknown.keys()].filter((ch) => !this.map.has(ch));
    for (const a of left)
      for (const b of left) {
        if (a >= b || this.map.has(a) || this.map.has(b)) continue;
        const own = this.tokens.filter((w) => w.includes(a) && w.includes(b));
        if (!own.length) continue;
        let choice: { pair: [string, string] | null; score: number } = { pair: null, score: 0 };
        for (const x of PLACELESS_LETTERS)
          for (const y of PLACELESS_LETTERS) {
            if (x === y || taken.has(x) || taken.has(y)) continue;
            this.map.set(a, x);
            this.map.set(b, y);
            const words = this.score(own);
            const s = words ? words + this.partnerBonus(a, x) + this.partnerBonus(b, y) : 0;
            if (s > choice.score) choice = { pair: [x, y], score: s };
          }
        this.map.delete(a);
        this.map.delete(b);
        if (choice.pair) {
          this.map.set(a, choice.pair[0]);
          this.map.set(b, choice.pair[1]);
          taken.add(choice.pair[0]);
          taken.add(choice.pair[1]);
        }
      }
  }
}

// Signs of glyph numbers: control codes (digits and punctuation sit at 0x13–0x1E) or letters of
// scripts Vietnamese never uses (the Vietnamese block lands among the Cyrillic ones).
// biome-ignore lint/suspicious/noControlCharactersInRegex: control codes are what glyph numbers leave
const GLYPH_SIGNS = /[\u0001-\u0008\u000e-\u001f\u0400-\u052f]/u;

/** Whether a font's text is glyph numbers: it has their signs, or its words read better shifted. */
function looksLikeGlyphNumbers(text: string): boolean {
  if (GLYPH_SIGNS.test(text)) return true;
  const shifted = [...text].map((ch) => ((ch.codePointAt(0) ?? 0) < 0x62 ? standardGlyph(ch) : ch)).join("");
  return syllableShare(words(shifted)) >= syllableShare(words(text)) + MARGIN;
}

/**
 * Decoders for the glyph-number fonts of a document. Fonts made from one typeface share the
 * offset of its Vietnamese letters, so the offset is chosen over all of them together, and a font
 * keeps an offset of its own (an italic cut) only where that reads clearly better.
 */
function glyphDecoders(all: Map<string, string>): Map<string, (s: string) => string> {
  const texts = new Map([...all].filter(([, text]) => looksLikeGlyphNumbers(text)));
  const fonts = new Map([...texts].map(([font, text]) => [font, new GlyphFont(text)]));
  const total = (offset: number) => {
    let n = 0;
    for (const f of fonts.values()) {
      f.applyOffset(offset);
      n += f.score();
    }
    return n;
  };
  const candidates = [...new Set([...fonts.values()].flatMap((f) => f.candidateOffsets()))];
  let shared = { offset: 0, score: total(0) };
  for (const offset of candidates) {
    const s = total(offset);
    if (s > shared.score) shared = { offset, score: s };
  }
  // Fonts of one typeface (one offset) share their other letters too: placed on all their words.
  const byOffset = new Map<number, string[]>();
  for (const [font, f] of fonts) {
    f.applyOffset(shared.offset);
    let best = { offset: shared.offset, score: f.score() };
    for (const offset of f.candidateOffsets()) {
      f.applyOffset(offset);
      const s = f.score();
      if (s > best.score * 1.5 + 2) best = { offset, score: s };
    }
    byOffset.set(best.offset, [...(byOffset.get(best.offset) ?? []), font]);
  }
  const out = new Map<string, (s: string) => string>();
  for (const [offset, names] of byOffset) {
    const typeface = new GlyphFont(names.map((n) => texts.get(n) ?? "").join(" "));
    typeface.applyOffset(offset);
    typeface.placeOtherLetters();
    for (const n of names) out.set(n, typeface.decode);
  }
  return out;
}

/**
 * Repairs each broken font of a page's runs; `repaired` says whether any font was.
 * `repairRuns([{ str: "&Ӝ1*", font: "f3", eol: false }, …])` → "CỘNG" for that run.
 */
export function repairRuns(runs: readonly TextRun[]): { runs: TextRun[]; repaired: boolean } {
  const byFont = new Map<string, string>();
  for (const r of runs) byFont.set(r.font, `${byFont.get(r.font) ?? ""} ${r.str}`);
  const glyph = glyphDecoders(byFont);
  const decoders = new Map<string, (s: string) => string>();
  for (const [font, text] of byFont) {
    const asIs = syllableShare(words(text));
    const asGlyphs = glyph.get(font) ?? ((s: string) => s);
    const candidates: Array<[number, (s: string) => string]> = [
      [syllableShare(words(fromMacRoman(text))), fromMacRoman],
      [syllableShare(words(asGlyphs(text))), asGlyphs],
    ];
    const [share, decoder] = candidates.sort((a, b) => b[0] - a[0])[0] ?? [0, (s: string) => s];
    if (share < asIs + MARGIN) continue;
    // A font of one or two words ("UBND") proves little: it is changed only when it bears the signs
    // of glyph numbers or decodes to the commonest words ("QăP" → "năm").
    const decoded = words(decoder(text));
    if (
      decoded.length < 3 &&
      !GLYPH_SIGNS.test(text) &&
      !decoded.every((w) => COMMON_MARKED.has(w.toLowerCase()))
    )
      continue;
    decoders.set(font, decoder);
  }
  return {
    runs: runs.map((r) => {
      const decode = decoders.get(r.font);
      return decode ? { ...r, str: decode(r.str) } : r;
    }),
    repaired: decoders.size > 0,
  };
}
