// The overview part of the API: the leaders' four states, reports in by unit, what falls due, and
// the work behind each number (also as a CSV file).

import { z } from "zod";
import type { Overview, OverviewWarnings, OverviewWork } from "../../services/overview.service.js";
import { Counts, Id, IsoDay, ProgressState } from "./common.js";

/** One task × unit work item, as lists name it. */
export const WorkRef = z.object({
  workItemId: Id,
  planId: Id,
  planNumber: z.string().nullable(),
  planTitle: z.string().nullable(),
  taskKey: z.string(),
  taskKind: z.enum(["task", "duty"]).describe("Nhiệm vụ / nhiệm vụ của đơn vị ở phần Tổ chức thực hiện"),
  taskTitle: z.string(),
  unitId: Id,
  unitName: z.string(),
});

/** The fields of a work reference, picked from anything that has them. */
export function presentWorkRef(w: z.infer<typeof WorkRef>): z.infer<typeof WorkRef> {
  return {
    workItemId: w.workItemId,
    planId: w.planId,
    planNumber: w.planNumber,
    planTitle: w.planTitle,
    taskKey: w.taskKey,
    taskKind: w.taskKind,
    taskTitle: w.taskTitle,
    unitId: w.unitId,
    unitName: w.unitName,
  };
}

export const WorkWarning = z.object({
  kind: z
    .enum(["overdue", "due_soon", "not_started", "behind", "no_update"])
    .describe("quá hạn / sắp đến hạn / chưa triển khai / đang thực hiện gần hết thời gian / không cập nhật"),
  value: z.number().int().describe("Số ngày, hoặc phần trăm thời gian đã qua"),
  text: z.string().describe("Sự việc: «quá hạn 12 ngày (hạn 30/06/2026)»"),
});

export const OverviewWarningsReply = z.object({
  today: IsoDay,
  counts: z.record(WorkWarning.shape.kind, z.number().int()),
  items: z.array(
    WorkRef.extend({ state: ProgressState, deadlines: z.array(IsoDay), warnings: z.array(WorkWarning) }),
  ),
});
export type OverviewWarningsReply = z.infer<typeof OverviewWarningsReply>;

export function presentOverviewWarnings(o: OverviewWarnings): OverviewWarningsReply {
  return {
    today: o.today,
    counts: o.counts,
    items: o.items.map((w) => ({
      ...presentWorkRef(w),
      state: w.state,
      deadlines: w.deadlines,
      warnings: w.warnings,
    })),
  };
}

export const OverviewReply = z.object({
  today: IsoDay,
  totals: Counts,
  plansTotal: z.number().int(),
  plans: z.array(
    z.object({
      planId: Id,
      number: z.string().nullable(),
      title: z.string().nullable(),
      counts: Counts,
      periodDue: IsoDay,
      reportsExpected: z.number().int(),
      reportsIn: z.number().int().describe("Báo cáo đã gửi (bị trả lại thì chưa tính)"),
    }),
  ),
  units: z.array(
    z.object({
      unitId: Id,
      unitName: z.string(),
      expected: z.number().int(),
      sent: z.number().int(),
      onTime: z.number().int(),
      late: z.number().int(),
      missing: z.number().int(),
      counts: Counts,
    }),
  ),
  unitsTotal: z.number().int().describe("Số đơn vị có nhiệm vụ trong phạm vi (danh sách là một trang)"),
  upcoming: z.array(WorkRef.extend({ due: IsoDay })),
});
export type OverviewReply = z.infer<typeof OverviewReply>;

/** `?plansLimit=50&plansOffset=0&unitsLimit=50&unitsOffset=0`: a page of the plans (newest first) and of the units (those to chase first). */
export const OverviewQuery = z.object({
  plansLimit: z.coerce.number().int().min(1).max(1000).default(50).describe("Số kế hoạch một trang"),
  plansOffset: z.coerce.number().int().min(0).default(0).describe("Bỏ qua bao nhiêu kế hoạch đầu"),
  unitsLimit: z.coerce.number().int().min(1).max(1000).default(50).describe("Số đơn vị một trang"),
  unitsOffset: z.coerce.number().int().min(0).default(0).describe("Bỏ qua bao nhiêu đơn vị đầu"),
});

export function presentOverview(o: Overview): OverviewReply {
  return {
    today: o.today,
    totals: o.totals,
    plansTotal: o.plansTotal,
    plans: o.plans,
    units: o.units,
    unitsTotal: o.unitsTotal,
    upcoming: o.upcoming,
  };
}

export const WorkQuery = z.object({
  state: ProgressState,
  unitId: Id.optional().describe("Chỉ công việc của một đơn vị"),
});

export const OverviewWorkReply = z.object({
  state: ProgressState,
  unitId: Id.nullable(),
  items: z.array(
    WorkRef.extend({
      role: z.enum(["lead", "cooperate"]),
      firstDue: IsoDay.nullable(),
      deadlines: z.array(IsoDay),
      doneOn: IsoDay.nullable(),
      overdueDays: z.number().int().nullable(),
    }),
  ),
});
export type OverviewWorkReply = z.infer<typeof OverviewWorkReply>;

export function presentOverviewWork(w: OverviewWork): OverviewWorkReply {
  return {
    state: w.state,
    unitId: w.unitId,
    items: w.items.map((i) => ({
      ...presentWorkRef(i),
      role: i.role === "lead" ? "lead" : "cooperate",
      firstDue: i.firstDue,
      deadlines: i.deadlines,
      doneOn: i.doneOn,
      overdueDays: i.overdueDays,
    })),
  };
}
