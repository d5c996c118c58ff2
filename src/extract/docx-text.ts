// A Word file's text through mammoth (paragraphs, tables, numbering), as plain text.

import mammoth from "mammoth";
import { DomainError } from "../domain/errors.js";
import { htmlToText } from "./html-to-text.js";

/** Extracts a DOCX file's text: `await docxText(readFileSync("ke-hoach.docx"))`. */
export async function docxText(bytes: Uint8Array): Promise<string> {
  try {
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    return htmlToText(value).normalize("NFC");
  } catch (error) {
    throw new DomainError(
      "docx.unreadable",
      `Không đọc được tệp Word: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
    );
  }
}
