// File bytes → text, by what the bytes are: DOCX, PDF, a web page, plain text. The file name is
// asked only where the bytes cannot tell: Markdown is text, and a web page's fragment may open
// with no tag.

import { DomainError } from "../domain/errors.js";
import type { LegacyEncoding } from "../text/legacy/codec.js";
import { docConversionAvailable, docToDocx } from "./doc-convert.js";
import { readDocx } from "./docx-text.js";
import { decodeHtmlBytes } from "./html-encoding.js";
import { convertLegacyDocx, convertLegacyText, legacyField } from "./legacy-text.js";
import { markdownToText } from "./markdown-text.js";
import { pdfText } from "./pdf-text.js";
import { decodeTextFile } from "./text-encoding.js";
import { textKind } from "./text-kind.js";
import { webPageText } from "./web-page.js";

export type SourceFormat = "txt" | "doc" | "docx" | "pdf" | "html" | "md";

export interface Extracted {
  format: SourceFormat;
  text: string;
  mediaType: string;
  /** For text files and web pages: the encoding found. */
  encoding?: string;
  /**
   * Text typed in a legacy Vietnamese encoding was found and converted to Unicode (the whole text
   * or part of it: a TCVN3 table in a Unicode document); a note says so.
   */
  legacyEncoding?: LegacyEncoding;
  /** For PDFs: the text layer's glyph codes were shifted and have been repaired (worth a look). */
  repaired?: boolean;
  /** For PDFs: a scan, read by OCR (worth a look). */
  ocr?: boolean;
  /** What a person is told about how the text was got: to go with the plan's warnings. */
  notes: string[];
}

/** What a person is told about a PDF whose text layer was repaired. */
export const REPAIRED_NOTE =
  "Lớp chữ của tệp PDF bị lệch mã phông và đã được sửa tự động: cần đối chiếu với bản in.";
/** What a person is told about a scan read by OCR. */
export const OCR_NOTE = "Văn bản được nhận dạng chữ (OCR) từ bản quét: cần đối chiếu với bản in.";

/** The largest file kehoach reads: plans are tens of pages, not hundreds of megabytes. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

function startsWith(bytes: Uint8Array, ascii: string): boolean {
  for (let i = 0; i < ascii.length; i++) if (bytes[i] !== ascii.charCodeAt(i)) return false;
  return true;
}

/** Where extraction may put its files, and what it tells its caller as it goes. */
export interface ExtractOptions {
  /** The file's name as sent ("ke-hoach.md"): tells Markdown and a web page's fragment from text. */
  fileName?: string;
  /** A folder of the job's own for OCR images and LibreOffice (removed by whoever made it). */
  workDir?: string;
  /** Told the number of pages before OCR starts (seconds a page: a caller may allow for it). */
  onOcrPages?: (pages: number) => void;
  /** Told as each page is read by OCR: `(done, pages)`, for a progress bar. */
  onOcrPage?: (done: number, pages: number) => void;
}

/** Reads any supported file: `await extractText(readFileSync(path))`. Throws DomainError with a reason. */
export async function extractText(bytes: Uint8Array, options: ExtractOptions = {}): Promise<Extracted> {
  if (bytes.length > MAX_FILE_BYTES) {
    throw new DomainError(
      "file.too_large",
      `Tệp quá lớn: ${(bytes.length / 1048576).toFixed(1)} MB, tối đa ${MAX_FILE_BYTES / 1048576} MB.`,
    );
  }
  if (startsWith(bytes, "%PDF")) {
    const { text, repaired, ocr } = await pdfText(bytes, options);
    // A text layer from a .VnTime font reads "KÕ ho¹ch"; OCR reads the page in Unicode.
    const legacy = ocr ? { text, notes: [] } : convertLegacyText(text);
    const notes = [...(repaired ? [REPAIRED_NOTE] : []), ...(ocr ? [OCR_NOTE] : []), ...legacy.notes];
    return {
      format: "pdf",
      text: legacy.text,
      mediaType: "application/pdf",
      notes,
      ...(repaired ? { repaired } : {}),
      ...(ocr ? { ocr } : {}),
      ...legacyField(legacy),
    };
  }
  if (startsWith(bytes, "PK\u0003\u0004")) {
    const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 65536))).toString("latin1");
    if (!head.includes("word/"))
      throw new DomainError(
        "file.unsupported",
        "Tệp nén (ZIP/Excel/PowerPoint) không phải văn bản Word: chưa đọc được.",
      );
    const docx = convertLegacyDocx(await readDocx(bytes));
    return {
      format: "docx",
      text: docx.text,
      mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      notes: docx.notes,
      ...legacyField(docx),
    };
  }
  if (startsWith(bytes, "\u00d0\u00cf\u0011\u00e0")) {
    // An old Office file (.doc, also .xls and .ppt): converted to .docx by LibreOffice where it is installed.
    if (!(await docConversionAvailable()))
      throw new DomainError(
        "file.unsupported",
        "Tệp Word cũ (.doc) cần LibreOffice để đọc (gói libreoffice-writer-nogui), máy chủ chưa cài: hãy lưu lại dưới dạng .docx.",
      );
    const docx = await docToDocx(bytes, options.workDir).catch(() => null);
    // LibreOffice keeps each run's font: runs in .VnTime and VNI-Times are converted as in a .docx.
    const reading = docx ? await readDocx(docx).catch(() => null) : null;
    const doc = reading ? convertLegacyDocx(reading) : { text: "", notes: [] };
    // A broken or non-Word Office file converts to nothing readable (LibreOffice may read its bytes as text).
    if ((doc.text.match(/\p{Script=Latin}/gu)?.length ?? 0) < 20)
      throw new DomainError(
        "file.unsupported",
        "Không đọc được tệp Office cũ này như một văn bản Word: hãy lưu lại dưới dạng .docx.",
      );
    return {
      format: "doc",
      text: doc.text,
      mediaType: "application/msword",
      notes: doc.notes,
      ...legacyField(doc),
    };
  }
  const kind = textKind(bytes, options.fileName);
  if (kind === "html") {
    if (bytes.length === 0) throw new DomainError("file.empty", "Tệp rỗng.");
    const decoded = decodeHtmlBytes(bytes);
    const text = webPageText(decoded.html).normalize("NFC");
    if (!text.trim())
      throw new DomainError(
        "file.empty",
        "Trang web không có chữ nào để đọc (chỉ có mã, hình hoặc khung trang).",
      );
    // Bytes in TCVN3 or VNI were converted as they were decoded; else the page's text is judged.
    const page = decoded.legacyEncoding
      ? { text, legacyEncoding: decoded.legacyEncoding, notes: decoded.notes ?? [] }
      : convertLegacyText(text);
    return {
      format: "html",
      text: page.text,
      mediaType: "text/html",
      encoding: decoded.encoding,
      notes: page.notes,
      ...legacyField(page),
    };
  }
  const { text, encoding, notes, ...legacy } = decodeTextFile(bytes);
  if (kind === "markdown") {
    const plain = markdownToText(text).normalize("NFC");
    if (!plain.trim()) throw new DomainError("file.empty", "Tệp Markdown không có chữ nào để đọc.");
    return { format: "md", text: plain, mediaType: "text/markdown", encoding, notes, ...legacy };
  }
  return { format: "txt", text, mediaType: "text/plain", encoding, notes, ...legacy };
}
