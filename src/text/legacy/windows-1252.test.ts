import { describe, expect, it } from "vitest";
import {
  byteCharacter,
  bytesOfLegacyText,
  isLegacyText,
  legacyTextOfBytes,
  replaceLegacyRuns,
} from "./windows-1252.js";

const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, i) => i);

describe("legacy text and its bytes", () => {
  it("gives every byte one character and takes it back", () => {
    const text = legacyTextOfBytes(ALL_BYTES);
    expect(text).toHaveLength(256);
    expect(new Set(text).size).toBe(256);
    expect(bytesOfLegacyText(text)).toEqual(ALL_BYTES);
  });

  it("shows 0x80–0x9F as Windows-1252 does, and takes the Latin-1 reading of them as the same bytes", () => {
    expect([0x8c, 0x83, 0x93, 0x96, 0x80].map(byteCharacter).join("")).toBe("Œƒ“–€");
    expect(bytesOfLegacyText("Œƒ“")).toEqual(Uint8Array.from([0x8c, 0x83, 0x93]));
    expect(bytesOfLegacyText("\u008c\u0083\u0093")).toEqual(Uint8Array.from([0x8c, 0x83, 0x93]));
    expect(byteCharacter(0x81)).toBe("\u0081");
  });

  it("tells legacy text from Unicode Vietnamese", () => {
    expect(isLegacyText("KÕ ho¹ch – “§éc lËp”")).toBe(true);
    expect(isLegacyText("Kế hoạch")).toBe(false);
    expect(isLegacyText("Ke\u0301")).toBe(false);
    expect(bytesOfLegacyText("Kế")).toBeNull();
  });

  it("replaces the legacy runs of a text and leaves the rest", () => {
    expect(replaceLegacyRuns("ab ế cd", (run) => `[${run}]`)).toBe("[ab ]ế[ cd]");
  });
});
