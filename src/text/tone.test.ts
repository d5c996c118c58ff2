import { describe, expect, it } from "vitest";
import { normalizeTones } from "./tone.js";

describe("normalizeTones", () => {
  it("moves the doc example to the official placement", () => {
    expect(normalizeTones("Uỷ ban hoà giải")).toBe("Ủy ban hòa giải");
  });

  it("rewrites oa, oe and uy syllables without a final consonant", () => {
    expect(normalizeTones("trên cơ sở các thoả thuận hợp tác")).toBe("trên cơ sở các thỏa thuận hợp tác");
    expect(normalizeTones("bảo vệ sức khoẻ nhân dân")).toBe("bảo vệ sức khỏe nhân dân");
    expect(normalizeTones("Sở Văn hoá và Thể thao")).toBe("Sở Văn hóa và Thể thao");
    expect(normalizeTones("Thành uỷ Hải Phòng")).toBe("Thành ủy Hải Phòng");
    expect(normalizeTones("thuỷ lợi")).toBe("thủy lợi");
    expect(normalizeTones("toà án")).toBe("tòa án");
  });

  it("works on capitals", () => {
    expect(normalizeTones("UỶ BAN NHÂN DÂN HUYỆN HOÀ VANG")).toBe("ỦY BAN NHÂN DÂN HUYỆN HÒA VANG");
  });

  it("keeps the length", () => {
    const text = "xã hội hoá giáo dục, chuyển đổi số, hoà nhập";
    expect(normalizeTones(text)).toHaveLength(text.length);
  });
});

describe("normalizeTones negative cases", () => {
  it("leaves text already in the official placement alone", () => {
    expect(normalizeTones("Ủy ban nhân dân; hòa nhập; khỏe mạnh")).toBe(
      "Ủy ban nhân dân; hòa nhập; khỏe mạnh",
    );
  });

  it("keeps the mark of quý, where the u belongs to qu", () => {
    expect(normalizeTones("Trong quý I/2023")).toBe("Trong quý I/2023");
    expect(normalizeTones("QUÝ II")).toBe("QUÝ II");
  });

  it("keeps syllables with a final consonant", () => {
    expect(normalizeTones("hoàn thành kế hoạch")).toBe("hoàn thành kế hoạch");
    expect(normalizeTones("Quỳnh Phụ, thuyền")).toBe("Quỳnh Phụ, thuyền");
    expect(normalizeTones("khoảng")).toBe("khoảng");
  });

  it("keeps vowel pairs other than oa, oe, uy", () => {
    expect(normalizeTones("tuổi trẻ, mùa, của, quả")).toBe("tuổi trẻ, mùa, của, quả");
  });

  it("returns text without tone marks unchanged", () => {
    expect(normalizeTones("hoa qua, khoe, thuy")).toBe("hoa qua, khoe, thuy");
    expect(normalizeTones("")).toBe("");
  });
});
