import { describe, expect, it } from "vitest";
import { markedLetters } from "./letters.js";
import { PHRASES } from "./test-phrases.js";
import { decodeViqr, encodeViqr } from "./viqr.js";

describe("VIQR", () => {
  it.each([
    ["Ke^' hoa.ch", "Kế hoạch"],
    ["Vie^.t Nam", "Việt Nam"],
    ["DDo^.c la^.p - Tu+. do - Ha.nh phu'c", "Độc lập - Tự do - Hạnh phúc"],
    ["U?y ban nha^n da^n ti?nh", "Ủy ban nhân dân tỉnh"],
    ["So+? Gia'o du.c va` DDa`o ta.o", "Sở Giáo dục và Đào tạo"],
    ["na(m ho.c, ngu+o+`i, tru+o+`ng", "năm học, người, trường"],
    ["So^': 12/KH-SGDDDT", "Số: 12/KH-SGDĐT"],
  ])("reads %s", (viqr, unicode) => {
    expect(decodeViqr(viqr)).toBe(unicode);
  });

  it("keeps an escaped mark a mark, and reads every unescaped one as a tone where the text escapes", () => {
    expect(decodeViqr("ca'i ba`n\\. Ba.n ddi ho.c\\?")).toBe("cái bàn. Bạn đi học?");
    expect(decodeViqr("\\dd u+\\+")).toBe("dd ư+");
  });

  it("tells a sentence's end from a tone in text that escapes nothing", () => {
    expect(decodeViqr("Ba.n co' kho?e kho^ng? Va^ng.")).toBe("Bạn có khỏe không? Vâng.");
    expect(decodeViqr("nhie^.m vu.. Ca'c ddo+n vi.")).toBe("nhiệm vụ. Các đơn vị");
    expect(decodeViqr("Bo^. Gia'o du.c")).toBe("Bộ Giáo dục");
    expect(decodeViqr("ra^'t hay...")).toBe("rất hay...");
    expect(decodeViqr("Go^`m ba ca^u hoi?")).toBe("Gồm ba câu hoi?");
  });

  it("reads add as two d's: đ opens a word", () => {
    expect(decodeViqr("add, odd, ddi")).toBe("add, odd, đi");
  });

  it("writes and reads back every letter and the phrases, punctuation escaped", () => {
    const letters = `${markedLetters().join(" ")} ${markedLetters().join(" ").toUpperCase()}.`;
    expect(encodeViqr(letters)).toMatch(/\\\.$/);
    expect(decodeViqr(encodeViqr(letters))).toBe(letters);
    for (const phrase of PHRASES) expect(decodeViqr(encodeViqr(`${phrase}.`))).toBe(`${phrase}.`);
    expect(decodeViqr(encodeViqr("C:\\dd ADD Đđ dđ"))).toBe("C:\\dd ADD Đđ dđ");
  });
});
