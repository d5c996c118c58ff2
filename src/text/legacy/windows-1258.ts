// Windows-1258, the code page of Vietnamese Windows: a toned letter is its base letter (with its
// circumflex, breve or horn) followed by a combining tone byte: "Kê\u0301" is "Kế". Decoded by
// iconv-lite; a legacy text's characters are first put back to their bytes (windows-1252.ts).

import iconv from "iconv-lite";
import type { LegacyCodec } from "./codec.js";
import { bytesOfLegacyText, legacyTextOfBytes, replaceLegacyRuns } from "./windows-1252.js";

const TONE = /[\u0300\u0301\u0303\u0309\u0323]/;

/** Windows-1258 text: `decodeWindows1258("Kêì hoaÒch")` → "Kế hoạch" (0xEC and 0xD2 are the acute and the dot below). */
export function decodeWindows1258(text: string): string {
  // What is no byte's (a Unicode letter in the text) is left as it is.
  return replaceLegacyRuns(text, (run) => {
    const bytes = bytesOfLegacyText(run);
    return bytes ? iconv.decode(Buffer.from(bytes), "windows-1258") : run;
  }).normalize("NFC");
}

/** Windows-1258 bytes of a Unicode text, each tone a combining byte after its letter, as Windows writes them. */
export function windows1258Bytes(text: string): Uint8Array {
  const spelled = [...text.normalize("NFC")]
    .map((ch) => {
      const parts = ch.normalize("NFD");
      const tone = TONE.exec(parts)?.[0];
      return tone ? parts.replace(tone, "").normalize("NFC") + tone : ch;
    })
    .join("");
  return iconv.encode(spelled, "windows-1258");
}

/** Unicode to Windows-1258 as legacy text: `encodeWindows1258("Kế")` → "Kêì". */
export function encodeWindows1258(text: string): string {
  return legacyTextOfBytes(windows1258Bytes(text));
}

export const WINDOWS_1258: LegacyCodec = {
  encoding: "windows-1258",
  decode: decodeWindows1258,
  encode: encodeWindows1258,
};
