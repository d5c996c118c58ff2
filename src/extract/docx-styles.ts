// The fonts a Word file's styles give its runs (word/styles.xml): the document's defaults, and
// each paragraph and character style with the style it is based on. A run typed in .VnTime most
// often says so itself, but a plan whose "Normal" style is .VnTime says it only here.

import { attribute, xmlPieces } from "./word-xml.js";

/** The fonts of a run or a style: `w:ascii` (ASCII) and `w:hAnsi` (the high half); "" for a theme font. */
export interface RunFonts {
  ascii?: string;
  hAnsi?: string;
}

interface StyleEntry {
  basedOn: string | null;
  fonts: RunFonts;
}

export interface StyleFonts {
  defaults: RunFonts;
  styles: ReadonlyMap<string, StyleEntry>;
  /** The paragraph style of a paragraph that names none (w:default="1"), usually "Normal". */
  defaultParagraphStyle: string | null;
}

/**
 * A `<w:rFonts>` tag's fonts: `<w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/>` → both .VnTime; a
 * theme font (`w:asciiTheme="minorHAnsi"`) wins over a named one and is no legacy font.
 */
export function readRunFonts(tag: string): RunFonts {
  const font = (which: "ascii" | "hAnsi") =>
    attribute(tag, `w:${which}Theme`) !== null ? "" : (attribute(tag, `w:${which}`) ?? undefined);
  const fonts: RunFonts = {};
  const ascii = font("ascii");
  const hAnsi = font("hAnsi");
  if (ascii !== undefined) fonts.ascii = ascii;
  if (hAnsi !== undefined) fonts.hAnsi = hAnsi;
  return fonts;
}

/** Reads word/styles.xml (or nothing: a Word file may have none): `readStyleFonts(xml).styles.get("Normal")`. */
export function readStyleFonts(xml: string | null): StyleFonts {
  const styles = new Map<string, StyleEntry>();
  let defaults: RunFonts = {};
  let defaultParagraphStyle: string | null = null;
  // Where the reader is: inside <w:rPrDefault>, or inside a <w:style> (its id), and in its own <w:rPr>.
  let inDefaults = false;
  let style: { id: string; entry: StyleEntry } | null = null;
  const open: string[] = [];
  for (const piece of xmlPieces(xml ?? "")) {
    if (!("tag" in piece)) continue;
    if (piece.closing) {
      open.pop();
      if (piece.name === "w:rPrDefault") inDefaults = false;
      if (piece.name === "w:style" && style) {
        styles.set(style.id, style.entry);
        style = null;
      }
      continue;
    }
    const parent = open[open.length - 1];
    if (piece.name === "w:rPrDefault") inDefaults = true;
    if (piece.name === "w:style") {
      const id = attribute(piece.tag, "w:styleId") ?? "";
      style = { id, entry: { basedOn: null, fonts: {} } };
      const isDefault = attribute(piece.tag, "w:default");
      if (attribute(piece.tag, "w:type") === "paragraph" && (isDefault === "1" || isDefault === "true"))
        defaultParagraphStyle = id;
    }
    if (style && piece.name === "w:basedOn" && parent === "w:style")
      style.entry.basedOn = attribute(piece.tag, "w:val");
    // A style's own run properties: <w:style><w:rPr><w:rFonts/>, not a table style's parts.
    if (piece.name === "w:rFonts" && parent === "w:rPr") {
      const owner = open[open.length - 2];
      if (style && owner === "w:style") style.entry.fonts = readRunFonts(piece.tag);
      else if (inDefaults) defaults = readRunFonts(piece.tag);
    }
    if (!piece.empty) open.push(piece.name);
  }
  return { defaults, styles, defaultParagraphStyle };
}

/** A style's font for `which`, from it or the styles it is based on; undefined where none says. */
export function styleFont(
  fonts: StyleFonts,
  styleId: string | null,
  which: keyof RunFonts,
): string | undefined {
  const seen = new Set<string>();
  for (let id = styleId; id !== null && !seen.has(id); ) {
    seen.add(id);
    const entry = fonts.styles.get(id);
    if (!entry) return undefined;
    const font = entry.fonts[which];
    if (font !== undefined) return font;
    id = entry.basedOn;
  }
  return undefined;
}
