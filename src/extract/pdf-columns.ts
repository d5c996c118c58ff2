// The columns of a task table in a PDF, read from where its runs of text start and end: each
// column's start (where its cells' left-aligned text begins), where it begins for reading which
// column a run is in, and runs that PDF.js ran over the start of a column split back into cells.
// Every measure is in parts of the type size, never in points: the faces a table is printed in
// differ in width, and so do the gaps they leave between cells.

import { type PlacedText, splitAt, startingAt } from "./pdf-runs.js";

// A row number: "1" | "12." | "I"
export const ROW_NUMBER = /^(?:\d{1,3}\.?|[IVX]{1,4}\.?)$/;

// Where a column's cells begin may lie a hair apart from row to row ("Trung tâm" at 292.23,
// "Phòng" at 292.31): left edges within a quarter of the type size are one.
const SAME_EDGE = 0.25;

/**
 * Each column's start, read from where the runs below the heading begin: for the heading cell
 * "Đơn vị phối hợp", the left edge most cells start at between the end of the heading before it
 * and its own end (cells are left-aligned under a centred heading, or centred and narrower than
 * it). Where no cell starts there, the heading's own left edge.
 */
export function columnStarts(
  body: readonly PlacedText[],
  heads: readonly PlacedText[],
  size: number,
): number[] {
  // (sorted once and swept: a hostile page may hold hundreds of thousands of runs)
  const clusters: Array<{ x: number; n: number }> = [];
  for (const x of body.map((i) => i.x).sort((a, b) => a - b)) {
    const last = clusters[clusters.length - 1];
    if (last && x - last.x <= size * SAME_EDGE) last.n++;
    else clusters.push({ x, n: 1 });
  }
  return heads.map((head, i) => {
    const previous = heads[i - 1];
    const from = previous ? previous.x + previous.width : Number.NEGATIVE_INFINITY;
    const to = head.x + head.width;
    let best: { x: number; n: number } | undefined;
    for (const c of clusters)
      if (c.x > from && c.x < to && (!best || c.n > best.n || (c.n === best.n && c.x < best.x))) best = c;
    return best?.x ?? head.x;
  });
}

/** A table's columns, carried to the next page, where the table goes on without its heading row. */
export interface TableColumns {
  /** Where each column's cells start, left to right (their left-aligned text, or the heading's). */
  starts: number[];
  /** Where each column begins: a run that starts at or right of it is in that column. */
  bounds: number[];
}

/**
 * Where each column begins, to tell which column a run is in: just after the text of the column
 * before it ends, where that text ends before this column's cells and heading start ("… tăng
 * cường liên" ends at 382.1, the centred "Bộ Y tế" under "Cơ quan chủ trì" starts at 384.9, the
 * left-aligned "Các bộ" at 391.5); else a quarter of the type size before those.
 */
export function columnBounds(
  runs: readonly PlacedText[],
  starts: readonly number[],
  heads: readonly number[],
  size: number,
): number[] {
  const bounds = [Number.NEGATIVE_INFINITY];
  for (let i = 1; i < starts.length; i++) {
    const limit = Math.min(starts[i] ?? 0, heads[i] ?? Number.POSITIVE_INFINITY);
    const from = bounds[i - 1] ?? Number.NEGATIVE_INFINITY;
    let end = Number.NEGATIVE_INFINITY;
    for (const run of runs)
      if (run.x >= from && run.x + run.width <= limit) end = Math.max(end, run.x + run.width);
    bounds.push(
      end > Number.NEGATIVE_INFINITY
        ? end + Math.min(size * 0.1, (limit - end) / 2)
        : limit - size * SAME_EDGE,
    );
  }
  return bounds;
}

// Where a run is split at a column's start, its space must lie this near it (in type sizes): the
// letters' usual widths place a word in a run to within a fifth of the type size nine times in
// ten, half of it ninety-nine in a hundred (measured on printed tables in ten faces and on the
// Official Gazette's PDFs).
export const SPLIT_TOLERANCE = 0.5;

/**
 * A run that runs over the start of a column is two cells PDF.js joined: split there
 * ("Trung tâm Y tế huyện 10 Văn phòng Sở" → "Trung tâm Y tế huyện 10" | "Văn phòng Sở"), the part
 * after set where its column starts. A run over several columns' starts is split only where every
 * one of them falls at a space: otherwise it is a row's text spanning the columns, kept whole. A
 * row number the run begins with is its own ("I. Đổi mới mạnh mẽ tư duy …" → "I." | "Đổi mới …").
 */
export function splitOverColumns(run: PlacedText, starts: readonly number[]): PlacedText[] {
  const margin = run.size * SPLIT_TOLERANCE;
  const second = starts[1] ?? Number.POSITIVE_INFINITY;
  const number: PlacedText[] = [];
  let rest = run;
  if (run.x < second - margin && ROW_NUMBER.test(run.str.trim().split(/\s+/)[0] ?? "")) {
    // The nearest space to the run's start is the one after its first word.
    const split = splitAt(run, run.x, Number.POSITIVE_INFINITY);
    if (split) {
      number.push(split[0]);
      rest = startingAt(split[1], Math.max(split[1].x, second));
    }
  }
  const crossed = starts.filter((s) => s > rest.x + margin && s < rest.x + rest.width - margin);
  const cells: PlacedText[] = [];
  let tail = rest;
  for (const start of crossed) {
    const split = splitAt(tail, start, SPLIT_TOLERANCE);
    if (split) {
      cells.push(split[0]);
      tail = startingAt(split[1], start);
    } else if (crossed.length > 1) return [...number, rest];
  }
  return [...number, ...cells, tail];
}

/** The column a run is in: the last one it starts at or right of. */
export function columnOf(run: PlacedText, bounds: readonly number[]): number {
  let column = 0;
  bounds.forEach((bound, i) => {
    if (run.x >= bound) column = i;
  });
  return column;
}
