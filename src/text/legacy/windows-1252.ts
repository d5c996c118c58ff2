// Legacy bytes in Unicode clothing. A document typed in a legacy Vietnamese font holds bytes, and
// whatever read it (Word, an editor that saved it as UTF-8) gave each byte the Windows-1252
// character of its code: 0xD5 is "Õ", 0xB9 "¹", 0x8C "Œ". Every converter here reads that text;
// these functions go between it and the bytes.

// Windows-1252 at 0x80–0x9F; the five codes it leaves undefined keep their Latin-1 control character.
const C1_CHARACTERS =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

const BYTE_OF = new Map<string, number>();
for (let byte = 0; byte < 0x100; byte++) BYTE_OF.set(byteCharacter(byte), byte);
// A text read as Latin-1 shows 0x80–0x9F as control characters: the same bytes.
for (let byte = 0x80; byte < 0xa0; byte++) BYTE_OF.set(String.fromCharCode(byte), byte);

/** The character a byte shows as in Windows-1252: `byteCharacter(0xd5)` → "Õ", `byteCharacter(0x8c)` → "Œ". */
export function byteCharacter(byte: number): string {
  return byte >= 0x80 && byte < 0xa0 ? (C1_CHARACTERS[byte - 0x80] ?? "") : String.fromCharCode(byte);
}

/** Bytes as legacy text: `legacyTextOfBytes(Buffer.from([0x4b, 0xd5]))` → "KÕ". */
export function legacyTextOfBytes(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) text += byteCharacter(byte);
  return text;
}

/** Legacy text back to its bytes: `bytesOfLegacyText("KÕ")` → [0x4b, 0xd5]; null if a character has no byte ("ế"). */
export function bytesOfLegacyText(text: string): Uint8Array | null {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const byte = BYTE_OF.get(text.charAt(i));
    if (byte === undefined) return null;
    bytes[i] = byte;
  }
  return bytes;
}

// A character no single byte shows as: "ế", "ạ", "ư", a combining tone, "中".
const NOT_A_BYTE = new RegExp(`[^\\u0000-\\u00ff${C1_CHARACTERS}]`, "u");

/** Whether every character of a text is some byte's: "KÕ ho¹ch" is, "Kế hoạch" is not. */
export function isLegacyText(text: string): boolean {
  return !NOT_A_BYTE.test(text);
}

const LEGACY_RUN = new RegExp(`[\\u0000-\\u00ff${C1_CHARACTERS}]+`, "gu");

/** Each longest run of characters that are some byte's, replaced: "Kêì – ế" → `replace("Kêì – ")` + "ế". */
export function replaceLegacyRuns(text: string, replace: (run: string) => string): string {
  return text.replace(LEGACY_RUN, replace);
}
