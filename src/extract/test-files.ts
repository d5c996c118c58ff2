// Files written at test time for the tests of extraction, limits and the pool: small Word files, an
// old Word file and a web page saved by LibreOffice, and files made to bring a reader down (a Word file whose text
// part unpacks to 100 MB, a PDF of 50,000 pages, a PDF of poster-sized pages with no text, sent to
// OCR, and UTF-16 text that is not UTF-16). Nothing here is used outside tests.

import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { writeZip } from "./zip-write.js";

// Written for kehoach: a plan with a header table and a task table, as offices lay them out.
export const DOC_PLAN_HTML = `<html><head><meta charset="utf-8"></head><body>
<table><tr><td>SỞ Y TẾ</td><td>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</td></tr>
<tr><td>Số: 80/KH-SYT</td><td>An Bình, ngày 4 tháng 2 năm 2026</td></tr></table>
<p>KẾ HOẠCH</p><p>Phòng, chống sốt xuất huyết năm 2026</p>
<p>I. NHIỆM VỤ</p><p>Chi tiết tại Phụ lục.</p><p>PHỤ LỤC</p>
<table><tr><td>STT</td><td>Nội dung</td><td>Đơn vị chủ trì</td><td>Đơn vị phối hợp</td><td>Thời gian</td></tr>
<tr><td>1</td><td>Diệt lăng quăng tại các xã</td><td>Trung tâm Kiểm soát bệnh tật</td><td>Trung tâm Y tế các huyện</td><td>Quý II/2026</td></tr>
<tr><td>2</td><td>Truyền thông phòng bệnh</td><td>Phòng Nghiệp vụ Y</td><td>Văn phòng Sở</td><td>Tháng 7/2026</td></tr></table>
</body></html>`;

/** Converts one file with LibreOffice: `convert("plan.html", html, "doc:MS Word 97", "plan.doc")`. */
async function convert(
  name: string,
  content: string | Uint8Array,
  target: string,
  output: string,
): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), "kehoach-convert-test-"));
  try {
    await writeFile(join(dir, name), content);
    await promisify(execFile)(
      "soffice",
      [
        `-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`,
        "--headless",
        "--convert-to",
        target,
        "--outdir",
        dir,
        join(dir, name),
      ],
      { timeout: 120_000 },
    );
    return await readFile(join(dir, output));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Saves HTML as a Word 97–2003 file with LibreOffice, as an office's old Word would have. */
export function saveAsDoc(html: string): Promise<Buffer> {
  return convert("plan.html", html, "doc:MS Word 97", "plan.doc");
}

/** Saves a Word file as Word 97–2003 with LibreOffice: an old .doc with the fonts of its runs. */
export function saveDocxAsDoc(docx: Uint8Array): Promise<Buffer> {
  return convert("plan.docx", docx, "doc:MS Word 97", "plan.doc");
}

/** Saves a Word file as a web page with LibreOffice, as an office's "Save as HTML" does. */
export async function saveAsWebPage(docx: Uint8Array): Promise<string> {
  return (await convert("plan.docx", docx, "html", "plan.html")).toString("utf8");
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const PACKAGE_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

const DOCUMENT_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const DOCUMENT_TAIL = "</w:body></w:document>";
const utf8 = (s: string) => new TextEncoder().encode(s);

/** A Word package around `body`, the paragraphs of word/document.xml as XML. */
function wordPackage(body: Uint8Array): Uint8Array {
  const document = Buffer.concat([utf8(DOCUMENT_HEAD), body, utf8(DOCUMENT_TAIL)]);
  return writeZip(
    [
      { name: "[Content_Types].xml", bytes: utf8(CONTENT_TYPES) },
      { name: "_rels/.rels", bytes: utf8(PACKAGE_RELS) },
      { name: "word/document.xml", bytes: document },
    ],
    { deflate: true },
  );
}

/** A small Word file of these paragraphs: `wordFile(["KẾ HOẠCH", "I. NHIỆM VỤ"])`. */
export function wordFile(paragraphs: readonly string[]): Uint8Array {
  return wordPackage(utf8(paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join("")));
}

/**
 * A Word file of a few hundred KB whose word/document.xml unpacks to about `unpackedBytes`
 * (100 MB): one paragraph repeated, which deflate packs about a thousand to one.
 */
export function zipBombDocx(unpackedBytes = 100 * 1024 * 1024): Uint8Array {
  const paragraph = "<w:p><w:r><w:t>Noi dung ke hoach.</w:t></w:r></w:p>";
  const count = Math.ceil(unpackedBytes / paragraph.length);
  return wordPackage(Buffer.alloc(count * paragraph.length, paragraph));
}

/** The same bomb with its directory lying: it declares every part 1 KB unpacked. */
export function lyingZipBombDocx(unpackedBytes = 100 * 1024 * 1024): Uint8Array {
  const bytes = zipBombDocx(unpackedBytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record (no comment: the last 22 bytes) gives the directory's entry count and offset.
  const end = bytes.length - 22;
  let at = view.getUint32(end + 16, true);
  for (let i = view.getUint16(end + 10, true); i > 0; i--) {
    view.setUint32(at + 24, 1024, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return bytes;
}

/** A PDF written by hand from its objects (1-based, in order), with a cross-reference table. */
function pdfOf(objects: readonly string[]): Uint8Array {
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

/**
 * A PDF of `pages` empty A4 pages (50,000: about 8 MB), in a page tree of 500 pages a node, as a
 * large PDF is built.
 */
export function manyPagesPdf(pages = 50_000): Uint8Array {
  const perNode = 500;
  const nodes = Math.ceil(pages / perNode);
  // 1 catalog, 2 root, 3 … nodes + 2 the page tree's nodes, then the pages.
  const objects = ["<< /Type /Catalog /Pages 2 0 R >>"];
  const nodeId = (k: number) => 3 + k;
  const pageId = (p: number) => 3 + nodes + p;
  const kids = Array.from({ length: nodes }, (_, k) => `${nodeId(k)} 0 R`).join(" ");
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`);
  for (let k = 0; k < nodes; k++) {
    const first = k * perNode;
    const count = Math.min(perNode, pages - first);
    const pageKids = Array.from({ length: count }, (_, i) => `${pageId(first + i)} 0 R`).join(" ");
    objects.push(`<< /Type /Pages /Parent 2 0 R /Kids [${pageKids}] /Count ${count} >>`);
  }
  for (let p = 0; p < pages; p++)
    objects.push(`<< /Type /Page /Parent ${nodeId(Math.floor(p / perNode))} 0 R /MediaBox [0 0 595 842] >>`);
  return pdfOf(objects);
}

/** A PDF of `pages` pages of `size` × `size` points and no text (a scan, to OCR): three of 5000 pt, 176 cm a side. */
export function posterPagesPdf(pages = 3, size = 5000): Uint8Array {
  const objects = ["<< /Type /Catalog /Pages 2 0 R >>"];
  const kids = Array.from({ length: pages }, (_, i) => `${3 + i} 0 R`).join(" ");
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`);
  for (let p = 0; p < pages; p++)
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${size} ${size}] >>`);
  return pdfOf(objects);
}

/** UTF-16 text that is not: a little-endian BOM, a few letters, then an unpaired high surrogate. */
export function brokenUtf16(): Uint8Array {
  const letters = [..."Kế hoạch"].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]);
  return new Uint8Array([0xff, 0xfe, ...letters, 0x00, 0xd8, 0x41, 0x00]);
}
