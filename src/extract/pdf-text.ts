// The text layer of a PDF (unpdf, built on PDF.js), with the two defects Vietnamese PDFs often
// have recognised rather than stored: no text layer at all (a scan), and a text layer whose glyph
// codes are shifted ("&Ӝ1* HOÀ XÃ +Ӝ, &+Ӫ 1*+Ƭ$ 9,ӊ7 NAM" for "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").

import { extractText, getDocumentProxy } from "unpdf";
import { DomainError } from "../domain/errors.js";

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

/** Extracts a PDF's text, one page after another: throws "pdf.scanned" or "pdf.garbled". */
export async function pdfText(bytes: Uint8Array): Promise<{ text: string; pages: number }> {
  let pages: string[];
  let totalPages: number;
  try {
    // verbosity 0: PDF.js keeps its warnings ("Indexing all PDF objects") to itself.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    const result = await extractText(pdf, { mergePages: false });
    totalPages = result.totalPages;
    pages = result.text as string[];
  } catch (error) {
    throw new DomainError(
      "pdf.unreadable",
      `Không đọc được tệp PDF: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const text = pages.join("\n\n").normalize("NFC");
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 30 * Math.max(1, totalPages) * 0.2) {
    throw new DomainError(
      "pdf.scanned",
      `Tệp PDF là bản quét (${totalPages} trang, không có lớp chữ): cần nhận dạng chữ (OCR), chức năng này sẽ có ở bản sau. Hãy nhập tệp Word hoặc văn bản nếu có.`,
    );
  }
  if (looksGarbled(text)) {
    throw new DomainError(
      "pdf.garbled",
      "Lớp chữ của tệp PDF bị lệch mã phông (ví dụ «&Ӝ1* HOÀ» thay cho «CỘNG HÒA»): chưa sửa được ở bản này. Hãy nhập tệp Word gốc nếu có.",
    );
  }
  return { text, pages: totalPages };
}
