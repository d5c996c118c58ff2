// Removes what is not the document's own text: markdown marks, HTML footnote marks, scan and OCR
// debris ("(Chữ ký)", a lone "u" or "✓"), rules and page numbers, and moves footnote bodies that a
// page break dropped into the middle of a paragraph to the end, so the paragraph closes up again.

/** Where footnote bodies were moved: text after `notesStart` is footnotes, not body. */
export interface Cleaned {
  text: string;
  notes: string[];
}

// "**Nội dung:**" | "__x__" | "## KẾ HOẠCH" | "#### **1. Phòng**"
const MARKDOWN_HEADING = /^[ \t]*#{1,6}[ \t]+/;
const BOLD = /\*\*|__(?=\S)|(?<=\S)__/g;
// "<sup>1</sup>" | "<br>" | "</b>"
// "*Lai Châu, ngày 19 tháng 11 năm 2025*" | "*Nơi nhận:*": a line in italics, as Markdown from a
// web page marks the place and date and the recipients' label. A bullet ("* Nội dung") is not one.
const ITALIC_LINE = /^([ \t]*)\*(?=[^\s*])([^*]*[^\s*])\*([ \t]*)$/;
// "- Bộ trưởng *(để báo cáo);*" | "*- *Thứ trưởng" | "*a) *Triển khai": italics around part of a
// line, each mark glued to the text on one side. A bullet ("* Nội dung"), a note mark "(*)" and
// "2 * 3" stay.
const INLINE_ITALIC = /(?<![(\s*])\*(?![)*])|(?<![(*])\*(?=[^\s*)])/g;
// "* *" | "*": the emphasis of an empty cell.
const EMPTY_EMPHASIS = /^[ \t]*(?:\*[ \t]*){1,3}$/;
const SUP = /<sup>\s*\d{1,3}\s*<\/sup>/gi;
const TAG = /<\/?(?:b|i|u|em|strong|p|span|sub|sup)\b[^>\n]{0,80}>/gi;
// "<br>" inside a table cell: a line break, read as a space
const BREAK = /<br\s*\/?>/gi;
// "(Chữ ký)" | "(Đã ký)" | "(Ký tên, đóng dấu)" | "(chữ ký, dấu)"
const SIGNATURE_PLACEHOLDER =
  /\((?:chữ ký|đã ký|ký tên(?:,? đóng dấu)?|chữ ký,? (?:đóng )?dấu|ký, ghi rõ họ tên)\)/giu;
// "---" | "***" | "___" | "-----o0o-----" (a rule under a header)
const RULE_LINE = /^[ \t]*(?:[-*_=—–]{3,}(?:\s*o0o\s*[-*_=—–]{3,})?|[-_]{2,}\s*o0o\s*[-_]{2,})[ \t]*$/;
// "3" | "- 12 -" | "Trang 4" | "4/12": a page number alone on its line
const PAGE_NUMBER = /^[ \t]*(?:-\s*)?(?:trang\s+)?\d{1,3}(?:\s*\/\s*\d{1,3})?(?:\s*-)?[ \t]*$/iu;
// A line that is one stray glyph: "u" | "✓" | "•" | "|" (scan debris). Not a list marker.
const STRAY_LINE = /^[ \t]*(?:[a-zđ]|[✓✔•·|¦»«~^`'"]{1,3})[ \t]*$/u;
// "<sup>1</sup> Nghị quyết số 22-NQ/TW…" or "[1] …": the body of a footnote
const FOOTNOTE_BODY = /^[ \t]*(?:<sup>\s*(\d{1,3})\s*<\/sup>|\[(\d{1,3})\])[ \t]*(\S.*)$/i;

/**
 * Cleans one document: `cleanDebris("## **KẾ HOẠCH**\n(Chữ ký)\n")` → text `"KẾ HOẠCH\n\n"`.
 * Line count is kept except where footnote bodies are moved out.
 */
export function cleanDebris(input: string): Cleaned {
  const lines = input.split("\n");
  const out: string[] = [];
  const notes: string[] = [];
  let inNote = false;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] ?? "";
    const note = line.includes("<sup>") || line.includes("[") ? FOOTNOTE_BODY.exec(line) : null;
    if (note) {
      notes.push(note[3] ?? "");
      inNote = true;
      // The rule above a footnote belongs to it.
      while (out.length && /^\s*$/.test(out[out.length - 1] ?? "")) out.pop();
      if (out.length && RULE_LINE.test(out[out.length - 1] ?? "")) out.pop();
      continue;
    }
    if (inNote) {
      // A footnote runs until a blank line.
      if (/^\s*$/.test(line)) {
        inNote = false;
        out.push(line);
        continue;
      }
      notes[notes.length - 1] += ` ${line.trim()}`;
      continue;
    }
    // Each pattern needs its mark ("#", "<", "*" or "_", "("): a line without it is not searched
    // (most lines have none of them; taking text out never brings a mark in).
    if (line.includes("#")) line = line.replace(MARKDOWN_HEADING, "");
    if (line.includes("<")) line = line.replace(SUP, "").replace(BREAK, " ").replace(TAG, "");
    if (line.includes("*") || line.includes("_")) line = line.replace(BOLD, "");
    if (line.includes("*")) {
      line = line.replace(ITALIC_LINE, "$1$2$3").replace(EMPTY_EMPHASIS, "");
      if (line.includes("*")) line = withoutInlineItalics(line);
    }
    if (line.includes("(")) line = line.replace(SIGNATURE_PLACEHOLDER, "");
    line = withoutTrailingMark(line);
    // Rules, page numbers and stray glyphs are short lines, or lines of dashes; a PDF's layout text
    // sets a page number far in: "                                         2".
    if (
      (line.trimStart().length <= 16 || /^\s*[-*_=—–]/.test(line)) &&
      (RULE_LINE.test(line) || PAGE_NUMBER.test(line) || STRAY_LINE.test(line))
    )
      line = "";
    out.push(line);
  }
  return { text: out.join("\n"), notes };
}

/** The line without the spaces and tabs at its end. */
function trimBlanksEnd(line: string): string {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end--;
  return end === line.length ? line : line.slice(0, end);
}

/**
 * The line without its trailing blanks and a check mark glued to its end: "…sâu rộng. ✓" → "…sâu
 * rộng.". Read from the end, once: /[ \t]+[✓✔][ \t]*$/ and /[ \t]+$/ re-read a long run of spaces
 * inside a line from each of its positions: a long run froze the server for a minute.
 */
function withoutTrailingMark(line: string): string {
  const trimmed = trimBlanksEnd(line);
  const mark = trimmed.charAt(trimmed.length - 1);
  const before = trimmed.charAt(trimmed.length - 2);
  if ((mark === "✓" || mark === "✔") && (before === " " || before === "\t"))
    return trimBlanksEnd(trimmed.slice(0, -1));
  return trimmed;
}

/** The line without inline italic marks, a leading bullet "* " kept: "*a) *Triển khai" → "a) Triển khai". */
function withoutInlineItalics(line: string): string {
  const bullet = /^\s*\*\s+/.exec(line)?.[0] ?? "";
  return bullet + line.slice(bullet.length).replace(INLINE_ITALIC, "");
}
