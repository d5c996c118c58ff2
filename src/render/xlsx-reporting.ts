// Report completeness and timeliness as an XLSX workbook, the numbers of the leaders' overview: by
// unit (reports owed for each plan's open period, sent, on time, late, missing, and the unit's work
// in the four states), and by plan; each with a total row.

import type ExcelJS from "exceljs";
import { viDate } from "../domain/dates.js";
import type { ProgressState } from "../domain/progress.js";
import {
  addSheet,
  BOLD,
  BORDER,
  DAY_FORMAT,
  excelDay,
  FONT,
  headingRow,
  newWorkbook,
  STATE_COLOURS,
  STATE_NAMES,
  solid,
  titleRow,
  xlsxBytes,
} from "./xlsx-common.js";

type Counts = Record<ProgressState, number>;

export interface UnitReportingRow {
  unitName: string;
  expected: number;
  sent: number;
  onTime: number;
  late: number;
  missing: number;
  counts: Counts;
}

export interface PlanReportingRow {
  number: string | null;
  title: string | null;
  /** The due date of the plan's open period. */
  periodDue: string;
  expected: number;
  sent: number;
  counts: Counts;
}

export interface ReportingTables {
  asOf: string;
  units: readonly UnitReportingRow[];
  plans: readonly PlanReportingRow[];
}

const ORDER: readonly ProgressState[] = ["done_on_time", "done_late", "in_progress", "overdue"];
const HEADING_ROW = 3;

type Cell = string | number | Date;

/** A table under a title: its heading row, its rows, a total row of the numeric columns from `sumFrom`. */
function table(
  ws: ExcelJS.Worksheet,
  title: string,
  note: string,
  labels: readonly string[],
  rows: ReadonlyArray<readonly Cell[]>,
  sumFrom: number,
): void {
  titleRow(ws, 1, title);
  ws.getRow(2).getCell(1).value = note;
  ws.getRow(2).getCell(1).font = { ...FONT, italic: true };
  headingRow(ws, HEADING_ROW, labels);
  ws.getRow(HEADING_ROW).height = 48;
  // The four states' headings in their colours: the last four columns.
  ORDER.forEach((k, i) => {
    const cell = ws.getRow(HEADING_ROW).getCell(labels.length - ORDER.length + 1 + i);
    cell.fill = solid(STATE_COLOURS[k].fill);
    cell.font = { ...BOLD, color: { argb: STATE_COLOURS[k].text } };
  });
  const write = (rowNumber: number, values: readonly Cell[], bold: boolean) => {
    const row = ws.getRow(rowNumber);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      cell.font = bold ? BOLD : FONT;
      cell.border = BORDER;
      if (v instanceof Date) cell.numFmt = DAY_FORMAT;
      cell.alignment = typeof v === "string" ? { wrapText: true, vertical: "top" } : { vertical: "top" };
    });
  };
  rows.forEach((r, i) => {
    write(HEADING_ROW + 1 + i, r, false);
  });
  const total: Cell[] = labels.map((_, c) =>
    c === 0 ? "Tổng cộng" : c < sumFrom ? "" : rows.reduce((n, r) => n + Number(r[c] ?? 0), 0),
  );
  write(HEADING_ROW + 1 + rows.length, total, true);
  ws.autoFilter = {
    from: { row: HEADING_ROW, column: 1 },
    to: { row: HEADING_ROW + Math.max(rows.length, 1), column: labels.length },
  };
  ws.pageSetup.printTitlesRow = `${HEADING_ROW}:${HEADING_ROW}`;
}

const stateLabels = ORDER.map((k) => STATE_NAMES[k]);
const stateCounts = (c: Counts) => ORDER.map((k) => c[k]);

/** `await reportingXlsx({ asOf: "2026-11-23", units, plans })` → the workbook's bytes. */
export async function reportingXlsx(data: ReportingTables): Promise<Uint8Array> {
  const wb = newWorkbook(data.asOf);
  const note = "Mỗi kế hoạch tính theo kỳ báo cáo đang mở của nó; báo cáo bị trả lại chưa tính là đã gửi.";
  const byUnit = addSheet(wb, "Theo đơn vị", { columns: 1, rows: HEADING_ROW });
  byUnit.columns = [{ width: 44 }, ...Array.from({ length: 9 }, () => ({ width: 14 }))];
  table(
    byUnit,
    `Báo cáo của các đơn vị: đầy đủ, đúng hạn (ngày ${viDate(data.asOf)})`,
    note,
    [
      "Đơn vị",
      "Số báo cáo phải gửi",
      "Đã gửi",
      "Đúng hạn",
      "Trễ hạn",
      "Chưa gửi, đã quá hạn",
      ...stateLabels,
    ],
    data.units.map((u) => [
      u.unitName,
      u.expected,
      u.sent,
      u.onTime,
      u.late,
      u.missing,
      ...stateCounts(u.counts),
    ]),
    1,
  );
  const byPlan = addSheet(wb, "Theo kế hoạch", { columns: 1, rows: HEADING_ROW });
  byPlan.columns = [
    { width: 20 },
    { width: 50 },
    { width: 14 },
    ...Array.from({ length: 6 }, () => ({ width: 14 })),
  ];
  table(
    byPlan,
    `Báo cáo theo kế hoạch (ngày ${viDate(data.asOf)})`,
    note,
    ["Kế hoạch", "Trích yếu", "Hạn kỳ báo cáo", "Số báo cáo phải gửi", "Đã gửi", ...stateLabels],
    data.plans.map((p) => [
      p.number ?? "(không số)",
      p.title ?? "",
      excelDay(p.periodDue),
      p.expected,
      p.sent,
      ...stateCounts(p.counts),
    ]),
    3,
  );
  return xlsxBytes(wb);
}

/** "bao-cao-cac-don-vi-2026-11-23.xlsx" */
export const reportingXlsxName = (asOf: string) => `bao-cao-cac-don-vi-${asOf}.xlsx`;
