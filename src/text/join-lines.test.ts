import { describe, expect, it } from "vitest";
import { isBlankSeparated, isHardWrapped, joinBrokenLines } from "./join-lines.js";

// Modelled on OCR output: paragraphs hard-wrapped at a fixed width.
const WRAPPED = [
  "Thực hiện Nghị quyết số 07-NQ/TU ngày 01/8/2022 của Ban Chấp hành",
  "Đảng bộ thành phố về một số giải pháp đổi mới, nâng cao chất lượng, hiệu quả",
  "công tác tư tưởng của Đảng bộ thành phố đến năm 2025, định hướng đến năm 2030",
  "(sau đây gọi là Nghị quyết số 07-NQ/TU); Chương trình hành động số 40-CTr/TU",
  "ngày 18/11/2022 của Ban Thường vụ Thành ủy thực hiện Nghị quyết số 07-NQ/TU",
  "Sở Giáo dục và Đào tạo ban hành Kế hoạch triển khai Chương trình hành động",
  "số 40-CTr/TU, cụ thể như sau:",
  "I. MỤC ĐÍCH, YÊU CẦU",
];

// One line per paragraph, as text exported from Word arrives.
const PARAGRAPHS = [
  "- Tăng cường chỉ đạo và quản lý nhà nước về hội nhập quốc tế; đồng thời xây dựng các biện pháp.",
  "- Nâng cao nhận thức của công chức, viên chức, người lao động trong ngành giáo dục và đào tạo.",
  "Tăng cường hiệu quả hoạt động đối ngoại, chủ động và tích cực hội nhập quốc tế toàn diện.",
  "Phát huy tính chủ động, linh hoạt, sáng tạo của ngành và các đơn vị giáo dục nhằm góp phần.",
  "Hội nhập quốc tế phải trên cơ sở phát huy tối đa nội lực, tiềm năng, lợi thế của thành phố;",
  "Bám sát mục đích, yêu cầu, nội dung và nhiệm vụ Kế hoạch hoạt động của Ban chỉ đạo.",
];

describe("joinBrokenLines", () => {
  it("joins the doc example across a blank line", () => {
    expect(joinBrokenLines("một câu bị\n\ncắt đôi")).toBe("một câu bị cắt đôi");
  });

  it("closes up a paragraph a page break cut", () => {
    const text =
      "tăng cường trao đổi thông tin (trên cơ sở các thoả thuận hợp\n\ntác giữa thành phố Hải Phòng với các đối tác quốc tế);";
    expect(joinBrokenLines(text, false)).toBe(
      "tăng cường trao đổi thông tin (trên cơ sở các thoả thuận hợp tác giữa thành phố Hải Phòng với các đối tác quốc tế);",
    );
  });

  it("joins hard-wrapped lines into paragraphs and keeps the heading apart", () => {
    expect(joinBrokenLines(WRAPPED.join("\n"), true)).toBe(
      [
        "Thực hiện Nghị quyết số 07-NQ/TU ngày 01/8/2022 của Ban Chấp hành Đảng bộ thành phố về một số giải pháp đổi mới, nâng cao chất lượng, hiệu quả công tác tư tưởng của Đảng bộ thành phố đến năm 2025, định hướng đến năm 2030 (sau đây gọi là Nghị quyết số 07-NQ/TU); Chương trình hành động số 40-CTr/TU ngày 18/11/2022 của Ban Thường vụ Thành ủy thực hiện Nghị quyết số 07-NQ/TU Sở Giáo dục và Đào tạo ban hành Kế hoạch triển khai Chương trình hành động số 40-CTr/TU, cụ thể như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",
      ].join("\n"),
    );
  });

  it("detects hard wrapping by itself", () => {
    expect(joinBrokenLines(WRAPPED.join("\n")).split("\n")).toHaveLength(2);
  });

  it("collapses several blank lines between paragraphs into one", () => {
    expect(joinBrokenLines("Câu một.\n\n\n\nCâu hai.", false)).toBe("Câu một.\n\nCâu hai.");
  });

  it("trims trailing spaces", () => {
    expect(joinBrokenLines("Câu một.   \nCâu hai.\t", false)).toBe("Câu một.\nCâu hai.");
  });
});

describe("isHardWrapped", () => {
  it("is true for OCR-style wrapped paragraphs", () => {
    expect(isHardWrapped(WRAPPED)).toBe(true);
  });
});

describe("join-lines negative cases", () => {
  it("never glues an item, bullet, label or heading onto the line before", () => {
    const text = [
      "Nâng cao chất lượng công tác tuyên truyền về hội nhập quốc tế trong toàn ngành",
      "- Thời gian thực hiện: Thường xuyên",
      "Đơn vị chủ trì: Văn phòng Sở",
      "a) Xây dựng kế hoạch tuyên truyền",
      "b) Tổ chức hội nghị quán triệt",
      "2. Công tác truyền thông",
      "Nơi nhận:",
      "KT. GIÁM ĐỐC",
    ].join("\n");
    expect(joinBrokenLines(text, true)).toBe(text);
  });

  it("does not glue a lower-case item after a page break", () => {
    expect(joinBrokenLines("a) Xây dựng kế hoạch\n\nb) tổ chức thực hiện", false)).toBe(
      "a) Xây dựng kế hoạch\n\nb) tổ chức thực hiện",
    );
  });

  it("does not glue anything onto a capitalised heading", () => {
    expect(joinBrokenLines("KẾ HOẠCH\n\ntriển khai công tác năm 2024", false)).toBe(
      "KẾ HOẠCH\n\ntriển khai công tác năm 2024",
    );
  });

  it("does not join across more than three blank lines", () => {
    expect(joinBrokenLines("một câu bị\n\n\n\n\ncắt đôi", false)).toBe("một câu bị\n\ncắt đôi");
  });

  it("does not join capitalised lines of text that is not hard-wrapped", () => {
    const text = "Dòng này không có dấu chấm\nDòng sau viết hoa";
    expect(joinBrokenLines(text, false)).toBe(text);
  });

  it("does not join after a line that ends its sentence, even when wrapped", () => {
    const text = "Kế hoạch này được triển khai trong toàn ngành giáo dục.\nCác đơn vị thực hiện nghiêm túc.";
    expect(joinBrokenLines(text, true)).toBe(text);
  });

  it("is false for one-paragraph-per-line text and for short lines", () => {
    expect(isHardWrapped(PARAGRAPHS)).toBe(false);
    expect(isHardWrapped(["KẾ HOẠCH", "Năm 2024", "I. MỤC ĐÍCH", "1. Mục đích", "- Ngắn"])).toBe(false);
    expect(isHardWrapped([])).toBe(false);
  });
});

describe("joinBrokenLines in hard-wrapped text: short lines end paragraphs", () => {
  it("keeps a short heading off the paragraph below it", () => {
    const para = "Nhim trien khai thuc hien day du quan diem, phuong huong, muc tieu, nhiem vu giai phap";
    const text = [
      "1. Muc dich",
      `${para} trong Nghi quyet so 07-NQ/TU va Chuong trinh hanh dong`,
      "so 40-CTr/TU ngay 18/11/2022 cua Ban Thuong vu Thanh uy.",
      para,
      "Nghi quyet so 07.",
    ].join("\n");
    const out = joinBrokenLines(`${text}\n${text}\n${text}`, true).split("\n");
    expect(out[0]).toBe("1. Muc dich");
    expect(out[1]).toMatch(/Chuong trinh hanh dong so 40-CTr\/TU/);
  });
});

describe("text whose paragraphs are set apart by blank lines (Markdown made from a web page)", () => {
  // The page's source was wrapped wherever its HTML ran long: a continuation may start with a
  // capital or a digit, after a line of any length.
  const WEB = [
    "Thực hiện Quyết định số",
    "2138/QĐ-TTg ngày 27 tháng 9 năm 2025 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh ban hành",
    "Kế hoạch với các nội dung sau:",
    "",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "",
    ...Array.from({ length: 12 }, (_, i) => [
      `${i + 1}.`,
      `Trên cơ sở tài liệu do Trung ương biên soạn, các cơ quan tổ chức tuyên truyền nội dung ${i + 1} của`,
      "Luật và các văn bản quy định chi tiết.",
      "",
      "- Cơ quan thực hiện: Sở Khoa học và Công nghệ; Sở Tư pháp.",
      "",
    ]).flat(),
    "Nơi nhận:",
    "- Bộ Khoa học và Công nghệ;",
    "- Lưu: VT.",
    "",
    "TM. ỦY BAN NHÂN DÂN",
    "KT. CHỦ TỊCH",
    "PHÓ CHỦ TỊCH",
    "Tống Thanh Hải",
  ];

  it("is recognised, and plain one-line-per-paragraph or hard-wrapped text is not", () => {
    expect(isBlankSeparated(WEB)).toBe(true);
    const onePerLine = WEB.filter((l) => l.trim()).map((l) => (/^\d+\.$/.test(l) ? `${l} Nội dung` : l));
    expect(isBlankSeparated(onePerLine)).toBe(false);
  });

  it("joins each paragraph's lines, whatever the first letter of a continuation", () => {
    const lines = joinBrokenLines(WEB.join("\n")).split("\n");
    expect(lines[0]).toBe(
      "Thực hiện Quyết định số 2138/QĐ-TTg ngày 27 tháng 9 năm 2025 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch với các nội dung sau:",
    );
    expect(lines).toContain(
      "1. Trên cơ sở tài liệu do Trung ương biên soạn, các cơ quan tổ chức tuyên truyền nội dung 1 của Luật và các văn bản quy định chi tiết.",
    );
  });

  it("keeps bullets, headings, recipients and the signature's lines apart", () => {
    const lines = joinBrokenLines(WEB.join("\n")).split("\n");
    expect(lines).toContain("I. MỤC ĐÍCH, YÊU CẦU");
    expect(lines).toContain("- Cơ quan thực hiện: Sở Khoa học và Công nghệ; Sở Tư pháp.");
    expect(lines.slice(-8)).toEqual([
      "Nơi nhận:",
      "- Bộ Khoa học và Công nghệ;",
      "- Lưu: VT.",
      "",
      "TM. ỦY BAN NHÂN DÂN",
      "KT. CHỦ TỊCH",
      "PHÓ CHỦ TỊCH",
      "Tống Thanh Hải",
    ]);
  });
});
