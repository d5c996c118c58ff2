import { describe, expect, it } from "vitest";
import { toOfficialCase } from "./official-case.js";

describe("toOfficialCase", () => {
  it("capitalises the proper name after an acronym, and a board's name after 'Ban'", () => {
    expect(toOfficialCase("TRƯỜNG THPT NGÔ QUYỀN")).toBe("Trường THPT Ngô Quyền");
    expect(toOfficialCase("SỞ GD&ĐT HẢI PHÒNG")).toBe("Sở GD&ĐT Hải Phòng");
    expect(toOfficialCase("TRƯỜNG MN HOA SEN")).toBe("Trường MN Hoa Sen");
    expect(toOfficialCase("PHÒNG GD&ĐT QUẬN LÊ CHÂN")).toBe("Phòng GD&ĐT quận Lê Chân");
    expect(toOfficialCase("UBND THÀNH PHỐ HẢI PHÒNG")).toBe("UBND thành phố Hải Phòng");
    expect(toOfficialCase("BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ")).toBe("Ban Chỉ đạo chuyển đổi số");
  });

  it("writes the doc examples as the body writes them", () => {
    expect(toOfficialCase("SỞ GIÁO DỤC VÀ ĐÀO TẠO")).toBe("Sở Giáo dục và Đào tạo");
    expect(toOfficialCase("UBND THÀNH PHỐ HẢI PHÒNG")).toBe("UBND thành phố Hải Phòng");
  });

  it("capitalises each name part after the kind word and after 'và'", () => {
    expect(toOfficialCase("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO")).toBe("Phòng Giáo dục và Đào tạo");
    expect(toOfficialCase("SỞ KẾ HOẠCH VÀ ĐẦU TƯ")).toBe("Sở Kế hoạch và Đầu tư");
    expect(toOfficialCase("SỞ THÔNG TIN VÀ TRUYỀN THÔNG")).toBe("Sở Thông tin và Truyền thông");
    expect(toOfficialCase("BỘ GIÁO DỤC VÀ ĐÀO TẠO")).toBe("Bộ Giáo dục và Đào tạo");
    expect(toOfficialCase("SỞ TÀI CHÍNH")).toBe("Sở Tài chính");
    // The ministry and its departments write "Công Thương" with both capitals.
    expect(toOfficialCase("SỞ CÔNG THƯƠNG")).toBe("Sở Công Thương");
    expect(toOfficialCase("BỘ CÔNG THƯƠNG")).toBe("Bộ Công Thương");
    expect(toOfficialCase("SỞ CÔNG THƯƠNG TỈNH HÀ NAM")).toBe("Sở Công Thương tỉnh Hà Nam");
  });

  it("capitalises a place name whole after thành phố, tỉnh, huyện", () => {
    expect(toOfficialCase("ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG")).toBe("Ủy ban nhân dân thành phố Hải Phòng");
    expect(toOfficialCase("UBND TỈNH QUẢNG NINH")).toBe("UBND tỉnh Quảng Ninh");
    expect(toOfficialCase("UBND HUYỆN ĐẦM HÀ")).toBe("UBND huyện Đầm Hà");
  });

  it("writes Party committees with their place", () => {
    expect(toOfficialCase("THÀNH ỦY HẢI PHÒNG")).toBe("Thành ủy Hải Phòng");
    expect(toOfficialCase("HUYỆN ỦY ĐẦM HÀ")).toBe("Huyện ủy Đầm Hà");
  });

  it("capitalises 'Xã hội' after 'và' in the name of the labour department", () => {
    expect(toOfficialCase("SỞ LAO ĐỘNG THƯƠNG BINH VÀ XÃ HỘI")).toBe("Sở Lao động Thương binh và Xã hội");
  });
});

describe("toOfficialCase negative cases", () => {
  it("returns text that is not all capitals as it is", () => {
    expect(toOfficialCase("Sở Giáo dục và Đào tạo")).toBe("Sở Giáo dục và Đào tạo");
    expect(toOfficialCase("UBND thành phố Hải Phòng")).toBe("UBND thành phố Hải Phòng");
  });

  it("keeps acronyms", () => {
    expect(toOfficialCase("SỞ GD&ĐT")).toBe("Sở GD&ĐT");
    expect(toOfficialCase("PHÒNG GDĐT")).toBe("Phòng GDĐT");
    expect(toOfficialCase("UBND")).toBe("UBND");
  });

  it("returns text without letters as it is, with one space between words", () => {
    expect(toOfficialCase("  2024  ")).toBe("2024");
    expect(toOfficialCase("")).toBe("");
  });
});

describe("toOfficialCase on a name with a comma", () => {
  it("starts the part after the comma with a capital, as the body writes its own name", () => {
    expect(toOfficialCase("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH")).toBe("Bộ Văn hóa, Thể thao và Du lịch");
  });
});
