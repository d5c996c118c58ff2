// Reading plans: the list, one plan, search, and a plan's progress. Every use case asks the
// policies first; lists and search go through the same scope, so what a list shows and what a
// plan's page opens never disagree.

import {
  listPlansInScope,
  type PlanDetail,
  type PlanFacts,
  type PlanSummary,
  planDetail,
  planFacts,
  savePlanSettings,
  searchPlans,
  searchTasks,
  type TaskHit,
} from "../db/plans.repository.js";
import { type ReportRow, reportsOfPlan, workItems } from "../db/reports.repository.js";
import { refreshRollups } from "../db/rollups.repository.js";
import { inTransaction } from "../db/transaction.js";
import { listUnits } from "../db/units.repository.js";
import { today as todayOf } from "../domain/clock.js";
import { DomainError } from "../domain/errors.js";
import { foldForSearch } from "../domain/plan-search.js";
import { classify, type ProgressState } from "../domain/progress.js";
import { type ReportStanding, reportStanding } from "../domain/report-standing.js";
import { lockedFrom, planPeriod } from "../domain/reporting-periods.js";
import type { ServiceContext } from "./context.js";
import { type Actor, ensureAllowed, ensureFound, may, planScope, within } from "./policies.js";

/** The facts of a plan the actor may read; `plan.not_found` otherwise (no hint that it exists). */
export async function readablePlan(ctx: ServiceContext, actor: Actor, planId: string): Promise<PlanFacts> {
  const facts = await planFacts(ctx.db, planId, { workPaths: { within: actor.reach } });
  ensureFound(!!facts && may.readPlan(actor, facts), "plan");
  return facts as PlanFacts;
}

/** A page of the plans the actor sees, newest first. */
export async function listPlans(
  ctx: ServiceContext,
  actor: Actor,
  page: { limit: number; offset: number } = { limit: 100, offset: 0 },
): Promise<{ plans: PlanSummary[]; total: number }> {
  ensureAllowed(may.readWithinReach(actor));
  return listPlansInScope(ctx.db, planScope(actor), page);
}

/** A plan as a person reads it: each work item with its state today and its next deadline. */
export interface PlanView extends Omit<PlanDetail, "work"> {
  work: Array<PlanDetail["work"][number] & { state: ProgressState; nextDue: string | null }>;
}

/**
 * One plan with its tasks, units and work: the work of every unit for its issuing body, else the
 * work of the units within reach (as its progress counts them).
 */
export async function getPlan(ctx: ServiceContext, actor: Actor, planId: string): Promise<PlanView> {
  const facts = await readablePlan(ctx, actor, planId);
  const plan = await planDetail(ctx.db, planId);
  ensureFound(!!plan, "plan");
  const detail = plan as PlanDetail;
  const all = may.seeAllWorkOf(actor, facts);
  const day = todayOf(ctx.clock);
  return {
    ...detail,
    work: detail.work
      .filter((w) => all || within(actor.reach, w.unitPath))
      .map((w) => ({ ...w, state: classify(w, day), nextDue: w.deadlines.find((d) => d >= day) ?? null })),
  };
}

/** Plans, tasks and units matching the words, within what the actor sees. */
export async function search(
  ctx: ServiceContext,
  actor: Actor,
  query: string,
): Promise<{
  plans: PlanSummary[];
  tasks: TaskHit[];
  units: Array<{ id: string; code: string; name: string }>;
}> {
  ensureAllowed(may.readWithinReach(actor));
  const words = foldForSearch(query).split(/\s+/).filter(Boolean).slice(0, 12);
  if (!words.length) return { plans: [], tasks: [], units: [] };
  const scope = planScope(actor);
  const plans = await searchPlans(ctx.db, scope, words, 20);
  const tasks = await searchTasks(ctx.db, scope, words, 20);
  // Units by name, short name, abbreviation or alias, diacritics ignored: "phong gdtx" finds "Phòng GDTX&ĐH".
  const units = (await listUnits(ctx.db))
    .filter((u) => u.active)
    .filter((u) => {
      const hay = foldForSearch([u.name, u.shortName ?? "", ...u.aliases].join(" ").replace(/[&–—-]/g, " "));
      return words.every((w) => hay.includes(w));
    })
    .slice(0, 20)
    .map((u) => ({ id: u.id, code: u.code, name: u.name }));
  return { plans, tasks, units };
}

export type Counts = Record<ProgressState, number>;

export const zeroCounts = (): Counts => ({ done_on_time: 0, done_late: 0, in_progress: 0, overdue: 0 });

export interface PlanProgress {
  /** The due date of the plan's open reporting period. */
  periodDue: string;
  /** The first day that period is locked (its grace days past). */
  lockedFrom: string;
  settings: PlanSettings;
  /** True when the actor may change the settings (the plan officers of the issuing body). */
  mayEditSettings: boolean;
  counts: Counts;
  byUnit: Array<{ unitId: string; counts: Counts; report: ReportRow | null; standing: ReportStanding }>;
  upcoming: Array<{ workItemId: string; taskKey: string; unitId: string; due: string }>;
}

/** The open reporting period of a plan on a day: its own obligations, else its keeper's regime. */
export function openPeriod(
  facts: Pick<PlanFacts, "unitReporting" | "regime" | "graceDays">,
  day: string,
): string {
  return planPeriod(facts.unitReporting, facts.regime, day, facts.graceDays);
}

/**
 * A plan's progress: the four states overall and by unit, where each unit's report of the open
 * period stands, what falls due next. The issuing body sees every unit; anyone else the units
 * within reach.
 */
export async function planProgress(ctx: ServiceContext, actor: Actor, planId: string): Promise<PlanProgress> {
  const facts = await readablePlan(ctx, actor, planId);
  const day = todayOf(ctx.clock);
  const items = await workItems(ctx.db, {
    planId,
    reach: may.seeAllWorkOf(actor, facts) ? null : actor.reach,
  });
  const periodDue = openPeriod(facts, day);
  const reports = new Map((await reportsOfPlan(ctx.db, planId, periodDue)).map((r) => [r.unitId, r]));
  const counts = zeroCounts();
  const byUnit = new Map<string, Counts>();
  const upcoming: PlanProgress["upcoming"] = [];
  for (const w of items) {
    const state = classify(w, day);
    counts[state]++;
    const c = byUnit.get(w.unitId) ?? zeroCounts();
    c[state]++;
    byUnit.set(w.unitId, c);
    const next = w.deadlines.find((d) => d >= day);
    if (next && w.status !== "done")
      upcoming.push({ workItemId: w.workItemId, taskKey: w.taskKey, unitId: w.unitId, due: next });
  }
  upcoming.sort((a, b) => a.due.localeCompare(b.due));
  return {
    periodDue,
    lockedFrom: lockedFrom(periodDue, facts.graceDays),
    settings: { graceDays: facts.graceDays, reminderDays: facts.reminderDays },
    mayEditSettings: may.reviewPlan(actor, facts),
    counts,
    byUnit: [...byUnit.entries()].map(([unitId, c]) => {
      const report = reports.get(unitId) ?? null;
      return { unitId, counts: c, report, standing: reportStanding(report, periodDue, day) };
    }),
    upcoming: upcoming.slice(0, 20),
  };
}

export interface PlanSettings {
  /** Days after a period's due date that reports may still be sent, late; then it locks. */
  graceDays: number;
  /** Days before a due date that its units are reminded ([7, 3, 1]). */
  reminderDays: number[];
}

/**
 * The plan officers of the issuing body set how long a period stays open after its due date and
 * on which days before a deadline its units are reminded (besides the day itself and after it).
 */
export async function updatePlanSettings(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  input: Partial<PlanSettings>,
): Promise<PlanSettings> {
  const facts = await readablePlan(ctx, actor, planId);
  ensureAllowed(may.reviewPlan(actor, facts));
  const problems: Array<{ field: string; reason: string }> = [];
  const graceDays = input.graceDays ?? facts.graceDays;
  if (!Number.isInteger(graceDays) || graceDays < 0 || graceDays > 90)
    problems.push({ field: "graceDays", reason: "từ 0 đến 90 ngày" });
  const days = input.reminderDays ?? facts.reminderDays;
  if (days.length > 6 || days.some((d) => !Number.isInteger(d) || d < 1 || d > 60))
    problems.push({ field: "reminderDays", reason: "tối đa 6 mốc, mỗi mốc từ 1 đến 60 ngày trước hạn" });
  if (problems.length)
    throw new DomainError("plan.settings_invalid", "Thiết lập kế hoạch không hợp lệ.", problems);
  const reminderDays = [...new Set(days)].sort((a, b) => b - a);
  await inTransaction(ctx.db, async (trx) => {
    await savePlanSettings(trx, planId, { graceDays, reminderDays });
    // Grace days decide which period is open: the dashboards' counts follow at once.
    if (graceDays !== facts.graceDays) await refreshRollups(trx, [planId], null, todayOf(ctx.clock));
  });
  return { graceDays, reminderDays };
}
