import { describe, expect, it } from "vitest";
import type { LegacyEncoding } from "./codec.js";
import { decodeLegacy, decodeLegacyBytes, encodeLegacyBytes, LEGACY_CODECS } from "./codecs.js";
import { decodeTcvn3Capitals, TCVN3_CAPITALS } from "./tcvn3.js";
import { ALL_LETTERS, PHRASES } from "./test-phrases.js";
import { bytesOfLegacyText, legacyTextOfBytes } from "./windows-1252.js";

const ENCODINGS = Object.keys(LEGACY_CODECS) as LegacyEncoding[];

describe("every legacy encoding", () => {
  it.each(ENCODINGS)(
    "%s: writes every letter, lower-case and capital, as bytes and reads them back",
    (encoding) => {
      const letters = encoding === "viqr" ? `${ALL_LETTERS}.` : ALL_LETTERS;
      if (encoding === "tcvn3") {
        // The lower-case font has the lower-case letters; capitals are the capitals font's.
        const [lower = "", upper = ""] = [
          letters.slice(0, letters.length / 2),
          letters.slice(letters.length / 2),
        ];
        expect(decodeLegacyBytes("tcvn3", encodeLegacyBytes("tcvn3", lower))).toBe(lower);
        const capitalsFont = bytesOfLegacyText(TCVN3_CAPITALS.encode(upper));
        expect(capitalsFont && decodeTcvn3Capitals(legacyTextOfBytes(capitalsFont))).toBe(upper);
        return;
      }
      expect(decodeLegacyBytes(encoding, encodeLegacyBytes(encoding, letters))).toBe(letters);
    },
  );

  it.each(ENCODINGS)(
    "%s: writes the phrases as bytes and reads them back, from bytes and from text",
    (encoding) => {
      for (const phrase of PHRASES) {
        const expected = encoding === "tcvn3" ? phrase.replace(/^Ủ/, "ủ") : phrase;
        const bytes = encodeLegacyBytes(encoding, phrase);
        expect(decodeLegacyBytes(encoding, bytes)).toBe(expected);
        expect(decodeLegacy(encoding, legacyTextOfBytes(bytes))).toBe(expected);
      }
    },
  );

  it("refuses to write a character an encoding has no byte for", () => {
    expect(() => encodeLegacyBytes("tcvn3", "Kế hoạch 中")).toThrow(/tcvn3 has no byte/);
  });
});
