import { describe, expect, it } from "vitest";
import { mapSegments, textSegments } from "./segments.js";

describe("segments", () => {
  it("cuts a text at lines and tabs and puts it back together", () => {
    const text = "1\tHµ Néi\tHà Nội\r\n2\t\nend";
    expect(textSegments(text)).toEqual(["1", "Hµ Néi", "Hà Nội", "2", "", "end"]);
    expect(mapSegments(text, (s) => `[${s}]`)).toBe("[1]\t[Hµ Néi]\t[Hà Nội]\r\n[2]\t[]\n[end]");
  });
});
