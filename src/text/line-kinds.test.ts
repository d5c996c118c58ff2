import { describe, expect, it } from "vitest";
import { BULLET, ITEM_MARKER, isUpperLine, startsBlock } from "./line-kinds.js";

describe("isUpperLine", () => {
  it("is true for headings and signature lines", () => {
    expect(isUpperLine("KẾ HOẠCH")).toBe(true);
    expect(isUpperLine("II. NỘI DUNG NHIỆM VỤ")).toBe(true);
    expect(isUpperLine("PHÓ GIÁM ĐỐC")).toBe(true);
    expect(isUpperLine("TM. ỦY BAN NHÂN DÂN")).toBe(true);
    expect(isUpperLine("I1. NOI DUNG KE HOACH")).toBe(true);
  });
});

describe("ITEM_MARKER and BULLET", () => {
  it("match the markers plans print, OCR forms included", () => {
    for (const line of [
      "I. MỤC ĐÍCH",
      "IV) TỔ CHỨC",
      "I1. NOI DUNG",
      "I11. TO CHUC",
      "1. Mục đích",
      "12) Sở Tài chính",
      "1.2. Nhiệm vụ",
      "a) Xây dựng",
      "đ) Tổ chức",
      "¢) Tiep tuc",
      "/. Tang cuong",
    ])
      expect(ITEM_MARKER.test(line), line).toBe(true);
    for (const line of ["- Nội dung", "+ Tổ chức", "• Tuyên truyền", "– Kiểm tra"])
      expect(BULLET.test(line), line).toBe(true);
  });
});

describe("startsBlock", () => {
  it("is true for numbered items of every rank", () => {
    expect(startsBlock("II. NỘI DUNG NHIỆM VỤ")).toBe(true);
    expect(startsBlock("I1. NOI DUNG KE HOACH")).toBe(true);
    expect(startsBlock("1. Mục đích")).toBe(true);
    expect(startsBlock("1.2. Nhiệm vụ cụ thể")).toBe(true);
    expect(startsBlock("a) Xây dựng kế hoạch")).toBe(true);
    expect(startsBlock("¢) Tiep tuc chi dao")).toBe(true);
    expect(startsBlock("/. Tang cuong cong tac")).toBe(true);
  });

  it("is true for bullets", () => {
    expect(startsBlock("- Thời gian thực hiện: Thường xuyên")).toBe(true);
    expect(startsBlock("+ Tổ chức hội nghị")).toBe(true);
  });

  it("is true for block words, with or without diacritics", () => {
    expect(startsBlock("Nơi nhận:")).toBe(true);
    expect(startsBlock("Noi nhan:")).toBe(true);
    expect(startsBlock("Phụ lục")).toBe(true);
    expect(startsBlock("Điều 1. Ban hành kèm theo Quyết định này")).toBe(true);
    expect(startsBlock("Căn cứ Luật Giáo dục năm 2019;")).toBe(true);
    expect(startsBlock("KT. GIÁM ĐỐC")).toBe(true);
    expect(startsBlock("T/M BAN THƯỜNG VỤ")).toBe(true);
  });

  it("is true for a short label before a colon, OCR included", () => {
    expect(startsBlock("Thời gian thực hiện: Trong quý I/2023")).toBe(true);
    expect(startsBlock("Pon vi thuc hién: Co quan S¢")).toBe(true);
  });

  it("is true for table rows and capitalised lines", () => {
    expect(startsBlock("1\tXây dựng kế hoạch\tVăn phòng Sở")).toBe(true);
    expect(startsBlock("| STT | Nội dung |")).toBe(true);
    expect(startsBlock("KẾ HOẠCH")).toBe(true);
  });
});

describe("line-kinds negative cases", () => {
  it("isUpperLine is false for sentences and for fewer than three letters", () => {
    expect(isUpperLine("Kế hoạch triển khai")).toBe(false);
    expect(isUpperLine("UBND TP (để báo cáo);")).toBe(false);
    expect(isUpperLine("AB")).toBe(false);
    expect(isUpperLine("2024 - 2025")).toBe(false);
  });

  it("startsBlock is false for the continuation of a sentence", () => {
    expect(startsBlock("tác giữa thành phố Hải Phòng với các đối tác quốc tế);")).toBe(false);
    expect(startsBlock("Đảng bộ thành phố về một số giải pháp đổi mới")).toBe(false);
    expect(startsBlock("2025, định hướng đến năm 2030")).toBe(false);
    expect(startsBlock("10-CTr/TU),")).toBe(false);
    expect(startsBlock("15/6 và 15/12 hằng năm")).toBe(false);
    expect(startsBlock("căn bản, toàn diện giáo dục và đào tạo")).toBe(false);
    expect(startsBlock("Thường xuyên, có trọng tâm, trọng điểm")).toBe(false);
  });

  it("ITEM_MARKER needs a space after the marker", () => {
    expect(ITEM_MARKER.test("1.5 triệu")).toBe(false);
    expect(ITEM_MARKER.test("I.")).toBe(false);
    expect(ITEM_MARKER.test("2025.")).toBe(false);
  });
});
