import { describe, expect, it } from "vitest";
import { cleanDebris } from "./debris.js";

describe("cleanDebris", () => {
  it("cleans the doc example", () => {
    expect(cleanDebris("## **KẾ HOẠCH**\n(Chữ ký)\n")).toEqual({ text: "KẾ HOẠCH\n\n", notes: [] });
  });

  it("removes markdown headings and bold marks", () => {
    const input =
      "#### **1. Phòng Giáo dục và Đào tạo**\n- **Thời gian thực hiện:** Thường xuyên;\n__Nội dung__";
    expect(cleanDebris(input).text).toBe(
      "1. Phòng Giáo dục và Đào tạo\n- Thời gian thực hiện: Thường xuyên;\nNội dung",
    );
  });

  it("removes the marks of a line in italics and of an empty cell's emphasis, not a bullet's", () => {
    const input = "*Lai Châu, ngày 19 tháng 11 năm 2025*\n* *\n*Nơi nhận:*\n* Nội dung chính\n2 * 3 = 6";
    expect(cleanDebris(input).text).toBe(
      "Lai Châu, ngày 19 tháng 11 năm 2025\n\nNơi nhận:\n* Nội dung chính\n2 * 3 = 6",
    );
  });

  it("removes italic marks around part of a line, keeping bullets, note marks and products", () => {
    const input =
      "- Bộ trưởng *(để báo cáo);*\n*- *Thứ trưởng Tạ Quang Đông;\n*a) *Triển khai\n* Nội dung\nquyết định (*)\n2 * 3";
    expect(cleanDebris(input).text).toBe(
      "- Bộ trưởng (để báo cáo);\n- Thứ trưởng Tạ Quang Đông;\na) Triển khai\n* Nội dung\nquyết định (*)\n2 * 3",
    );
  });

  it("removes footnote marks and simple HTML tags", () => {
    expect(cleanDebris("về hội nhập quốc tế<sup>1</sup>.").text).toBe("về hội nhập quốc tế.");
    expect(cleanDebris("dòng <b>đậm</b> và <i>nghiêng</i>").text).toBe("dòng đậm và nghiêng");
  });

  it("removes signature placeholders", () => {
    expect(cleanDebris("(Chữ ký)").text).toBe("");
    expect(cleanDebris("(Đã ký)").text).toBe("");
    expect(cleanDebris("Giám đốc (Ký tên, đóng dấu)").text).toBe("Giám đốc");
  });

  it("blanks rules, page numbers and stray glyphs, keeping the line count", () => {
    const input = "đoạn một\n---\n-----o0o-----\n- 12 -\nTrang 4\n3\n4/12\nu\n✓\nđoạn hai";
    const out = cleanDebris(input);
    expect(out.text).toBe("đoạn một\n\n\n\n\n\n\n\n\nđoạn hai");
    expect(out.text.split("\n")).toHaveLength(input.split("\n").length);
  });

  it("drops a check mark glued to the end of a line", () => {
    expect(cleanDebris("tuyên truyền sâu rộng. ✓").text).toBe("tuyên truyền sâu rộng.");
  });

  it("moves a footnote body (and the rule above it) out of the text", () => {
    const input = [
      "các văn bản chỉ đạo của Trung ương<sup>1</sup> và tỉnh",
      "",
      "---",
      "<sup>1</sup> Nghị quyết số 22-NQ/TW ngày 10/4/2013",
      "của Bộ Chính trị về hội nhập quốc tế",
      "",
      "minh bạch, hiệu quả.",
    ].join("\n");
    const out = cleanDebris(input);
    expect(out.notes).toEqual(["Nghị quyết số 22-NQ/TW ngày 10/4/2013 của Bộ Chính trị về hội nhập quốc tế"]);
    expect(out.text).toBe("các văn bản chỉ đạo của Trung ương và tỉnh\n\nminh bạch, hiệu quả.");
  });

  it("reads a bracketed footnote body", () => {
    expect(cleanDebris("[2] Quyết định số 06/QĐ-TTg ngày 21/02/2020").notes).toEqual([
      "Quyết định số 06/QĐ-TTg ngày 21/02/2020",
    ]);
  });
});

describe("cleanDebris negative cases", () => {
  it("keeps list marks, items and bullets", () => {
    const input = "- Nội dung: Tuyên truyền\n+ Tổ chức hội nghị\n1. Mục đích\na) Xây dựng kế hoạch";
    expect(cleanDebris(input)).toEqual({ text: input, notes: [] });
  });

  it("blanks a page number that a PDF's layout text centres", () => {
    // pdftotext -layout of a provincial inspection plan: the page's number between two pages.
    const page =
      "phòng ứng phó sự cố hóa chất (VLNCN);\n                                         2\n\nHồ sơ thiết kế";
    expect(cleanDebris(page).text).toBe("phòng ứng phó sự cố hóa chất (VLNCN);\n\n\nHồ sơ thiết kế");
    const year = "                                         2026";
    expect(cleanDebris(year).text).toBe(year);
  });

  it("keeps years and number-bearing lines that are not page numbers", () => {
    const input = "2025\nGiai đoạn 2021 – 2025\nSố: 22/KH-SGDĐT\n15/6/2024";
    expect(cleanDebris(input).text).toBe(input);
  });

  it("keeps ordinary parentheses and ampersands", () => {
    const input = "Phòng Giáo dục Thường xuyên & Đại học (GDTX&ĐH)\nUBND TP (để báo cáo);";
    expect(cleanDebris(input).text).toBe(input);
  });

  it("keeps a dash that is a minus or a hyphenated word", () => {
    const input = "kinh tế - xã hội\nGDNN-GDTX";
    expect(cleanDebris(input).text).toBe(input);
  });

  it("does not treat an in-line citation mark as a footnote body", () => {
    const out = cleanDebris("quốc tế [1] và trong nước");
    expect(out.notes).toEqual([]);
    expect(out.text).toBe("quốc tế [1] và trong nước");
  });
});
