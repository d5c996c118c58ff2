// The summary report as a Word file in the layout of Decree 30/2020/NĐ-CP (Appendix I): A4, margins
// 20 mm top and bottom, 30 mm left, 15 mm right; Times New Roman; the two-column header (the body
// under its parent body, the number; the national motto, the place and date); "BÁO CÁO" and its
// summary line; page numbers at the top centre from page 2; the signature block beside "Nơi nhận";
// then the appendix table on landscape pages. Built with the docx library.

import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import { viDate } from "../domain/dates.js";
import { placeAndDate, STATE_LABELS, type SummaryDocument } from "../domain/summary.js";

const FONT = "Times New Roman";
/** Half-points: 14 pt body, 13 pt header lines and tables' headings, 12 pt tables, 11 pt "Nơi nhận". */
const PT = (pt: number) => pt * 2;
/** Millimetres to twips, rounded (the library's own conversion truncates: A4 would lose a twip). */
const mm = (n: number) => Math.round((n * 1440) / 25.4);
const A4 = { width: mm(210), height: mm(297) };
const MARGIN = {
  top: mm(20),
  bottom: mm(20),
  left: mm(30),
  right: mm(15),
};
/** The text width of a portrait page and of a landscape one, in twips. */
const PORTRAIT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const LANDSCAPE_WIDTH = A4.height - MARGIN.left - MARGIN.right;

interface RunStyle {
  size?: number;
  bold?: boolean;
  italics?: boolean;
}

const run = (text: string, s: RunStyle = {}) =>
  new TextRun({ text, font: FONT, size: PT(s.size ?? 14), bold: s.bold, italics: s.italics });

function line(
  text: string,
  s: RunStyle & {
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    indent?: boolean;
    after?: number;
    before?: number;
  } = {},
): Paragraph {
  return new Paragraph({
    alignment: s.align ?? AlignmentType.JUSTIFIED,
    indent: s.indent ? { firstLine: mm(12.7) } : undefined,
    spacing: { before: s.before ?? 0, after: s.after ?? 0, line: 288 },
    children: [run(text, s)],
  });
}

/** A short rule under a centred line (the body's name, the motto): a bottom border narrowed by indents. */
function rule(widthTwips: number, columnTwips: number): Paragraph {
  const side = Math.max(0, Math.round((columnTwips - widthTwips) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    // Clear of the line above it: a top border is drawn where the paragraph starts, after its spacing.
    spacing: { before: 80, after: 120 },
    children: [],
  });
}

const noBorders = TableBorders.NONE;

function cell(children: Paragraph[], width: number, opts: { header?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: opts.header ? VerticalAlign.CENTER : VerticalAlign.TOP,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children,
  });
}

/** Two borderless columns across the page, the left one `left` twips wide: the header, the signature block. */
function twoColumns(left: number, leftChildren: Paragraph[], rightChildren: Paragraph[]): Table {
  const right = PORTRAIT_WIDTH - left;
  const column = (width: number, children: Paragraph[]) =>
    new TableCell({ width: { size: width, type: WidthType.DXA }, borders: noBorders, children });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: PORTRAIT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: noBorders,
    rows: [new TableRow({ children: [column(left, leftChildren), column(right, rightChildren)] })],
  });
}

/** The header: the issuing body and its number on the left, the national motto, place and date on the right. */
function header(doc: SummaryDocument): Table {
  // 40/60: the national title in 12-13 pt fits the right column on one line, as in print.
  const left = Math.round(PORTRAIT_WIDTH * 0.4);
  const center = AlignmentType.CENTER;
  return twoColumns(
    left,
    [
      ...(doc.header.parentBody ? [line(doc.header.parentBody, { size: 12, align: center })] : []),
      line(doc.header.body, { size: 12, bold: true, align: center }),
      rule(mm(25), left),
      line(`Số: ${doc.header.number}`, { size: 13, align: center }),
    ],
    [
      line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { size: 12, bold: true, align: center }),
      line("Độc lập - Tự do - Hạnh phúc", { size: 13, bold: true, align: center }),
      rule(mm(58), PORTRAIT_WIDTH - left),
      line(placeAndDate(doc.header.place, doc.header.date), { size: 14, italics: true, align: center }),
    ],
  );
}

/** The four states as a small table: state, work items, share. */
function countsTable(doc: SummaryDocument): Table {
  const total = Object.values(doc.counts).reduce((a, b) => a + b, 0);
  const widths = [Math.round(PORTRAIT_WIDTH * 0.55), Math.round(PORTRAIT_WIDTH * 0.2)];
  widths.push(PORTRAIT_WIDTH - widths.reduce((a, b) => a + b, 0));
  const row = (texts: string[], bold = false) =>
    new TableRow({
      tableHeader: bold,
      children: texts.map((t, i) =>
        cell(
          [line(t, { size: 13, bold, align: i === 0 && !bold ? AlignmentType.LEFT : AlignmentType.CENTER })],
          widths[i] ?? 0,
          { header: bold },
        ),
      ),
    });
  const pct = (n: number) => (total ? `${((100 * n) / total).toFixed(1).replace(".", ",")}%` : "0%");
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: PORTRAIT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      row(["Tình trạng", "Số lượt việc", "Tỷ lệ"], true),
      ...(Object.keys(STATE_LABELS) as Array<keyof typeof STATE_LABELS>).map((k) =>
        row([STATE_LABELS[k], String(doc.counts[k]), pct(doc.counts[k])]),
      ),
      row(["Tổng số", String(total), total ? "100%" : "0%"], true),
    ],
  });
}

/** "Nơi nhận" on the left, the signer on the right. */
function signature(doc: SummaryDocument): Table {
  const center = AlignmentType.CENTER;
  const recipients = doc.recipients.map((r, i) =>
    line(`- ${r}${i === doc.recipients.length - 1 ? "." : ";"}`, { size: 11, align: AlignmentType.LEFT }),
  );
  const capacity = doc.signer.capacity
    .split(" / ")
    .filter(Boolean)
    .map((c) => line(c.toLocaleUpperCase("vi"), { size: 14, bold: true, align: center }));
  return twoColumns(
    Math.round(PORTRAIT_WIDTH * 0.5),
    [line("Nơi nhận:", { size: 12, bold: true, italics: true, align: AlignmentType.LEFT }), ...recipients],
    [
      ...capacity,
      ...(doc.signer.position
        ? [line(doc.signer.position.toLocaleUpperCase("vi"), { size: 14, bold: true, align: center })]
        : []),
      line("", { after: 1400 }),
      line(doc.signer.name, { size: 14, bold: true, align: center }),
    ],
  );
}

/** The appendix: every task, its lead, where its work stands, its results and result documents. */
function appendixTable(doc: SummaryDocument): Table {
  const share = [0.05, 0.25, 0.14, 0.08, 0.08, 0.08, 0.2];
  const widths = share.map((s) => Math.round(LANDSCAPE_WIDTH * s));
  widths.push(LANDSCAPE_WIDTH - widths.reduce((a, b) => a + b, 0));
  const headings = [
    "STT",
    "Nhiệm vụ",
    "Đơn vị chủ trì",
    "Hoàn thành",
    "Đang triển khai",
    "Chưa thực hiện",
    "Kết quả",
    "Sản phẩm, minh chứng (số, ngày văn bản)",
  ];
  const center = AlignmentType.CENTER;
  type Align = (typeof AlignmentType)[keyof typeof AlignmentType];
  const texts = (text: string, align: Align = AlignmentType.LEFT) =>
    (text || "").split("\n").map((t) => line(t, { size: 12, align }));
  // One unit leading: a cross in its state's column; several: how many stand in each.
  const mark = (n: number, of: number) => (of <= 1 ? (n ? "x" : "") : n ? String(n) : "");
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: LANDSCAPE_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        children: headings.map((h, i) =>
          cell([line(h, { size: 12, bold: true, align: center })], widths[i] ?? 0, { header: true }),
        ),
      }),
      ...doc.appendix.map((r) => {
        const of = r.done + r.inProgress + r.notStarted;
        return new TableRow({
          cantSplit: false,
          children: [
            cell(texts(r.stt, center), widths[0] ?? 0),
            cell(texts(r.task), widths[1] ?? 0),
            cell(texts(r.lead), widths[2] ?? 0),
            cell(texts(mark(r.done, of), center), widths[3] ?? 0),
            cell(texts(mark(r.inProgress, of), center), widths[4] ?? 0),
            cell(texts(mark(r.notStarted, of), center), widths[5] ?? 0),
            cell(texts(r.results), widths[6] ?? 0),
            cell(texts(r.evidence), widths[7] ?? 0),
          ],
        });
      }),
    ],
  });
}

const pageNumber = () =>
  new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ font: FONT, size: PT(13), children: [PageNumber.CURRENT] })],
      }),
    ],
  });

/** The summary report as a .docx file. */
export async function summaryDocx(doc: SummaryDocument): Promise<Uint8Array> {
  const center = AlignmentType.CENTER;
  const body: Array<Paragraph | Table> = [
    header(doc),
    line("BÁO CÁO", { bold: true, align: center, before: 360 }),
    line(doc.subject, { bold: true, align: center }),
    rule(mm(35), PORTRAIT_WIDTH),
    ...doc.opening.map((p) => line(p.text, { indent: true, after: 120 })),
  ];
  for (const s of doc.sections) {
    // "I. KẾT QUẢ …": a part; "1. Tình hình chung": a heading within it, both bold.
    body.push(line(s.heading, { bold: true, indent: true, before: 120, after: 120 }));
    for (const p of s.paragraphs) body.push(line(p.text, { indent: true, after: 120 }));
    if (s.heading === "1. Tình hình chung") body.push(countsTable(doc), line("", { after: 120 }));
  }
  body.push(line(doc.closing, { indent: true, before: 120, after: 240 }), signature(doc));

  const appendix: Array<Paragraph | Table> = [
    line("PHỤ LỤC", { bold: true, align: center }),
    line("KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ", { bold: true, align: center }),
    line(
      `(Kèm theo Báo cáo số ${doc.header.number.trim()} ngày ${viDate(doc.header.date)}${doc.issuer ? ` của ${doc.issuer}` : ""})`,
      { italics: true, align: center, after: 240 },
    ),
    appendixTable(doc),
  ];

  const document = new Document({
    creator: "kehoach",
    title: `Báo cáo ${doc.subject}`,
    styles: { default: { document: { run: { font: FONT, size: PT(14) } } } },
    sections: [
      {
        // The first page carries no number (Decree 30/2020: numbers from page 2).
        properties: {
          titlePage: true,
          page: { size: { ...A4, orientation: PageOrientation.PORTRAIT }, margin: MARGIN },
        },
        headers: { first: new Header({ children: [] }), default: pageNumber() },
        children: body,
      },
      {
        properties: { page: { size: { ...A4, orientation: PageOrientation.LANDSCAPE }, margin: MARGIN } },
        headers: { default: pageNumber() },
        children: appendix,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
