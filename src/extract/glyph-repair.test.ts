// The repair of broken PDF fonts, on a plan passage written for kehoach and encoded the two ways
// Word-made Vietnamese PDFs break: glyph numbers of a TrueType font in the standard order (ASCII
// 29 below, the Vietnamese letters at an offset of their own, a few letters apart), and Latin-1
// letters read through the Mac Roman table. The real PDF is in extract.test.ts.

import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { repairRuns, type TextRun } from "./glyph-repair.js";

// Where one Times New Roman build keeps the letters outside ASCII (as the real PDF shows).
// (ý is not in the Mac Roman table, so it has a place of its own too.)
const OWN_PLACES: Record<string, number> = {
  đ: 0xff,
  Đ: 0x108,
  ư: 0x46d,
  Ư: 0x46c,
  ơ: 0x46b,
  Ơ: 0x46a,
  ă: 0x103,
  ý: 0xec,
};

/** Writes text as glyph numbers: what a font without a character map leaves in the text layer. */
function asGlyphNumbers(text: string, blockOffset = 0x19fc): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === " ") out += " ";
    else if (code >= 0x20 && code <= 0x7e) out += String.fromCharCode(code - 29);
    else if (code >= 0x1ea0 && code <= 0x1ef9) out += String.fromCodePoint(code - blockOffset);
    else if (OWN_PLACES[ch]) out += String.fromCodePoint(OWN_PLACES[ch] ?? 0);
    else {
      // A Latin-1 vowel: its glyph is its Mac Roman byte less 30.
      const byte = iconv.encode(ch, "macintosh")[0] ?? 0;
      out += String.fromCharCode(byte - 30);
    }
  }
  return out;
}

/** Writes Latin-1 text as a PDF.js reading of it through the Mac Roman table. */
const asMacRoman = (text: string) => iconv.decode(iconv.encode(text, "latin1"), "macintosh");

// Words per font as Word sets them: the letters Latin-1 has in one font, the others in another.
const PASSAGE: Array<[string, "glyph" | "mac" | "plain"]> = [
  ["Sở Công Thương", "glyph"],
  ["xây", "mac"],
  ["dựng", "glyph"],
  ["kế hoạch", "glyph"],
  ["kiểm tra", "glyph"],
  ["công tác", "mac"],
  ["nghiệm thu", "glyph"],
  ["hoàn thành", "mac"],
  ["công trình", "mac"],
  ["theo Nghị định số 06/2021/NĐ-CP", "glyph"],
  ["ngày 26/01/2021", "mac"],
  ["của Chính phủ về quản lý chất lượng", "glyph"],
  ["và bảo trì", "glyph"],
  ["Đoàn kiểm tra", "glyph"],
  ["đúng thời gian", "glyph"],
  ["UBND", "plain"],
  ["tỉnh Lào Cai", "glyph"],
];

function runsOf(passage: typeof PASSAGE): TextRun[] {
  return passage.map(([text, kind]) => ({
    str: kind === "glyph" ? asGlyphNumbers(text) : kind === "mac" ? asMacRoman(text) : text,
    font: kind === "glyph" ? "f2" : kind === "mac" ? "f1" : "f4",
    eol: false,
  }));
}

describe("repairRuns", () => {
  it("reads glyph numbers and Mac Roman letters back into the Vietnamese they were", () => {
    const runs = runsOf(PASSAGE);
    // What the text layer holds: "6ӣ &{QJ 7KѭѫQJ" for "Sở Công Thương", "x‚y" for "xây".
    expect(runs[0]?.str).toBe("6ӣ &{QJ 7KѭѫQJ");
    expect(runs[1]?.str).toBe("x‚y");
    const { runs: fixed, repaired } = repairRuns(runs);
    expect(repaired).toBe(true);
    expect(fixed.map((r) => r.str)).toEqual(PASSAGE.map(([text]) => text));
  });

  it("leaves a text layer that reads as it is alone", () => {
    const plain: TextRun[] = PASSAGE.map(([text]) => ({ str: text, font: "f1", eol: false }));
    const { runs, repaired } = repairRuns(plain);
    expect(repaired).toBe(false);
    expect(runs).toEqual(plain);
  });

  it("finds a font's own offset for its Vietnamese letters", () => {
    const italic = PASSAGE.filter(([, kind]) => kind === "glyph").map(([text]) => ({
      str: asGlyphNumbers(text, 0x1b78),
      font: "f9",
      eol: false,
    }));
    const { runs } = repairRuns(italic);
    expect(runs.map((r) => r.str)).toEqual(
      PASSAGE.filter(([, kind]) => kind === "glyph").map(([text]) => text),
    );
  });
});
