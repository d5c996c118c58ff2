// A plan's assignment table as an XLSX workbook: the title and caption of the Word form, then the
// table (STT, content, lead, cooperating units, time, products), its heading row frozen, filtered
// and printed at the top of every page, in Times New Roman 13 on A4 landscape.

import {
  ASSIGNMENT_HEADINGS,
  ASSIGNMENT_TITLE,
  type AssignmentTable,
  assignmentCells,
  attachedTo,
} from "./assignments.js";
import { addSheet, BORDER, FONT, headingRow, newWorkbook, xlsxBytes } from "./xlsx-common.js";

const WIDTHS = [6, 60, 28, 32, 20, 30];
const HEADING_ROW = 4;
const TEXT = { ...FONT, size: 13 };

/** `await assignmentsXlsx(table, "2026-11-23")` → the workbook's bytes. */
export async function assignmentsXlsx(table: AssignmentTable, asOf: string): Promise<Uint8Array> {
  const wb = newWorkbook(asOf);
  const ws = addSheet(wb, "Phân công nhiệm vụ", { columns: 0, rows: HEADING_ROW });
  ws.columns = WIDTHS.map((width) => ({ width }));
  const last = ASSIGNMENT_HEADINGS.length;
  const centred = (rowNumber: number, text: string, font: object) => {
    ws.mergeCells(rowNumber, 1, rowNumber, last);
    const c = ws.getRow(rowNumber).getCell(1);
    c.value = text;
    c.font = font;
    c.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  };
  centred(1, ASSIGNMENT_TITLE, { ...TEXT, bold: true });
  centred(2, attachedTo(table.plan), { ...TEXT, italic: true });
  headingRow(ws, HEADING_ROW, ASSIGNMENT_HEADINGS);
  for (let i = 1; i <= last; i++) ws.getRow(HEADING_ROW).getCell(i).font = { ...TEXT, bold: true };
  table.rows.forEach((r, n) => {
    const row = ws.getRow(HEADING_ROW + 1 + n);
    assignmentCells(r, n).forEach((text, i) => {
      const c = row.getCell(i + 1);
      // The STT as a number, so that the list sorts back into the plan's order.
      c.value = i === 0 ? n + 1 : text;
      c.font = TEXT;
      c.border = BORDER;
      c.alignment = { wrapText: true, vertical: "top", horizontal: i === 0 ? "center" : "left" };
    });
  });
  ws.autoFilter = {
    from: { row: HEADING_ROW, column: 1 },
    to: { row: HEADING_ROW + Math.max(table.rows.length, 1), column: last },
  };
  ws.pageSetup.printTitlesRow = `${HEADING_ROW}:${HEADING_ROW}`;
  return xlsxBytes(wb);
}
