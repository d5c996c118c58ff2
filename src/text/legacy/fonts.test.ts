import { describe, expect, it } from "vitest";
import { fontCodec, legacyFont } from "./fonts.js";

describe("legacy fonts", () => {
  it.each([
    [".VnTime", { encoding: "tcvn3", capitals: false }],
    [".VnArial", { encoding: "tcvn3", capitals: false }],
    [".VnCentury Schoolbook", { encoding: "tcvn3", capitals: false }],
    [".VnTimeH", { encoding: "tcvn3", capitals: true }],
    [".VnArial NarrowH", { encoding: "tcvn3", capitals: true }],
    ["VNI-Times", { encoding: "vni", capitals: false }],
    ["VNI-Helve-Condense", { encoding: "vni", capitals: false }],
    ["Times New Roman", null],
    ["VnTime Unicode", null],
    ["", null],
  ])("%s", (name, expected) => {
    expect(legacyFont(name)).toEqual(expected);
  });

  it("decodes each font's text as its typist saw it", () => {
    const decode = (name: string, text: string) => {
      const font = legacyFont(name);
      return font ? fontCodec(font).decode(text) : text;
    };
    expect(decode(".VnTime", "KÕ ho¹ch")).toBe("Kế hoạch");
    expect(decode(".VnTimeH", "kÕ ho¹ch")).toBe("KẾ HOẠCH");
    expect(decode("VNI-Times", "Keá hoaïch")).toBe("Kế hoạch");
  });
});
