// Markdown: a real crawl of a legal-database page kept as .md (Quyết định 254/QĐ-UBND of Sơn La
// issuing its 2023 plan; test/fixtures/SOURCES.md), read by name, through markdown-it, with its
// crawler's own lines left in; and the Markdown a crawler writes, piece by piece.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../test/shared-corpus.js";
import { isPlan } from "../parse/is-plan.js";
import { parsePlan } from "../parse/parse-plan.js";
import { extractText } from "./extract.js";
import { markdownToText, stripFrontMatter } from "./markdown-text.js";

const CRAWL = readFileSync(join(PROJECT_ROOT, "test/fixtures/qd254-2023-ubnd-sonla-ke-hoach-bao-ve-bmnn.md"));

describe("a real .md crawl of a plan issued by a decision (254/QĐ-UBND, Sơn La, 2023)", () => {
  it("is read as Markdown by its name, its pipe tables as the page printed them", async () => {
    const { format, mediaType, text } = await extractText(CRAWL, { fileName: "file_data_20.md" });
    expect({ format, mediaType }).toEqual({ format: "md", mediaType: "text/markdown" });
    // "| ỦY BAN NHÂN DÂN TỈNH SƠN LA ------- | CỘNG HÒA … --------------- |" and the number's row.
    expect(text).toContain(
      [
        "ỦY BAN NHÂN DÂN TỈNH SƠN LA",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "",
        "Số: 254/QĐ-UBND",
        "Sơn La, ngày 17 tháng 02 năm 2023",
        "",
        "QUYẾT ĐỊNH",
      ].join("\n"),
    );
    // The closing row as printed: recipients one a line, then the signature.
    expect(text).toContain("Nơi nhận:\n- Bộ Công an (Cục A03 - để b/c);\n- Thường trực Tỉnh ủy (để b/c);");
    expect(text).toContain("- Lưu: VT, NC, ĐH30b.\nCHỦ TỊCH\nHoàng Quốc Khánh\n");
    // Numbered paragraphs apart by blank lines keep their numbers on their lines; no Markdown left.
    expect(text).toMatch(/^3\. Tổ chức rà soát, đề xuất sửa đổi, bổ sung danh mục BMNN/m);
    expect(text).not.toMatch(/\*\*|^#|^\|/m);
  });

  it("gives the plan as printed: number, date, issuer, title, signer, recipients, the tasks of II", async () => {
    const plan = parsePlan((await extractText(CRAWL, { fileName: "file_data_20.md" })).text);
    expect(isPlan(plan).ok).toBe(true);
    expect(plan.document).toMatchObject({
      number: "254/QĐ-UBND",
      date: "2023-02-17",
      issuer: "Ủy ban nhân dân tỉnh Sơn La",
      place: "Sơn La",
      title: "THỰC HIỆN CÔNG TÁC BẢO VỆ BÍ MẬT NHÀ NƯỚC NĂM 2023",
      signer: { position: "CHỦ TỊCH", name: "Hoàng Quốc Khánh" },
    });
    expect(plan.document.recipients.slice(0, 2)).toEqual([
      "Bộ Công an (Cục A03 - để b/c)",
      "Thường trực Tỉnh ủy (để b/c)",
    ]);
    // "II. NỘI DUNG CÔNG TÁC": eight numbered items, each a task.
    const section2 = plan.tasks.filter((t) => t.id.startsWith("II."));
    expect(section2.map((t) => t.id)).toEqual(Array.from({ length: 8 }, (_, i) => `II.${i + 1}`));
    expect(section2[2]?.title).toMatch(/^Tổ chức rà soát, đề xuất sửa đổi, bổ sung danh mục BMNN/);
  });

  it("is plain text under any other name, as before", async () => {
    const { format, text } = await extractText(CRAWL, { fileName: "file_data_20.txt" });
    expect(format).toBe("txt");
    expect(text).toContain("| Số: 254/QĐ-UBND | Sơn La, ngày 17 tháng 02 năm 2023 |");
  });
});

describe("markdownToText", () => {
  it("writes a task table's rows together as tab-separated cells, a <br> in a cell as a space", () => {
    const md = [
      "**PHỤ LỤC**",
      "",
      "| STT | Nội dung | Đơn vị chủ trì | Thời gian |",
      "|---|---|---|---|",
      "| 1 | Tập huấn<br>cán bộ | Văn phòng Sở | Quý II/2026 |",
      "| 2 | Kiểm tra | Thanh tra Sở | Tháng 9/2026 |",
    ].join("\n");
    expect(markdownToText(md)).toBe(
      "PHỤ LỤC\n\nSTT\tNội dung\tĐơn vị chủ trì\tThời gian\n1\tTập huấn cán bộ\tVăn phòng Sở\tQuý II/2026\n2\tKiểm tra\tThanh tra Sở\tTháng 9/2026",
    );
  });

  it("keeps blocks apart by a blank line, numbers and bullets as written, and no typography", () => {
    const md =
      '# KẾ HOẠCH\nPhòng, chống dịch\n\n2. Tổ chức "ra quân" -- đợt 1\n3. Kiểm tra\n\n- Chủ trì: Sở Y tế';
    expect(markdownToText(md)).toBe(
      'KẾ HOẠCH\n\nPhòng, chống dịch\n\n2. Tổ chức "ra quân" -- đợt 1\n\n3. Kiểm tra\n\n- Chủ trì: Sở Y tế',
    );
  });

  it("joins a paragraph a converter wrapped, but keeps the lines of a table it flattened", () => {
    // As converters write a page's header: cells one under the other, a bar alone between them.
    const md = [
      "|",
      "**ỦY BAN NHÂN DÂN**",
      "TỈNH LAI CHÂU",
      "--------",
      "|",
      "**CỘNG HÒA XÃ",
      "HỘI CHỦ NGHĨA VIỆT NAM**",
      "|",
      "",
      "Căn cứ Thông tư số",
      "06/2022/TT-BTTTT ngày 30 tháng 6 năm 2022;",
    ].join("\n");
    expect(markdownToText(md)).toBe(
      [
        "|",
        "ỦY BAN NHÂN DÂN",
        "TỈNH LAI CHÂU",
        "--------",
        "|",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "|",
        "",
        "Căn cứ Thông tư số 06/2022/TT-BTTTT ngày 30 tháng 6 năm 2022;",
      ].join("\n"),
    );
  });

  it("leaves out a crawler's front matter, and only that", () => {
    expect(stripFrontMatter("---\ntitle: Kế hoạch 75\nsource: https://x.vn\n---\nKẾ HOẠCH")).toBe("KẾ HOẠCH");
    expect(stripFrontMatter('---json\n{ "slug": "kh-01" }\n---\nKẾ HOẠCH')).toBe("KẾ HOẠCH");
    // A rule under a body's name is the document's, not front matter.
    expect(stripFrontMatter("---\nSỞ Y TẾ\n---\nKẾ HOẠCH")).toBe("---\nSỞ Y TẾ\n---\nKẾ HOẠCH");
  });
});
