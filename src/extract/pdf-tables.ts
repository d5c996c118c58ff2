// Task tables in PDFs. A PDF keeps no table, only words at positions: a "Phụ lục" row comes out of
// the text layer as "1 Tập huấn cán bộ y tế xã về tiêm / chủng an toàn / Trung tâm Kiểm soát / bệnh
// tật …", its cells run together and wrapped over lines. Here the table is rebuilt from where the
// words sit: the header row names the columns ("STT | Nội dung | Đơn vị chủ trì | … | Thời gian"),
// the cells' left edges give the columns, the row numbers in the first column give the rows, and
// each row is written as one line of tab-separated cells, as Word tables are (html-to-text.ts).

import { foldDiacritics } from "../text/fold.js";

/** A word run as PDF.js places it: text, left edge, baseline, font size, width. */
export interface PlacedText {
  str: string;
  x: number;
  y: number;
  size: number;
  width: number;
}

// What the heading cells of a task table say, one pattern per kind of column.
const HEADING_KINDS = [
  /^(?:stt|tt|so tt)$/,
  /noi dung|nhiem vu|cong viec|hoat dong/,
  /chu tri|thuc hien/,
  /phoi hop/,
  /thoi gian|thoi han|tien do/,
  /san pham|ket qua|ghi chu/,
];
// A row number: "1" | "12." | "I"
const ROW_NUMBER = /^(?:\d{1,3}\.?|[IVX]{1,4}\.?)$/;

const fold = (s: string) => foldDiacritics(s).toLowerCase().trim();

/** Lines of words: runs whose baselines lie within a third of the type size, read left to right. */
function linesOf(items: readonly PlacedText[]): PlacedText[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PlacedText[][] = [];
  for (const item of sorted) {
    const line = lines[lines.length - 1];
    const first = line?.[0];
    if (line && first && Math.abs(first.y - item.y) <= first.size * 0.35) line.push(item);
    else lines.push([item]);
  }
  return lines.map((l) => l.sort((a, b) => a.x - b.x));
}

/** A line as text: words apart by a space, columns (a gap of two type sizes) by a tab. */
function lineText(line: readonly PlacedText[]): string {
  let out = "";
  let end = Number.NEGATIVE_INFINITY;
  for (const item of line) {
    const text = item.str.trim();
    if (!text) continue;
    if (out) out += item.x - end > item.size * 2 ? "\t" : " ";
    out += text;
    end = item.x + item.width;
  }
  return out;
}

/** The kinds of column a line's cells name, when the line is a task table's heading row. */
function headingCells(line: readonly PlacedText[]): PlacedText[] | null {
  const cells = line.filter((i) => i.str.trim());
  const kinds = new Set<number>();
  for (const cell of cells) {
    const key = fold(cell.str);
    HEADING_KINDS.forEach((pattern, kind) => {
      if (pattern.test(key)) kinds.add(kind);
    });
  }
  return kinds.size >= 3 && kinds.has(1) && cells.length >= 3 ? cells : null;
}

/** Left edges shared by several cells: the table's columns, as many as the heading has cells. */
function columnEdges(body: readonly PlacedText[], count: number): number[] {
  const clusters: Array<{ x: number; n: number }> = [];
  for (const item of body) {
    if (!item.str.trim()) continue;
    const near = clusters.find((c) => Math.abs(c.x - item.x) <= 3);
    if (near) near.n++;
    else clusters.push({ x: item.x, n: 1 });
  }
  return clusters
    .sort((a, b) => b.n - a.n)
    .slice(0, count)
    .map((c) => c.x)
    .sort((a, b) => a - b);
}

/**
 * A page's text with its task table rebuilt, or null when the page has none:
 * `pageWithTables(items)` → "…\nSTT\tNội dung\tĐơn vị chủ trì\t…\n1\tTập huấn …\tTrung tâm …\t…".
 */
export function pageWithTables(items: readonly PlacedText[]): string | null {
  const lines = linesOf(items.filter((i) => i.str.trim()));
  const headIndex = lines.findIndex((l) => headingCells(l) !== null);
  const head = lines[headIndex];
  const cells = head ? headingCells(head) : null;
  if (!head || !cells) return null;
  const headY = head[0]?.y ?? 0;
  const size = head[0]?.size ?? 12;
  const below = items.filter((i) => i.str.trim() && i.y < headY - size * 0.5);
  const edges = columnEdges(below, cells.length);
  if (edges.length < 3) return null;
  const second = edges[1] ?? 0;
  const numbers = below
    .filter((i) => i.x < second - 1 && ROW_NUMBER.test(i.str.trim()))
    .sort((a, b) => b.y - a.y);
  if (numbers.length < 1) return null;
  // Rows end halfway to the next row's number; the last one as far below its number as the one before.
  const rows = numbers.map((n, i) => {
    const next = numbers[i + 1];
    const previous = numbers[i - 1];
    const top = previous ? (previous.y + n.y) / 2 : headY - size * 0.5;
    const bottom = next ? (n.y + next.y) / 2 : n.y - (previous ? (previous.y - n.y) / 2 : size * 2);
    return { top, bottom, cells: edges.map(() => [] as string[]) };
  });
  const tableBottom = rows[rows.length - 1]?.bottom ?? headY;
  // Everything between the heading and the last row is the table's: nothing on the page is dropped.
  const inTable = (i: PlacedText) => i.y < headY - size * 0.5 && i.y > tableBottom;
  for (const item of below.filter(inTable).sort((a, b) => b.y - a.y || a.x - b.x)) {
    const row = rows.find((r) => item.y <= r.top && item.y > r.bottom);
    if (!row) continue;
    let column = 0;
    edges.forEach((edge, i) => {
      if (item.x + 3 >= edge) column = i;
    });
    row.cells[column]?.push(item.str.trim());
  }
  const out: string[] = [];
  for (const line of lines.filter((l) => (l[0]?.y ?? 0) > headY + size * 0.35)) out.push(lineText(line));
  out.push(cells.map((c) => c.str.trim()).join("\t"));
  for (const row of rows) out.push(row.cells.map((c) => c.join(" ")).join("\t"));
  for (const line of lines.filter((l) => (l[0]?.y ?? 0) <= tableBottom)) out.push(lineText(line));
  return out.join("\n");
}
