// Reading a document file for a CLI command: a clear one-line reason for a missing file, a folder
// or a file too large, before any bytes are decoded.

import { readFileSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { DomainError } from "../domain/errors.js";
import { type Extracted, extractText, MAX_FILE_BYTES } from "../extract/extract.js";

export function readDocumentFile(path: string): Uint8Array {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new DomainError("file.directory", `${path} là thư mục, không phải tệp`);
    size = st.size;
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError("file.not_found", `không mở được tệp ${path}`);
  }
  if (size > MAX_FILE_BYTES) {
    throw new DomainError(
      "file.too_large",
      `${path}: tệp quá lớn (${(size / 1048576).toFixed(1)} MB, tối đa ${MAX_FILE_BYTES / 1048576} MB)`,
    );
  }
  return readFileSync(path);
}

/**
 * The one document a command reads (`kehoach parse|repair FILE [--json]`), extracted: its errors
 * name the file. `await extractFileArgument(["--json", "kh.pdf"], "parse")` → `{ file, json, extracted }`.
 */
export async function extractFileArgument(
  args: string[],
  command: string,
): Promise<{ file: string; json: boolean; extracted: Extracted }> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: "boolean" } },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (!file || positionals.length > 1)
    throw new DomainError("cli.usage", `cần đúng một tệp: kehoach ${command} FILE [--json]`);
  try {
    const extracted = await extractText(readDocumentFile(file), { fileName: file });
    return { file, json: values.json === true, extracted };
  } catch (error) {
    if (error instanceof DomainError) throw new DomainError(error.id, `${file}: ${error.message}`);
    throw error;
  }
}
