// Tasks in a table: a "Phụ lục" (or a table in the body) with columns such as
//   STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành | Sản phẩm
// whose cells arrive separated by tabs, " | " (markdown) or runs of spaces (text from PDF).
// One task per numbered row; rows numbered I, II or A, B are groups; a row with no number
// continues the cells of the row above (a cell that wrapped).

import type { Task } from "../domain/plan.js";
import { parseTimeframe } from "../time/timeframe.js";
import type { Line } from "./lines.js";
import { cleanValue, foldLower } from "./lines.js";
import { romanValue } from "./outline.js";
import { type TaskContext, taskTitle } from "./tasks.js";
import { splitUnits } from "./units.js";

type Column = "stt" | "content" | "lead" | "cooperate" | "time" | "product" | "other";

// Header cells, folded: "STT" | "Nội dung công việc" | "Cơ quan chủ trì" | "Thời gian hoàn thành" | "Sản phẩm"
const HEADER_CELLS: Array<[Column, RegExp]> = [
  ["stt", /^(?:stt|tt|so tt|so thu tu)$/],
  ["cooperate", /phoi hop/],
  [
    "lead",
    /chu tri|don vi thuc hien|nguoi thuc hien|can bo thuc hien|co quan thuc hien|don vi thuc hien chinh|phu trach|trach nhiem/,
  ],
  ["time", /thoi gian|thoi han|tien do|thoi diem/],
  ["product", /san pham|ket qua/],
  ["content", /noi dung|nhiem vu|hoat dong|cong viec|de an|chuong trinh|giai phap/],
];

type Layout = "tab" | "pipe" | "space";

// A markdown separator row: "|---|:---|" | "| :--- | --- |" | "------"
// (one blank quantifier before the bar, one after: "\s*\|?\s*" shared a long run of blanks every way)
const SEPARATOR_ROW = /^\s*(?:\|\s*)?:?-{3,}/;

function layoutOf(text: string): Layout | null {
  if (text.includes("\t")) return "tab";
  if (/^\s*\|.*\|/.test(text) || (text.match(/ \| /g)?.length ?? 0) >= 2) return "pipe";
  if (/\S {2,}\S.* {2,}\S/.test(text)) return "space";
  return null;
}

interface Cell {
  text: string;
  at: number;
}

function cellsOf(text: string, layout: Layout): Cell[] {
  const sep = layout === "tab" ? /\t/g : layout === "pipe" ? /\|/g : / {2,}/g;
  const out: Cell[] = [];
  let from = 0;
  const pushCell = (to: number) => {
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    out.push({ text: raw.trim(), at: from + lead });
  };
  for (const m of text.matchAll(sep)) {
    pushCell(m.index ?? 0);
    from = (m.index ?? 0) + m[0].length;
  }
  pushCell(text.length);
  if (layout === "pipe") {
    if (out[0]?.text === "") out.shift();
    if (out[out.length - 1]?.text === "") out.pop();
  }
  if (layout === "space") return out.filter((c) => c.text);
  return out;
}

function columnOf(cell: string): Column {
  const key = foldLower(cell)
    .replace(/[^a-z0-9/ ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  for (const [col, pattern] of HEADER_CELLS) if (pattern.test(key)) return col;
  return "other";
}

interface Row {
  stt: string;
  cells: Partial<Record<Column, string[]>>;
  first: number;
  last: number;
}

/** True when a line is a table row (for line joining and the outline, which must leave it alone). */
export function isTableRow(text: string): boolean {
  const layout = layoutOf(text);
  return layout === "tab" || layout === "pipe";
}

/** Reads every task table in lines [from, to). `taken` holds task ids already used by the outline. */
export function readTaskTables(
  lines: readonly Line[],
  from: number,
  to: number,
  ctx: TaskContext,
  taken: Set<string>,
): Task[] {
  const tasks: Task[] = [];
  for (let i = from; i < to; i++) {
    const line = lines[i];
    if (!line) continue;
    const layout = layoutOf(line.text);
    if (!layout) continue;
    const header = cellsOf(line.text, layout);
    const columns = header.map((c) => columnOf(c.text));
    if (header.length < 3 || !columns.includes("content")) continue;
    let j = i + 1;
    // A header on two rows: "| STT | Nội dung | Đơn vị thực hiện | | Thời gian |" over "| | | Chủ trì | Phối hợp | |"
    const second = nextRow(lines, j, to, layout);
    if (second >= 0) {
      const below = cellsOf(lines[second]?.text ?? "", layout);
      const belowColumns = below.map((c) => (c.text ? columnOf(c.text) : "other"));
      if (!/^\d/.test(below[0]?.text ?? "") && belowColumns.some((c) => c === "lead" || c === "cooperate")) {
        belowColumns.forEach((c, k) => {
          if (c !== "other" && k < columns.length) columns[k] = c;
        });
        j = second + 1;
      }
    }
    if (!columns.some((c) => c === "lead" || c === "time" || c === "cooperate")) continue;
    const hasStt = columns.includes("stt");
    const rows: Row[] = [];
    let group = "";
    let auto = 0;
    for (; j < to; j++) {
      const text = lines[j]?.text ?? "";
      if (!text.trim()) {
        if (layout === "space") continue;
        const next = lines[j + 1]?.text ?? "";
        if (layoutOf(next) === layout) continue;
        break;
      }
      const rowLayout = layoutOf(text);
      if (SEPARATOR_ROW.test(text)) continue;
      const cells = rowLayout === layout || (layout === "space" && rowLayout) ? cellsOf(text, layout) : null;
      if (!cells) {
        if (layout === "space" && rows.length && /^\s{4,}\S/.test(text)) {
          appendToColumn(
            rows[rows.length - 1],
            nearestColumn(header, columns, text.search(/\S/)),
            text.trim(),
            j,
          );
          continue;
        }
        break;
      }
      const assigned = assign(cells, header, columns, layout);
      const stt = (assigned.stt?.[0] ?? "").replace(/[.)]$/, "");
      const content = assigned.content?.[0] ?? "";
      // A row whose number Word generates (an empty STT cell in the text) but that starts a new task.
      const unnumbered =
        !stt && /^[\p{Lu}\d]/u.test(content) && (!hasStt || Boolean(assigned.lead ?? assigned.time));
      if (/^\d{1,3}(?:\.\d{1,2})*$/.test(stt) || unnumbered) {
        const label = stt || String(++auto);
        rows.push({ stt: group ? `${group}.${label}` : label, cells: assigned, first: j, last: j + 1 });
      } else if (stt && (romanValue(stt) > 0 || /^[A-Z]$/.test(stt))) {
        group = stt;
        auto = 0;
      } else if (!stt && rows.length) {
        const prev = rows[rows.length - 1];
        if (prev)
          for (const [col, values] of Object.entries(assigned))
            for (const v of values ?? []) appendToColumn(prev, col as Column, v, j);
      }
    }
    for (const row of rows) tasks.push(rowTask(row, lines, ctx, taken));
    i = j - 1;
  }
  return tasks;
}

// The next row of the same table after `from` (skipping a markdown separator), or -1.
function nextRow(lines: readonly Line[], from: number, to: number, layout: Layout): number {
  for (let k = from; k < Math.min(to, from + 3); k++) {
    const text = lines[k]?.text ?? "";
    if (SEPARATOR_ROW.test(text)) continue;
    return layoutOf(text) === layout ? k : -1;
  }
  return -1;
}

function nearestColumn(header: Cell[], columns: Column[], at: number): Column {
  let best = 0;
  for (let k = 0; k < header.length; k++) if ((header[k]?.at ?? 0) <= at + 2) best = k;
  return columns[best] ?? "other";
}

function assign(
  cells: Cell[],
  header: Cell[],
  columns: Column[],
  layout: Layout,
): Partial<Record<Column, string[]>> {
  const out: Partial<Record<Column, string[]>> = {};
  cells.forEach((cell, k) => {
    if (!cell.text) return;
    const col = layout === "space" ? nearestColumn(header, columns, cell.at) : (columns[k] ?? "other");
    const list = out[col] ?? [];
    list.push(cell.text);
    out[col] = list;
  });
  return out;
}

function appendToColumn(row: Row | undefined, col: Column, text: string, line: number): void {
  if (!row) return;
  const list = row.cells[col] ?? [];
  list.push(text);
  row.cells[col] = list;
  row.last = line + 1;
}

function rowTask(row: Row, lines: readonly Line[], ctx: TaskContext, taken: Set<string>): Task {
  const join = (col: Column) => (row.cells[col] ?? []).join(" ").replace(/\s+/g, " ").trim();
  const content = join("content");
  let id = row.stt;
  if (taken.has(id)) id = `PL.${id}`;
  taken.add(id);
  const task: Task = {
    id,
    title: taskTitle(content),
    content,
    leads: splitUnits(join("lead")),
    cooperators: splitUnits(join("cooperate")),
    timeframe: null,
    span: [lines[row.first]?.start ?? 0, lines[row.last - 1]?.end ?? 0],
  };
  const time = join("time");
  if (time) {
    const reading = parseTimeframe(cleanValue(time), ctx.time);
    task.timeframe = reading.timeframe;
    if (reading.warning) ctx.warn(`Nhiệm vụ ${id}: ${reading.warning}`);
  }
  const product = join("product");
  if (product) task.products = [cleanValue(product)];
  return task;
}
