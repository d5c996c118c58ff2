import { describe, expect, it } from "vitest";
import { markedLetters, withTone } from "./letters.js";
import { convertedNote, legacyNotes, uncertainNote } from "./messages.js";
import { SequenceTable } from "./sequence-table.js";

describe("letters", () => {
  it("tones a vowel and lists every marked letter", () => {
    expect([withTone("ê", 2), withTone("ư", 5), withTone("a", 0)]).toEqual(["ế", "ự", "a"]);
    expect(markedLetters()).toHaveLength(67);
    expect(markedLetters().slice(0, 5)).toEqual(["à", "á", "ả", "ã", "ạ"]);
  });
});

describe("sequence tables", () => {
  it("decodes the longest sequence first and encodes with the first given", () => {
    const table = new SequenceTable([
      ["eá", "ế"],
      ["Eá", "Ế"],
      ["ô", "ơ"],
      ["ôù", "ớ"],
    ]);
    expect(table.decode("Keá lôùp ô")).toBe("Kế lớp ơ");
    expect(table.encode("Kế lớp")).toBe("Keá lôùp");
  });
});

describe("messages", () => {
  it("says what was converted, and what is a guess", () => {
    expect(convertedNote("vni")).toBe("Văn bản gõ bằng bảng mã cũ VNI đã được chuyển sang Unicode.");
    expect(convertedNote("tcvn3", true)).toBe(
      "Một phần văn bản gõ bằng bảng mã cũ TCVN3 (ABC) đã được chuyển sang Unicode.",
    );
    expect(uncertainNote("viqr")).toBe(
      "Bảng mã không chắc chắn: đã đọc theo VIQR, cần đối chiếu với bản gốc.",
    );
    expect(legacyNotes({ encoding: "unicode", partly: false, warning: null })).toEqual([]);
    expect(legacyNotes({ encoding: "viqr", partly: false, warning: "w" })).toEqual([
      convertedNote("viqr"),
      "w",
    ]);
  });
});
