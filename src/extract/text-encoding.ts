// Text files as agencies send them: UTF-8 (with or without BOM), UTF-16, or Windows-1258 from old
// Vietnamese Windows. Detected, converted to NFC; binary input is refused, never stored as garbage.

import iconv from "iconv-lite";
import { DomainError } from "../domain/errors.js";

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1258";

// Invalid UTF-16 (an unpaired surrogate, bytes that are no text) is refused with file.encoding,
// never passed on as a TypeError from the decoder. A last odd byte is left out.
function decodeUtf16(bytes: Uint8Array, littleEndian: boolean, skip: number): string {
  const body = bytes.subarray(skip, bytes.length - ((bytes.length - skip) % 2));
  try {
    return new TextDecoder(littleEndian ? "utf-16le" : "utf-16be", { fatal: true }).decode(body);
  } catch {
    throw new DomainError(
      "file.encoding",
      skip
        ? `Tệp có dấu hiệu UTF-16 ${littleEndian ? "LE" : "BE"} (BOM) ở đầu nhưng nội dung không phải UTF-16 hợp lệ: hãy lưu lại tệp dưới dạng UTF-8.`
        : "Không giải mã được tệp UTF-16: nội dung không phải UTF-16 hợp lệ, hãy lưu lại tệp dưới dạng UTF-8.",
    );
  }
}

// Letters Windows-1258 puts in the high half for Vietnamese: ă â ê ô ơ ư đ and the combining tones.
const CP1258_VIETNAMESE = new Set([
  0xe3, 0xc3, 0xe2, 0xc2, 0xea, 0xca, 0xf4, 0xd4, 0xf5, 0xd5, 0xfd, 0xdd, 0xf0, 0xd0, 0xcc, 0xec, 0xd2, 0xde,
  0xf2,
]);

/** Decodes a text file's bytes: `decodeTextFile(readFileSync(path))` → `{ text, encoding }`. */
export function decodeTextFile(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes.length === 0) throw new DomainError("file.empty", "Tệp rỗng.");
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: decodeUtf16(bytes, true, 2).normalize("NFC"), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: decodeUtf16(bytes, false, 2).normalize("NFC"), encoding: "utf-16be" };
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 ? odd++ : even++;
  if (odd > sample.length / 4 && even === 0)
    return { text: decodeUtf16(bytes, true, 0).normalize("NFC"), encoding: "utf-16le" };
  if (even > sample.length / 4 && odd === 0)
    return { text: decodeUtf16(bytes, false, 0).normalize("NFC"), encoding: "utf-16be" };
  if (even + odd > 0) throw new DomainError("file.binary", "Tệp nhị phân, không phải văn bản.");
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
    return { text: text.normalize("NFC"), encoding: "utf-8" };
  } catch {
    // Not UTF-8: a single-byte Vietnamese code page if its letters are there.
  }
  let vietnamese = 0;
  let high = 0;
  for (const b of sample) {
    if (b >= 0x80) high++;
    if (CP1258_VIETNAMESE.has(b)) vietnamese++;
  }
  if (high >= 8 && vietnamese / high > 0.4) {
    return {
      text: iconv.decode(Buffer.from(bytes), "windows-1258").normalize("NFC"),
      encoding: "windows-1258",
    };
  }
  throw new DomainError(
    "file.encoding",
    "Không giải mã được tệp: không phải UTF-8, UTF-16 hay Windows-1258 (TCVN3/VNI chưa hỗ trợ).",
  );
}
