// The overview part of the API: the leaders' four states, reports in by unit, what falls due, and
// the work behind each number (also as a CSV file).

import { z } from "zod";
import type { Overview, OverviewWork } from "../../services/overview.service.js";
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
  upcoming: z.array(WorkRef.extend({ due: IsoDay })),
});
export type OverviewReply = z.infer<typeof OverviewReply>;

export function presentOverview(o: Overview): OverviewReply {
  return {
    today: o.today,
    totals: o.totals,
    plansTotal: o.plansTotal,
    plans: o.plans,
    units: o.units,
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
