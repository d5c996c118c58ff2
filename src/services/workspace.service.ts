// The unit's workspace: its tasks across published plans with what is due and what is overdue,
// and, per plan, the report of the open period (a returned report comes back with what the unit
// wrote, to be fixed rather than retyped). A fixed number of queries whatever the number of plans.

import { plansFacts } from "../db/plans.repository.js";
import {
  type AttachmentName,
  attachmentsOfReports,
  itemsOfReports,
  type ReportItem,
  type ReportRow,
  reportsOfUnit,
  type UnitWorkItem,
  workItems,
} from "../db/reports.repository.js";
import { staffOfAccount } from "../db/staff.repository.js";
import { today as todayOf } from "../domain/clock.js";
import { classify, daysBetween, type ProgressState } from "../domain/progress.js";
import { type ReportStanding, reportStanding } from "../domain/report-standing.js";
import type { ServiceContext } from "./context.js";
import { openPeriod } from "./plans.service.js";
import { type Actor, ensureAllowed, may } from "./policies.js";

export interface WorkspaceItem extends UnitWorkItem {
  state: ProgressState;
  /** "quá hạn 12 ngày": days past the first deadline, for overdue work. */
  overdueDays: number | null;
  nextDue: string | null;
}

export interface WorkspacePeriod {
  planId: string;
  periodDue: string;
  report: ReportRow | null;
  standing: ReportStanding;
  items: ReportItem[];
  attachments: AttachmentName[];
}

export interface Workspace {
  today: string;
  items: WorkspaceItem[];
  periods: WorkspacePeriod[];
}

function withState(w: UnitWorkItem, day: string): WorkspaceItem {
  const state = classify(w, day);
  const first = w.deadlines[0] ?? null;
  return {
    ...w,
    state,
    overdueDays: state === "overdue" && first ? daysBetween(first, day) : null,
    nextDue: w.deadlines.find((d) => d >= day) ?? null,
  };
}

/**
 * "Việc của tôi": the work of published plans that names the actor — as a staff member of a unit
 * linked to the account — whatever unit it sits in: `await myWork(ctx, actor)`.
 */
export async function myWork(
  ctx: ServiceContext,
  actor: Actor,
): Promise<{ today: string; items: WorkspaceItem[] }> {
  ensureAllowed(may.readWithinReach(actor));
  const day = todayOf(ctx.clock);
  const staffIds = await staffOfAccount(ctx.db, actor.id);
  const work = await workItems(ctx.db, { staffIds });
  return { today: day, items: work.map((w) => withState(w, day)) };
}

/** The actor's unit's work and reports: `await unitWorkspace(ctx, actor)`. */
export async function unitWorkspace(ctx: ServiceContext, actor: Actor): Promise<Workspace> {
  ensureAllowed(may.readWithinReach(actor));
  const day = todayOf(ctx.clock);
  const work = await workItems(ctx.db, { unitId: actor.unitId });
  const items: WorkspaceItem[] = work.map((w) => withState(w, day));
  const planIds = [...new Set(work.map((w) => w.planId))];
  const facts = await plansFacts(ctx.db, planIds);
  const periods = planIds.flatMap((planId) => {
    const f = facts.get(planId);
    return f ? [{ planId, due: openPeriod(f, day) }] : [];
  });
  const reports = new Map(
    (await reportsOfUnit(ctx.db, actor.unitId, periods)).map((r) => [`${r.planId}|${r.periodDue}`, r]),
  );
  const ids = [...reports.values()].map((r) => r.id);
  const reportItems = await itemsOfReports(ctx.db, ids);
  const files = await attachmentsOfReports(ctx.db, ids);
  return {
    today: day,
    items,
    periods: periods.map(({ planId, due }) => {
      const report = reports.get(`${planId}|${due}`) ?? null;
      return {
        planId,
        periodDue: due,
        report,
        standing: reportStanding(report, due, day),
        items: report ? (reportItems.get(report.id) ?? []) : [],
        attachments: report ? (files.get(report.id) ?? []) : [],
      };
    }),
  };
}
