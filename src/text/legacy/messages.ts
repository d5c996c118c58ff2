// What a reader is told about a text read from a legacy encoding, in one place.

import type { LegacyEncoding } from "./codec.js";

/** How each encoding is named to a reader. */
export const ENCODING_NAMES: Readonly<Record<LegacyEncoding, string>> = {
  tcvn3: "TCVN3 (ABC)",
  vni: "VNI",
  viqr: "VIQR",
  "windows-1258": "Windows-1258",
};

/** The note that a text (`partly`: some of it) was converted: to go with the plan's warnings. */
export function convertedNote(encoding: LegacyEncoding, partly = false): string {
  const what = partly ? "Một phần văn bản" : "Văn bản";
  return `${what} gõ bằng bảng mã cũ ${ENCODING_NAMES[encoding]} đã được chuyển sang Unicode.`;
}

/** The warning that the encoding is a guess the text did not settle. */
export function uncertainNote(encoding: LegacyEncoding): string {
  return `Bảng mã không chắc chắn: đã đọc theo ${ENCODING_NAMES[encoding]}, cần đối chiếu với bản gốc.`;
}

/** The notes for what a guess found: none for Unicode; the conversion, and the warning if unsure. */
export function legacyNotes(found: {
  encoding: LegacyEncoding | "unicode";
  partly: boolean;
  warning: string | null;
}): string[] {
  if (found.encoding === "unicode") return [];
  return [convertedNote(found.encoding, found.partly), ...(found.warning ? [found.warning] : [])];
}
