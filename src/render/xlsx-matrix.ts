// A plan's task × unit matrix as an XLSX workbook: a row per task (and per duty tracked as work), a
// column per unit with work in the plan, each cell the unit's state in the task, coloured, bold where
// the unit leads, blank where it has no work there. The first sheet is today's state; then one sheet
// per reporting period, as the units' sent reports of that period give it ("Chưa báo cáo" where none
// does). Headings and the task columns stay in view (frozen), and the heading row filters.

import type ExcelJS from "exceljs";
import { viDate } from "../domain/dates.js";
import type { ProgressState } from "../domain/progress.js";
import { planFileName } from "./assignments.js";
import {
  addSheet,
  BOLD,
  BORDER,
  FONT,
  headingRow,
  newWorkbook,
  STATE_COLOURS,
  STATE_NAMES,
  solid,
  titleRow,
  UNREPORTED,
  WRAP,
  xlsxBytes,
} from "./xlsx-common.js";

export interface MatrixTask {
  /** "II.1", "PC-III.2" */
  key: string;
  title: string;
}

/** A unit's work in a task: its state (null: no sent report of the period gives it), and whether it leads. */
export interface MatrixCell {
  state: ProgressState | null;
  lead: boolean;
}

export interface MatrixSheet {
  /** The tab's name: "Hiện tại", "Kỳ 15.12.2026". */
  name: string;
  /** What the sheet shows: "Tình trạng ngày 23/11/2026". */
  heading: string;
  /** True for a period's sheet: the states its sent reports give ("Chưa báo cáo" where none does). */
  fromReports: boolean;
  /** cells[task][unit]; null: the unit has no work in the task. */
  cells: ReadonlyArray<ReadonlyArray<MatrixCell | null>>;
}

export interface StatusMatrix {
  /** The day the data is of. */
  asOf: string;
  /** "Kế hoạch số 901/KH-SGDĐT: Bảo đảm an toàn trường học năm học 2026-2027" */
  title: string;
  tasks: readonly MatrixTask[];
  units: ReadonlyArray<{ name: string }>;
  sheets: readonly MatrixSheet[];
}

const ORDER: readonly ProgressState[] = ["done_on_time", "done_late", "in_progress", "overdue"];
const FIRST_ROW = 5;
const HEADING_ROW = 4;

/** The sheet's first rows: the plan, what the sheet shows, the legend. */
function header(ws: ExcelJS.Worksheet, m: StatusMatrix, sheet: MatrixSheet): void {
  titleRow(ws, 1, m.title);
  const what = ws.getRow(2).getCell(1);
  what.value = sheet.heading;
  what.font = { ...FONT, italic: true };
  const legend = ws.getRow(3);
  legend.getCell(1).value = "Chú giải:";
  legend.getCell(1).font = BOLD;
  legend.getCell(2).value = "chữ đậm: đơn vị chủ trì; ô trống: đơn vị không có việc ở nhiệm vụ đó";
  legend.getCell(2).font = FONT;
  const keys = [
    ...ORDER.map((k) => ({ name: STATE_NAMES[k], ...STATE_COLOURS[k] })),
    ...(sheet.fromReports ? [UNREPORTED] : []),
  ];
  keys.forEach((k, i) => {
    const cell = legend.getCell(3 + i);
    cell.value = k.name;
    cell.font = { ...FONT, color: { argb: k.text } };
    cell.fill = solid(k.fill);
    cell.border = BORDER;
    cell.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  });
  legend.height = 32;
}

// One style object per look, shared by every cell that has it (the writer keeps one entry for each).
const looks = new Map<string, { font: Partial<ExcelJS.Font>; fill: ExcelJS.Fill }>();
function look(state: ProgressState | null, lead: boolean) {
  const id = `${state}:${lead}`;
  let found = looks.get(id);
  if (!found) {
    const colours = state ? STATE_COLOURS[state] : UNREPORTED;
    found = { font: { ...FONT, bold: lead, color: { argb: colours.text } }, fill: solid(colours.fill) };
    looks.set(id, found);
  }
  return found;
}
const CELL_ALIGNMENT: Partial<ExcelJS.Alignment> = {
  wrapText: true,
  vertical: "middle",
  horizontal: "center",
};

function writeSheet(wb: ExcelJS.Workbook, m: StatusMatrix, sheet: MatrixSheet): void {
  const ws = addSheet(wb, sheet.name, { columns: 2, rows: HEADING_ROW });
  ws.columns = [
    { width: 10 },
    { width: 50 },
    ...Array.from({ length: Math.max(m.units.length, 5) }, () => ({ width: 16 })),
  ];
  header(ws, m, sheet);
  headingRow(ws, HEADING_ROW, ["STT", "Nhiệm vụ", ...m.units.map((u) => u.name)]);
  ws.getRow(HEADING_ROW).height = 48;
  m.tasks.forEach((task, t) => {
    const row = ws.getRow(FIRST_ROW + t);
    const key = row.getCell(1);
    key.value = task.key;
    key.font = FONT;
    key.border = BORDER;
    key.alignment = WRAP;
    const title = row.getCell(2);
    title.value = task.title;
    title.font = FONT;
    title.border = BORDER;
    title.alignment = WRAP;
    const cells = sheet.cells[t] ?? [];
    for (let u = 0; u < m.units.length; u++) {
      const cell = row.getCell(3 + u);
      cell.border = BORDER;
      const work = cells[u];
      if (!work) continue;
      const style = look(work.state, work.lead);
      cell.value = work.state ? STATE_NAMES[work.state] : UNREPORTED.name;
      cell.font = style.font;
      cell.fill = style.fill;
      cell.alignment = CELL_ALIGNMENT;
    }
  });
  ws.autoFilter = {
    from: { row: HEADING_ROW, column: 1 },
    to: { row: HEADING_ROW + Math.max(m.tasks.length, 1), column: 2 + m.units.length },
  };
  ws.pageSetup.printTitlesRow = `${HEADING_ROW}:${HEADING_ROW}`;
}

/**
 * The workbook's bytes, a sheet each in the order given:
 * `await matrixXlsx({ asOf, title, tasks, units, sheets: [current, ...periods] })`.
 */
export async function matrixXlsx(m: StatusMatrix): Promise<Uint8Array> {
  const wb = newWorkbook(m.asOf);
  for (const sheet of m.sheets) writeSheet(wb, m, sheet);
  return xlsxBytes(wb);
}

/** "Tình trạng ngày 23/11/2026" */
export const currentHeading = (day: string) => `Tình trạng ngày ${viDate(day)}`;
/** "Kỳ báo cáo hạn 15/12/2026: tình trạng theo báo cáo các đơn vị đã gửi" */
export const periodHeading = (due: string) =>
  `Kỳ báo cáo hạn ${viDate(due)}: tình trạng theo báo cáo các đơn vị đã gửi`;
/** "Kỳ 15.12.2026" (a tab's name takes no slash). */
export const periodSheetName = (due: string) => `Kỳ ${viDate(due).replace(/\//g, ".")}`;
/** "tinh-trang-thuc-hien-901-KH-SGDĐT.xlsx" */
export const matrixXlsxName = (number: string | null) => planFileName("tinh-trang-thuc-hien", number, "xlsx");
