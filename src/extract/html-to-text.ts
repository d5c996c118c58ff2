// HTML as the plain text the parser reads: one paragraph a line, table rows as cells joined by tabs
// (the header's layout table and "Phụ lục" task tables alike), list numbering written out ("1.",
// "a)") since the parser reads numbers from the text. The HTML is read by htmlparser2 (entities,
// unclosed tags, attributes in any quoting); this module only decides where lines break. It serves
// the HTML mammoth makes of a Word file, a saved web page's document (web-page.ts) and Markdown
// rendered to HTML (markdown-text.ts).

import { type DomUtils, ElementType, parseDocument } from "htmlparser2";
import { cellLines } from "../text/layout-tables.js";

type HtmlDocument = ReturnType<typeof parseDocument>;
/** A node of htmlparser2's tree: an element, a text, a comment … */
export type HtmlNode = HtmlDocument["children"][number];
/** An element of htmlparser2's tree (`<p>`, `<td>` …). */
export type HtmlElement = ReturnType<typeof DomUtils.findAll>[number];

/** `isElement(node)`: a tag, script or style element, not text or a comment. */
export function isElement(node: HtmlNode): node is HtmlElement {
  return node.type === ElementType.Tag || node.type === ElementType.Script || node.type === ElementType.Style;
}

/** Parses HTML into htmlparser2's tree, entities decoded: `parseHtml("<p>A &amp; B</p>")`. */
export function parseHtml(html: string): HtmlDocument {
  return parseDocument(html, { decodeEntities: true });
}

// Elements that stand on lines of their own. Inline elements (b, span, a, font …) join their text
// to the line they are on: "<b>CỘNG HÒA</b> XÃ HỘI" is one line.
const BLOCKS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "caption",
  "center",
  "dd",
  "details",
  "dialog",
  "dir",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "html",
  "legend",
  "main",
  "menu",
  "nav",
  "p",
  "pre",
  "section",
  "summary",
]);

// Never shown on a page: their text is code, styling or fallback, not the document.
export const UNRENDERED: ReadonlySet<string> = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "head",
  "title",
  "iframe",
  "object",
]);

const LETTERS = "abcdefghiklmnopqrstuvxy";

// Whitespace of the HTML source: one space, as a browser shows it. A no-break space (&nbsp;) is
// kept as it is, as Word's own are: the normaliser makes it a space, and a line of nothing else is
// trimmed away.
//   "Kế\n   hoạch" → "Kế hoạch"
const SPACES = /[ \t\n\r\f]+/g;

// The closing of a document is a layout table: recipients on the left, the signature on the right.
//   "Nơi nhận:" / "- Ban Giám đốc Sở;" / "- Lưu: VT"  |  "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC" / "Hoàng Văn Thuân"
const RECIPIENTS_HEAD = /^n(?:ơ|o)i nh(?:ậ|a)n\s*:?/iu;
const SIGNING_CAPACITY = /^(?:KT|TM|TL|TUQ|Q)\.\s*\p{Lu}/u;

function isClosingBlock(row: string[][]): boolean {
  return (
    row.some((c) => RECIPIENTS_HEAD.test(c[0] ?? "")) && row.some((c) => SIGNING_CAPACITY.test(c[0] ?? ""))
  );
}

// A cell of a document's header or closing, laid out as a two-column table on a web page:
//   "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" | "Độc lập - Tự do - Hạnh phúc" | "Số: 254/QĐ-UBND"
//   "Sơn La, ngày 17 tháng 02 năm 2023" | "Lào Cai, ngày   tháng   năm 2026" | "Nơi nhận:" | "KT. CHỦ TỊCH" | "-------"
const LAYOUT_CELL =
  /c[ộo]ng h(?:[òo]a|oà) x[ãa] h[ộo]i|đ[ảa]ng c[ộo]ng s[ảa]n|đ[ộo]c l[ậa]p\s*[-–]\s*t[ựu] do|^s[ốo]\s*:|ng[àa]y\s+(?:\S+\s+)?th[áa]ng|^n(?:ơ|o)i nh(?:ậ|a)n|^(?:KT|TM|TL|TUQ|Q)\.|[-_]{3,}/iu;

/** How a table's rows are written: as tab-separated cells, or a header and closing as printed. */
export interface RowOptions {
  /**
   * "tabs" (Word's tables, as the parser has always read them): every row one line of cells.
   * "printed" (web pages, Markdown): a row of one or two cells of a document's header or closing is
   * written as the lines the page shows, each cell's lines read back by the text layer (a cell that
   * a site or a crawler ran together: "ỦY BAN NHÂN DÂN TỈNH SƠN LA -------", "CHỦ TỊCH Hoàng Quốc Khánh").
   */
  layoutRows?: "tabs" | "printed";
  /**
   * Markdown: a blank line between blocks, as its source has them (the normaliser reads a blank
   * line as the end of a paragraph, a heading's or an item's). The rows of one table stay together.
   */
  blankBetweenBlocks?: boolean;
}

/** Writes lines as the tree is walked: the state of the paragraph, the table row and the lists. */
class LineWriter {
  constructor(private readonly options: RowOptions = {}) {}

  readonly lines: string[] = [];
  private current = "";
  private cell: string[] | null = null;
  private row: string[][] | null = null;
  private tableDepth = 0;
  private readonly lists: Array<{ ordered: boolean; count: number }> = [];
  private preDepth = 0;

  /** Whether the last line written was a table's row: the next row follows it with no gap. */
  private inRows = false;

  /** Writes lines of one block (a paragraph, a row, a header's cell …). */
  private push(lines: readonly string[], row = false): void {
    if (!lines.length) return;
    const last = this.lines[this.lines.length - 1];
    if (this.options.blankBetweenBlocks && last !== undefined && last !== "" && !(row && this.inRows))
      this.lines.push("");
    this.lines.push(...lines);
    this.inRows = row;
  }

  text(data: string): void {
    // After a <br>, the source's indentation is not the line's: "<br>\n    TỈNH SƠN LA".
    if (this.current.endsWith("\n")) data = data.replace(/^[ \t\n\r\f]+/, "");
    // Preformatted text (Markdown's indented block) keeps its lines.
    if (this.preDepth > 0 && !this.cell)
      this.current += data
        .split(/\r?\n/)
        .map((line) => line.replace(SPACES, " ").trim())
        .join("\n");
    else this.current += data.replace(SPACES, " ");
  }

  private flush(): void {
    const text = this.current.replace(/[ \t]+/g, " ").trim();
    this.current = "";
    if (!text) return;
    if (this.cell) this.cell.push(text);
    else this.push([text]);
  }

  enter(element: HtmlElement): void {
    const tag = element.name;
    if (BLOCKS.has(tag)) {
      this.flush();
      if (tag === "pre") this.preDepth++;
    } else if (tag === "br") this.current += this.cell ? " " : "\n";
    else if (tag === "ol" || tag === "ul") {
      this.flush();
      // Markdown's "3. …" after a paragraph is <ol start="3">: the count goes on from there.
      const start = Number.parseInt(element.attribs.start ?? "1", 10);
      this.lists.push({ ordered: tag === "ol", count: Number.isFinite(start) ? start - 1 : 0 });
    } else if (tag === "li") {
      this.flush();
      const list = this.lists[this.lists.length - 1];
      if (list) {
        list.count++;
        const depth = this.lists.length - 1;
        this.current = list.ordered
          ? depth === 0
            ? `${list.count}. `
            : `${LETTERS[(list.count - 1 + LETTERS.length) % LETTERS.length]}) `
          : "- ";
      }
    } else if (tag === "table") {
      this.flush();
      this.tableDepth++;
    } else if (tag === "tr") {
      this.flush();
      if (this.tableDepth === 1) this.row = [];
    } else if (tag === "td" || tag === "th") {
      if (this.tableDepth === 1) this.cell = [];
      // A cell of a table inside a cell: its text is a paragraph of the outer cell.
      else this.flush();
    }
  }

  exit(element: HtmlElement): void {
    const tag = element.name;
    if (BLOCKS.has(tag) || tag === "li") {
      this.flush();
      if (tag === "pre") this.preDepth--;
    } else if (tag === "ol" || tag === "ul") {
      this.flush();
      this.lists.pop();
    } else if (tag === "table") {
      this.flush();
      this.tableDepth--;
    } else if (tag === "tr") {
      this.flush();
      if (this.row && this.tableDepth === 1) {
        this.writeRow(this.row);
        this.row = null;
      }
    } else if (tag === "td" || tag === "th") {
      this.flush();
      if (this.tableDepth === 1) {
        this.row?.push(this.cell ?? []);
        this.cell = null;
      }
    }
  }

  private writeRow(row: string[][]): void {
    const filled = row.filter((c) => c.length);
    if (
      this.options.layoutRows === "printed" &&
      filled.length <= 2 &&
      filled.some((c) => c.some((p) => LAYOUT_CELL.test(p)))
    ) {
      this.push(filled.flatMap((cell) => cell.flatMap(cellLines)));
      return;
    }
    if (isClosingBlock(row)) {
      // The closing layout table: each cell a block of its own lines, as the parser reads them.
      for (const paragraphs of row.filter((c) => c.length)) {
        this.push(paragraphs);
        this.lines.push("");
      }
    } else {
      // Paragraphs of one cell are list items ("Đỗ Mạnh Cường" / "Vũ Việt Linh"): kept apart by "; ".
      this.push([row.map((c) => c.join("; ")).join("\t")], true);
    }
  }

  end(): string {
    this.flush();
    return this.lines.join("\n");
  }
}

/**
 * Writes the text of a tree (or part of one): `nodesText(parseHtml(html).children)`. Elements for
 * which `skip` says yes are left out with all they hold; elements never shown (script, style …)
 * always are. The walk keeps its own stack: a page nested thousands deep cannot overflow it.
 */
export function nodesText(
  nodes: readonly HtmlNode[],
  skip: (element: HtmlElement) => boolean = () => false,
  options: RowOptions = {},
): string {
  const writer = new LineWriter(options);
  const stack: Array<{ node: HtmlNode; leaving: boolean }> = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push({ node: nodes[i] as HtmlNode, leaving: false });
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, leaving } = item;
    if (node.type === ElementType.Text) writer.text(node.data);
    else if (isElement(node)) {
      if (leaving) writer.exit(node);
      else if (!UNRENDERED.has(node.name) && !skip(node)) {
        writer.enter(node);
        stack.push({ node, leaving: true });
        for (let i = node.children.length - 1; i >= 0; i--)
          stack.push({ node: node.children[i] as HtmlNode, leaving: false });
      }
    } else if (node.type === ElementType.Root || node.type === ElementType.CDATA) {
      for (let i = node.children.length - 1; i >= 0; i--)
        stack.push({ node: node.children[i] as HtmlNode, leaving: false });
    }
  }
  return writer.end();
}

/**
 * Converts HTML to text: `htmlToText("<p>KẾ HOẠCH</p><table><tr><td>1</td><td>Tập huấn</td></tr></table>")`
 * → `"KẾ HOẠCH\n1\tTập huấn"`.
 */
export function htmlToText(html: string, options: RowOptions = {}): string {
  return nodesText(parseHtml(html).children, () => false, options);
}
