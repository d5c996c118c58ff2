// The work behind an overview number as a CSV file that Excel opens as it is (UTF-8 with a BOM,
// Vietnamese headings, dates as documents write them): clerks carry on in their spreadsheets.

import { stringify } from "csv-stringify/sync";
import { viDate } from "../domain/dates.js";
import type { ProgressState } from "../domain/progress.js";

/** One work item as the file lists it. */
export interface WorkRow {
  planNumber: string | null;
  taskKey: string;
  taskTitle: string;
  unitName: string;
  role: string;
  firstDue: string | null;
  overdueDays: number | null;
  doneOn: string | null;
}

/** The four states as every exported file names them (the web app's words). */
export const STATE_NAMES: Record<ProgressState, string> = {
  done_on_time: "Hoàn thành đúng hạn",
  done_late: "Hoàn thành trễ hạn",
  in_progress: "Đang thực hiện trong hạn",
  overdue: "Quá hạn",
};

/** The columns of the work lists, in the CSV and the XLSX file alike. */
export const WORK_HEADINGS = [
  "Kế hoạch",
  "Nhiệm vụ",
  "Tên nhiệm vụ",
  "Đơn vị",
  "Vai trò",
  "Hạn",
  "Tình trạng",
  "Số ngày quá hạn",
  "Ngày hoàn thành",
] as const;

// A cell that starts like a formula ("=HYPERLINK(…)", "+1", "@SUM") would run as one in Excel: the
// text of a plan is not to be trusted that far, so such a cell is written as text.
const FORMULA_START = /^[=+\-@\t\r]/;
const asText = (cell: string | number) =>
  typeof cell === "string" && FORMULA_START.test(cell) ? `'${cell}` : cell;

/** `workCsv(await overviewWork(…))` → the file's text. */
export function workCsv(work: { state: ProgressState; items: readonly WorkRow[] }): string {
  const rows = work.items.map((w) =>
    [
      w.planNumber ?? "",
      w.taskKey,
      w.taskTitle,
      w.unitName,
      w.role === "lead" ? "Chủ trì" : "Phối hợp",
      w.firstDue ? viDate(w.firstDue) : "Thường xuyên",
      STATE_NAMES[work.state],
      w.overdueDays ?? "",
      viDate(w.doneOn),
    ].map(asText),
  );
  return `\uFEFF${stringify([[...WORK_HEADINGS], ...rows], { record_delimiter: "windows" })}`;
}

/** "cong-viec-qua-han.csv" */
export function workCsvName(state: ProgressState): string {
  const names: Record<ProgressState, string> = {
    done_on_time: "hoan-thanh-dung-han",
    done_late: "hoan-thanh-tre-han",
    in_progress: "dang-thuc-hien",
    overdue: "qua-han",
  };
  return `cong-viec-${names[state]}.csv`;
}
