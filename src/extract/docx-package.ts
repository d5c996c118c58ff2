// The parts of a Word file that are read, checked before any is inflated: the zip's directory
// (how many entries, their declared sizes, how hard they are packed), then each XML part unpacked
// with a ceiling. Images, fonts and embedded objects are left packed: the text is all kehoach needs.

import {
  docxRefusals,
  MAX_DOCX_ENTRIES,
  MAX_DOCX_PART_BYTES,
  MAX_DOCX_PARTS_BYTES,
  MAX_DOCX_RATIO,
  RATIO_CHECKED_FROM_BYTES,
} from "./limits.js";
import { unzipEntry, type ZipEntry, ZipError, ZipLimitError, zipEntries } from "./zip-read.js";
import { writeZip } from "./zip-write.js";

// "word/document.xml" | "word/_rels/document.xml.rels" | "[Content_Types].xml": the parts mammoth
// reads are XML; "word/media/image1.png" | "word/embeddings/oleObject1.bin" are not read at all.
const XML_PART = /\.(?:xml|rels)$/i;

/** A large part packed far harder than text packs is a bomb: refused by its ratio. */
function refuseRatio(name: string, unpacked: number, packed: number): void {
  const ratio = unpacked / Math.max(packed, 1);
  if (unpacked >= RATIO_CHECKED_FROM_BYTES && ratio > MAX_DOCX_RATIO)
    throw docxRefusals.compressionRatio(name, ratio);
}

function refuseByDirectory(entries: readonly ZipEntry[]): void {
  if (entries.length > MAX_DOCX_ENTRIES) throw docxRefusals.tooManyEntries(entries.length);
  let total = 0;
  for (const entry of entries) {
    if (!XML_PART.test(entry.name)) continue;
    if (entry.unpackedBytes > MAX_DOCX_PART_BYTES)
      throw docxRefusals.partTooLarge(entry.name, entry.unpackedBytes);
    refuseRatio(entry.name, entry.unpackedBytes, entry.packedBytes);
    total += entry.unpackedBytes;
    if (total > MAX_DOCX_PARTS_BYTES) throw docxRefusals.partsTooLarge();
  }
}

/** One part unpacked within `room` bytes, or the refusal that says why not. */
function unzipWithin(bytes: Uint8Array, entry: ZipEntry, room: number): Uint8Array {
  try {
    return unzipEntry(bytes, entry, room);
  } catch (error) {
    if (error instanceof ZipLimitError)
      throw room < MAX_DOCX_PART_BYTES
        ? docxRefusals.partsTooLarge()
        : docxRefusals.partTooLarge(entry.name, null);
    throw docxRefusals.broken(error instanceof ZipError ? error.message : String(error));
  }
}

/** One XML part of a Word file, unpacked: "word/document.xml" and its bytes. */
export interface DocxPart {
  name: string;
  bytes: Uint8Array;
}

/**
 * The Word file's XML parts, checked and unpacked: `docxParts(bytes)` → [{ name:
 * "word/document.xml", bytes }, …]. Throws the refusals of limits.ts (docx.too_large,
 * docx.compression_ratio, …) or docx.unreadable.
 */
export function docxParts(bytes: Uint8Array): DocxPart[] {
  let entries: ZipEntry[];
  try {
    entries = zipEntries(bytes);
  } catch (error) {
    throw docxRefusals.broken(error instanceof Error ? error.message : String(error));
  }
  refuseByDirectory(entries);
  const parts: DocxPart[] = [];
  let total = 0;
  for (const entry of entries) {
    if (!XML_PART.test(entry.name)) continue;
    // The directory may lie about sizes: the ceiling holds whatever it says.
    const room = Math.min(MAX_DOCX_PART_BYTES, MAX_DOCX_PARTS_BYTES - total);
    const part = unzipWithin(bytes, entry, room);
    // What it really unpacked to is judged too, whatever the directory said.
    refuseRatio(entry.name, part.length, entry.packedBytes);
    total += part.length;
    parts.push({ name: entry.name, bytes: part });
  }
  return parts;
}

/**
 * The Word file's XML parts, checked and unpacked, as a zip of stored entries for mammoth:
 * `await mammoth.convertToHtml({ buffer: Buffer.from(docxForReading(bytes)) })`. Throws as docxParts.
 */
export function docxForReading(bytes: Uint8Array): Uint8Array {
  return writeZip(docxParts(bytes));
}
