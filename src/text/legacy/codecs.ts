// The legacy converters by name, on text and on bytes.

import type { LegacyCodec, LegacyEncoding } from "./codec.js";
import { TCVN3 } from "./tcvn3.js";
import { VIQR } from "./viqr.js";
import { VNI } from "./vni.js";
import { bytesOfLegacyText, legacyTextOfBytes } from "./windows-1252.js";
import { WINDOWS_1258 } from "./windows-1258.js";

export const LEGACY_CODECS: Readonly<Record<LegacyEncoding, LegacyCodec>> = {
  tcvn3: TCVN3,
  vni: VNI,
  viqr: VIQR,
  "windows-1258": WINDOWS_1258,
};

/** A legacy text to Unicode NFC: `decodeLegacy("tcvn3", "KÕ ho¹ch")` → "Kế hoạch". */
export function decodeLegacy(encoding: LegacyEncoding, text: string): string {
  return LEGACY_CODECS[encoding].decode(text);
}

/** A legacy file's bytes to Unicode NFC: `decodeLegacyBytes("vni", readFileSync("kh.txt"))`. */
export function decodeLegacyBytes(encoding: LegacyEncoding, bytes: Uint8Array): string {
  return decodeLegacy(encoding, legacyTextOfBytes(bytes));
}

/**
 * Unicode to a legacy encoding's bytes, as an old editor saved them (for tests and round trips):
 * `encodeLegacyBytes("tcvn3", "Kế hoạch")` → the bytes of "KÕ ho¹ch". Throws on a character the
 * encoding has no byte for.
 */
export function encodeLegacyBytes(encoding: LegacyEncoding, text: string): Uint8Array {
  const legacy = LEGACY_CODECS[encoding].encode(text);
  const bytes = bytesOfLegacyText(legacy);
  if (!bytes)
    throw new Error(`${encoding} has no byte for a character of ${JSON.stringify(text.slice(0, 40))}`);
  return bytes;
}
