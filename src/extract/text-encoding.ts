// Text files as agencies send them: UTF-8 (with or without BOM), UTF-16, or the legacy Vietnamese
// encodings: Windows-1258 from old Vietnamese Windows, TCVN3 (ABC) and VNI from the fonts offices
// typed in, VIQR from old mail. Detected, converted to NFC; binary input is refused, never stored as
// garbage. Legacy text inside a Unicode file (a TCVN3 table pasted into a UTF-8 file, a file saved
// as UTF-8 from "KÕ ho¹ch") is converted line by line.

import { DomainError } from "../domain/errors.js";
import type { LegacyEncoding } from "../text/legacy/codec.js";
import { guessLegacyBytes, guessLegacyText, type LegacyGuess } from "../text/legacy/guess.js";
import { legacyNotes } from "../text/legacy/messages.js";
import { hasNonAscii } from "../text/legacy/word-score.js";

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1258" | "tcvn3" | "vni" | "viqr";

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

/** What a text file was read as, with any legacy Vietnamese found in it converted. */
export interface DecodedText {
  text: string;
  /** How the bytes were read: TCVN3, VNI or Windows-1258 for bytes that are no UTF-8, VIQR for ASCII in it. */
  encoding: TextEncoding;
  /** The legacy encoding found and converted, the whole text or some lines of it (a UTF-8 file holding "KÕ ho¹ch"). */
  legacyEncoding?: LegacyEncoding;
  /** What a person is told: that text was converted, and a warning where the encoding is a guess. */
  notes: string[];
}

function withNotes(text: string, encoding: TextEncoding, guess: LegacyGuess): DecodedText {
  if (guess.encoding === "unicode") return { text, encoding, notes: [] };
  return { text: guess.text, encoding, legacyEncoding: guess.encoding, notes: legacyNotes(guess) };
}

// Unicode text as read: legacy text within it converted where it reads better so (legacy/guess.ts).
function unicodeText(text: string, encoding: TextEncoding): DecodedText {
  const nfc = text.normalize("NFC");
  const guess = guessLegacyText(nfc);
  // A file of ASCII that is VIQR throughout was written in VIQR.
  const viqrFile = guess.encoding === "viqr" && !guess.partly && !hasNonAscii(nfc);
  return withNotes(nfc, viqrFile ? "viqr" : encoding, guess);
}

/**
 * Decodes a text file's bytes: `decodeTextFile(readFileSync(path))` → `{ text, encoding, notes }`,
 * `legacyEncoding` too where TCVN3, VNI, VIQR or Windows-1258 text was found and converted.
 */
export function decodeTextFile(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new DomainError("file.empty", "Tệp rỗng.");
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return unicodeText(decodeUtf16(bytes, true, 2), "utf-16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return unicodeText(decodeUtf16(bytes, false, 2), "utf-16be");
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 ? odd++ : even++;
  if (odd > sample.length / 4 && even === 0) return unicodeText(decodeUtf16(bytes, true, 0), "utf-16le");
  if (even > sample.length / 4 && odd === 0) return unicodeText(decodeUtf16(bytes, false, 0), "utf-16be");
  if (even + odd > 0) throw new DomainError("file.binary", "Tệp nhị phân, không phải văn bản.");
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
    return unicodeText(text, "utf-8");
  } catch {
    // Not UTF-8: a one-byte Vietnamese encoding if one reads it as Vietnamese.
  }
  const guess = guessLegacyBytes(bytes);
  if (guess && guess.encoding !== "unicode" && guess.encoding !== "viqr")
    return withNotes(guess.text, guess.encoding, guess);
  throw new DomainError(
    "file.encoding",
    "Không giải mã được tệp: không phải UTF-8, UTF-16, Windows-1258, TCVN3 (ABC) hay VNI.",
  );
}
