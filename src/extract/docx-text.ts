// A Word file's text through mammoth (paragraphs, tables, numbering), as plain text. Only the
// checked XML parts reach mammoth (docx-package.ts), and images are dropped unread. Runs typed in
// legacy fonts (.VnTime, VNI-Times) are put in Unicode first (docx-legacy-fonts.ts): mammoth's
// HTML keeps no font to tell them by.

import mammoth from "mammoth";
import { DomainError } from "../domain/errors.js";
import { convertLegacyFontParts, type FontEncoding } from "./docx-legacy-fonts.js";
import { docxParts } from "./docx-package.js";
import { htmlToText } from "./html-to-text.js";
import { writeZip } from "./zip-write.js";

// An image becomes an empty <img>, which htmlToText skips: its bytes are never read, so never
// inflated (the default converter writes every image into the HTML as a data URI).
const dropImage = mammoth.images.imgElement(() => Promise.resolve({ src: "" }));

/** A Word file's text, and the legacy font encoding its runs were converted from, if any. */
export interface DocxReading {
  text: string;
  legacyEncoding: FontEncoding | null;
  /** Whether the legacy runs were only part of the text, Unicode the rest. */
  partly: boolean;
}

/** Reads a DOCX file: `await readDocx(readFileSync("ke-hoach.docx"))` → `{ text, legacyEncoding: "tcvn3" }`. */
export async function readDocx(bytes: Uint8Array): Promise<DocxReading> {
  const { parts, encoding, partly } = convertLegacyFontParts(docxParts(bytes));
  try {
    const { value } = await mammoth.convertToHtml(
      { buffer: Buffer.from(writeZip(parts)) },
      { convertImage: dropImage },
    );
    return { text: htmlToText(value).normalize("NFC"), legacyEncoding: encoding, partly };
  } catch (error) {
    throw new DomainError(
      "docx.unreadable",
      `Không đọc được tệp Word: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
    );
  }
}

/** Extracts a DOCX file's text: `await docxText(readFileSync("ke-hoach.docx"))`. */
export async function docxText(bytes: Uint8Array): Promise<string> {
  return (await readDocx(bytes)).text;
}
