// A zip file's table of contents read from its central directory, and one entry unpacked with a
// ceiling on what it may unpack to: what a Word file holds is known before anything is inflated,
// and nothing is inflated past the limit, whatever sizes the directory claims.

import { inflateRawSync } from "node:zlib";

/** One entry of the central directory. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else cannot be read. */
  method: number;
  encrypted: boolean;
  /** Sizes as the directory declares them. */
  packedBytes: number;
  unpackedBytes: number;
  localHeaderOffset: number;
}

/** Why a zip could not be read: the caller turns it into a refusal. */
export class ZipError extends Error {}
/** An entry that unpacks to more than it was allowed. */
export class ZipLimitError extends ZipError {
  constructor(
    readonly entry: string,
    readonly limit: number,
  ) {
    super(`phần «${entry}» giải nén ra hơn ${limit} byte`);
  }
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** Where the end-of-directory record sits: within the last 22 + 65,535 bytes (its comment). */
function endOfDirectory(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= lowest; at--)
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  throw new ZipError("không tìm thấy mục lục của tệp nén");
}

/** Reads the central directory: `zipEntries(readFileSync("ke-hoach.docx"))` → entries with their sizes. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = endOfDirectory(view);
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  // ZIP64 marks its counts and offsets 0xFFFF…: no Word file of a plan needs it.
  if (count === 0xffff || offset === 0xffffffff || size === 0xffffffff)
    throw new ZipError("tệp nén dạng ZIP64, quá lớn với một văn bản");
  if (offset + size > end) throw new ZipError("mục lục của tệp nén nằm ngoài tệp");
  const decoder = new TextDecoder("utf-8");
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== DIRECTORY_ENTRY)
      throw new ZipError("mục lục của tệp nén bị hỏng");
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      encrypted: (view.getUint16(at + 8, true) & 1) === 1,
      packedBytes: view.getUint32(at + 20, true),
      unpackedBytes: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Unpacks one entry, never to more than `maxBytes` (a RangeError from zlib stops it there):
 * `unzipEntry(bytes, entry, 16 << 20)` → its bytes; a ZipLimitError past the limit, a ZipError if broken.
 */
export function unzipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER)
    throw new ZipError(`phần «${entry.name}» bị hỏng`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const packed = bytes.subarray(start, start + entry.packedBytes);
  if (packed.length < entry.packedBytes) throw new ZipError(`phần «${entry.name}» bị cắt cụt`);
  if (entry.encrypted) throw new ZipError(`phần «${entry.name}» được đặt mật khẩu`);
  if (entry.method === 0) {
    if (packed.length > maxBytes) throw new ZipLimitError(entry.name, maxBytes);
    return packed;
  }
  if (entry.method !== 8) throw new ZipError(`phần «${entry.name}» nén theo cách không hỗ trợ`);
  try {
    return inflateRawSync(packed, { maxOutputLength: maxBytes });
  } catch (error) {
    // zlib stops at maxOutputLength with a RangeError (ERR_BUFFER_TOO_LARGE).
    if (error instanceof RangeError) throw new ZipLimitError(entry.name, maxBytes);
    throw new ZipError(`phần «${entry.name}» bị hỏng`);
  }
}
