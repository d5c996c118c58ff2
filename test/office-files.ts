// Reading generated office files back the way a reader would, without the writers' own code paths:
// an XLSX file through a fresh exceljs workbook, a DOCX file unzipped by fflate and its XML read.

import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";

/** A fresh workbook loaded from the file's bytes. */
export async function readXlsx(bytes: Uint8Array | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const copy = new Uint8Array(bytes);
  await wb.xlsx.load(copy.buffer as ArrayBuffer);
  return wb;
}

/** A cell's value as text ("" for blank; a date as dd/mm/yyyy), for comparing whole rows. */
export function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10).split("-").reverse().join("/");
  if (typeof v === "object" && "richText" in v) return v.richText.map((r) => r.text).join("");
  return String(v);
}

/** Rows `from`…`to` of a sheet as text, `width` cells each. */
export function rowsOf(ws: ExcelJS.Worksheet, from: number, to: number, width: number): string[][] {
  const rows: string[][] = [];
  for (let r = from; r <= to; r++) {
    const row = ws.getRow(r);
    rows.push(Array.from({ length: width }, (_, c) => cellText(row.getCell(c + 1))));
  }
  return rows;
}

/** A cell's solid fill colour (ARGB), or null. */
export function fillOf(cell: ExcelJS.Cell): string | null {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return fill?.type === "pattern" && fill.pattern === "solid" ? (fill.fgColor?.argb ?? null) : null;
}

/** The parts of a DOCX (or any zip) file by name, as text. */
export function unzipText(bytes: Uint8Array | Buffer): Record<string, string> {
  const parts = unzipSync(new Uint8Array(bytes));
  return Object.fromEntries(Object.entries(parts).map(([name, data]) => [name, strFromU8(data)]));
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** The text of each paragraph of an XML fragment (runs joined), in order. */
export function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([\s\S]*?)<\/w:t>/g)].map((t) => unescapeXml(t[1] ?? "")).join(""),
  );
}

/** The rows of every table of a document.xml: each row's cells, each cell's paragraphs joined by "\n". */
export function tableRows(xml: string): Array<{ xml: string; cells: string[] }> {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) => ({
    xml: tr[0],
    cells: [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => paragraphs(tc[0]).join("\n")),
  }));
}
