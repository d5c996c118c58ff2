// The leaders' overview: the four states overall and per published plan within reach, reports in by
// unit for each plan's open period, what falls due next; and the work behind each number. Read from
// the kept tally, never a scan of all work; reports and states are counted by the same rules as
// every other view (domain/progress.ts, domain/report-standing.ts).

import {
  bringTallyUpToDate,
  type DueSoon,
  upcomingDeadlines,
  type WorkInState,
  workInState,
} from "../db/progress-tally.repository.js";
import { workItems } from "../db/reports.repository.js";
import { planRollupPage, type UnitRollup, unitRollupPage } from "../db/rollups.repository.js";
import { mostPressingWarned, warningCounts } from "../db/warnings.repository.js";
import { addDays, DEFAULT_ZONE, today as todayOf } from "../domain/clock.js";
import { daysBetween, type ProgressState } from "../domain/progress.js";
import { WARNING_ORDER, type Warning, type WarningKind } from "../domain/warnings.js";
import type { ServiceContext } from "./context.js";
import { todaysCalendar } from "./holidays.service.js";
import type { Counts } from "./plans.service.js";
import { type Actor, ensureAllowed, may } from "./policies.js";
import { shareWhileRunning } from "./shared-reads.js";
import { type WorkspaceItem, withState } from "./workspace.service.js";

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
  /** How many published plans there are within reach (`plans` is a page of them, newest first). */
  plansTotal: number;
  /**
   * Report completeness and timeliness by unit for each plan's open period, with the unit's four
   * states: a page of them, those with the most reports missing first, then the most work overdue.
   */
  units: UnitRollup[];
  /** How many units have work within reach (the page shows `units`). */
  unitsTotal: number;
  /** Deadlines of the next 30 days for work not yet done. */
  upcoming: DueSoon[];
}

const UPCOMING_DAYS = 30;
/** Plans a page of the overview lists unless asked otherwise (its totals and units count them all). */
export const OVERVIEW_PLANS_PAGE = 50;

/**
 * Which page of its plans and of its units an overview shows (the first of each by default); a
 * limit of null shows them all, as the reporting workbook lists them.
 */
export interface OverviewPage {
  plansLimit?: number | null;
  plansOffset?: number;
  unitsLimit?: number | null;
  unitsOffset?: number;
}

/** Units a page of the overview shows unless asked otherwise. */
export const OVERVIEW_UNITS_PAGE = 50;

/**
 * The overview of everything within the actor's reach, with a page of its units:
 * `await overview(ctx, leader, { unitsLimit: 50, unitsOffset: 0 })`. A province's thousand schools
 * made a reply of 200 KB that no one reads whole.
 */
export async function overview(
  ctx: ServiceContext,
  actor: Actor,
  page: OverviewPage = {},
): Promise<Overview> {
  ensureAllowed(may.readWithinReach(actor));
  const day = todayOf(ctx.clock);
  // What it shows depends on the reach, the page and the day alone: the leaders of a Sở opening it
  // at once are given one read (services/shared-reads.ts).
  const asked = {
    plansLimit: page.plansLimit === undefined ? OVERVIEW_PLANS_PAGE : page.plansLimit,
    plansOffset: page.plansOffset ?? 0,
    unitsLimit: page.unitsLimit === undefined ? OVERVIEW_UNITS_PAGE : page.unitsLimit,
    unitsOffset: page.unitsOffset ?? 0,
  };
  const key = ["overview", actor.reach, day, ...Object.values(asked)].join("|");
  return shareWhileRunning(ctx.db, key, () => readOverview(ctx, actor.reach, day, asked));
}

async function readOverview(
  ctx: ServiceContext,
  reach: string | null,
  day: string,
  page: Required<OverviewPage>,
): Promise<Overview> {
  await bringTallyUpToDate(ctx.db, day);
  // Kept rollups (db/rollups.repository.ts), paged and summed by the database: a row per plan and per
  // unit shown, never a scan of the province's pairs.
  const plans = await planRollupPage(ctx.db, reach, { limit: page.plansLimit, offset: page.plansOffset });
  const units = await unitRollupPage(ctx.db, reach, day, "chasing", {
    limit: page.unitsLimit,
    offset: page.unitsOffset,
  });
  return {
    today: day,
    totals: plans.totals,
    plansTotal: plans.total,
    plans: plans.plans.map((p) => ({
      planId: p.planId,
      number: p.number,
      title: p.title,
      counts: p.counts,
      periodDue: p.periodDue,
      reportsExpected: p.expected,
      reportsIn: p.sent,
    })),
    units: units.units,
    unitsTotal: units.total,
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

export interface OverviewWarnings {
  today: string;
  /** How much work within reach each warning is stated of. */
  counts: Record<WarningKind, number>;
  /** The work with warnings, the most pressing first (overdue longest first), at most `limit`. */
  items: Array<WorkspaceItem & { warnings: Warning[] }>;
}

const rank = (w: WorkspaceItem) => {
  const top = w.warnings[0];
  return top ? WARNING_ORDER.indexOf(top.kind) : WARNING_ORDER.length;
};
// Within a kind the larger figure presses more (days overdue, share of time gone), except days left
// before a deadline, where fewer press more.
const pressure = (w: WorkspaceItem) => {
  const top = w.warnings[0];
  return top ? (top.kind === "due_soon" ? -top.value : top.value) : 0;
};

/**
 * The warnings of the work within reach, computed for today: `await overviewWarnings(ctx, leader)`.
 * The counts are summed from the units' kept rows; the most pressing warned work is found by walking
 * deadlines in due order, then stated afresh for the day.
 */
export async function overviewWarnings(
  ctx: ServiceContext,
  actor: Actor,
  limit = 100,
): Promise<OverviewWarnings> {
  ensureAllowed(may.readWithinReach(actor));
  const day = todayOf(ctx.clock);
  const zone = ctx.clock.zone ?? DEFAULT_ZONE;
  await bringTallyUpToDate(ctx.db, day);
  const counts = await warningCounts(ctx.db, actor.reach);
  const ids = await mostPressingWarned(ctx.db, actor.reach, day, limit);
  const holidays = await todaysCalendar(ctx);
  const items = (await workItems(ctx.db, { ids, reach: actor.reach }))
    .map((w) => withState(w, day, zone, holidays))
    .filter((w) => w.warnings.length > 0);
  items.sort((a, b) => rank(a) - rank(b) || pressure(b) - pressure(a));
  return { today: day, counts, items };
}
