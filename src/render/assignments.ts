// A plan's own assignment table ("Phụ lục phân công nhiệm vụ"), what its Word and Excel forms share:
// the rows, the columns, the caption that ties it to the plan, the files' names.

export interface AssignmentRow {
  /** The task's content as the plan heads it. */
  task: string;
  /** The lead units, one a line. */
  leads: string[];
  cooperators: string[];
  /** The timeframe as the plan writes it: "Trong quý IV/2026", "Thường xuyên". */
  time: string;
  /** The products ("Sản phẩm") the plan names for the task. */
  products: string[];
}

export interface AssignmentTable {
  plan: { number: string | null; issuedOn: string | null; issuer: string | null; title: string | null };
  rows: readonly AssignmentRow[];
}

export const ASSIGNMENT_TITLE = "PHỤ LỤC PHÂN CÔNG NHIỆM VỤ";
export const ASSIGNMENT_HEADINGS = [
  "STT",
  "Nội dung nhiệm vụ",
  "Đơn vị chủ trì",
  "Đơn vị phối hợp",
  "Thời gian thực hiện",
  "Sản phẩm",
] as const;

// Decree 30/2020/NĐ-CP writes a day below 10 and the months 1 and 2 with a leading zero.
const twoDigits = (n: number) => String(n).padStart(2, "0");

/**
 * The caption under the title: `attachedTo({ number: "901/KH-SGDĐT", issuedOn: "2026-09-05", issuer:
 * "Sở Giáo dục và Đào tạo" })` → "(Kèm theo Kế hoạch số 901/KH-SGDĐT ngày 05 tháng 9 năm 2026 của Sở
 * Giáo dục và Đào tạo)"; what the plan does not say is left as dots to fill in.
 */
export function attachedTo(plan: AssignmentTable["plan"]): string {
  const [y, m, d] = (plan.issuedOn ?? "").split("-").map(Number);
  const date =
    y && m && d ? `ngày ${twoDigits(d)} tháng ${m < 3 ? twoDigits(m) : m} năm ${y}` : "ngày … tháng … năm …";
  const issuer = plan.issuer ? ` của ${plan.issuer}` : "";
  return `(Kèm theo Kế hoạch số ${plan.number ?? "…"} ${date}${issuer})`;
}

/** The cells of a row, STT first (1, 2, 3 …), each list one item a line. */
export function assignmentCells(row: AssignmentRow, index: number): string[] {
  return [
    String(index + 1),
    row.task,
    row.leads.join("\n"),
    row.cooperators.join("\n"),
    row.time,
    row.products.join("\n"),
  ];
}

/** "phu-luc-phan-cong-901-KH-SGDĐT.docx" */
export const assignmentsFileName = (number: string | null, ext: "docx" | "xlsx") =>
  planFileName("phu-luc-phan-cong", number, ext);

/** A file named for a plan: `planFileName("tinh-trang", "901/KH-SGDĐT", "xlsx")` → "tinh-trang-901-KH-SGDĐT.xlsx". */
export function planFileName(stem: string, number: string | null, ext: string): string {
  const tail = number ? `-${number.replace(/[/\\\s:*?"<>|]+/g, "-")}` : "";
  return `${stem}${tail}.${ext}`;
}
