import { describe, expect, it } from "vitest";
import { splitHeaderColumns, splitHeaderLine } from "./header-columns.js";

describe("splitHeaderLine", () => {
  it("splits the issuing body from the national motto", () => {
    expect(splitHeaderLine("SỞ GIÁO DỤC VÀ ĐÀO TẠO      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).toEqual([
      "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    ]);
  });

  it("keeps the kind of place written in small letters before its name with the place", () => {
    expect(splitHeaderLine("Số: 230/KH-THPT.PB Thành Phố Hồ Chí Minh, ngày 14 tháng 11 năm 2025")).toEqual([
      "Số: 230/KH-THPT.PB",
      "Thành Phố Hồ Chí Minh, ngày 14 tháng 11 năm 2025",
    ]);
    expect(splitHeaderLine("Số: 4644/KH-SGDĐT     Thành phố Hồ Chí Minh, ngày 14 tháng 11 năm 2025")).toEqual(
      ["Số: 4644/KH-SGDĐT", "Thành phố Hồ Chí Minh, ngày 14 tháng 11 năm 2025"],
    );
    expect(splitHeaderLine("Thành phố Hồ Chí Minh, ngày 14 tháng 11 năm 2025")).toEqual([
      "Thành phố Hồ Chí Minh, ngày 14 tháng 11 năm 2025",
    ]);
  });

  it("splits at the motto even when only two spaces separate the columns (OCR)", () => {
    expect(splitHeaderLine("UBND THANH PHO HAI PHONG  CONG HOA XA HOI CHU NGHIA VIET NAM")).toEqual([
      "UBND THANH PHO HAI PHONG",
      "CONG HOA XA HOI CHU NGHIA VIET NAM",
    ]);
  });

  it("splits at the second line of the motto, printed or OCR", () => {
    expect(splitHeaderLine("SỞ GIÁO DỤC VÀ ĐÀO TẠO Độc lập - Tự do - Hạnh phúc")).toEqual([
      "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
      "Độc lập - Tự do - Hạnh phúc",
    ]);
    expect(splitHeaderLine("SO GIAO DUC VA PAO TAO Poc 1ap - Ty do - Hanh phiac")).toEqual([
      "SO GIAO DUC VA PAO TAO",
      "Poc 1ap - Ty do - Hanh phiac",
    ]);
  });

  it("keeps a number whose numeral was left blank with wide spaces together", () => {
    expect(splitHeaderLine("Số:        /KH-UBND                 Tân Hưng, ngày    tháng 3 năm 2026")).toEqual(
      ["Số: /KH-UBND", "Tân Hưng, ngày    tháng 3 năm 2026"],
    );
  });

  it("splits the number from place and date", () => {
    expect(splitHeaderLine("Số: 22/KH-SGDĐT    Hải Phòng, ngày 22 tháng 02 năm 2023")).toEqual([
      "Số: 22/KH-SGDĐT",
      "Hải Phòng, ngày 22 tháng 02 năm 2023",
    ]);
    expect(splitHeaderLine("S6:22  /KH-SGDDT Hai Phong, ngay 22 thang 02 nam 2023")).toEqual([
      "S6:22  /KH-SGDDT",
      "Hai Phong, ngay 22 thang 02 nam 2023",
    ]);
  });

  it("keeps a multi-word place with its date", () => {
    expect(splitHeaderLine("Số: 15/KH-UBND\tTP. Hồ Chí Minh, ngày 05 tháng 3 năm 2024")).toEqual([
      "Số: 15/KH-UBND",
      "TP. Hồ Chí Minh, ngày 05 tháng 3 năm 2024",
    ]);
  });

  it("splits the Party motto from the committee", () => {
    expect(splitHeaderLine("THÀNH ỦY HẢI PHÒNG     ĐẢNG CỘNG SẢN VIỆT NAM")).toEqual([
      "THÀNH ỦY HẢI PHÒNG",
      "ĐẢNG CỘNG SẢN VIỆT NAM",
    ]);
  });
});

describe("splitHeaderColumns", () => {
  it("puts each header column on its own line and stops at the kind line", () => {
    const text = [
      "UBND THÀNH PHỐ HẢI PHÒNG      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "SỞ GIÁO DỤC VÀ ĐÀO TẠO      Độc lập - Tự do - Hạnh phúc",
      "Số: 22/KH-SGDĐT      Hải Phòng, ngày 22 tháng 02 năm 2023",
      "KẾ HOẠCH",
      "Nội dung      cách     xa",
    ].join("\n");
    expect(splitHeaderColumns(text)).toBe(
      [
        "UBND THÀNH PHỐ HẢI PHÒNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 22/KH-SGDĐT",
        "Hải Phòng, ngày 22 tháng 02 năm 2023",
        "KẾ HOẠCH",
        "Nội dung      cách     xa",
      ].join("\n"),
    );
  });
});

describe("header columns negative cases", () => {
  it("leaves a line that is one column alone", () => {
    expect(splitHeaderLine("KẾ HOẠCH")).toEqual(["KẾ HOẠCH"]);
    expect(splitHeaderLine("Hải Phòng, ngày 19 tháng 8 năm 2021")).toEqual([
      "Hải Phòng, ngày 19 tháng 8 năm 2021",
    ]);
    expect(splitHeaderLine("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).toEqual([
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    ]);
  });

  it("does not cut a sentence that cites a document and its date", () => {
    const line = "Thực hiện Nghị quyết số 29-NQ/TW, ngày 04/11/2013 của Ban Chấp hành Trung ương";
    expect(splitHeaderLine(line)).toEqual([line]);
    const line2 = "Thực hiện Kế hoạch số 155/KH-UBND ngày 09/7/2024 của Ủy ban nhân dân thành phố Hải Phòng";
    expect(splitHeaderLine(line2)).toEqual([line2]);
  });

  it("does not touch the body after the kind line", () => {
    const text = "KẾ HOẠCH\nUBND HUYỆN      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    expect(splitHeaderColumns(text)).toBe(text);
  });

  it("does not touch text without a header", () => {
    const text = "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Tăng cường chỉ đạo.";
    expect(splitHeaderColumns(text)).toBe(text);
  });
});
