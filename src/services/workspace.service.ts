// The unit's workspace: its tasks across published plans with what is due and what is overdue,
// and, per plan, the report of the open period (a returned report comes back with what the unit
// wrote, to be fixed rather than retyped) and of the last locked period while it is not sent. A
// page of plans at a time, those with overdue work first, with the unit's counts and its most
// pressing work across all of them: a fixed number of queries whatever the number of plans.

import { plansFacts } from "../db/plans.repository.js";
import { bringTallyUpToDate } from "../db/progress-tally.repository.js";
import { type ReopenRow, reopensOfUnit } from "../db/reopen.repository.js";
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
import { pressingWork, unitPlanTallies } from "../db/workspace.repository.js";
import { DEFAULT_ZONE, dayIn, today as todayOf } from "../domain/clock.js";
import { dayOff, type Holiday } from "../domain/holidays.js";
import { classify, daysBetween, type ProgressState } from "../domain/progress.js";
import { type ReportStanding, reportStanding, SENT_STATUSES } from "../domain/report-standing.js";
import { GRACE_DAYS, isLocked, lastLockedPeriod, lockedFrom } from "../domain/reporting-periods.js";
import { type Warning, warningsOf } from "../domain/warnings.js";
import type { ServiceContext } from "./context.js";
import { todaysCalendar } from "./holidays.service.js";
import { openPeriod } from "./plans.service.js";
import { type Actor, ensureAllowed, may } from "./policies.js";

export interface WorkspaceItem extends UnitWorkItem {
  state: ProgressState;
  /** "quá hạn 12 ngày": days past the first deadline, for overdue work. */
  overdueDays: number | null;
  nextDue: string | null;
  /** What the dates and the last report say, as facts: "quá hạn 12 ngày". */
  warnings: Warning[];
  /** The day off the next deadline falls on ("Chủ nhật", "Quốc khánh"); null on a working day. */
  nextDueOff: string | null;
}

export interface WorkspacePeriod {
  planId: string;
  periodDue: string;
  /** The first day the period is locked. */
  lockedFrom: string;
  /** True for a locked period not (or no longer) reopened for the unit: nothing of it can be sent. */
  locked: boolean;
  /** The unit's latest request to reopen it, with its decision. */
  reopen: ReopenRow | null;
  report: ReportRow | null;
  standing: ReportStanding;
  items: ReportItem[];
  attachments: AttachmentName[];
}

export interface Workspace {
  today: string;
  /** The work of the plans on this page, plan by plan in page order. */
  items: WorkspaceItem[];
  periods: WorkspacePeriod[];
  /** The unit's work in every plan, in the four states. */
  counts: Record<ProgressState, number>;
  /** The most pressing open work across all the unit's plans: overdue longest first, then due soonest. */
  agenda: WorkspaceItem[];
  page: { limit: number; offset: number; plansTotal: number };
}

/** Plans shown on a page of the workspace unless asked otherwise. */
export const WORKSPACE_PAGE = 20;

/** A piece of work as it stands on `day` where the installation is (`zone`). */
export function withState(
  w: UnitWorkItem,
  day: string,
  zone: string,
  holidays: readonly Holiday[],
): WorkspaceItem {
  const state = classify(w, day);
  const first = w.deadlines[0] ?? null;
  const updatedOn = w.reportedAt ? dayIn(new Date(w.reportedAt), zone) : null;
  const nextDue = w.deadlines.find((d) => d >= day) ?? null;
  return {
    ...w,
    state,
    overdueDays: state === "overdue" && first ? daysBetween(first, day) : null,
    nextDue,
    warnings: warningsOf({ ...w, updatedOn }, day),
    nextDueOff: nextDue ? (dayOff(nextDue, holidays)?.name ?? null) : null,
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
  const holidays = await todaysCalendar(ctx);
  const staffIds = await staffOfAccount(ctx.db, actor.id);
  const work = await workItems(ctx.db, { staffIds });
  return { today: day, items: work.map((w) => withState(w, day, ctx.clock.zone ?? DEFAULT_ZONE, holidays)) };
}

/** The actor's unit's work and reports, a page of plans at a time: `await unitWorkspace(ctx, actor)`. */
export async function unitWorkspace(
  ctx: ServiceContext,
  actor: Actor,
  page: { limit: number; offset: number } = { limit: WORKSPACE_PAGE, offset: 0 },
): Promise<Workspace> {
  ensureAllowed(may.readWithinReach(actor));
  const day = todayOf(ctx.clock);
  const zone = ctx.clock.zone ?? DEFAULT_ZONE;
  const holidays = await todaysCalendar(ctx);
  await bringTallyUpToDate(ctx.db, day);
  const tallies = await unitPlanTallies(ctx.db, actor.unitId);
  const planIds = tallies.slice(page.offset, page.offset + page.limit).map((t) => t.planId);
  const order = new Map(planIds.map((id, i) => [id, i]));
  const work = (await workItems(ctx.db, { unitId: actor.unitId, planIds })).sort(
    (a, b) => (order.get(a.planId) ?? 0) - (order.get(b.planId) ?? 0),
  );
  const items: WorkspaceItem[] = work.map((w) => withState(w, day, zone, holidays));
  const pressing = await pressingWork(ctx.db, actor.unitId, day);
  const rank = new Map(pressing.map((id, i) => [id, i]));
  const agenda = (await workItems(ctx.db, { unitId: actor.unitId, ids: pressing }))
    .sort((a, b) => (rank.get(a.workItemId) ?? 0) - (rank.get(b.workItemId) ?? 0))
    .map((w) => withState(w, day, zone, holidays));
  const counts = { done_on_time: 0, done_late: 0, in_progress: 0, overdue: 0 };
  for (const t of tallies) for (const k of Object.keys(counts) as ProgressState[]) counts[k] += t.counts[k];
  // The unit has work in each of these plans: it reads them, so their facts skip the reading policy's paths.
  const facts = await plansFacts(ctx.db, planIds);
  const open = planIds.flatMap((planId) => {
    const f = facts.get(planId);
    return f ? [{ planId, due: openPeriod(f, day) }] : [];
  });
  // The last locked period of each plan, where the plan was out by its due date: shown while its
  // report is not sent, to be asked to reopen, or since a request was made, for its history.
  const lastLocked = planIds.flatMap((planId) => {
    const f = facts.get(planId);
    const due = f ? lastLockedPeriod(f.unitReporting, f.regime, day, f.graceDays) : null;
    return f && due && f.publishedOn && f.publishedOn <= due ? [{ planId, due }] : [];
  });
  const key = (p: { planId: string; due?: string; periodDue?: string }) =>
    `${p.planId}|${p.due ?? p.periodDue}`;
  const reports = new Map(
    (await reportsOfUnit(ctx.db, actor.unitId, [...open, ...lastLocked])).map((r) => [key(r), r]),
  );
  const requests = new Map<string, ReopenRow>();
  for (const r of await reopensOfUnit(ctx.db, actor.unitId, lastLocked))
    if (!requests.has(key(r))) requests.set(key(r), r);
  const missed = lastLocked.filter((p) => {
    const report = reports.get(key(p));
    return requests.has(key(p)) || !report || !SENT_STATUSES.includes(report.status);
  });
  const periods = [...open, ...missed];
  const ids = [...reports.values()].map((r) => r.id);
  const reportItems = await itemsOfReports(ctx.db, ids);
  const files = await attachmentsOfReports(ctx.db, ids);
  return {
    today: day,
    items,
    counts,
    agenda,
    page: { ...page, plansTotal: tallies.length },
    periods: periods.map(({ planId, due }) => {
      const report = reports.get(`${planId}|${due}`) ?? null;
      const graceDays = facts.get(planId)?.graceDays ?? GRACE_DAYS;
      const reopen = requests.get(`${planId}|${due}`) ?? null;
      const reopened = reopen?.status === "granted" && (reopen.openUntil ?? "") >= day;
      return {
        planId,
        periodDue: due,
        lockedFrom: lockedFrom(due, graceDays),
        locked: isLocked(due, day, graceDays) && !reopened,
        reopen,
        report,
        standing: reportStanding(report, due, day),
        items: report ? (reportItems.get(report.id) ?? []) : [],
        attachments: report ? (files.get(report.id) ?? []) : [],
      };
    }),
  };
}
