// What every legacy converter offers: legacy text (its characters the bytes read as Windows-1252,
// windows-1252.ts) to Unicode NFC, and back for tests and round trips.

/** The legacy Vietnamese encodings kehoach reads. */
export type LegacyEncoding = "tcvn3" | "vni" | "viqr" | "windows-1258";

export interface LegacyCodec {
  readonly encoding: LegacyEncoding;
  /** Legacy text to Unicode NFC: `tcvn3.decode("KÕ ho¹ch")` → "Kế hoạch". */
  decode(text: string): string;
  /** Unicode to legacy text: `tcvn3.encode("Kế hoạch")` → "KÕ ho¹ch"; what it cannot write stays as it is. */
  encode(text: string): string;
}
