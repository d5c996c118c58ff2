// Tasks in a table ("Phụ lục" with columns STT / Nội dung / Chủ trì / Phối hợp / Thời gian / Sản
// phẩm), whose cells arrive separated by tabs, " | " or runs of spaces. Filled in below.

import type { Task } from "../domain/plan.js";
import type { Line } from "./lines.js";
import type { TaskContext } from "./tasks.js";

export function readTaskTables(_lines: readonly Line[], _from: number, _to: number, _ctx: TaskContext, _taken: Set<string>): Task[] {
  return [];
}
