// What every XLSX export shares: a workbook dated by the data it holds, Times New Roman, the heading
// row's look, the four states' colours and names (the colours of the web app's bars, lightened so
// the text stays legible in print), and the bytes.

import ExcelJS from "exceljs";
import type { ProgressState } from "../domain/progress.js";
import { STATE_NAMES } from "./work-csv.js";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const FONT = { name: "Times New Roman", size: 12 } as const;
export const BOLD = { ...FONT, bold: true } as const;

export { STATE_NAMES };

/** The fill and text colour of each state (ARGB), shared by the cells and the legend. */
export const STATE_COLOURS: Record<ProgressState, { fill: string; text: string }> = {
  done_on_time: { fill: "FFC6EFCE", text: "FF006100" },
  done_late: { fill: "FFFFEB9C", text: "FF7F4F00" },
  in_progress: { fill: "FFDDEBF7", text: "FF1F4E79" },
  overdue: { fill: "FFFFC7CE", text: "FF9C0006" },
};
/** "Chưa báo cáo": a period's sheet where the unit sent no report on the work. */
export const UNREPORTED = { name: "Chưa báo cáo", fill: "FFEDEDED", text: "FF404040" } as const;

export const solid = (argb: string): ExcelJS.Fill => ({
  type: "pattern",
  pattern: "solid",
  fgColor: { argb },
});

const THIN: ExcelJS.Border = { style: "thin", color: { argb: "FF999999" } };
export const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
export const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: "top" };
const HEADING_FILL = solid("FFD9D9D9");

/** A workbook stamped with the day its data is of ("2026-11-23"), not the moment it was written. */
export function newWorkbook(asOf: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const day = new Date(Date.parse(`${asOf}T00:00:00Z`));
  wb.creator = "kehoach";
  wb.created = day;
  wb.modified = day;
  return wb;
}

/** A sheet's name as Excel takes it: at most 31 characters, none of []:*?/\. */
export function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ".").slice(0, 31);
}

/** Writes a heading row: bold on grey, bordered, wrapped, centred. */
export function headingRow(ws: ExcelJS.Worksheet, rowNumber: number, labels: readonly string[]): void {
  const row = ws.getRow(rowNumber);
  labels.forEach((label, i) => {
    const cell = row.getCell(i + 1);
    cell.value = label;
    cell.font = BOLD;
    cell.fill = HEADING_FILL;
    cell.border = BORDER;
    cell.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  });
}

/** Writes a title line across the top of a sheet. */
export function titleRow(ws: ExcelJS.Worksheet, rowNumber: number, text: string, size = 13): void {
  const cell = ws.getRow(rowNumber).getCell(1);
  cell.value = text;
  cell.font = { ...FONT, size, bold: true };
}

/** A sheet in Times New Roman, printed landscape on A4, fitted to the page's width. */
export function addSheet(
  wb: ExcelJS.Workbook,
  name: string,
  frozen: { columns: number; rows: number },
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheetName(name), {
    views: [{ state: "frozen", xSplit: frozen.columns, ySplit: frozen.rows }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.properties.defaultRowHeight = 18;
  return ws;
}

/** An ISO day as an Excel date (its UTC midnight), shown dd/mm/yyyy. */
export const excelDay = (iso: string): Date => new Date(Date.parse(`${iso}T00:00:00Z`));
export const DAY_FORMAT = "dd/mm/yyyy";

/** The workbook's bytes. */
export async function xlsxBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
