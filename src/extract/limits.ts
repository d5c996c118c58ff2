// How much of a file kehoach is willing to read, checked before the reading starts, and the
// refusals (Vietnamese, each with a stable id) for a file beyond them. A plan is tens of pages: the
// limits sit far above any real plan and far below what would bring the server down.

import { DomainError } from "../domain/errors.js";

const MB = 1024 * 1024;

/** Entries in a Word file's zip: a real one has 15–200 (parts, images, fonts). */
export const MAX_DOCX_ENTRIES = 2000;
/**
 * The largest XML part of a Word file once unpacked (word/document.xml and the like): a 200-page
 * plan with tables has a few MB; mammoth needs about 40 times the part in memory.
 */
export const MAX_DOCX_PART_BYTES = 16 * MB;
/** All the XML parts of a Word file together, once unpacked. */
export const MAX_DOCX_PARTS_BYTES = 24 * MB;
/** Unpacked size over packed size beyond which a large part is a zip bomb, not a document (real: 5–40). */
export const MAX_DOCX_RATIO = 200;
/** Parts smaller than this are not judged by their ratio (a small run of blank XML packs very well). */
export const RATIO_CHECKED_FROM_BYTES = 1 * MB;

/** Pages of a PDF: a plan is tens of pages; a file of thousands is a book or a trap. */
export const MAX_PDF_PAGES = 500;

/** Pixels a page is rendered to for OCR: A4 at 300 dpi is 8.7 million, A3 then renders at 250 dpi. */
export const MAX_OCR_PIXELS = 12_000_000;
/** The resolution OCR is best at, and the lowest at which print still reads (a page needing less is refused). */
export const OCR_DPI = 300;
export const MIN_OCR_DPI = 100;

/** Address space each external tool may take (prlimit --as): a runaway page or conversion stops there. */
export const TOOL_MEMORY_BYTES = {
  pdftoppm: 1024 * MB,
  tesseract: 1024 * MB,
  soffice: 3072 * MB,
} as const;

const mb = (bytes: number) => `${(bytes / MB).toFixed(1).replace(".", ",")} MB`;

/** The Word refusals, by cause. */
export const docxRefusals = {
  tooManyEntries: (entries: number) =>
    new DomainError(
      "docx.too_many_entries",
      `Tệp Word gồm ${entries} phần nén: bất thường với một văn bản (tối đa ${MAX_DOCX_ENTRIES} phần).`,
    ),
  /** `bytes` as the directory declares it, or null where unpacking passed the limit (the directory lied). */
  partTooLarge: (name: string, bytes: number | null) =>
    new DomainError(
      "docx.too_large",
      `Tệp Word có phần «${name}» giải nén ra ${bytes === null ? `hơn ${MAX_DOCX_PART_BYTES / MB} MB` : mb(bytes)}: quá lớn để đọc (tối đa ${MAX_DOCX_PART_BYTES / MB} MB cho mỗi phần văn bản).`,
    ),
  partsTooLarge: () =>
    new DomainError(
      "docx.too_large",
      `Các phần văn bản của tệp Word giải nén ra hơn ${MAX_DOCX_PARTS_BYTES / MB} MB cộng lại: quá lớn để đọc.`,
    ),
  compressionRatio: (name: string, ratio: number) =>
    new DomainError(
      "docx.compression_ratio",
      `Tệp Word có phần «${name}» nén ${Math.round(ratio)} lần: bất thường với một văn bản (tối đa ${MAX_DOCX_RATIO} lần), tệp không được đọc.`,
    ),
  broken: (reason: string) => new DomainError("docx.unreadable", `Không đọc được tệp Word: ${reason}.`),
};

/** The PDF refusals, by cause. */
export const pdfRefusals = {
  tooManyPages: (pages: number) =>
    new DomainError(
      "pdf.too_many_pages",
      `Tệp PDF có ${pages} trang: quá dài để đọc như một kế hoạch (tối đa ${MAX_PDF_PAGES} trang).`,
    ),
  pageTooLarge: (page: number, widthCm: number, heightCm: number) => {
    const side = Math.round((Math.sqrt(MAX_OCR_PIXELS) / MIN_OCR_DPI) * 2.54);
    return new DomainError(
      "pdf.page_too_large",
      `Trang ${page} của tệp PDF khổ ${Math.round(widthCm)} × ${Math.round(heightCm)} cm: quá lớn để nhận dạng chữ (tối đa khoảng ${side} × ${side} cm: khổ A1 đọc được, khổ A0 thì không).`,
    );
  },
};
