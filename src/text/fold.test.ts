import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldDiacritics, foldKey, foldLowerCase, foldWithMap } from "./fold.js";

describe("foldDiacritics", () => {
  it("folds the doc example and keeps case", () => {
    expect(foldDiacritics("Sở Giáo dục")).toBe("So Giao duc");
  });

  it("folds every Vietnamese vowel with its tone and đ/Đ", () => {
    expect(foldDiacritics("Kế hoạch")).toBe("Ke hoach");
    expect(foldDiacritics("ĐẢNG CỘNG SẢN VIỆT NAM")).toBe("DANG CONG SAN VIET NAM");
    expect(foldDiacritics("Ủy ban nhân dân thành phố Hải Phòng")).toBe("Uy ban nhan dan thanh pho Hai Phong");
    expect(foldDiacritics("Thường xuyên; đơn vị phối hợp")).toBe("Thuong xuyen; don vi phoi hop");
    expect(foldDiacritics("àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ")).toBe(
      `${"a".repeat(17)}${"e".repeat(11)}${"i".repeat(5)}${"o".repeat(17)}${"u".repeat(11)}${"y".repeat(5)}d`,
    );
  });

  it("keeps the length of NFC text, so offsets carry over", () => {
    const text = "Thực hiện Kế hoạch số 155/KH-UBND ngày 09/7/2024 của Ủy ban nhân dân";
    expect(foldDiacritics(text)).toHaveLength(text.length);
  });

  it("drops bare combining marks left by text that was never NFC", () => {
    expect(foldDiacritics("Ke\u0302 hoa\u0323ch")).toBe("Ke hoach");
  });
});

describe("foldLowerCase", () => {
  it("is foldDiacritics then toLowerCase, for every code unit and any string, short or long", () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [`Ab${ch}`, `Ab${ch}cD`, ch])
        expect(foldLowerCase(text), `U+${c.toString(16)}`).toBe(foldDiacritics(text).toLowerCase());
    }
    const vietnamese = fc.constantFrom(
      ..."aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẢÃẠĂẰẮẲẴẶẦẤỂỆĐƠỜỚỞỠỢƯỪỨỬỮỰỲÝİ ,.\u0301\u0323Ⅳ😀",
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: vietnamese, maxLength: 600 }),
          fc.string({ unit: "grapheme", maxLength: 300 }),
        ),
        (text) => {
          expect(foldLowerCase(text)).toBe(foldDiacritics(text).toLowerCase());
          // The short path (an array of codes) and the long one (TextDecoder) fold alike.
          expect(foldDiacritics(text.repeat(3)).slice(0, foldDiacritics(text).length)).toBe(
            foldDiacritics(text),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("foldWithMap", () => {
  it("maps offsets one to one for NFC text", () => {
    const folded = foldWithMap("Sở Nội vụ chủ trì");
    expect(folded.text).toBe("So Noi vu chu tri");
    expect(folded.toSource(0)).toBe(0);
    expect(folded.toSource(10)).toBe(10);
    expect(folded.toSource(folded.text.length)).toBe(17);
  });

  it("maps back over dropped combining marks", () => {
    // K e ^ ␠ h o a . c h  →  K e ␠ h o a c h
    const source = "Ke\u0302 hoa\u0323ch";
    const folded = foldWithMap(source);
    expect(folded.text).toBe("Ke hoach");
    expect(folded.toSource(2)).toBe(3); // the space
    expect(folded.toSource(3)).toBe(4); // "h"
    expect(folded.toSource(6)).toBe(8); // "c" after the dropped dot below
    expect(folded.toSource(folded.text.length)).toBe(source.length);
    const at = folded.text.indexOf("hoach");
    expect(source.slice(folded.toSource(at))).toBe("hoa\u0323ch");
  });
});

describe("foldKey", () => {
  it("folds, lower-cases and turns runs of non-letters into one space", () => {
    expect(foldKey("Sở  GD&ĐT")).toBe("so gd dt");
    expect(foldKey("  Thời gian thực hiện:  ")).toBe("thoi gian thuc hien");
    expect(foldKey("Phòng GDTX&ĐH")).toBe("phong gdtx dh");
  });

  it("normalises NFD input first", () => {
    expect(foldKey("Ke\u0302 hoa\u0323ch")).toBe("ke hoach");
  });
});

describe("fold negative cases", () => {
  it("returns ASCII text unchanged", () => {
    expect(foldDiacritics("Ke hoach 193/KH-UBND")).toBe("Ke hoach 193/KH-UBND");
    expect(foldWithMap("abc").text).toBe("abc");
  });

  it("leaves letters that do not decompose, symbols and astral characters alone", () => {
    expect(foldDiacritics("Æ Ł ß € – “x” 😀")).toBe("Æ Ł ß € – “x” 😀");
  });

  it("gives an empty key for text with no letters or digits", () => {
    expect(foldKey("")).toBe("");
    expect(foldKey(" - ; / ")).toBe("");
  });
});
