import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldLower, labelLongerThan } from "./lines.js";

// The labels isPlanFact and itemField read: folded, cut at the first "." / ";" / "(" (isPlanFact) or
// with trailing marks dropped (itemField), blanks closed up.
const cutLabel = (text: string) =>
  foldLower(text)
    .replace(/[.;(]+.*$/, "")
    .replace(/\s+/g, " ")
    .trim();
const wholeLabel = (text: string) =>
  foldLower(text)
    .replace(/[.;]+\s*$/, "")
    .replace(/\s+/g, " ")
    .trim();

describe("labelLongerThan", () => {
  it("says a label is long only when reading it would say so", () => {
    const unit = fc.constantFrom(..."aăâbcdđeêgiklmnoôơuưyẾỆĐƠỮ019 \t.;(),:-\n\u2028\u0301\u037eΣİ😀");
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 120 }), fc.integer({ min: 0, max: 40 }), (text, max) => {
        if (labelLongerThan(text, text.length, max, true)) expect(cutLabel(text).length).toBeGreaterThan(max);
        if (labelLongerThan(text, text.length, max, false))
          expect(wholeLabel(text).length).toBeGreaterThan(max);
      }),
      { numRuns: 3000 },
    );
  });

  it("turns down a heading of megabytes", () => {
    const head = "Triển khai, tuyên truyền kế hoạch tới các đơn vị, ".repeat(20_000);
    expect(labelLongerThan(head, head.length, 70, true)).toBe(true);
    // "Thời gian. …": the label stops at the first mark, however long the rest.
    expect(labelLongerThan(`Thời gian. ${head}`, head.length + 11, 70, true)).toBe(false);
  });
});
