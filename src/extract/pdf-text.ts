// The text layer of a PDF (unpdf, built on PDF.js), with the two defects Vietnamese PDFs often
// have recognised rather than stored: no text layer at all (a scan), and a text layer whose glyph
// codes are shifted ("&Ӝ1* HOÀ XÃ +Ӝ, &+Ӫ 1*+Ƭ$ 9,ӊ7 NAM" for "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
// which is repaired (glyph-repair.ts) and refused only where the repair does not read.

import { extractText, getDocumentProxy } from "unpdf";
import type { PDFDocumentProxy } from "unpdf/pdfjs";
import { DomainError } from "../domain/errors.js";
import { repairRuns, type TextRun } from "./glyph-repair.js";
import { MAX_PDF_PAGES, pdfRefusals } from "./limits.js";
import { MAX_OCR_PAGES, ocrAvailable, ocrPdf, type PageSize, renderDpi } from "./ocr.js";
import { fillStampedHeader, firstPageWithStamps, headerHasBlanks } from "./pdf-stamps.js";
import { type PlacedText, pageWithTables, type TableColumns } from "./pdf-tables.js";

/** Letters from scripts a Vietnamese document never uses but shifted glyph codes land in. */
// (Latin Extended-B is left out: ơ and ư live there.)
const FOREIGN = /[\u0370-\u052F\u02B0-\u02FF]/g;
// Fragments shifted encodings leave where Vietnamese capitals were: "&Ӝ1*" | "+Ӝ," | "1*+"
const SHIFTED_FRAGMENT = /[&+][\u0400-\u052F]|\d\*\+|[\u0400-\u052F]\d\*/g;

/** True when a text layer is shifted glyph codes rather than Vietnamese. */
export function looksGarbled(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 20) return false;
  const foreign = text.match(FOREIGN)?.length ?? 0;
  const fragments = text.match(SHIFTED_FRAGMENT)?.length ?? 0;
  return foreign / letters > 0.02 || fragments >= 3;
}

export interface PdfOptions {
  /** A folder of the job's own for OCR's page images (removed by whoever made it). */
  workDir?: string;
  /** Told the number of pages before OCR starts: OCR takes seconds a page, a caller may allow for it. */
  onOcrPages?: (pages: number) => void;
  /** Told as each page is read by OCR: `(done, pages)`. */
  onOcrPage?: (done: number, pages: number) => void;
}

async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  try {
    // verbosity 0: PDF.js keeps its warnings ("Indexing all PDF objects") to itself.
    return await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (error) {
    throw unreadable(error);
  }
}

function unreadable(error: unknown): DomainError {
  return new DomainError(
    "pdf.unreadable",
    `Không đọc được tệp PDF: ${error instanceof Error ? error.message : String(error)}`,
  );
}

/** The size each page is shown at, in points, for OCR to render it no larger than it may. */
async function pageSizes(pdf: PDFDocumentProxy, count: number): Promise<PageSize[]> {
  const sizes: PageSize[] = [];
  for (let n = 1; n <= count; n++) {
    const page = await pdf.getPage(n);
    // view: [x0, y0, x1, y1] of the crop box; userUnit: points per unit (PDF 1.6, usually 1).
    const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
    const unit = page.userUnit || 1;
    sizes.push({ width: Math.abs(x1 - x0) * unit, height: Math.abs(y1 - y0) * unit });
  }
  return sizes;
}

/**
 * Extracts a PDF's text, one page after another: a scan is read by OCR (`ocr`), shifted glyph codes
 * are repaired (`repaired`); throws "pdf.scanned" or "pdf.garbled" where neither reads, and
 * "pdf.too_many_pages" for a file beyond MAX_PDF_PAGES, checked as soon as it is open.
 */
export async function pdfText(
  bytes: Uint8Array,
  options: PdfOptions = {},
): Promise<{ text: string; pages: number; repaired: boolean; ocr?: boolean }> {
  const pdf = await openPdf(bytes);
  const totalPages = pdf.numPages;
  if (totalPages > MAX_PDF_PAGES) throw pdfRefusals.tooManyPages(totalPages);
  let pages: string[];
  try {
    const result = await extractText(pdf, { mergePages: false });
    pages = result.text as string[];
  } catch (error) {
    throw unreadable(error);
  }
  const text = pages.join("\n\n").normalize("NFC");
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 30 * Math.max(1, totalPages) * 0.2) {
    // A scan: read by OCR where the machine can; else refused with what it would take.
    if (!(await ocrAvailable()))
      throw new DomainError(
        "pdf.scanned",
        `Tệp PDF là bản quét (${totalPages} trang, không có lớp chữ): máy chủ chưa cài bộ nhận dạng chữ (gói tesseract-ocr-vie và poppler-utils). Hãy nhập tệp Word hoặc văn bản nếu có.`,
      );
    if (totalPages > MAX_OCR_PAGES)
      throw new DomainError(
        "pdf.scanned",
        `Tệp PDF là bản quét ${totalPages} trang: quá dài để nhận dạng chữ (tối đa ${MAX_OCR_PAGES} trang).`,
      );
    const sizes = await pageSizes(pdf, totalPages).catch((error: unknown) => {
      throw unreadable(error);
    });
    // Every page's size is judged before anything is rendered (pdf.page_too_large).
    sizes.forEach((size, i) => {
      renderDpi(size, i + 1);
    });
    options.onOcrPages?.(totalPages);
    const read = await ocrPdf(bytes, sizes, {
      ...(options.workDir ? { workDir: options.workDir } : {}),
      ...(options.onOcrPage ? { onPageRead: options.onOcrPage } : {}),
    });
    if ((read.match(/\p{L}/gu)?.length ?? 0) < 100)
      throw new DomainError(
        "pdf.scanned",
        `Tệp PDF là bản quét (${totalPages} trang) và không nhận dạng được chữ.`,
      );
    return { text: read, pages: totalPages, repaired: false, ocr: true };
  }
  if (!looksGarbled(text)) {
    const withTables = (await rebuildTables(pdf, pages).catch(() => null)) ?? text;
    return { text: await withStamps(withTables, bytes, options), pages: totalPages, repaired: false };
  }
  const repaired = await repairedText(pdf).catch(() => null);
  if (repaired && !looksGarbled(repaired)) return { text: repaired, pages: totalPages, repaired: true };
  throw new DomainError(
    "pdf.garbled",
    "Lớp chữ của tệp PDF bị lệch mã phông (ví dụ «&Ӝ1* HOÀ» thay cho «CỘNG HÒA») và không sửa được. Hãy nhập tệp Word gốc nếu có.",
  );
}

/** The text with the header's blank number and day filled from the signature's stamps, where any. */
async function withStamps(text: string, bytes: Uint8Array, options: PdfOptions): Promise<string> {
  if (!headerHasBlanks(text)) return text;
  const stamped = await firstPageWithStamps(bytes, options.workDir);
  return stamped ? fillStampedHeader(text, stamped.normalize("NFC")) : text;
}

/** The whole document's runs, each font's glyph codes repaired, joined as unpdf joins them. */
async function repairedText(pdf: PDFDocumentProxy): Promise<string> {
  const runs: TextRun[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    // Without normalisation: the control codes that stand for digits must survive.
    const content = await page.getTextContent({ disableNormalization: true });
    for (const item of content.items)
      if ("str" in item) runs.push({ str: item.str, font: item.fontName, eol: item.hasEOL });
    runs.push({ str: "\n\n", font: "", eol: false });
  }
  const { runs: fixed } = repairRuns(runs);
  return (
    fixed
      .map((r) => r.str + (r.eol ? "\n" : ""))
      .join("")
      // (glyphs left unworked keep their codes; normalisation removes the control ones)
      .trim()
      .normalize("NFC")
  );
}

/** The pages' text with the task tables rebuilt from word positions; null when no page has one. */
async function rebuildTables(pdf: PDFDocumentProxy, pages: string[]): Promise<string | null> {
  let found = false;
  let carried: TableColumns | undefined;
  const out: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    const items: PlacedText[] = [];
    for (const item of content.items)
      if ("str" in item && item.str.trim())
        items.push({
          str: item.str,
          x: item.transform[4] ?? 0,
          y: item.transform[5] ?? 0,
          size: Math.abs(item.transform[3] ?? 0) || 12,
          width: item.width,
        });
    const rebuilt = pageWithTables(items, carried);
    if (rebuilt) found = true;
    // A table that fills the page to its foot may go on over the next one.
    carried = rebuilt?.columns;
    out.push(rebuilt?.text ?? pages[n - 1] ?? "");
  }
  return found ? out.join("\n\n").normalize("NFC") : null;
}
