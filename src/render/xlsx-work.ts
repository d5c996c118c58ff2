// The work behind an overview number as an XLSX workbook: the rows and columns of the CSV file
// (work-csv.ts), with dates as dates and day counts as numbers, so that a clerk sorts and filters
// them as they are.

import type { ProgressState } from "../domain/progress.js";
import { WORK_HEADINGS, type WorkRow, workCsvName } from "./work-csv.js";
import {
  addSheet,
  BORDER,
  DAY_FORMAT,
  excelDay,
  FONT,
  headingRow,
  newWorkbook,
  STATE_COLOURS,
  STATE_NAMES,
  solid,
  xlsxBytes,
} from "./xlsx-common.js";

const WIDTHS = [18, 10, 50, 34, 10, 13, 22, 10, 13];

/** `await workXlsx(await overviewWork(…), "2026-11-23")` → the workbook's bytes. */
export async function workXlsx(
  work: { state: ProgressState; items: readonly WorkRow[] },
  asOf: string,
): Promise<Uint8Array> {
  const wb = newWorkbook(asOf);
  const ws = addSheet(wb, STATE_NAMES[work.state], { columns: 0, rows: 1 });
  ws.columns = WIDTHS.map((width) => ({ width }));
  headingRow(ws, 1, WORK_HEADINGS);
  const colours = STATE_COLOURS[work.state];
  work.items.forEach((w, i) => {
    const row = ws.getRow(2 + i);
    const values = [
      w.planNumber ?? "",
      w.taskKey,
      w.taskTitle,
      w.unitName,
      w.role === "lead" ? "Chủ trì" : "Phối hợp",
      w.firstDue ? excelDay(w.firstDue) : "Thường xuyên",
      STATE_NAMES[work.state],
      w.overdueDays ?? null,
      w.doneOn ? excelDay(w.doneOn) : null,
    ];
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.value = v;
      cell.font = FONT;
      cell.border = BORDER;
      cell.alignment = { wrapText: true, vertical: "top" };
      if (v instanceof Date) cell.numFmt = DAY_FORMAT;
    });
    const state = row.getCell(7);
    state.fill = solid(colours.fill);
    state.font = { ...FONT, color: { argb: colours.text } };
  });
  ws.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1 + work.items.length, 2), column: WORK_HEADINGS.length },
  };
  return xlsxBytes(wb);
}

/** "cong-viec-qua-han.xlsx" */
export const workXlsxName = (state: ProgressState) => workCsvName(state).replace(/\.csv$/, ".xlsx");
