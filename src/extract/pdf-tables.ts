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
// The least and greatest of many numbers, without spreading them into arguments (a page of a
// hostile PDF may hold hundreds of thousands of runs: Math.min(...runs) overflows the stack).
const least = (values: readonly number[]) =>
  values.reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY);
const greatest = (values: readonly number[]) =>
  values.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);

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

/** The heading row's cells: runs that overlap across the row's lines are one cell, read top down. */
function headingColumns(band: readonly PlacedText[]): PlacedText[] {
  const groups: PlacedText[][] = [];
  for (const item of [...band].sort((a, b) => a.x - b.x)) {
    const group = groups.find((g) =>
      g.some((o) => item.x <= o.x + o.width + 2 && o.x <= item.x + item.width + 2),
    );
    if (group) group.push(item);
    else groups.push([item]);
  }
  return groups.map((g) => {
    const lines = [...g].sort((a, b) => b.y - a.y || a.x - b.x);
    const x = least(g.map((i) => i.x));
    const right = greatest(g.map((i) => i.x + i.width));
    return {
      ...(lines[0] as PlacedText),
      str: lines.map((i) => i.str.trim()).join(" "),
      x,
      width: right - x,
    };
  });
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

/** A table's columns, carried to the next page, where the table goes on without its heading row. */
export interface TableColumns {
  edges: number[];
}

/**
 * A page's text with its task table rebuilt, or null when the page has none:
 * `pageWithTables(items)` → "…\nSTT\tNội dung\tĐơn vị chủ trì\t…\n1\tTập huấn …\tTrung tâm …\t…".
 * Given the columns of a table the previous page ended in, rows at the top of this page that
 * line up with them go on with that table.
 */
export function pageWithTables(
  items: readonly PlacedText[],
  carried?: TableColumns,
): { text: string; columns: TableColumns } | null {
  const lines = linesOf(items.filter((i) => i.str.trim()));
  const headIndex = lines.findIndex((l) => headingCells(l) !== null);
  const head = lines[headIndex];
  let cells = head ? headingCells(head) : null;
  let headY: number;
  let bandTop = 0;
  let size: number;
  let edges: number[];
  if (head && cells) {
    size = head[0]?.size ?? 12;
    // A heading cell may wrap ("Đơn vị phối" / "hợp"): the heading row is the band around its line.
    const band = items.filter((i) => i.str.trim() && Math.abs(i.y - (head[0]?.y ?? 0)) <= size * 1.2);
    cells = headingColumns(band);
    headY = least(band.map((i) => i.y));
    bandTop = greatest(band.map((i) => i.y));
    edges = columnEdges(
      items.filter((i) => i.str.trim() && i.y < headY - size * 0.5),
      cells.length,
    );
  } else if (carried) {
    // The table goes on: its rows start at the top of the page.
    const top = lines[0];
    size = top?.[0]?.size ?? 12;
    headY = (top?.[0]?.y ?? 0) + size;
    edges = carried.edges;
  } else return null;
  if (edges.length < 3) return null;
  const second = edges[1] ?? 0;
  let regionTop = headY - size * 0.5;
  let numbers = items
    .filter((i) => i.y < regionTop && i.x < second - 1 && ROW_NUMBER.test(i.str.trim()))
    .sort((a, b) => b.y - a.y);
  if (numbers.length < 1) return null;
  if (!cells) {
    // Going on only where the first number sits in the first column, near the top of the page; a
    // running head or page number above its row stays out of the table.
    const firstNumber = numbers[0];
    if (!firstNumber || Math.abs(firstNumber.x - (edges[0] ?? 0)) > 6) return null;
    if (lines.slice(0, 3).every((l) => !l.includes(firstNumber))) return null;
    regionTop = Math.min(regionTop, firstNumber.y + size * 2.5);
    numbers = numbers.filter((n) => n.y < regionTop);
  }
  // Rows end halfway to the next row's number; the last one as far below its number as the one before.
  const rows = numbers.map((n, i) => {
    const next = numbers[i + 1];
    const previous = numbers[i - 1];
    const top = previous ? (previous.y + n.y) / 2 : regionTop;
    const bottom = next ? (n.y + next.y) / 2 : n.y - (previous ? (previous.y - n.y) / 2 : size * 2);
    return { top, bottom, cells: edges.map(() => [] as string[]) };
  });
  const tableBottom = rows[rows.length - 1]?.bottom ?? headY;
  // Everything between the heading and the last row is the table's: nothing on the page is dropped.
  const inTable = (i: PlacedText) => i.str.trim() !== "" && i.y < regionTop && i.y > tableBottom;
  for (const item of items.filter(inTable).sort((a, b) => b.y - a.y || a.x - b.x)) {
    const row = rows.find((r) => item.y <= r.top && item.y > r.bottom);
    if (!row) continue;
    let column = 0;
    edges.forEach((edge, i) => {
      if (item.x + 3 >= edge) column = i;
    });
    row.cells[column]?.push(item.str.trim());
  }
  const out: string[] = [];
  // Above the table: the lines over the heading row, or over a carried table's first row.
  const above = cells ? bandTop + size * 0.35 : regionTop;
  for (const line of lines.filter((l) => (l[0]?.y ?? 0) >= above)) out.push(lineText(line));
  if (cells) out.push(cells.map((c) => c.str.trim()).join("\t"));
  for (const row of rows) out.push(row.cells.map((c) => c.join(" ")).join("\t"));
  for (const line of lines.filter((l) => (l[0]?.y ?? 0) <= tableBottom)) out.push(lineText(line));
  return { text: out.join("\n"), columns: { edges } };
}
