// The assignment table's Word file, unzipped with fflate and its document.xml read: the page (A4
// landscape, Decree 30's margins), Times New Roman 13, the title and caption, the heading row marked
// to repeat on every page, a row per task.

import { describe, expect, it } from "vitest";
import { paragraphs, tableRows, unzipText } from "../../test/office-files.js";
import { assignmentsFileName, attachedTo } from "./assignments.js";
import { assignmentsDocx } from "./docx-assignments.js";

const table = {
  plan: {
    number: "901/KH-SGDĐT",
    issuedOn: "2026-09-05",
    issuer: "Sở Giáo dục và Đào tạo",
    title: "An toàn",
  },
  rows: [
    {
      task: "Rà soát cơ sở vật chất trường học",
      leads: ["Phòng Kế hoạch – Tài chính"],
      cooperators: ["Phòng Giáo dục Trung học", "Văn phòng Sở"],
      time: "Trong quý IV/2026",
      products: ["Báo cáo rà soát cơ sở vật chất"],
    },
    {
      task: "Tuyên truyền phòng chống bạo lực học đường <R&D>",
      leads: ["Văn phòng Sở"],
      cooperators: [],
      time: "Thường xuyên",
      products: [],
    },
  ],
};

describe("assignmentsDocx", () => {
  it("lays out an A4 landscape page with Decree 30's margins, in Times New Roman 13", async () => {
    const parts = unzipText(await assignmentsDocx(table));
    const doc = parts["word/document.xml"] ?? "";
    const size = /<w:pgSz ([^>]*)\/>/.exec(doc)?.[1] ?? "";
    expect(size).toContain('w:w="16838"');
    expect(size).toContain('w:h="11906"');
    expect(size).toContain('w:orient="landscape"');
    const margins = /<w:pgMar ([^>]*)\/>/.exec(doc)?.[1] ?? "";
    // 20 mm top and bottom, 15 mm right, 30 mm left, in twips.
    for (const m of ['w:top="1134"', 'w:bottom="1134"', 'w:right="850"', 'w:left="1701"'])
      expect(margins).toContain(m);
    const fonts = [...doc.matchAll(/<w:rFonts ([^>]*)\/>/g)].map((m) => m[1] ?? "");
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toContain('w:ascii="Times New Roman"');
    expect(new Set([...doc.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => m[1]))).toEqual(new Set(["26"]));
    // The document's default run is the same.
    expect(parts["word/styles.xml"]).toMatch(
      /<w:docDefaults>[\s\S]*Times New Roman[\s\S]*<w:sz w:val="26"\/>/,
    );
  });

  it("writes the title, the caption, and the table with its heading row repeated on each page", async () => {
    const doc = unzipText(await assignmentsDocx(table))["word/document.xml"] ?? "";
    const texts = paragraphs(doc);
    expect(texts.slice(0, 2)).toEqual([
      "PHỤ LỤC PHÂN CÔNG NHIỆM VỤ",
      "(Kèm theo Kế hoạch số 901/KH-SGDĐT ngày 05 tháng 9 năm 2026 của Sở Giáo dục và Đào tạo)",
    ]);
    const rows = tableRows(doc);
    expect(rows.map((r) => r.cells)).toEqual([
      ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện", "Sản phẩm"],
      [
        "1",
        "Rà soát cơ sở vật chất trường học",
        "Phòng Kế hoạch – Tài chính",
        "Phòng Giáo dục Trung học\nVăn phòng Sở",
        "Trong quý IV/2026",
        "Báo cáo rà soát cơ sở vật chất",
      ],
      ["2", "Tuyên truyền phòng chống bạo lực học đường <R&D>", "Văn phòng Sở", "", "Thường xuyên", ""],
    ]);
    expect(rows[0]?.xml).toContain("<w:tblHeader/>");
    expect(rows[1]?.xml).not.toContain("<w:tblHeader");
    // The table fills the text width of the landscape page: 297 − 30 − 15 mm.
    expect(doc).toMatch(/<w:tblW w:type="dxa" w:w="14287"\/>/);
  });

  it("leaves what the plan does not say as dots, and names the file after the plan", () => {
    expect(attachedTo({ number: null, issuedOn: null, issuer: null, title: null })).toBe(
      "(Kèm theo Kế hoạch số … ngày … tháng … năm …)",
    );
    expect(assignmentsFileName("901/KH-SGDĐT", "docx")).toBe("phu-luc-phan-cong-901-KH-SGDĐT.docx");
    expect(assignmentsFileName(null, "xlsx")).toBe("phu-luc-phan-cong.xlsx");
  });
});
