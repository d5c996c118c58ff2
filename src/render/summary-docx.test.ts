// The Word file read back as Word reads it: unzipped, its XML checked for the page size and margins
// Decree 30/2020/NĐ-CP sets, the font, the header's two columns, the page numbers from page 2, the
// signature block, and every task, unit and figure of the summary it was made from.

import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { compileSummary, type SummaryInput } from "../domain/summary.js";
import { summaryDocx } from "./summary-docx.js";

const item = (reportId: string, unitName: string, results: string, evidence = "") => ({
  reportId,
  unitName,
  status: "done" as const,
  results,
  difficulties: "",
  proposals: "Đề nghị bổ sung kinh phí mua sắm thiết bị",
  evidence,
  documents: evidence ? [evidence] : [],
});

const INPUT: SummaryInput = {
  planId: "1",
  periodDue: "2026-12-15",
  today: "2026-12-20",
  plan: {
    number: "901/KH-SGDĐT",
    issuedOn: "2026-01-15",
    title: "Bảo đảm an toàn trường học năm 2026",
    issuer: "Sở Giáo dục và Đào tạo",
    parentIssuer: "UBND thành phố Hải Phòng",
    place: "Hải Phòng",
    signer: { capacity: "KT. GIÁM ĐỐC", position: "PHÓ GIÁM ĐỐC", name: "Đỗ Thị Hòa" },
    reportsTo: ["UBND thành phố"],
  },
  tasks: Array.from({ length: 30 }, (_, i) => ({
    key: `I.${i + 1}`,
    title: `Nhiệm vụ số ${i + 1} về an toàn trường học`,
    kind: "task" as const,
    work: [
      {
        unitName: `Phòng GDĐT quận ${i + 1}`,
        role: "lead" as const,
        state: i % 2 ? ("in_progress" as const) : ("done_on_time" as const),
        progress: i % 2 ? ("in_progress" as const) : ("done" as const),
        reported: item(
          String(100 + i),
          `Phòng GDĐT quận ${i + 1}`,
          `Kết quả của nhiệm vụ ${i + 1}`,
          `${i + 10}/BC-PGDĐT ngày 01/12/2026`,
        ),
      },
    ],
    below: [],
  })),
  units: Array.from({ length: 30 }, (_, i) => ({ name: `Phòng GDĐT quận ${i + 1}`, accepted: true })),
};

describe("the summary report as a Word file", async () => {
  const doc = compileSummary(INPUT);
  const files = unzipSync(await summaryDocx(doc));
  const xml = strFromU8(files["word/document.xml"] ?? new Uint8Array());
  /** The text of each paragraph, in order. */
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
  );
  const text = paragraphs.join("\n");

  it("is A4 with the margins of Decree 30/2020 and Times New Roman 14", () => {
    const sections = [...xml.matchAll(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    expect(sections).toHaveLength(2);
    // 210 × 297 mm in twips; the appendix turned to landscape.
    expect(sections[0]).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(sections[1]).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
    for (const s of sections) {
      // 20 mm top and bottom (1134 twips), 30 mm left (1701), 15 mm right (850).
      expect(s).toMatch(/w:top="1134"/);
      expect(s).toMatch(/w:bottom="1134"/);
      expect(s).toMatch(/w:left="1701"/);
      expect(s).toMatch(/w:right="850"/);
    }
    const styles = strFromU8(files["word/styles.xml"] ?? new Uint8Array());
    expect(styles).toMatch(/<w:rFonts w:ascii="Times New Roman"/);
    expect(styles).toMatch(/<w:sz w:val="28"\/>/);
    const fonts = new Set([...xml.matchAll(/<w:rFonts w:ascii="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(["Times New Roman"]);
  });

  it("numbers its pages from page 2, at the top centre", () => {
    const first = /<w:titlePg\/>/.test(xml);
    expect(first).toBe(true);
    const headers = Object.entries(files).filter(([name]) => /^word\/header\d+\.xml$/.test(name));
    const withNumber = headers.filter(([, data]) => /PAGE/.test(strFromU8(data)));
    const without = headers.filter(([, data]) => !/PAGE/.test(strFromU8(data)));
    expect(withNumber.length).toBeGreaterThanOrEqual(1);
    expect(without.length).toBeGreaterThanOrEqual(1);
    expect(xml).toMatch(/<w:headerReference w:type="first"/);
  });

  it("heads with the body under its parent and the national motto, then BÁO CÁO and its summary line", () => {
    expect(paragraphs.slice(0, 8)).toEqual([
      "UBND THÀNH PHỐ HẢI PHÒNG",
      "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
      "",
      "Số:      /BC-SGDĐT",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "",
      "Hải Phòng, ngày 20 tháng 12 năm 2026",
    ]);
    expect(paragraphs[8]).toBe("BÁO CÁO");
    expect(paragraphs[9]).toBe(doc.subject);
    // The header is a table of two columns without borders.
    const table = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/)?.[0] ?? "";
    expect([...table.matchAll(/<w:gridCol /g)]).toHaveLength(2);
    expect(table).toMatch(/<w:top w:val="none"/);
  });

  it("holds every task, every unit, the four-state table and the signature beside Nơi nhận", () => {
    for (const t of INPUT.tasks) {
      expect(text).toContain(`${t.key}. ${t.title}`);
      expect(text).toContain(`- ${t.work[0]?.unitName}: Kết quả của nhiệm vụ ${t.key.slice(2)} (`);
    }
    const at = paragraphs.indexOf("Hoàn thành đúng hạn");
    expect(paragraphs.slice(at, at + 3)).toEqual(["Hoàn thành đúng hạn", "15", "50,0%"]);
    expect(paragraphs).toContain("Đang thực hiện trong hạn");
    expect(paragraphs.slice(paragraphs.indexOf("Tổng số"), paragraphs.indexOf("Tổng số") + 3)).toEqual([
      "Tổng số",
      "30",
      "100%",
    ]);
    expect(text).toContain("Nơi nhận:\n- UBND thành phố (để báo cáo);\n- Giám đốc (để báo cáo);\n- Lưu: VT.");
    expect(text).toContain("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nĐỗ Thị Hòa");
    expect(text).toContain("1. Kinh phí, cơ sở vật chất, trang thiết bị");
  });

  it("ends with the appendix table: a heading row repeated on every page and a row per task", () => {
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    const appendix = tables[tables.length - 1] ?? "";
    const rows = [...appendix.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows).toHaveLength(31);
    expect(rows[0]).toMatch(/<w:tblHeader\/>/);
    const cells = (row: string) =>
      [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) =>
        [...c[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("\n"),
      );
    expect(cells(rows[0] ?? "")).toEqual([
      "STT",
      "Nhiệm vụ",
      "Đơn vị chủ trì",
      "Hoàn thành",
      "Đang triển khai",
      "Chưa thực hiện",
      "Kết quả",
      "Sản phẩm, minh chứng (số, ngày văn bản)",
    ]);
    expect(cells(rows[1] ?? "")).toEqual([
      "1",
      "I.1. Nhiệm vụ số 1 về an toàn trường học",
      "Phòng GDĐT quận 1",
      "x",
      "",
      "",
      "Phòng GDĐT quận 1: Kết quả của nhiệm vụ 1",
      "10/BC-PGDĐT ngày 01/12/2026",
    ]);
    expect(cells(rows[2] ?? "").slice(3, 6)).toEqual(["", "x", ""]);
    expect(text).toContain("(Kèm theo Báo cáo số /BC-SGDĐT ngày 20/12/2026 của Sở Giáo dục và Đào tạo)");
  });
});
