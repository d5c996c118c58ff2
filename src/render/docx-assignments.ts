// A plan's assignment table as a Word file: A4 landscape (the table is wide), margins of Decree
// 30/2020/NĐ-CP (20 mm top and bottom, 30 mm left, 15 mm right), Times New Roman 13; the title
// "PHỤ LỤC PHÂN CÔNG NHIỆM VỤ", the caption tying it to its plan, then the table, its heading row
// repeated at the top of every page. Built with the docx library.

import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import {
  ASSIGNMENT_HEADINGS,
  ASSIGNMENT_TITLE,
  type AssignmentTable,
  assignmentCells,
  attachedTo,
} from "./assignments.js";

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const FONT = "Times New Roman";
/** 13 pt, in the half-points Word counts in. */
const SIZE = 26;
/** Millimetres to twips, rounded. */
const mm = (n: number) => Math.round((n * 1440) / 25.4);
const A4 = { width: mm(210), height: mm(297) };
const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
const TEXT_WIDTH = A4.height - MARGIN.left - MARGIN.right;
/** Shares of the text width: STT, content, lead, cooperating, time, products. */
const SHARES = [0.05, 0.35, 0.15, 0.17, 0.12, 0.16];
const WIDTHS = SHARES.map((s) => Math.floor(TEXT_WIDTH * s));

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

const run = (text: string, style: { bold?: boolean; italics?: boolean } = {}) =>
  new TextRun({ text, font: FONT, size: SIZE, ...style });

const paragraph = (text: string, align: Align, style: { bold?: boolean; italics?: boolean } = {}) =>
  new Paragraph({ alignment: align, spacing: { before: 40, after: 40 }, children: [run(text, style)] });

/** A cell, its text a paragraph per line (an empty cell keeps one empty paragraph, as Word needs). */
function cell(text: string, width: number, align: Align, bold = false): TableCell {
  const lines = text.split("\n");
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: bold ? VerticalAlign.CENTER : VerticalAlign.TOP,
    margins: { left: 80, right: 80 },
    children: lines.map((l) => paragraph(l, align, { bold })),
  });
}

const ALIGN: Align[] = [
  AlignmentType.CENTER,
  AlignmentType.JUSTIFIED,
  AlignmentType.LEFT,
  AlignmentType.LEFT,
  AlignmentType.CENTER,
  AlignmentType.LEFT,
];

/** `await assignmentsDocx(table)` → the .docx file's bytes. */
export async function assignmentsDocx(table: AssignmentTable): Promise<Uint8Array> {
  const heading = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: ASSIGNMENT_HEADINGS.map((h, i) => cell(h, WIDTHS[i] ?? 0, AlignmentType.CENTER, true)),
  });
  const rows = table.rows.map(
    (r, n) =>
      new TableRow({
        children: assignmentCells(r, n).map((text, i) =>
          cell(text, WIDTHS[i] ?? 0, ALIGN[i] ?? AlignmentType.LEFT),
        ),
      }),
  );
  const doc = new Document({
    creator: "kehoach",
    title: `${ASSIGNMENT_TITLE} ${table.plan.number ?? ""}`.trim(),
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            // The library takes the portrait sizes and turns them for a landscape page.
            size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE },
            margin: MARGIN,
          },
        },
        children: [
          paragraph(ASSIGNMENT_TITLE, AlignmentType.CENTER, { bold: true }),
          paragraph(attachedTo(table.plan), AlignmentType.CENTER, { italics: true }),
          new Paragraph({ children: [] }),
          new Table({
            width: { size: TEXT_WIDTH, type: WidthType.DXA },
            columnWidths: WIDTHS,
            layout: TableLayoutType.FIXED,
            rows: [heading, ...rows],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
