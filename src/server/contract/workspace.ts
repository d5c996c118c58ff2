// The workspace part of the API: a unit's work across plans and its reports of the open periods.

import { z } from "zod";
import type { Workspace } from "../../services/workspace.service.js";
import { Id, IsoDay, ItemStatus, ProgressState, ReportStanding } from "./common.js";
import { WorkRef, WorkWarning } from "./overview.js";
import { presentReopen, ReopenReply } from "./reopen.js";
import { AttachmentName, presentReport, ReportItem, ReportReply } from "./reports.js";

export const WorkspaceItem = WorkRef.omit({ unitName: true, unitId: true }).extend({
  role: z.enum(["lead", "cooperate"]),
  persons: z
    .array(z.string())
    .describe("Cán bộ được giao (họ tên hoặc chức danh); rỗng: việc chung của đơn vị"),
  lastChange: z
    .object({ change: z.string(), basis: z.string(), before: z.unknown() })
    .nullable()
    .describe("Điều chỉnh gần nhất của nhiệm vụ (văn bản điều chỉnh, trước đó)"),
  extended: z
    .object({ count: z.number().int(), originalDue: IsoDay })
    .nullable()
    .describe("Gia hạn N lần, hạn gốc"),
  pendingExtension: IsoDay.nullable().describe("Ngày đang xin gia hạn đến (chờ xem xét)"),
  deadlines: z.array(IsoDay),
  status: ItemStatus,
  doneOn: IsoDay.nullable(),
  state: ProgressState,
  overdueDays: z.number().int().nullable().describe("Số ngày quá hạn"),
  nextDue: IsoDay.nullable(),
  warnings: z.array(WorkWarning).describe("Cảnh báo: sự việc theo ngày hôm nay (quá hạn 12 ngày …)"),
  nextDueOff: z.string().nullable().describe("Hạn tới rơi vào ngày nghỉ: «Chủ nhật», «Quốc khánh»"),
  moved: z
    .array(z.object({ from: IsoDay, to: IsoDay }))
    .describe("Hạn rơi vào ngày nghỉ đã dời sang ngày làm việc kế tiếp khi công bố"),
});

/** `?limit=20&offset=0`: a page of the unit's plans. */
export const WorkspaceQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).describe("Số kế hoạch một trang"),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).describe("Bỏ qua bao nhiêu kế hoạch đầu"),
});

export const WorkspaceReply = z.object({
  today: IsoDay,
  items: z.array(WorkspaceItem).describe("Công việc của các kế hoạch trong trang, theo thứ tự trang"),
  counts: z
    .object({
      done_on_time: z.number().int(),
      done_late: z.number().int(),
      in_progress: z.number().int(),
      overdue: z.number().int(),
    })
    .describe("Công việc của đơn vị trong mọi kế hoạch, theo bốn trạng thái"),
  agenda: z.array(WorkspaceItem).describe("Việc cần làm trước: quá hạn lâu nhất, rồi hạn gần nhất"),
  page: z.object({
    limit: z.number().int(),
    offset: z.number().int(),
    plansTotal: z.number().int().describe("Số kế hoạch đơn vị có công việc"),
  }),
  periods: z.array(
    z.object({
      planId: Id,
      periodDue: IsoDay,
      lockedFrom: IsoDay.describe("Ngày kỳ khóa (hết số ngày nhận báo cáo muộn)"),
      locked: z.boolean().describe("true: kỳ đã khóa và chưa được mở lại"),
      reopen: ReopenReply.nullable().describe("Đề nghị mở lại gần nhất của đơn vị cho kỳ này"),
      report: ReportReply.nullable(),
      standing: ReportStanding,
      items: z.array(ReportItem),
      attachments: z.array(AttachmentName),
    }),
  ),
});
export type WorkspaceReply = z.infer<typeof WorkspaceReply>;

export const MyWorkReply = z.object({ today: IsoDay, items: z.array(WorkspaceItem) });
export type MyWorkReply = z.infer<typeof MyWorkReply>;

export function presentMyWork(w: { today: string; items: Workspace["items"] }): MyWorkReply {
  return { today: w.today, items: w.items.map(presentItem) };
}

function presentItem(i: Workspace["items"][number]): z.infer<typeof WorkspaceItem> {
  return {
    workItemId: i.workItemId,
    planId: i.planId,
    planNumber: i.planNumber,
    planTitle: i.planTitle,
    taskKey: i.taskKey,
    taskKind: i.taskKind,
    taskTitle: i.taskTitle,
    role: i.role,
    persons: i.persons,
    lastChange: i.lastChange,
    extended: i.extended,
    pendingExtension: i.pendingExtension,
    deadlines: i.deadlines,
    status: i.status,
    doneOn: i.doneOn,
    state: i.state,
    overdueDays: i.overdueDays,
    nextDue: i.nextDue,
    warnings: i.warnings,
    nextDueOff: i.nextDueOff,
    moved: i.moved,
  };
}

export function presentWorkspace(w: Workspace): WorkspaceReply {
  return {
    today: w.today,
    items: w.items.map(presentItem),
    counts: w.counts,
    agenda: w.agenda.map(presentItem),
    page: w.page,
    periods: w.periods.map((p) => ({
      planId: p.planId,
      periodDue: p.periodDue,
      lockedFrom: p.lockedFrom,
      locked: p.locked,
      reopen: p.reopen ? presentReopen(p.reopen) : null,
      report: p.report ? presentReport(p.report) : null,
      standing: p.standing,
      items: p.items,
      attachments: p.attachments,
    })),
  };
}
