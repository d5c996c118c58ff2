// A Word file's text through mammoth (paragraphs, tables, numbering), as plain text. Only the
// checked XML parts reach mammoth (docx-package.ts), and images are dropped unread.

import mammoth from "mammoth";
import { DomainError } from "../domain/errors.js";
import { docxForReading } from "./docx-package.js";
import { htmlToText } from "./html-to-text.js";

// An image becomes an empty <img>, which htmlToText skips: its bytes are never read, so never
// inflated (the default converter writes every image into the HTML as a data URI).
const dropImage = mammoth.images.imgElement(() => Promise.resolve({ src: "" }));

/** Extracts a DOCX file's text: `await docxText(readFileSync("ke-hoach.docx"))`. */
export async function docxText(bytes: Uint8Array): Promise<string> {
  const checked = docxForReading(bytes);
  try {
    const { value } = await mammoth.convertToHtml(
      { buffer: Buffer.from(checked) },
      { convertImage: dropImage },
    );
    return htmlToText(value).normalize("NFC");
  } catch (error) {
    throw new DomainError(
      "docx.unreadable",
      `Không đọc được tệp Word: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
    );
  }
}
