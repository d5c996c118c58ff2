// Task tables in PDFs. A PDF keeps no table, only words at positions: a "Phụ lục" row comes out of
// the text layer as "1 Tập huấn cán bộ y tế xã về tiêm / chủng an toàn / Trung tâm Kiểm soát / bệnh
// tật …", its cells run together and wrapped over lines. Here the table is rebuilt from where the
// words sit: the header row names the columns ("STT | Nội dung | Đơn vị chủ trì | … | Thời gian"),
// the cells' left edges give the columns, the row numbers in the first column give the rows, and
// each row is written as one line of tab-separated cells, as Word tables are (html-to-text.ts).

import { foldDiacritics } from "../text/fold.js";
import {
  columnBounds,
  columnOf,
  columnStarts,
  ROW_NUMBER,
  SPLIT_TOLERANCE,
  splitOverColumns,
  type TableColumns,
} from "./pdf-columns.js";
import { joinFragments, type PlacedText } from "./pdf-runs.js";

export type { PlacedText, TableColumns };

// What the heading cells of a task table say, one pattern per kind of column.
const HEADING_KINDS = [
  /^(?:stt|tt|so tt)$/,
  /noi dung|nhiem vu|cong viec|hoat dong/,
  /chu tri|thuc hien/,
  /phoi hop/,
  /thoi gian|thoi han|tien do/,
  /san pham|ket qua|ghi chu/,
];

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
function headingColumns(band: readonly PlacedText[], size: number): PlacedText[] {
  // Lines of one cell overlap, or nearly: "Cơ quan" over "chủ trì".
  const near = size * 0.15;
  const groups: PlacedText[][] = [];
  for (const item of [...band].sort((a, b) => a.x - b.x)) {
    const group = groups.find((g) =>
      g.some((o) => item.x <= o.x + o.width + near && o.x <= item.x + item.width + near),
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
  const runs = joinFragments(items);
  const lines = linesOf(runs);
  const top = lines.slice(0, 3);
  const head = lines.find((l) => headingCells(l) !== null);
  let table: Table | null;
  let cells: PlacedText[] | null = null;
  let bandTop = 0;
  let size: number;
  if (head) {
    size = head[0]?.size ?? 12;
    // A heading cell may wrap ("Đơn vị phối" / "hợp"): the heading row is the band around its line.
    const band = runs.filter((i) => Math.abs(i.y - (head[0]?.y ?? 0)) <= size * 1.2);
    const heads = headingColumns(band, size);
    cells = heads;
    bandTop = greatest(band.map((i) => i.y));
    const regionTop = least(band.map((i) => i.y)) - size * 0.5;
    const read = (bottom: number) => {
      const body = runs.filter((i) => i.y < regionTop && i.y > bottom);
      const starts = columnStarts(body, heads, size);
      return readRows(runs, top, { starts, heads: heads.map((h) => h.x), bottom }, regionTop, size);
    };
    // Once more with the columns read from the table's rows alone, the text under it left out (a
    // signature's block starts in the middle of the page, not at a column).
    table = read(Number.NEGATIVE_INFINITY);
    if (table) table = read(table.bottom);
  } else if (carried) {
    // The table goes on: its rows start at the top of the page.
    size = top[0]?.[0]?.size ?? 12;
    table = readRows(runs, top, carried, (top[0]?.[0]?.y ?? 0) + size * 0.5, size);
  } else return null;
  if (!table) return null;
  const out: string[] = [];
  // Above the table: the lines over the heading row, or over a carried table's first row.
  const above = cells ? bandTop + size * 0.35 : table.top;
  for (const line of lines.filter((l) => (l[0]?.y ?? 0) >= above)) out.push(lineText(line));
  if (cells) out.push(cells.map((c) => c.str.trim()).join("\t"));
  for (const row of table.rows) out.push(row.join("\t"));
  const bottom = table.bottom;
  for (const line of lines.filter((l) => (l[0]?.y ?? 0) <= bottom)) out.push(lineText(line));
  return { text: out.join("\n"), columns: table.columns };
}

interface Table {
  rows: string[][];
  top: number;
  bottom: number;
  columns: TableColumns;
}

/**
 * The table's rows below `regionTop`, each as its cells' text: a row begins at a number in the
 * first column. Columns are given by where their cells start, with the heading cells' left edges
 * and the bottom of the table's region to read where they begin; or as the page before ended them,
 * for a table going on, found only where its first number is near the top of the page, in the
 * first column.
 */
function readRows(
  runs: readonly PlacedText[],
  topLines: readonly PlacedText[][],
  columns: TableColumns | { starts: number[]; heads: number[]; bottom: number },
  regionTop: number,
  size: number,
): Table | null {
  const { starts } = columns;
  if (starts.length < 3) return null;
  const below = runs.filter((i) => i.y < regionTop).flatMap((run) => splitOverColumns(run, starts));
  const goingOn = "bounds" in columns;
  const bounds = goingOn
    ? columns.bounds
    : columnBounds(
        below.filter((i) => i.y > columns.bottom),
        starts,
        columns.heads,
        size,
      );
  const second = bounds[1] ?? 0;
  let top = regionTop;
  // A footnote's mark under the table ("1" at 6.5 points, the table at 14) is no row number.
  let numbers = below
    .filter((i) => i.x < second && i.size >= size * 0.7 && ROW_NUMBER.test(i.str.trim()))
    .sort((a, b) => b.y - a.y);
  if (goingOn) {
    // A running head or page number above the first row stays out of the table.
    const firstNumber = numbers[0];
    if (!firstNumber || Math.abs(firstNumber.x - (starts[0] ?? 0)) > size * 0.5) return null;
    if (topLines.every((l) => !l.some((i) => i.y === firstNumber.y))) return null;
    top = Math.min(top, firstNumber.y + size * 2.5);
    numbers = numbers.filter((n) => n.y < top);
  }
  if (numbers.length < 1) return null;
  // Rows end halfway to the next row's number; the last one as far below its number as the one before.
  const rows = numbers.map((n, i) => {
    const next = numbers[i + 1];
    const previous = numbers[i - 1];
    const rowTop = previous ? (previous.y + n.y) / 2 : top;
    const bottom = next ? (n.y + next.y) / 2 : n.y - (previous ? (previous.y - n.y) / 2 : size * 2);
    return { top: rowTop, bottom, cells: starts.map(() => [] as string[]) };
  });
  const bottom = rows[rows.length - 1]?.bottom ?? top;
  // Everything between the heading and the last row is the table's: nothing on the page is dropped.
  for (const item of below.filter((i) => i.y < top && i.y > bottom).sort((a, b) => b.y - a.y || a.x - b.x)) {
    const row = rows.find((r) => item.y <= r.top && item.y > r.bottom);
    let column = columnOf(item, bounds);
    // Text that starts in the numbers' column and runs on past it is a row's text spanning the
    // columns, its title: "nhân dân", the second line of "I. Đổi mới … sức khoẻ / nhân dân".
    const spans = item.x + item.width > (starts[1] ?? 0) + item.size * SPLIT_TOLERANCE;
    if (column === 0 && spans && !ROW_NUMBER.test(item.str.trim())) column = 1;
    row?.cells[column]?.push(item.str.trim());
  }
  return { rows: rows.map((r) => r.cells.map((c) => c.join(" "))), top, bottom, columns: { starts, bounds } };
}
