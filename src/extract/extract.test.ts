// Reading files as agencies send them: real DOCX and PDF from ../shared/corpus/files (skipped with
// a notice where absent), and text in the encodings Vietnamese offices still use.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { FILES, HAS_FILES } from "../../test/shared-corpus.js";
import { DomainError } from "../domain/errors.js";
import { isPlan } from "../parse/is-plan.js";
import { parsePlan } from "../parse/parse-plan.js";
import { extractText, OCR_NOTE } from "./extract.js";
import { htmlToText } from "./html-to-text.js";
import { ocrAvailable } from "./ocr.js";
import { looksGarbled } from "./pdf-text.js";

// Windows-1258 spells a toned letter as its base (with circumflex, breve or horn) plus a combining tone.
function cp1258Form(text: string): string {
  return [...text.normalize("NFC")]
    .map((ch) => {
      const parts = ch.normalize("NFD");
      const tone = parts.match(/[\u0300\u0301\u0303\u0309\u0323]/)?.[0];
      return tone ? parts.replace(tone, "").normalize("NFC") + tone : ch;
    })
    .join("");
}

const PLAN = "KẾ HOẠCH\nHòa nhập cộng đồng\n\nI. NHIỆM VỤ\n1. Tập huấn\n- Chủ trì: Văn phòng Sở\n";

const OCR = await ocrAvailable();
if (!OCR) console.warn("[kehoach] tesseract-ocr-vie or poppler-utils missing: the OCR tests are skipped.");

describe("extractText on text files", () => {
  it.each([
    ["UTF-8", Buffer.from(PLAN, "utf8"), "utf-8"],
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PLAN, "utf8")]), "utf-8"],
    [
      "UTF-16LE with BOM",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PLAN, "utf16le")]),
      "utf-16le",
    ],
    ["UTF-16LE without BOM", Buffer.from(PLAN, "utf16le"), "utf-16le"],
    ["Windows-1258", iconv.encode(cp1258Form(PLAN), "windows-1258"), "windows-1258"],
  ])("reads %s and returns NFC text", async (_name, bytes, encoding) => {
    const r = await extractText(bytes);
    expect(r.encoding).toBe(encoding);
    expect(r.text.replace(/^\uFEFF/, "")).toBe(PLAN.normalize("NFC"));
  });

  it.each([
    ["an empty file", Buffer.alloc(0), "file.empty"],
    ["binary bytes", Buffer.from([0, 1, 2, 3, 255, 254, 0, 7, 8, 9, 0, 0, 1]), "file.binary"],
    ["a legacy .doc", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), "file.unsupported"],
    [
      "a ZIP that is no Word file",
      Buffer.from("PK\u0003\u0004xl/workbook.xml", "latin1"),
      "file.unsupported",
    ],
    ["a broken PDF", Buffer.from("%PDF-1.7\n%âãÏÓ\n"), "pdf.unreadable"],
    ["a file too large", Buffer.alloc(21 * 1024 * 1024, 0x61), "file.too_large"],
  ])("refuses %s with a reason", async (_name, bytes, id) => {
    const error = await extractText(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).id).toBe(id);
  });
});

describe("htmlToText", () => {
  it("writes table rows as tab-separated cells and keeps a cell's paragraphs apart", () => {
    const html =
      "<table><tr><td><p>UBND TỈNH</p></td><td></td><td><p><strong>CỘNG HÒA</strong></p></td></tr></table><p>KẾ HOẠCH</p><table><tr><td>1</td><td><p>Rà soát</p></td><td><p>Đỗ Mạnh Cường</p><p>Vũ Việt Linh</p></td></tr></table>";
    expect(htmlToText(html)).toBe("UBND TỈNH\t\tCỘNG HÒA\nKẾ HOẠCH\n1\tRà soát\tĐỗ Mạnh Cường; Vũ Việt Linh");
  });

  it("writes the closing layout table as blocks: recipients, then the signature", () => {
    const html =
      "<table><tr><td><p>Nơi nhận:</p><p>- Ban Giám đốc Sở;</p><p>- Lưu: VT.</p></td>" +
      "<td><p>KT. GIÁM ĐỐC</p><p>PHÓ GIÁM ĐỐC</p><p>Hoàng Văn Thuân</p></td></tr></table>";
    expect(htmlToText(html)).toBe(
      "Nơi nhận:\n- Ban Giám đốc Sở;\n- Lưu: VT.\n\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nHoàng Văn Thuân\n",
    );
  });

  it("writes a table inside a cell as paragraphs of the outer cell, the outer row kept", () => {
    const html =
      "<table><tr><td><p>1</p></td><td><table><tr><td><p>Sở Y tế</p></td><td><p>Sở Tài chính</p></td></tr></table></td>" +
      "<td><p>Quý II</p></td></tr></table>";
    expect(htmlToText(html)).toBe("1\tSở Y tế; Sở Tài chính\tQuý II");
  });

  it("writes Word's automatic numbering out and decodes entities", () => {
    expect(
      htmlToText("<ol><li>Mục đích<ol><li>Rõ ràng</li></ol></li><li>Nhiệm vụ &amp; giải pháp</li></ol>"),
    ).toBe("1. Mục đích\na) Rõ ràng\n2. Nhiệm vụ & giải pháp");
  });
});

describe("looksGarbled", () => {
  it("tells shifted glyph codes from Vietnamese", () => {
    expect(
      looksGarbled("UBND 7ӌ1+ L¿O CAI &Ӝ1* HO¿ X√ +Ӝ, &+Ӫ 1*+Ƭ$ 9,ӊ7 NAM 6Ӣ C‘NG 7+ѬѪ1* ĈӝF OұS - 7ӵ do"),
    ).toBe(true);
    expect(
      looksGarbled("UBND TỈNH LÀO CAI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM SỞ CÔNG THƯƠNG Độc lập - Tự do"),
    ).toBe(false);
  });
});

describe.skipIf(!HAS_FILES)("real files in ../shared/corpus/files", () => {
  const read = (name: string) => readFileSync(join(FILES, name));

  it("reads the two DOCX plans with their header, tasks and appendix table", async () => {
    for (const name of [
      "KH-2242_23.4.2026_Kiem-tra-cap-GCN-28-don-vi.docx",
      "KH-3898_30.6.2026_Huan-luyen-nguoi-quan-ly.docx",
    ]) {
      const { format, text } = await extractText(read(name));
      expect(format).toBe("docx");
      const plan = parsePlan(text);
      expect(isPlan(plan).ok).toBe(true);
      expect(plan.document).toMatchObject({
        type: "KH",
        number: "/KH-SCT",
        issuer: "Sở Công Thương",
        parentIssuer: "UBND tỉnh Lào Cai",
        place: "Lào Cai",
        year: 2026,
      });
      expect(plan.tasks.length).toBeGreaterThanOrEqual(8);
      // The closing layout table: recipients on the left, the signature on the right.
      expect(plan.document.signer).toEqual({
        capacity: "KT. GIÁM ĐỐC",
        position: "PHÓ GIÁM ĐỐC",
        name: "Hoàng Văn Thuân",
      });
      expect(plan.document.recipients[0]).toBe("Ban Giám đốc Sở");
      // The appendix table names the people who do each step.
      expect(plan.tasks.some((t) => t.leads.includes("Vũ Việt Linh"))).toBe(true);
    }
  });

  it("repairs the PDF whose fonts lost their character map, digits included, and says so", async () => {
    const { text, repaired } = await extractText(read("3036_SCT-CN_KHKTNT_kho-VLNCN_MongSen1_3.6.2026.pdf"));
    expect(repaired).toBe(true);
    // The text layer gave "&Ӝ1* HO¿ X√ +Ӝ, &+Ӫ 1*+Ƭ$ 9,ӊ7 NAM" and "Vӕ 1Ĉ&3".
    expect(text).toContain("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(text).toContain("Sở Công Thương nhận được Giấy mời số 21.5/GM-BL ngày 21/5/2026");
    expect(text).toContain("Nghị định số 06/2021/NĐ-CP ngày 26/01/2021");
    expect(text).toContain("Kiểm tra hiện trường công trình, đối chiếu với hồ sơ thiết kế xây dựng");
  });

  it.skipIf(!OCR)(
    "reads the scanned PDF by OCR, and says so",
    async () => {
      const { text, ocr, notes } = await extractText(read("CV-813-CucHoaChat-scan.pdf"));
      expect(ocr).toBe(true);
      expect(notes).toEqual([OCR_NOTE]);
      expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
      expect(text).toContain("Kính gửi: Cục Hải quan");
      expect(text).toContain("Nghị định số 26/2026/NĐ-CP");
    },
    120_000,
  );

  it("refuses the scanned PDF with the reason where OCR is switched off", async () => {
    process.env.KEHOACH_OCR = "off";
    try {
      await expect(extractText(read("CV-813-CucHoaChat-scan.pdf"))).rejects.toMatchObject({
        id: "pdf.scanned",
        message: expect.stringContaining("tesseract-ocr-vie"),
      });
    } finally {
      delete process.env.KEHOACH_OCR;
    }
  });
});
