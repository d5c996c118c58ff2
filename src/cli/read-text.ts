// Reading a plan file as text: UTF-8 or UTF-16 (by BOM or by its zero bytes), never binary.
// A file that is not text gets a one-line reason instead of a stack trace.

import { readFileSync, statSync } from "node:fs";

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export class ReadError extends Error {
  constructor(
    readonly id: string,
    message: string,
  ) {
    super(message);
  }
}

function decodeUtf16(bytes: Buffer, littleEndian: boolean, skip: number): string {
  const body = bytes.subarray(skip, bytes.length - ((bytes.length - skip) % 2));
  return new TextDecoder(littleEndian ? "utf-16le" : "utf-16be", { fatal: true }).decode(body);
}

/** Decodes bytes to text: `decodeText(readFileSync(path))`. Throws ReadError for binary input. */
export function decodeText(bytes: Buffer): string {
  if (bytes.length === 0) throw new ReadError("file.empty", "tệp rỗng (empty file)");
  const head = bytes.subarray(0, 8);
  if (head[0] === 0x50 && head[1] === 0x4b)
    throw new ReadError(
      "file.not_text",
      "tệp DOCX/ZIP chưa đọc được ở lệnh này; hãy dùng tệp văn bản .txt (a DOCX/ZIP file is not plain text)",
    );
  if (head.toString("latin1").startsWith("%PDF"))
    throw new ReadError(
      "file.not_text",
      "tệp PDF chưa đọc được ở lệnh này; hãy dùng tệp văn bản .txt (a PDF is not plain text)",
    );
  try {
    if (head[0] === 0xff && head[1] === 0xfe) return decodeUtf16(bytes, true, 2);
    if (head[0] === 0xfe && head[1] === 0xff) return decodeUtf16(bytes, false, 2);
    const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
    let evenZeros = 0;
    let oddZeros = 0;
    for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 ? oddZeros++ : evenZeros++;
    if (oddZeros > sample.length / 4 && evenZeros === 0) return decodeUtf16(bytes, true, 0);
    if (evenZeros > sample.length / 4 && oddZeros === 0) return decodeUtf16(bytes, false, 0);
    if (evenZeros + oddZeros > 0)
      throw new ReadError("file.binary", "tệp nhị phân, không phải văn bản (binary file)");
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: counting control characters is how binary input is told from text
    const control = text.match(/[\u0000-\u0008\u000E-\u001F]/g)?.length ?? 0;
    if (control > text.length / 100)
      throw new ReadError("file.binary", "tệp nhị phân, không phải văn bản (binary file)");
    return text;
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError(
      "file.encoding",
      "không giải mã được tệp: không phải UTF-8 hay UTF-16 (undecodable text)",
    );
  }
}

/** Reads a file as text, with the size limit. */
export function readTextFile(path: string): string {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory())
      throw new ReadError("file.directory", `${path} là thư mục, không phải tệp (a directory)`);
    size = st.size;
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError("file.not_found", `không mở được tệp ${path} (cannot open file)`);
  }
  if (size > MAX_FILE_BYTES)
    throw new ReadError(
      "file.too_large",
      `tệp quá lớn: ${(size / 1048576).toFixed(1)} MB, tối đa ${MAX_FILE_BYTES / 1048576} MB (file too large)`,
    );
  return decodeText(readFileSync(path));
}
