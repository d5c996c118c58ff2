// Files beyond what kehoach reads are refused before they are read, each with its id and a
// Vietnamese reason that names the limit: a Word file whose text part unpacks to 100 MB (also when
// its directory lies about it), a part packed a thousand to one, a zip of thousands of entries, a
// PDF of 50,000 pages, poster-sized scanned pages, UTF-16 that is not UTF-16. Images in a Word file
// are never unpacked.

import { describe, expect, it } from "vitest";
import { DomainError } from "../domain/errors.js";
import { docxForReading } from "./docx-package.js";
import { docxText } from "./docx-text.js";
import { extractText } from "./extract.js";
import { MAX_DOCX_ENTRIES, MAX_PDF_PAGES } from "./limits.js";
import { ocrAvailable, renderDpi } from "./ocr.js";
import {
  brokenUtf16,
  lyingZipBombDocx,
  manyPagesPdf,
  posterPagesPdf,
  wordFile,
  zipBombDocx,
} from "./test-files.js";
import { zipEntries } from "./zip-read.js";
import { writeZip } from "./zip-write.js";

const OCR = await ocrAvailable();

/** The refusal `work` ends in, and how long it took to come. */
async function refusal(work: () => Promise<unknown>): Promise<{ error: DomainError; ms: number }> {
  const started = performance.now();
  const error = await work().then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return { error, ms: performance.now() - started };
}

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("Word files beyond the limits", () => {
  it("refuses a 300 KB file whose document unpacks to 100 MB, from its directory, in a moment", async () => {
    const bomb = zipBombDocx();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const { error, ms } = await refusal(() => extractText(bomb));
    expect(error.id).toBe("docx.too_large");
    expect(error.message).toMatch(/word\/document\.xml.*giải nén ra 100,\d MB.*tối đa 16 MB/);
    expect(ms).toBeLessThan(1000);
  });

  it("refuses the same file when its directory claims 1 KB: unpacking stops at the limit", async () => {
    const { error } = await refusal(() => extractText(lyingZipBombDocx()));
    expect(error.id).toBe("docx.too_large");
    expect(error.message).toBe(
      "Tệp Word có phần «word/document.xml» giải nén ra hơn 16 MB: quá lớn để đọc (tối đa 16 MB cho mỗi phần văn bản).",
    );
  });

  it("refuses a part packed a thousand to one, even within the size limit, whatever its directory says", async () => {
    for (const bomb of [zipBombDocx(8 * 1024 * 1024), lyingZipBombDocx(8 * 1024 * 1024)]) {
      const { error } = await refusal(() => extractText(bomb));
      expect(error.id).toBe("docx.compression_ratio");
      expect(error.message).toMatch(/phần «word\/document\.xml» nén \d+ lần.*tối đa 200 lần/);
    }
  });

  it("refuses a zip of more entries than a document has", async () => {
    const entries = Array.from({ length: MAX_DOCX_ENTRIES + 1 }, (_, i) => ({
      name: `word/part${i}.xml`,
      bytes: utf8("<x/>"),
    }));
    const { error } = await refusal(() => docxText(writeZip(entries)));
    expect(error.id).toBe("docx.too_many_entries");
    expect(error.message).toContain(`tối đa ${MAX_DOCX_ENTRIES} phần`);
  });

  it("reads a real plan's text and never unpacks its images, even a 100 MB one", async () => {
    const docx = wordFile(["KẾ HOẠCH", "Tập huấn cán bộ năm 2026", "I. NHIỆM VỤ"]);
    // The same file with a picture in its text and a huge image part in word/media.
    const picture =
      '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="rId9"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>';
    const rels =
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/></Relationships>';
    const parts = zipEntries(docx).map((entry) => entry.name);
    expect(parts).toContain("word/document.xml");
    const withImage = writeZip(
      [
        ...(await partsOf(docx)).map((p) =>
          p.name === "word/document.xml"
            ? {
                name: p.name,
                bytes: utf8(new TextDecoder().decode(p.bytes).replace("<w:body>", `<w:body>${picture}`)),
              }
            : p,
        ),
        { name: "word/_rels/document.xml.rels", bytes: utf8(rels) },
        { name: "word/media/image1.png", bytes: new Uint8Array(100 * 1024 * 1024) },
      ],
      { deflate: true },
    );
    const forMammoth = zipEntries(docxForReading(withImage)).map((entry) => entry.name);
    expect(forMammoth).not.toContain("word/media/image1.png");
    const text = await docxText(withImage);
    expect(text).toBe("KẾ HOẠCH\nTập huấn cán bộ năm 2026\nI. NHIỆM VỤ");
  });
});

/** A zip's parts, unpacked (small test files only). */
async function partsOf(zip: Uint8Array): Promise<Array<{ name: string; bytes: Uint8Array }>> {
  const { unzipEntry } = await import("./zip-read.js");
  return zipEntries(zip).map((entry) => ({ name: entry.name, bytes: unzipEntry(zip, entry, 1 << 20) }));
}

describe("PDF files beyond the limits", () => {
  it("refuses a PDF of 50,000 pages as soon as it is open", async () => {
    const pdf = manyPagesPdf();
    const { error, ms } = await refusal(() => extractText(pdf));
    expect(error.id).toBe("pdf.too_many_pages");
    expect(error.message).toBe(
      `Tệp PDF có 50000 trang: quá dài để đọc như một kế hoạch (tối đa ${MAX_PDF_PAGES} trang).`,
    );
    expect(ms).toBeLessThan(5000);
  });

  it.skipIf(!OCR)("refuses poster-sized scanned pages before rendering any", async () => {
    const pdf = posterPagesPdf();
    expect(pdf.length).toBeLessThan(1000);
    const { error, ms } = await refusal(() => extractText(pdf));
    expect(error.id).toBe("pdf.page_too_large");
    expect(error.message).toMatch(
      /^Trang 1 của tệp PDF khổ 176 × 176 cm: quá lớn để nhận dạng chữ \(tối đa khoảng 88 × 88 cm/,
    );
    expect(ms).toBeLessThan(2000);
  });

  it("renders A4 at 300 dpi, larger pages at less, and refuses what would need under 100 dpi", () => {
    const mm = (w: number, h: number) => ({ width: (w / 25.4) * 72, height: (h / 25.4) * 72 });
    expect(renderDpi(mm(210, 297), 1)).toBe(300);
    expect(renderDpi(mm(297, 420), 1)).toBe(249);
    expect(renderDpi(mm(594, 841), 1)).toBe(124);
    expect(() => renderDpi(mm(841, 1189), 2)).toThrow(/Trang 2 của tệp PDF khổ 84 × 119 cm/);
  });
});

describe("text that is not what it claims", () => {
  it("refuses UTF-16 with a BOM and an unpaired surrogate with file.encoding, not a TypeError", async () => {
    const { error } = await refusal(() => extractText(brokenUtf16()));
    expect(error.id).toBe("file.encoding");
    expect(error.message).toContain("UTF-16 LE (BOM)");
    expect(error.message).toContain("không phải UTF-16 hợp lệ");
  });

  it("refuses big-endian UTF-16 whose body is garbage", async () => {
    const bytes = new Uint8Array([0xfe, 0xff, 0x00, 0x4b, 0xdc, 0x00, 0x00, 0x41]);
    const { error } = await refusal(() => extractText(bytes));
    expect(error.id).toBe("file.encoding");
    expect(error.message).toContain("UTF-16 BE (BOM)");
  });
});
