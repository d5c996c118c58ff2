// A text in the pieces legacy text comes in: lines, and the cells of a table row (tab-separated,
// as a Word file's text writes them). A TCVN3 table pasted into a Unicode document is converted
// cell by cell and line by line, the rest left alone.

// "1\tHµ Néi\tHà Nội\r\n2\t…" → "1", "\t", "Hµ Néi", "\t", "Hà Nội", "\r\n", "2" …
const SEPARATOR = /(\t|\r?\n)/;

/** A text's segments, the separators left out: `textSegments("a\tb\nc")` → ["a", "b", "c"]. */
export function textSegments(text: string): string[] {
  return text.split(SEPARATOR).filter((_, i) => i % 2 === 0);
}

/** A text with each segment replaced, the separators kept: `mapSegments("a\tb", (s) => s.toUpperCase())` → "A\tB". */
export function mapSegments(text: string, replace: (segment: string) => string): string {
  return text
    .split(SEPARATOR)
    .map((part, i) => (i % 2 === 0 ? replace(part) : part))
    .join("");
}
