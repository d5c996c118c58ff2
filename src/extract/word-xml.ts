// Just enough of WordprocessingML's XML to read fonts and rewrite text: a part's tags and text in
// order, an attribute's value, and a text node's characters unescaped and escaped again. Word
// writes its parts with the "w:" prefix, which is what is read here.

/** One piece of a part: a tag (`<w:r>`, `</w:t>`, `<w:rFonts w:ascii=".VnTime"/>`) or the text between. */
export type XmlPiece = { tag: string; name: string; closing: boolean; empty: boolean } | { text: string };

// "<w:t xml:space=\"preserve\">" | "</w:r>" | "<w:rFonts …/>" | "<?xml …?>" | "<!-- … -->"
const PIECE = /<[^>]*>|[^<]+/g;

/** A part's pieces in order: tags with their names, and the text between them. */
export function* xmlPieces(xml: string): Generator<XmlPiece> {
  for (const [piece] of xml.matchAll(PIECE)) {
    if (!piece.startsWith("<")) {
      yield { text: piece };
      continue;
    }
    const name = /^<\/?([^\s/>]+)/.exec(piece)?.[1] ?? "";
    const special = piece.startsWith("<?") || piece.startsWith("<!");
    yield { tag: piece, name, closing: piece.startsWith("</"), empty: special || piece.endsWith("/>") };
  }
}

/** An attribute's value in a tag: `attribute('<w:rFonts w:ascii=".VnTime"/>', "w:ascii")` → ".VnTime"; null if absent. */
export function attribute(tag: string, name: string): string | null {
  const value = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return value ? unescapeXml(value[1] ?? value[2] ?? "") : null;
}

const ENTITIES: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** A text node's characters: `unescapeXml("Ph&#242;ng &amp; Ban")` → "Phòng & Ban". */
export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (entity, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X"))
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
}

/** Characters as a text node writes them: `escapeXml("a < b & c")` → "a &lt; b &amp; c". */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
