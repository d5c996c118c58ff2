// The leaders' overview: the four states overall and per published plan within reach, reports in by
// unit for each plan's open period, what falls due next; and the work behind each number. Read from
// the kept tally, never a scan of all work; reports and states are counted by the same rules as
// every other view (domain/progress.ts, domain/report-standing.ts).

import {
  bringTallyUpToDate,
  type DueSoon,
  reportsRollup,
  tallyByPlan,
  type UnitReporting,
  upcomingDeadlines,
  type WorkInState,
  workInState,
} from "../db/progress-tally.repository.js";
import { addDays, today as todayOf } from "../domain/clock.js";
import { daysBetween, type ProgressState } from "../domain/progress.js";
import type { ServiceContext } from "./context.js";
import { type Counts, openPeriod, zeroCounts } from "./plans.service.js";
import { type Actor, ensureAllowed, may } from "./policies.js";

export interface OverviewPlan {
  planId: string;
  number: string | null;
  title: string | null;
  counts: Counts;
  periodDue: string;
  reportsExpected: number;
  reportsIn: number;
}

export interface Overview {
  today: string;
  totals: Counts;
  plans: OverviewPlan[];
  /** How many published plans there are within reach (the list shows the newest). */
  plansTotal: number;
  /** Report completeness and timeliness by unit for each plan's open period, with the unit's four states. */
  units: UnitReporting[];
  /** Deadlines of the next 30 days for work not yet done. */
  upcoming: DueSoon[];
}

const UPCOMING_DAYS = 30;
/** The overview lists the newest plans; its totals and units count them all. */
const MAX_PLANS_LISTED = 200;

/** The overview of everything within the actor's reach: `await overview(ctx, leader)`. */
export async function overview(ctx: ServiceContext, actor: Actor): Promise<Overview> {
  ensureAllowed(may.readWithinReach(actor));
  const reach = actor.reach;
  const day = todayOf(ctx.clock);
  await bringTallyUpToDate(ctx.db, day);
  const plans = await tallyByPlan(ctx.db, reach);
  const periods = plans.map((p) => ({ planId: p.planId, due: openPeriod(p, day) }));
  const reports = await reportsRollup(ctx.db, reach, periods, day);
  const totals = zeroCounts();
  for (const p of plans) for (const k of Object.keys(totals) as ProgressState[]) totals[k] += p.counts[k];
  return {
    today: day,
    totals,
    plansTotal: plans.length,
    plans: plans.slice(0, MAX_PLANS_LISTED).map((p, i) => ({
      planId: p.planId,
      number: p.number,
      title: p.title,
      counts: p.counts,
      periodDue: periods[i]?.due ?? day,
      reportsExpected: reports.byPlan.get(p.planId)?.expected ?? 0,
      reportsIn: reports.byPlan.get(p.planId)?.sent ?? 0,
    })),
    units: reports.byUnit,
    upcoming: await upcomingDeadlines(ctx.db, reach, day, addDays(day, UPCOMING_DAYS)),
  };
}

export interface OverviewWork {
  state: ProgressState;
  unitId: string | null;
  items: Array<WorkInState & { overdueDays: number | null }>;
}

/** The work behind an overview number: all work in one state within reach, optionally of one unit. */
export async function overviewWork(
  ctx: ServiceContext,
  actor: Actor,
  state: ProgressState,
  unitId?: string,
): Promise<OverviewWork> {
  ensureAllowed(may.readWithinReach(actor));
  const day = todayOf(ctx.clock);
  const items = await workInState(ctx.db, actor.reach, state, day, unitId);
  return {
    state,
    unitId: unitId ?? null,
    items: items.map((w) => ({
      ...w,
      overdueDays: state === "overdue" && w.firstDue ? daysBetween(w.firstDue, day) : null,
    })),
  };
}
