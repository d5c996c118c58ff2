// Text typed in a legacy font inside a Word file: a run in .VnTime holds "KÕ ho¹ch" and showed
// "Kế hoạch" only through its font. mammoth's HTML drops fonts, so the runs are converted in the
// XML before mammoth reads it: each run whose font (its own, else its character style's, else its
// paragraph style's, else the document's default) is a TCVN3 or VNI font has the text of its
// <w:t> converted; the rest is left alone. A run in a legacy font that already holds Unicode
// ("Kế hoạch" typed by Unikey in Unicode with .VnTime left selected) is left alone too.

import type { LegacyEncoding } from "../text/legacy/codec.js";
import { fontCodec, type LegacyFont, legacyFont } from "../text/legacy/fonts.js";
import { isLegacyText } from "../text/legacy/windows-1252.js";
import { hasNonAscii } from "../text/legacy/word-score.js";
import type { DocxPart } from "./docx-package.js";
import { type RunFonts, readRunFonts, readStyleFonts, type StyleFonts, styleFont } from "./docx-styles.js";
import { attribute, escapeXml, unescapeXml, xmlPieces } from "./word-xml.js";

// The parts mammoth reads text from: the body, footnotes, endnotes, comments.
const TEXT_PART = /^word\/(?:document\d*|footnotes|endnotes|comments)\.xml$/;
// A legacy font named in a part: `w:ascii=".VnTime"` | `w:hAnsi="VNI-Times"`
const NAMES_LEGACY_FONT = /w:(?:ascii|hAnsi)\s*=\s*["'](?:\.vn|vni[- ])/i;

export type FontEncoding = Extract<LegacyEncoding, "tcvn3" | "vni">;

// A run's XML as read, held until the run closes: its tags as they are, its text, and its soft
// hyphens, which are TCVN3's ư (0xAD): LibreOffice writes the "­" of "tr­êng" (trường) as <w:softHyphen/>.
type RunPiece = { raw: string } | { escaped: string; text: string } | { softHyphen: string };

interface RunState {
  fonts: RunFonts;
  style: string | null;
  /** The paragraph's style, read before its runs. */
  paragraphStyle: string | null;
  pieces: RunPiece[];
}

interface Frame {
  name: string;
  paragraphStyle?: string | null;
  run?: RunState;
}

function fontOf(run: RunState, styles: StyleFonts): LegacyFont | null {
  const resolve = (which: keyof RunFonts) =>
    run.fonts[which] ??
    styleFont(styles, run.style, which) ??
    styleFont(styles, run.paragraphStyle ?? styles.defaultParagraphStyle, which) ??
    styles.defaults[which];
  // The high half is what legacy letters are drawn in: w:hAnsi, else w:ascii.
  const name = resolve("hAnsi") ?? resolve("ascii");
  return name ? legacyFont(name) : null;
}

const rawOf = (piece: RunPiece) =>
  "raw" in piece ? piece.raw : "escaped" in piece ? piece.escaped : piece.softHyphen;

/**
 * A run's text converted, piece by piece. TCVN3 writes a letter a byte, so the run's text is
 * decoded whole ("TR" ư "êNG" reads "TRƯỜNG", capitals worked out over the word) and cut back
 * where its pieces were; VNI's letters are never cut by a tag's edge, so each piece on its own.
 */
function convertedPieces(run: RunState, font: LegacyFont): RunPiece[] | null {
  const hyphenIsLetter = font.encoding === "tcvn3";
  const legacyOf = (piece: RunPiece) =>
    "text" in piece ? piece.text : "softHyphen" in piece && hyphenIsLetter ? "\u00ad" : "";
  const joined = run.pieces.map(legacyOf).join("");
  if (!isLegacyText(joined)) return null;
  const codec = fontCodec(font);
  const whole = hyphenIsLetter ? codec.decode(joined) : null;
  const aligned = whole !== null && whole.length === joined.length;
  let at = 0;
  const pieces = run.pieces.map((piece): RunPiece => {
    const legacy = legacyOf(piece);
    if (!legacy) return piece;
    const text = aligned && whole !== null ? whole.slice(at, at + legacy.length) : codec.decode(legacy);
    at += legacy.length;
    if (text === legacy) return piece;
    if ("softHyphen" in piece) return { raw: `<w:t xml:space="preserve">${escapeXml(text)}</w:t>` };
    return { escaped: escapeXml(text), text };
  });
  return pieces.some((piece, i) => piece !== run.pieces[i]) ? pieces : null;
}

/**
 * One part's XML with its legacy-font runs converted:
 * `<w:r><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr><w:t>KÕ ho¹ch</w:t></w:r>` →
 * `…<w:t>Kế hoạch</w:t></w:r>`; how many runs each encoding converted, and how many with letters
 * outside ASCII were left as they were (Unicode).
 */
export function convertLegacyRuns(
  xml: string,
  styles: StyleFonts,
): { xml: string; converted: Map<FontEncoding, number>; unicode: number } {
  const converted = new Map<FontEncoding, number>();
  let unicode = 0;
  const open: Frame[] = [];
  let out = "";
  const innermostRun = (): RunState | undefined => {
    for (let i = open.length - 1; i >= 0; i--) if (open[i]?.run) return open[i]?.run;
    return undefined;
  };
  // What is read goes to the run it is in (a text box's runs sit inside a run), else out.
  const emit = (raw: string) => {
    const run = innermostRun();
    if (run) run.pieces.push({ raw });
    else out += raw;
  };

  function closeRun(run: RunState): string {
    const font = fontOf(run, styles);
    const pieces = font ? convertedPieces(run, font) : null;
    if (font && pieces) converted.set(font.encoding, (converted.get(font.encoding) ?? 0) + 1);
    else if (run.pieces.some((piece) => "text" in piece && hasNonAscii(piece.text))) unicode++;
    return (pieces ?? run.pieces).map(rawOf).join("");
  }

  for (const piece of xmlPieces(xml)) {
    const top = open[open.length - 1];
    if ("text" in piece) {
      const run = innermostRun();
      if (top?.name === "w:t" && run) run.pieces.push({ escaped: piece.text, text: unescapeXml(piece.text) });
      else emit(piece.text);
      continue;
    }
    if (piece.closing) {
      const frame = open.pop();
      if (frame?.run) {
        frame.run.pieces.push({ raw: piece.tag });
        emit(closeRun(frame.run));
      } else emit(piece.tag);
      continue;
    }
    const owner = open[open.length - 2];
    // Properties count where they are the run's or the paragraph's own, not a paragraph mark's
    // (<w:pPr><w:rPr>) nor a revision's old ones (<w:rPrChange><w:rPr>).
    if (top?.name === "w:rPr" && owner?.run) {
      if (piece.name === "w:rFonts") owner.run.fonts = readRunFonts(piece.tag);
      if (piece.name === "w:rStyle") owner.run.style = attribute(piece.tag, "w:val");
    }
    if (piece.name === "w:pStyle" && top?.name === "w:pPr" && owner?.paragraphStyle !== undefined)
      owner.paragraphStyle = attribute(piece.tag, "w:val");
    if (piece.name === "w:softHyphen" && top?.run) {
      top.run.pieces.push({ softHyphen: piece.tag });
      continue;
    }
    if (piece.name === "w:r" && !piece.empty) {
      const paragraph = [...open].reverse().find((frame) => frame.paragraphStyle !== undefined);
      const run: RunState = {
        fonts: {},
        style: null,
        paragraphStyle: paragraph?.paragraphStyle ?? null,
        pieces: [],
      };
      open.push({ name: piece.name, run });
      run.pieces.push({ raw: piece.tag });
      continue;
    }
    emit(piece.tag);
    if (piece.empty) continue;
    open.push(piece.name === "w:p" ? { name: piece.name, paragraphStyle: null } : { name: piece.name });
  }
  return { xml: out, converted, unicode };
}

/** What converting a Word file's legacy-font runs gave: its parts, and the encoding found most, if any. */
export interface LegacyFontConversion {
  parts: DocxPart[];
  encoding: FontEncoding | null;
  /** Whether Unicode text was there too: the legacy runs only part of the text. */
  partly: boolean;
}

const utf8 = new TextDecoder("utf-8");
// Word writes its parts in UTF-8; one in UTF-16 (a byte-order mark) is left as it is.
const isUtf16 = (bytes: Uint8Array) =>
  (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);

/** A Word file's parts with the runs typed in TCVN3 and VNI fonts in Unicode: `convertLegacyFontParts(docxParts(bytes))`. */
export function convertLegacyFontParts(parts: readonly DocxPart[]): LegacyFontConversion {
  const stylesPart = parts.find((part) => part.name === "word/styles.xml");
  const stylesXml = stylesPart && !isUtf16(stylesPart.bytes) ? utf8.decode(stylesPart.bytes) : null;
  const textParts = parts.filter((part) => TEXT_PART.test(part.name) && !isUtf16(part.bytes));
  const xmlOf = new Map(textParts.map((part) => [part, utf8.decode(part.bytes)]));
  const named = [stylesXml ?? "", ...xmlOf.values()].some((xml) => NAMES_LEGACY_FONT.test(xml));
  if (!named) return { parts: [...parts], encoding: null, partly: false };
  const styles = readStyleFonts(stylesXml);
  const totals = new Map<FontEncoding, number>();
  let unicode = 0;
  const converted = parts.map((part) => {
    const xml = xmlOf.get(part);
    if (xml === undefined) return part;
    const result = convertLegacyRuns(xml, styles);
    unicode += result.unicode;
    for (const [encoding, count] of result.converted)
      totals.set(encoding, (totals.get(encoding) ?? 0) + count);
    return result.converted.size ? { name: part.name, bytes: new TextEncoder().encode(result.xml) } : part;
  });
  const [encoding = null] = [...totals].sort((a, b) => b[1] - a[1]).map(([found]) => found);
  return { parts: converted, encoding, partly: unicode > 0 };
}
