// Legacy Vietnamese inside a text already read (a Word file's runs in a font kehoach does not know,
// a PDF's text layer in .VnTime, an old web page): converted where it reads better so, with what
// the reader is told (text/legacy/guess.ts).

import type { LegacyEncoding } from "../text/legacy/codec.js";
import { guessLegacyText } from "../text/legacy/guess.js";
import { convertedNote, legacyNotes } from "../text/legacy/messages.js";
import type { DocxReading } from "./docx-text.js";

/** A text with its legacy parts in Unicode, the encoding found and the notes for the reader. */
export interface LegacyConverted {
  text: string;
  legacyEncoding?: LegacyEncoding;
  notes: string[];
}

/** `convertLegacyText("KÕ ho¹ch …")` → `{ text: "Kế hoạch …", legacyEncoding: "tcvn3", notes: […] }`; Unicode as it is. */
export function convertLegacyText(text: string): LegacyConverted {
  const guess = guessLegacyText(text);
  if (guess.encoding === "unicode") return { text, notes: [] };
  return { text: guess.text, legacyEncoding: guess.encoding, notes: legacyNotes(guess) };
}

/**
 * A Word file's reading: its runs in legacy fonts were converted by their fonts (sure, no warning);
 * where no font said so, its text is judged as any text is.
 */
export function convertLegacyDocx(reading: DocxReading): LegacyConverted {
  if (!reading.legacyEncoding) return convertLegacyText(reading.text);
  return {
    text: reading.text,
    legacyEncoding: reading.legacyEncoding,
    notes: [convertedNote(reading.legacyEncoding, reading.partly)],
  };
}

/** The fields an extraction result takes from a conversion: the encoding, if one was found. */
export function legacyField(converted: LegacyConverted): { legacyEncoding?: LegacyEncoding } {
  return converted.legacyEncoding ? { legacyEncoding: converted.legacyEncoding } : {};
}
