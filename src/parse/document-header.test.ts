import { describe, expect, it } from "vitest";
import { normalizePlanText } from "../text/normalize.js";
import { compactNumber, isoDate, readHeader } from "./document-header.js";
import { type Line, toLines } from "./lines.js";

/** The normalised lines of a raw plan and the index of its "KẾ HOẠCH" line. */
function headerLines(raw: string): { lines: Line[]; kind: number } {
  const lines = toLines(normalizePlanText(raw).text);
  const kind = lines.findIndex((l) => /^\s*ke hoach\s*$/.test(l.key));
  return { lines, kind: kind < 0 ? lines.length : kind };
}

describe("readHeader", () => {
  it("reads a two-column header after normalisation", () => {
    const { lines, kind } = headerLines(
      [
        "UBND THÀNH PHỐ HẢI PHÒNG          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO                Độc lập - Tự do - Hạnh phúc",
        "Số: 22/KH-SGDĐT                    Hải Phòng, ngày 22 tháng 02 năm 2023",
        "",
        "KẾ HOẠCH",
        "Thực hiện Chương trình hành động số 40-CTr/TU",
      ].join("\n"),
    );
    const header = readHeader(lines, kind);
    expect(header).toEqual({
      number: "22/KH-SGDĐT",
      numberLine: header.numberLine,
      place: "Hải Phòng",
      date: "2023-02-22",
      year: 2023,
      issuer: "Sở Giáo dục và Đào tạo",
      parentIssuer: "UBND thành phố Hải Phòng",
    });
    expect(lines[header.numberLine]?.text).toBe("Số: 22/KH-SGDĐT");
  });

  it("gives a blank date as null and keeps its year; a blank numeral stays blank", () => {
    const { lines, kind } = headerLines("Số: /KH- SGDDĐT\n\nHải Phòng, ngày   tháng   năm 2024\n\nKẾ HOẠCH");
    expect(readHeader(lines, kind)).toMatchObject({
      number: "/KH-SGDDĐT",
      place: "Hải Phòng",
      date: null,
      year: 2024,
      issuer: null,
      parentIssuer: null,
    });
  });

  it("removes the spaces typed inside the number", () => {
    const { lines, kind } = headerLines(
      "Số: 193 /KH-UBND\n\nHải Phòng, ngày 19 tháng 8 năm 2021\n\nKẾ HOẠCH",
    );
    expect(readHeader(lines, kind)).toMatchObject({ number: "193/KH-UBND", date: "2021-08-19", year: 2021 });
  });

  it("reads a People's Committee whose name runs over two lines", () => {
    const { lines, kind } = headerLines(
      [
        "ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "TỈNH QUẢNG NINH          Độc lập - Tự do - Hạnh phúc",
        "Số: 188/KH-UBND          Quảng Ninh, ngày 04 tháng 8 năm 2022",
        "KẾ HOẠCH",
      ].join("\n"),
    );
    expect(readHeader(lines, kind)).toMatchObject({
      number: "188/KH-UBND",
      place: "Quảng Ninh",
      date: "2022-08-04",
      issuer: "Ủy ban nhân dân tỉnh Quảng Ninh",
      parentIssuer: null,
    });
  });

  it("reads a Party number and a multi-word place", () => {
    const { lines, kind } = headerLines(
      [
        "THÀNH ỦY HẢI PHÒNG          ĐẢNG CỘNG SẢN VIỆT NAM",
        "Số 40-CTr/TU          Hải Phòng, ngày 18 tháng 11 năm 2022",
        "KẾ HOẠCH",
      ].join("\n"),
    );
    expect(readHeader(lines, kind)).toMatchObject({
      number: "40-CTr/TU",
      place: "Hải Phòng",
      date: "2022-11-18",
      issuer: "Thành ủy Hải Phòng",
      parentIssuer: null,
    });
  });
});

describe("isoDate", () => {
  it("builds an ISO date", () => {
    expect(isoDate(2021, 8, 19)).toBe("2021-08-19");
    expect(isoDate(2024, 2, 29)).toBe("2024-02-29");
    expect(isoDate(2023, 12, 31)).toBe("2023-12-31");
  });
});

describe("compactNumber", () => {
  it("removes spaces and trailing punctuation", () => {
    expect(compactNumber("193 /KH- UBND")).toBe("193/KH-UBND");
    expect(compactNumber("22  /KH-SGDĐT.")).toBe("22/KH-SGDĐT");
  });

  it("keeps a dotted numeral", () => {
    expect(compactNumber("01.6/GĐN/KSYB")).toBe("01.6/GĐN/KSYB");
    const lines = toLines(
      "CÔNG TY CỔ PHẦN KHOÁNG SẢN\nSố: 01.6/GĐN/KSYB\nYên Bái, ngày 10 tháng 6 năm 2026\nKẾ HOẠCH",
    );
    expect(readHeader(lines, 3).number).toBe("01.6/GĐN/KSYB");
  });

  it("keeps a school's code with a dot in it, and a blank numeral before it", () => {
    const read = (n: string) => readHeader(toLines(`TRƯỜNG THPT PHƯỚC BỬU\n${n}\nKẾ HOẠCH`), 2).number;
    expect(read("Số: 230/KH-THPT.PB")).toBe("230/KH-THPT.PB");
    expect(read("Số:     /KH-THPT.PB")).toBe("/KH-THPT.PB");
  });

  it("puts back the digits OCR read as letters in the numeral, and only there", () => {
    expect(compactNumber("96O/KH-SGDĐT")).toBe("960/KH-SGDĐT");
    expect(compactNumber("1l2 /KH-UBND")).toBe("112/KH-UBND");
    expect(compactNumber("40-CTr/TU")).toBe("40-CTr/TU");
    expect(compactNumber("/KH-SGDĐT")).toBe("/KH-SGDĐT");
  });
});

describe("document-header negative cases", () => {
  it("isoDate rejects days a month does not have and out-of-range parts", () => {
    expect(isoDate(2024, 2, 31)).toBeNull();
    expect(isoDate(2023, 2, 29)).toBeNull();
    expect(isoDate(2024, 4, 31)).toBeNull();
    expect(isoDate(2024, 13, 1)).toBeNull();
    expect(isoDate(2024, 0, 10)).toBeNull();
    expect(isoDate(2024, 5, 0)).toBeNull();
    expect(isoDate(1800, 5, 1)).toBeNull();
  });

  it("gives an impossible printed date as null but keeps its year", () => {
    const { lines, kind } = headerLines("Số: 12/KH-UBND\nHải Phòng, ngày 31 tháng 2 năm 2024\nKẾ HOẠCH");
    expect(readHeader(lines, kind)).toMatchObject({ date: null, year: 2024 });
  });

  it("does not take the motto for the issuer", () => {
    const { lines, kind } = headerLines(
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\nKẾ HOẠCH",
    );
    expect(readHeader(lines, kind)).toEqual({
      number: null,
      numberLine: -1,
      place: null,
      date: null,
      year: null,
      issuer: null,
      parentIssuer: null,
    });
  });

  it("does not read a number or date after the end it is given", () => {
    const lines = toLines("KẾ HOẠCH\nSố: 22/KH-SGDĐT\nHải Phòng, ngày 22 tháng 02 năm 2023");
    expect(readHeader(lines, 0)).toMatchObject({ number: null, numberLine: -1, date: null, year: null });
  });

  it("never takes the number line for the issuer, even when the number is unreadable", () => {
    const { lines, kind } = headerLines(
      "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: XX/KH-SGDĐT ??\nHải Phòng, ngày 10 tháng 1 năm 2026\nKẾ HOẠCH",
    );
    expect(readHeader(lines, kind)).toMatchObject({ number: null, issuer: "Sở Giáo dục và Đào tạo" });
  });

  it("does not take a line that starts with 'Số lượng' for the number", () => {
    const lines = toLines("Số lượng: 20/30 học sinh\nKẾ HOẠCH");
    expect(readHeader(lines, 1).number).toBeNull();
  });
});
