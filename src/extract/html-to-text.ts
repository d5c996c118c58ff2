// The HTML mammoth makes of a Word file, as the plain text the parser reads: one paragraph a line,
// table rows as cells joined by tabs (the header's layout table and "Phụ lục" task tables alike),
// Word's automatic numbering written out ("1.", "a)") since the parser reads numbers from the text.

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X"))
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const LETTERS = "abcdefghiklmnopqrstuvxy";

/**
 * Converts mammoth's HTML to text: `htmlToText("<p>KẾ HOẠCH</p><table><tr><td>1</td><td>Tập huấn</td></tr></table>")`
 * → `"KẾ HOẠCH\n1\tTập huấn"`.
 */
export function htmlToText(html: string): string {
  const lines: string[] = [];
  let current = "";
  let cell: string[] | null = null;
  let row: string[][] | null = null;
  let tableDepth = 0;
  const lists: Array<{ ordered: boolean; count: number }> = [];
  const flush = () => {
    const text = decodeEntities(current)
      .replace(/[ \t]+/g, " ")
      .trim();
    current = "";
    if (!text) return;
    if (cell) cell.push(text);
    else lines.push(text);
  };
  for (const m of html.matchAll(/<(\/?)([a-z0-9]+)[^>]*?(\/?)>|([^<]+)/gi)) {
    if (m[4] !== undefined) {
      current += m[4];
      continue;
    }
    const closing = m[1] === "/";
    const tag = (m[2] ?? "").toLowerCase();
    switch (tag) {
      case "p":
      case "h1":
      case "h2":
      case "h3":
      case "h4":
      case "h5":
      case "h6":
        flush();
        break;
      case "br":
        current += cell ? " " : "\n";
        break;
      case "ol":
      case "ul":
        flush();
        if (closing) lists.pop();
        else lists.push({ ordered: tag === "ol", count: 0 });
        break;
      case "li": {
        flush();
        const list = lists[lists.length - 1];
        if (!closing && list) {
          list.count++;
          const depth = lists.length - 1;
          current = list.ordered
            ? depth === 0
              ? `${list.count}. `
              : `${LETTERS[(list.count - 1) % LETTERS.length]}) `
            : "- ";
        }
        break;
      }
      case "table":
        flush();
        tableDepth += closing ? -1 : 1;
        break;
      case "tr":
        flush();
        if (closing && row && tableDepth === 1) {
          if (isClosingBlock(row)) {
            // The closing layout table: each cell a block of its own lines, as the parser reads them.
            for (const paragraphs of row.filter((c) => c.length)) {
              for (const paragraph of paragraphs) lines.push(paragraph);
              lines.push("");
            }
          } else {
            // Paragraphs of one cell are list items ("Đỗ Mạnh Cường" / "Vũ Việt Linh"): kept apart by "; ".
            lines.push(row.map((c) => c.join("; ")).join("\t"));
          }
          row = null;
        } else if (!closing && tableDepth === 1) row = [];
        break;
      case "td":
      case "th":
        if (tableDepth !== 1) break;
        if (closing) {
          flush();
          row?.push(cell ?? []);
          cell = null;
        } else cell = [];
        break;
      default:
        break;
    }
  }
  flush();
  return lines.join("\n");
}

// The closing of a document is a layout table: recipients on the left, the signature on the right.
//   "Nơi nhận:" / "- Ban Giám đốc Sở;" / "- Lưu: VT"  |  "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC" / "Hoàng Văn Thuân"
const RECIPIENTS_HEAD = /^n(?:ơ|o)i nh(?:ậ|a)n\s*:?/iu;
const SIGNING_CAPACITY = /^(?:KT|TM|TL|TUQ|Q)\.\s*\p{Lu}/u;

function isClosingBlock(row: string[][]): boolean {
  return (
    row.some((c) => RECIPIENTS_HEAD.test(c[0] ?? "")) && row.some((c) => SIGNING_CAPACITY.test(c[0] ?? ""))
  );
}
