import { describe, expect, it } from "vitest";
import { hasNonAscii, legacyWords, markedLegacyWords, readsAsVietnamese } from "./word-score.js";

describe("word scores", () => {
  it("splits legacy text into words at spaces, digits and punctuation, keeping legacy letters", () => {
    expect(legacyWords("Së Gi¸o dôc, 12/KH-SGD§T – “tr­êng”")).toEqual([
      "Së",
      "Gi¸o",
      "dôc",
      "KH",
      "SGD§T",
      "tr­êng",
    ]);
    expect(markedLegacyWords("Së Gi¸o dôc KH")).toEqual(["Së", "Gi¸o", "dôc"]);
    expect(hasNonAscii("Giao")).toBe(false);
  });

  it.each([
    ["hoạch", true],
    ["HOẠCH", true],
    ["Giáo", true],
    ["ho¹ch", false],
    ["hoaùch", false],
    ["lỔ", false],
    ["SGDĐT", false],
  ])("%s reads as Vietnamese: %s", (word, expected) => {
    expect(readsAsVietnamese(word)).toBe(expected);
  });
});
