import { describe, expect, it } from "vitest";
import { normalizePlanText } from "./normalize.js";

// A short scanned plan (modelled on a real one) whose OCR lost most diacritics.
const OCR_PLAN = [
  "UBND THANH PHO HAI PHONG  CONG HOA XA HOI CHU NGHIA VIET NAM",
  "SO GIAO DUC VA PAO TAO Poc 1ap - Ty do - Hanh phiac",
  "S6:22  /KH-SGDDT Hai Phong, ngay 22 thang 02 nam 2023",
  "KE HOACH",
  "",
  "Thuc hién Nghi quyet so 07-NQ/TU ngay 01/8/2022 cua Ban Chap hanh",
  "Pang bo thanh phd vé mot s giai phap d6i mdi, nang cao chat luong, hi¢u qua",
  "cong tac tu tudng ciia Pang bo thanh phd dén nam 2025, dinh huéng dén nam 2030;",
  "Chuong trinh hanh dong s6 40-CTr/TU ngay 18/11/2022 ctia Ban Thuong vu Thanh ty",
  "thuc hién Nghi quyét s6 07-NQ/TU, S¢ Gido duc va Pao tao ban hanh Ké hoach",
  "trién khai Chuong trinh hanh dong s6 40-CTr/TU, cu thé nhu sau:",
  "I. MUC PiCH, YEU CAU",
  "1. Muc dich",
  "",
  "Nhim trién khai thyc hién day da quan diém, phuong huéng, muc tiéu, nhiém",
  "vu, giai phéap trong Nghi quyét s6 07-NQ/TU ngay 01/8/2022 va Chuong trinh hanh",
  "dong s6 40-CTr/TU ngay 18/11/2022. Xac dinh nhiém vu cht yéu cua nganh Gido",
  "duc - Pao tao Hai Phong thuc hién c6 hiéu qua Nghi quyét s 07-NQ/TU ngay",
  "01/8/2022 lam co s¢ dé thuc hién nhiém vu d6i méi, nang cao chat luong.",
].join("\n");

describe("normalizePlanText", () => {
  it("normalises the doc example", () => {
    expect(normalizePlanText("**KẾ HOẠCH**\r\nHoà nhập").text).toBe("KẾ HOẠCH\nHòa nhập");
  });

  it("removes the BOM, zero-width marks and soft hyphens, and plain-spaces odd spaces", () => {
    expect(normalizePlanText("\uFEFFSở\u00A0Giáo\u200B dục và Đà\u00ADo tạo").text).toBe(
      "Sở Giáo dục và Đào tạo",
    );
  });

  it("composes NFD text to NFC", () => {
    const out = normalizePlanText("Ke\u0302\u0301 hoa\u0323ch").text;
    expect(out).toBe("Kế hoạch");
    expect(out).toBe(out.normalize("NFC"));
  });

  it("treats a form feed as a page break and joins the cut sentence", () => {
    expect(normalizePlanText("trên cơ sở các thỏa thuận hợp\ftác giữa thành phố").text).toBe(
      "trên cơ sở các thỏa thuận hợp tác giữa thành phố",
    );
  });

  it("splits a two-column header", () => {
    const out = normalizePlanText(
      "SỞ GIÁO DỤC VÀ ĐÀO TẠO      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 22/KH-SGDĐT      Hải Phòng, ngày 22 tháng 02 năm 2023\nKẾ HOẠCH",
    );
    expect(out.text.split("\n")).toEqual([
      "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Số: 22/KH-SGDĐT",
      "Hải Phòng, ngày 22 tháng 02 năm 2023",
      "KẾ HOẠCH",
    ]);
  });

  it("drops leading blank lines", () => {
    expect(normalizePlanText("\n\n\nKẾ HOẠCH").text).toBe("KẾ HOẠCH");
  });

  it("moves footnotes after the body and marks where the body ends", () => {
    const input = [
      "1. Triển khai các văn bản chỉ đạo của Trung ương và tỉnh về hội nhập quốc tế<sup>1</sup>.",
      "",
      "---",
      "<sup>1</sup> Nghị quyết số 22-NQ/TW ngày 10/4/2013 của Bộ Chính trị",
      "",
      "2. Đẩy mạnh thu hút đầu tư.",
    ].join("\n");
    const out = normalizePlanText(input);
    const body =
      "1. Triển khai các văn bản chỉ đạo của Trung ương và tỉnh về hội nhập quốc tế.\n\n2. Đẩy mạnh thu hút đầu tư.";
    expect(out.text.slice(0, out.bodyEnd)).toBe(body);
    expect(out.text).toBe(`${body}\n\nNghị quyết số 22-NQ/TW ngày 10/4/2013 của Bộ Chính trị`);
  });

  it("repairs OCR text and says so", () => {
    const out = normalizePlanText(OCR_PLAN);
    expect(out.ocr).toBe(true);
    expect(out.hardWrapped).toBe(true);
    const lines = out.text.split("\n");
    expect(lines.slice(0, 7)).toEqual([
      "UBND THANH PHO HAI PHONG",
      "CONG HOA XA HOI CHU NGHIA VIET NAM",
      "SO GIAO DUC VA ĐAO TAO",
      "Đoc lap - Ty do - Hanh phiac",
      "Số:22  /KH-SGDDT",
      "Hai Phong, ngay 22 thang 02 nam 2023",
      "KE HOACH",
    ]);
    // Wrapped lines are joined up to the end of each clause, with của and số repaired.
    const opening = lines.find((l) => l.startsWith("Thuc hién"));
    expect(opening).toContain("cua Ban Chap hanh Đang bo thanh phd");
    expect(opening?.endsWith("dén nam 2030;")).toBe(true);
    const second = lines.find((l) => l.startsWith("Chuong trinh hanh dong số 40-CTr/TU ngay 18/11/2022 của"));
    expect(second).toContain("Ban Thuong vu Thanh ủy");
    expect(second?.endsWith("cu thé nhu sau:")).toBe(true);
    expect(lines).toContain("I. MUC ĐiCH, YEU CAU");
    expect(lines.filter((l) => l.startsWith("Nhim trién khai"))).toHaveLength(1);
    expect(lines[lines.length - 1]?.endsWith("nang cao chat luong.")).toBe(true);
  });
});

describe("normalizePlanText negative cases", () => {
  it("leaves clean text as it is and reports no OCR, no wrapping, no footnotes", () => {
    const input =
      "I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\n- Tăng cường chỉ đạo và quản lý nhà nước về hội nhập quốc tế.";
    const out = normalizePlanText(input);
    expect(out).toEqual({ text: input, bodyEnd: input.length, ocr: false, hardWrapped: false });
  });

  it("removes control characters but keeps tabs and line breaks", () => {
    expect(normalizePlanText("KẾ HOẠCH\n1\tXây dựng\u0007 kế hoạch\u0000\n2\tTổ chức").text).toBe(
      "KẾ HOẠCH\n1\tXây dựng kế hoạch\n2\tTổ chức",
    );
  });

  it("does not apply OCR repairs to printed text", () => {
    const input = "Phòng GD&ĐT các quận, huyện; Pháp luật; số 10-CTr/TU; S6 là mã phòng.";
    expect(normalizePlanText(input).text).toBe(input);
  });

  it("gives an empty text for empty input", () => {
    expect(normalizePlanText("")).toEqual({ text: "", bodyEnd: 0, ocr: false, hardWrapped: false });
  });
});
