import { describe, expect, it } from "vitest";
import { isSyllable } from "../syllable.js";
import { spelledSyllables, syllablesByKey } from "./inventory.js";
import { withTone } from "./letters.js";

describe("spelledSyllables", () => {
  const all = spelledSyllables();
  const set = new Set(all);

  it("holds the syllables of an administrative sentence, every one with its mark", () => {
    const sentence =
      "Ủy ban nhân dân tỉnh ban hành kế hoạch thực hiện nghị quyết về giáo dục và đào tạo, quý hoạch định những nhiệm vụ trọng tâm của thuở nguyễn giường";
    for (const word of sentence.toLowerCase().replace(/,/g, "").split(" ")) expect(set, word).toContain(word);
  });

  it("offers only spellings the rules allow: no 'ki' written 'ci', no tone but acute or dot on a stopped rhyme", () => {
    expect(set).not.toContain("ci");
    expect(set).not.toContain("ghà");
    expect(set).not.toContain("tầp");
    expect(set).toContain("tập");
    for (const s of all) expect(isSyllable(s), s).toBe(true);
  });

  it("groups them by their bare letters", () => {
    const byKey = syllablesByKey(all);
    expect(byKey.get("hoach")?.sort()).toEqual(["hoách", "hoạch"].sort());
    expect(byKey.get("duong")).toEqual(expect.arrayContaining(["đường", "dương", "đương", "dưỡng"]));
  });
});

describe("withTone", () => {
  it("puts the mark where official documents do", () => {
    expect(withTone("hoa", 1)).toBe("hòa");
    expect(withTone("thuy", 3)).toBe("thủy");
    expect(withTone("quy", 2)).toBe("quý");
    expect(withTone("gia", 2)).toBe("giá");
    expect(withTone("gin", 1)).toBe("gìn");
    expect(withTone("nguyên", 4)).toBe("nguyễn");
    expect(withTone("giương", 1)).toBe("giường");
    expect(withTone("ngoai", 1)).toBe("ngoài");
    expect(withTone("thuơ", 3)).toBe("thuở");
  });
});
