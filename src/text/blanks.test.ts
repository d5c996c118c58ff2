import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closeUpBlanks, collapseBlanks, squeezeBlankRuns } from "./blanks.js";

const text = fc.string({
  unit: fc.constantFrom(..."Sở Y tế \t\n\r\u00a0\u2003\u3000\ufeff,."),
  maxLength: 60,
});

describe("collapseBlanks and closeUpBlanks", () => {
  it("are /\\s+/g → ' ' (and trim), whatever the blanks", () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(collapseBlanks(t)).toBe(t.replace(/\s+/g, " "));
        expect(closeUpBlanks(t)).toBe(t.replace(/\s+/g, " ").trim());
      }),
      { numRuns: 3000 },
    );
  });

  it("give back text that is already so", () => {
    const plain = "Sở Y tế chủ trì";
    expect(closeUpBlanks(plain)).toBe(plain);
    expect(closeUpBlanks(" Sở  Y\ttế ")).toBe(plain.slice(0, 7));
  });
});

describe("squeezeBlankRuns", () => {
  it("cuts a run of blanks to three", () => {
    expect(squeezeBlankRuns(`Sở Y tế${" ".repeat(9)}chủ trì`)).toBe("Sở Y tế   chủ trì");
  });
});
