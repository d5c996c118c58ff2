// A Markdown file (legal-database crawls, notes kept in a repository) as the parser's text: rendered
// to HTML by markdown-it and read by the same HTML reader as a Word file, so a pipe table becomes
// rows of tab-separated cells and a numbered list keeps its numbers. Paragraphs stay apart by a blank
// line, as in the source, and the front matter a crawler puts on top (title, source URL) is
// metadata, not the document.

import MarkdownIt from "markdown-it";
import { htmlToText } from "./html-to-text.js";

// Raw HTML in the Markdown (a <br> inside a table cell) is read as HTML; typography is left alone
// (no curly quotes or dashes the document did not print); URLs in the text stay text.
const markdown = new MarkdownIt({ html: true, breaks: false, linkify: false, typographer: false });
// A line of dashes is the rule a document prints under a body's name or the motto ("THÀNH PHỐ CẦN
// THƠ" / "--------"), not Markdown's heading underline or thematic break: kept as text, for the
// text layer, which knows it.
markdown.disable(["lheading", "hr"]);

// A line break inside a paragraph is a space, as Markdown means it: a converter's wrapped lines
// ("Căn cứ Thông tư số" / "06/2022/TT-BTTTT ngày …") are one paragraph. But a table a converter
// flattened into lines with a bar alone between its cells ("|" / "Số: 159/KH-UBND" / "|" / "Cần
// Thơ, ngày …") keeps its lines: the text layer reads such a table back as the page printed it.
//   "|" | " | " | "| |"
const LONE_BARS = /^\s*\|(?:\s*\|)*\s*$/;
markdown.core.ruler.push("flattened_table_lines", (state) => {
  for (const token of state.tokens) {
    if (token.type !== "inline" || !token.children) continue;
    if (!token.content.split("\n").some((line) => LONE_BARS.test(line))) continue;
    // Inside bold or italics a break stays a space: "**CỘNG HÒA XÃ" / "HỘI CHỦ NGHĨA VIỆT NAM**".
    let emphasis = 0;
    for (const child of token.children) {
      if (child.type === "strong_open" || child.type === "em_open") emphasis++;
      else if (child.type === "strong_close" || child.type === "em_close") emphasis--;
      else if (child.type === "softbreak" && emphasis === 0) child.type = "hardbreak";
    }
  }
  return true;
});

// A numbered paragraph set apart by blank lines ("1. Nâng cao nhận thức …\n\n2. Chủ động …") is a
// "loose" list, each item's text in a <p> of its own: its first paragraph is shown without one, as
// a "tight" list's are, so the number stays on the item's line ("1. Nâng cao nhận thức …").
markdown.core.ruler.push("item_text_on_number_line", (state) => {
  const tokens = state.tokens;
  // A paragraph is always three tokens: paragraph_open, its inline content, paragraph_close.
  for (let i = 0; i + 3 < tokens.length; i++) {
    const [item, open, close] = [tokens[i], tokens[i + 1], tokens[i + 3]];
    if (
      item?.type === "list_item_open" &&
      open?.type === "paragraph_open" &&
      close?.type === "paragraph_close"
    ) {
      open.hidden = true;
      close.hidden = true;
    }
  }
  return true;
});

// A front matter block's opening line, and what its first line of content looks like.
//   "---" | "---json" | "---yaml"    then    "title: Kế hoạch 75/KH-UBND" | "{"
const FRONT_MATTER_OPEN = /^---[a-z]*$/;
const FRONT_MATTER_FIRST = /^(?:[\w-]+\s*:|\{)/;

/** The text without a leading front matter block: `stripFrontMatter("---\ntitle: X\n---\nKẾ HOẠCH")` → `"KẾ HOẠCH"`. */
export function stripFrontMatter(source: string): string {
  const lines = source.split("\n", 2);
  if (!FRONT_MATTER_OPEN.test((lines[0] ?? "").trim()) || !FRONT_MATTER_FIRST.test(lines[1] ?? ""))
    return source;
  const start = source.indexOf("\n") + 1;
  for (let at = start; at < source.length; ) {
    const end = source.indexOf("\n", at);
    const line = source.slice(at, end === -1 ? source.length : end).trim();
    if (line === "---" || line === "...") return end === -1 ? "" : source.slice(end + 1);
    if (end === -1) break;
    at = end + 1;
  }
  return source;
}

/**
 * Converts Markdown to the parser's text:
 * `markdownToText("**KẾ HOẠCH**\n\n| STT | Nội dung |\n|---|---|\n| 1 | Tập huấn |")` →
 * `"KẾ HOẠCH\nSTT\tNội dung\n1\tTập huấn"`.
 */
export function markdownToText(source: string): string {
  return htmlToText(markdown.render(stripFrontMatter(source.replace(/\r\n?/g, "\n"))), {
    layoutRows: "printed",
    blankBetweenBlocks: true,
  });
}
