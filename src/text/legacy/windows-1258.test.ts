import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { markedLetters } from "./letters.js";
import { PHRASES } from "./test-phrases.js";
import { legacyTextOfBytes } from "./windows-1252.js";
import { decodeWindows1258, encodeWindows1258, windows1258Bytes } from "./windows-1258.js";

describe("Windows-1258", () => {
  it("reads a letter and its combining tone, as bytes read as Windows-1252 show them", () => {
    // "Kế hoạch": ê 0xEA + acute 0xEC, a + dot below 0xF2.
    const bytes = iconv.encode("K\u00ea\u0301 hoa\u0323ch", "windows-1258");
    expect(legacyTextOfBytes(bytes)).toBe("Kêì hoaòch");
    expect(decodeWindows1258("Kêì hoaòch")).toBe("Kế hoạch");
  });

  it("leaves what is no byte's as it is", () => {
    expect(decodeWindows1258("Kêì – ạ")).toBe("Kế – ạ");
  });

  it("writes and reads back every letter and the phrases, as iconv-lite reads them", () => {
    const letters = `${markedLetters().join(" ")} ${markedLetters().join(" ").toUpperCase()}`;
    expect(decodeWindows1258(encodeWindows1258(letters))).toBe(letters);
    for (const phrase of PHRASES) {
      expect(decodeWindows1258(encodeWindows1258(phrase))).toBe(phrase);
      expect(iconv.decode(Buffer.from(windows1258Bytes(phrase)), "windows-1258").normalize("NFC")).toBe(
        phrase,
      );
    }
  });
});
