import { describe, expect, it } from "vitest";
import { addTallies, mayBeByteLegacy, readsBetterIn, tallyBytes } from "./byte-tally.js";

describe("byte tallies", () => {
  it("counts the marked words Vietnamese as they stand and in each encoding", () => {
    // "dôc" is a syllable as it stands (and in Windows-1258), if no word.
    expect(tallyBytes("Gi¸o dôc 2024")).toMatchObject({
      words: 2,
      asIs: 1,
      read: { tcvn3: 2, vni: 0, "windows-1258": 1 },
    });
    expect(tallyBytes("Giaùo duïc")).toMatchObject({ words: 2, asIs: 0, read: { tcvn3: 0, vni: 2 } });
    expect(addTallies([tallyBytes("Gi¸o"), tallyBytes("dôc")])).toMatchObject({
      words: 2,
      read: { tcvn3: 2 },
    });
  });

  it("takes only text outside ASCII whose every character is a byte's", () => {
    expect(mayBeByteLegacy("Gi¸o dôc")).toBe(true);
    expect(mayBeByteLegacy("Giao duc")).toBe(false);
    expect(mayBeByteLegacy("Giáo dục")).toBe(false);
  });

  it("says a segment reads better converted where it clearly does, or by its common words", () => {
    expect(readsBetterIn(tallyBytes("Gi¸o dôc"), "tcvn3")).toBe(true);
    expect(readsBetterIn(tallyBytes("Sè: 12/KH-SGD§T"), "tcvn3")).toBe(true);
    expect(readsBetterIn(tallyBytes("Tôi là ai"), "tcvn3")).toBe(false);
    expect(readsBetterIn(tallyBytes("Gi¸o dôc"), "vni")).toBe(false);
  });
});
