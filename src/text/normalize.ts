// The one normalisation every later stage relies on: NFC, one tone-mark placement, debris removed,
// OCR letter confusions repaired, header columns split and broken lines joined.

import { cleanDebris } from "./debris.js";
import { liftDisplacedHeader } from "./displaced-header.js";
import { joinEmphasisSpans } from "./emphasis-spans.js";
import { splitHeaderColumns } from "./header-columns.js";
import { isBlankSeparated, isHardWrapped, joinBrokenLines } from "./join-lines.js";
import { unflattenLayoutTables } from "./layout-tables.js";
import { looksLikeOcrWithoutDiacritics, repairOcr } from "./ocr.js";
import { joinSplitSyllables } from "./split-syllables.js";
import { normalizeTones } from "./tone.js";

export interface NormalizedText {
  /** The text every recogniser reads; spans in the parsed plan point into it. */
  text: string;
  /** Where the body ends and the footnotes moved out of it begin (=== text.length when none). */
  bodyEnd: number;
  /** The text is OCR output that lost its diacritics (repairs were applied). */
  ocr: boolean;
  /** Paragraphs arrived cut into lines (OCR, PDF) and were joined. */
  hardWrapped: boolean;
}

// "KẾ HOẠCH\r\n" | "Sở\u00A0Y tế" | "\uFEFFUBND" | "soft\u00ADhyphen": any character cleanCharacters'
// replacements act on. Text that holds none (most files, their extractors having cleaned them
// already) is read once, not six times.
const ODD_CHARACTER =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are among them
  /[\uFEFF\r\f\u200B-\u200D\u2060\u00AD\u00A0\u2000-\u200A\u202F\u205F\u3000\u0000-\u0008\u000B\u000E-\u001F\u007F]/;

/** Characters, not text: BOM, zero-width marks, soft hyphens, and odd spaces become plain ones. */
function cleanCharacters(input: string): string {
  if (!ODD_CHARACTER.test(input)) return input.normalize("NFC");
  return (
    input
      .replace(/^\uFEFF/, "")
      .replace(/\r\n?/g, "\n")
      .replace(/\f/g, "\n\n")
      .replace(/[\u200B-\u200D\u2060\u00AD]/g, "")
      .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, " ")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
      .replace(/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g, "")
      .normalize("NFC")
  );
}

/**
 * Normalises a plan's raw text: `normalizePlanText("**KẾ HOẠCH**\r\nHoà nhập").text` →
 * `"KẾ HOẠCH\nHòa nhập"`.
 */
export function normalizePlanText(input: string): NormalizedText {
  let text = unflattenLayoutTables(joinEmphasisSpans(normalizeTones(cleanCharacters(input))));
  const cleaned = cleanDebris(text);
  text = cleaned.text;
  const ocr = looksLikeOcrWithoutDiacritics(text);
  if (ocr) text = repairOcr(text);
  else text = joinSplitSyllables(text);
  text = splitHeaderColumns(liftDisplacedHeader(text));
  const lines = text.split("\n");
  const hardWrapped = isHardWrapped(lines);
  // OCR text is wrapped by the scanner's lines, not by a web page's source: never read as such.
  const blankSeparated = !ocr && isBlankSeparated(lines);
  text = joinBrokenLines(text, hardWrapped, blankSeparated).replace(/^\n+/, "");
  const bodyEnd = text.length;
  if (cleaned.notes.length) {
    const notes = cleaned.notes.map((n) => (ocr ? repairOcr(n) : n));
    text += `\n\n${notes.join("\n")}`;
  }
  return { text, bodyEnd, ocr, hardWrapped };
}
