import { describe, expect, it } from "vitest";
import { isClearlyViqr, tallyViqr } from "./viqr-tally.js";

describe("VIQR tallies", () => {
  it("counts the words that show VIQR's marks and read as Vietnamese decoded", () => {
    expect(tallyViqr("Ke^' hoa.ch na(m 2024, (la`) ddi")).toEqual({
      words: 5,
      evidence: 5,
      decoded: 5,
      asIs: 2,
    });
  });

  it("takes no punctuation for a mark", () => {
    expect(tallyViqr("ngay 01/8/2022. Is it? Yes.").evidence).toBe(0);
    expect(tallyViqr("I'm sure").evidence).toBe(1);
  });

  it("calls a text VIQR with three marked words and one in five", () => {
    expect(isClearlyViqr(tallyViqr("Ke^' hoa.ch na(m ho.c"))).toBe(true);
    expect(isClearlyViqr(tallyViqr("Ke^' hoa.ch"))).toBe(false);
    expect(
      isClearlyViqr(tallyViqr("I'm sure I'm right, and I'm not alone in this long English sentence here")),
    ).toBe(false);
  });
});
