// The dashboard's rollups kept on write (tables plan_rollup and unit_rollup, migration 0024): per
// plan and per unit, the four states summed from the pair tally (progress_tally) and where the
// reports of each plan's open period stand. They are refreshed in the writing transaction whenever
// a pair's tally is rebuilt or a report is sent, returned or accepted, and once a day for the plans
// whose open period moved or fell due — so the leader's overview reads a row per plan and per unit
// it shows instead of grouping every pair of the province.

import { type RawBuilder, sql } from "kysely";
import type { Reporting } from "../domain/plan.js";
import { unitsReporting } from "../domain/reporting-addressees.js";
import { planPeriod } from "../domain/reporting-periods.js";
import { obligationsOf } from "./plans.repository.js";
import type { UnitReporting } from "./progress-tally.repository.js";
import type { Db } from "./schema.js";
import { REPORT_SENT, REPORT_SENT_ON_TIME, WARNED, WARNING_FACTS, WARNING_KINDS } from "./state-rules.js";

const unique = (ids: readonly string[]) =>
  [...new Set(ids.map(String))].sort((a, b) => Number(a) - Number(b));

/**
 * The open period of each published (or closed) plan on `today` (all of them when `planIds` is
 * null), worked out as every view works it out (domain/reporting-periods.ts): plan id → due date.
 */
export async function planPeriods(
  db: Db,
  planIds: readonly string[] | null,
  today: string,
): Promise<Map<string, string>> {
  if (planIds && !planIds.length) return new Map();
  const rows = await sql<{
    id: string;
    grace_days: number;
    reporting: unknown;
    issuer: string | null;
    issuer_names: Array<string | null> | null;
    regime: string[] | null;
  }>`
    select p.id, p.grace_days, ${obligationsOf(sql`p.id`)} as reporting, p.issuer,
           array[iu.name, iu.short_name] as issuer_names,
           (select a.report_regime from unit a where a.path @> iu.path and a.report_regime is not null
            order by nlevel(a.path) desc limit 1) as regime
    from plan p left join unit iu on iu.id = p.issuer_unit_id
    where p.status <> 'draft' ${planIds ? sql`and p.id = any(${unique(planIds)}::bigint[])` : sql``}`.execute(
    db,
  );
  return new Map(
    rows.rows.map((r) => {
      const owed = unitsReporting((r.reporting as Reporting[]) ?? [], [
        r.issuer ?? "",
        ...(r.issuer_names ?? []).map((n) => n ?? ""),
      ]);
      return [String(r.id), planPeriod(owed, r.regime, today, r.grace_days)];
    }),
  );
}

// Advisory locks taken before a rollup row is computed, plans before units and each in id order:
// two transactions sending reports of one unit would otherwise each compute the unit's row from a
// snapshot without the other's report, and the second write would lose the first's. Each writer also
// holds the day's lock shared; the day's recount of every row holds it alone (lockForTheDay).
const DAY_LOCK = 70_100;
const PLAN_LOCK = 70_101;
const UNIT_LOCK = 70_102;
async function lockRollups(db: Db, plans: readonly string[], units: readonly string[]): Promise<void> {
  // One statement (a round trip less on every report sent). Which of the two kinds is taken first
  // does not matter: the day's recount takes the day's lock alone, never a plan's or a unit's.
  await sql`
    select (select pg_advisory_xact_lock_shared(${DAY_LOCK}, 0)) as day,
           count(pg_advisory_xact_lock(kind, (id % 2147483647)::int)) as locks
    from (select ${PLAN_LOCK}::int as kind, unnest(${plans}::bigint[]) as id
          union all select ${UNIT_LOCK}::int, unnest(${units}::bigint[]) order by 1, 2) ids`.execute(db);
}

/** Waits for the writers refreshing rollups to finish and keeps new ones out until the transaction ends. */
export async function lockForTheDay(db: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(${DAY_LOCK}, 0)`.execute(db);
}

const SUMS = sql`
  coalesce(sum(pt.n) filter (where pt.state = 'done_on_time'), 0)::int as done_on_time,
  coalesce(sum(pt.n) filter (where pt.state = 'done_late'), 0)::int as done_late,
  coalesce(sum(pt.n) filter (where pt.state = 'in_progress'), 0)::int as in_progress,
  coalesce(sum(pt.n) filter (where pt.state = 'overdue'), 0)::int as overdue`;

/**
 * Recomputes the rollups of `planIds` and of `unitIds` (every unit with work in those plans when
 * null, with `formerUnits`: units whose work there was just taken away) as of `today`. Run it in
 * the writing transaction, after the pair tally is right.
 */
export async function refreshRollups(
  db: Db,
  planIds: readonly string[],
  unitIds: readonly string[] | null,
  today: string,
  formerUnits: readonly string[] = [],
): Promise<void> {
  const plans = unique(planIds);
  if (!plans.length) return;
  const units = unique([
    ...formerUnits,
    ...(unitIds ??
      (
        await sql<{ unit_id: string }>`
          select distinct unit_id from progress_tally where plan_id = any(${plans}::bigint[])`.execute(db)
      ).rows.map((r) => String(r.unit_id))),
  ]);
  await lockRollups(db, plans, units);
  const periods = await planPeriods(db, plans, today);
  await refreshPlanRows(db, plans, periods);
  await rebuildWarnings(db, today, { plans, units: unitIds ? units : null });
  await refreshUnitRows(db, units, today);
}

/**
 * Counts one report as sent (`sent: true`, on submission) or no longer sent (false, when returned)
 * in the rollups of its plan and unit, where it is the report of the plan's open period the rollups
 * hold; nothing else a submission or a return changes is counted there (work changes only when a
 * report is accepted, which rebuilds the pair). Two updates of a row each instead of recounting the
 * plan's and the unit's reports: on deadline day a thousand schools send the Sở's plan at once.
 * Takes the rollup locks refreshRollups takes, so a recount of the plan or unit never misses it.
 */
export async function countReportSent(
  db: Db,
  report: { planId: string; unitId: string; periodDue: string; submittedAt: Date },
  sent: boolean,
  today: string,
): Promise<void> {
  await lockRollups(db, [report.planId], [report.unitId]);
  const d = sent ? 1 : -1;
  const submittedOn = report.submittedAt.toISOString().slice(0, 10);
  // The report's own row (r) stands for it on the day: a report sent by its due date is on time
  // (state-rules.ts REPORT_SENT_ON_TIME: the UTC day of its submission).
  await sql`
    with pr as (
      update plan_rollup
      set sent = sent + ${d}, on_time = on_time + (case when ${submittedOn}::date <= period_due then ${d} else 0 end)
      where plan_id = ${report.planId} and period_due = ${report.periodDue}::date
      returning period_due)
    update unit_rollup
    set sent = sent + ${d},
        on_time = on_time + (case when ${submittedOn}::date <= pr.period_due then ${d} else 0 end),
        late = late + (case when ${submittedOn}::date > pr.period_due then ${d} else 0 end),
        missing = missing - (case when pr.period_due < ${today}::date then ${d} else 0 end)
    from pr
    where unit_rollup.unit_id = ${report.unitId}
      and exists (select 1 from progress_tally pt where pt.plan_id = ${report.planId} and pt.unit_id = ${report.unitId})`.execute(
    db,
  );
}

/**
 * Counts the work warranting each warning on `today` (state-rules.ts WARNED) for the pairs of
 * `plans` × `units` (every unit of those plans when `units` is null), or for all work when no
 * pairs are given.
 */
async function rebuildWarnings(
  db: Db,
  today: string,
  pairs?: { plans: readonly string[]; units: readonly string[] | null },
): Promise<void> {
  const plansOnly = pairs ? sql`plan_id = any(${pairs.plans}::bigint[])` : sql`true`;
  const kept = pairs?.units ? sql`${plansOnly} and unit_id = any(${pairs.units}::bigint[])` : plansOnly;
  const which = pairs
    ? pairs.units
      ? sql`t.plan_id = any(${pairs.plans}::bigint[]) and w.unit_id = any(${pairs.units}::bigint[])`
      : sql`t.plan_id = any(${pairs.plans}::bigint[])`
    : sql`true`;
  const warned = WARNED(today);
  await sql`delete from warning_tally where ${kept}`.execute(db);
  await sql`
    insert into warning_tally (plan_id, unit_id, kind, n)
    select t.plan_id, w.unit_id, k.kind, count(*)
    from work_item w
    join task t on t.id = w.task_id and t.removed_at is null
    join plan p on p.id = t.plan_id and p.status in ('published', 'closed')
    left join work_item_progress g on g.work_item_id = w.id
    ${WARNING_FACTS(today)}
    cross join lateral (values ${sql.join(WARNING_KINDS.map((k) => sql`(${k}, ${warned[k]})`))}) k(kind, yes)
    where ${which} and k.yes
    group by 1, 2, 3`.execute(db);
}

async function refreshPlanRows(
  db: Db,
  plans: readonly string[],
  periods: Map<string, string>,
): Promise<void> {
  await sql`delete from plan_rollup where plan_id = any(${plans}::bigint[])`.execute(db);
  if (!periods.size) return;
  await sql`
    with period(plan_id, due) as (
      select * from unnest(${[...periods.keys()]}::bigint[], ${[...periods.values()]}::date[])
    ),
    pair as (
      select pt.plan_id, pt.unit_id from progress_tally pt
      where pt.plan_id = any(${[...periods.keys()]}::bigint[]) group by 1, 2
    ),
    sent as (
      select pair.plan_id, count(*)::int as expected,
             count(*) filter (where ${REPORT_SENT(sql`r`)})::int as sent,
             count(*) filter (where ${REPORT_SENT_ON_TIME(sql`r`, sql`period.due`)})::int as on_time
      from pair join period on period.plan_id = pair.plan_id
      left join report r on r.plan_id = pair.plan_id and r.unit_id = pair.unit_id and r.period_due = period.due
      group by pair.plan_id
    ),
    counted as (
      select pt.plan_id, ${SUMS} from progress_tally pt
      where pt.plan_id = any(${[...periods.keys()]}::bigint[]) group by pt.plan_id
    )
    insert into plan_rollup (plan_id, period_due, done_on_time, done_late, in_progress, overdue, expected, sent, on_time)
    select period.plan_id, period.due, coalesce(c.done_on_time, 0), coalesce(c.done_late, 0),
           coalesce(c.in_progress, 0), coalesce(c.overdue, 0),
           coalesce(s.expected, 0), coalesce(s.sent, 0), coalesce(s.on_time, 0)
    from period left join counted c on c.plan_id = period.plan_id left join sent s on s.plan_id = period.plan_id
    order by period.plan_id`.execute(db);
}

// A unit's row sums its pairs over every plan it has work in, each plan at the open period its own
// rollup row holds.
async function refreshUnitRows(db: Db, units: readonly string[], today: string): Promise<void> {
  if (!units.length) return;
  await sql`delete from unit_rollup where unit_id = any(${units}::bigint[])`.execute(db);
  await sql`
    with pair as (
      select pt.plan_id, pt.unit_id, ${SUMS} from progress_tally pt
      where pt.unit_id = any(${units}::bigint[]) group by 1, 2
    ),
    owed as (
      select pair.*, pr.period_due as due,
             ${REPORT_SENT(sql`r`)} as sent, ${REPORT_SENT_ON_TIME(sql`r`, sql`pr.period_due`)} as on_time
      from pair join plan_rollup pr on pr.plan_id = pair.plan_id
      left join report r on r.plan_id = pair.plan_id and r.unit_id = pair.unit_id and r.period_due = pr.period_due
    )
    insert into unit_rollup (unit_id, done_on_time, done_late, in_progress, overdue, expected, sent, on_time, late, missing,
                             w_overdue, w_due_soon, w_not_started, w_behind, w_no_update)
    select o.unit_id, sum(done_on_time), sum(done_late), sum(in_progress), sum(overdue), count(*),
           count(*) filter (where sent), count(*) filter (where on_time), count(*) filter (where sent and not on_time),
           count(*) filter (where not sent and due < ${today}::date),
           ${sql.join(
             WARNING_KINDS.map(
               (k) =>
                 sql`coalesce((select sum(n) from warning_tally wt where wt.unit_id = o.unit_id and wt.kind = ${k}), 0)`,
             ),
           )}
    from owed o group by o.unit_id order by o.unit_id`.execute(db);
}

/**
 * The day's part of keeping the rollups, in the transaction that brings the tally to `today` from
 * `asOf` (null: never built — every plan and unit is built): the plans whose open period moved, or
 * whose period fell due in between (their unsent reports turn missing), are recomputed with all
 * their units. Returns how many plans were recomputed.
 */
export async function bringRollupsUpToDate(db: Db, today: string, asOf: string | null): Promise<number> {
  const periods = await planPeriods(db, null, today);
  const kept = new Map(
    (
      await sql<{ plan_id: string; period_due: string }>`
        select plan_id, period_due::text as period_due from plan_rollup`.execute(db)
    ).rows.map((r) => [String(r.plan_id), r.period_due]),
  );
  const [from, to] = asOf && asOf > today ? [today, asOf] : [asOf ?? "", today];
  const moved = [...periods].filter(([id, due]) => {
    const was = kept.get(id);
    return asOf === null || was !== due || (was >= from && was < to);
  });
  // Plans no longer published keep no row.
  const gone = [...kept.keys()].filter((id) => !periods.has(id));
  if (gone.length) await sql`delete from plan_rollup where plan_id = any(${gone}::bigint[])`.execute(db);
  const plans = moved.map(([id]) => id);
  await refreshPlanRows(db, unique(plans), new Map(moved));
  // Every warning turns on the day itself: all of them are counted again, and every unit's row.
  await rebuildWarnings(db, today);
  const units = await sql<{ unit_id: string }>`select distinct unit_id from progress_tally`.execute(db);
  await sql`delete from unit_rollup`.execute(db);
  await refreshUnitRows(db, unique(units.rows.map((r) => String(r.unit_id))), today);
  return plans.length;
}

type Counts = Record<"done_on_time" | "done_late" | "in_progress" | "overdue", number>;

const toCounts = (r: Counts): Counts => ({
  done_on_time: Number(r.done_on_time),
  done_late: Number(r.done_late),
  in_progress: Number(r.in_progress),
  overdue: Number(r.overdue),
});

export interface PlanRollup {
  planId: string;
  number: string | null;
  title: string | null;
  counts: Counts;
  periodDue: string;
  /** Units within view with work in the plan, each owing the period's report; those that sent it. */
  expected: number;
  sent: number;
}

type PlanRollupRow = Counts & {
  plan_id: string;
  number: string | null;
  title: string | null;
  period_due: string;
  expected: number;
  sent: number;
};

const toPlanRollup = (r: PlanRollupRow): PlanRollup => ({
  planId: String(r.plan_id),
  number: r.number,
  title: r.title,
  counts: toCounts(r),
  periodDue: r.period_due,
  expected: Number(r.expected),
  sent: Number(r.sent),
});

/** Which rows of a view to read: `limit` null reads them all. */
export interface RowsPage {
  limit: number | null;
  offset: number;
}

const EVERY_ROW: RowsPage = { limit: null, offset: 0 };

/**
 * The pairs a view of `reach` sees through its units rather than through the plan: plans issued
 * outside the reach with work of units within it. Whichever side is smaller drives the look-up — a
 * school's officer has few units and many such plans, a department's leader the other way round.
 * Returns the statement reading their rows (PlanRollupRow's columns), or null when there are none.
 */
async function partsInReach(db: Db, reach: string): Promise<RawBuilder<unknown> | null> {
  const sizes = await sql<{ units: number; plans: number }>`
    select (select count(*) from unit where path <@ ${reach}::ltree)::int as units,
           (select count(*) from plan p left join unit iu on iu.id = p.issuer_unit_id
            where p.status <> 'draft' and not coalesce(iu.path <@ ${reach}::ltree, false))::int as plans`.execute(
    db,
  );
  const { units = 0, plans = 0 } = sizes.rows[0] ?? {};
  if (!plans) return null;
  const pairs =
    units * 2 < plans
      ? sql`select pt.* from unit u join progress_tally pt on pt.unit_id = u.id where u.path <@ ${reach}::ltree`
      : sql`select pt.* from plan p left join unit iu on iu.id = p.issuer_unit_id
            join progress_tally pt on pt.plan_id = p.id
            where p.status <> 'draft' and not coalesce(iu.path <@ ${reach}::ltree, false)`;
  return sql`
    select * from (
      with seen as (${pairs}),
      pair as (
        select pt.plan_id, pt.unit_id, ${SUMS}
        from seen pt join unit u on u.id = pt.unit_id and u.path <@ ${reach}::ltree
        join plan p on p.id = pt.plan_id left join unit iu on iu.id = p.issuer_unit_id
        where not coalesce(iu.path <@ ${reach}::ltree, false)
        group by 1, 2
      )
      select pair.plan_id, p.number, p.title, pr.period_due::text as period_due,
             sum(pair.done_on_time)::int as done_on_time, sum(pair.done_late)::int as done_late,
             sum(pair.in_progress)::int as in_progress, sum(pair.overdue)::int as overdue,
             count(*)::int as expected, count(*) filter (where ${REPORT_SENT(sql`r`)})::int as sent
      from pair join plan p on p.id = pair.plan_id join plan_rollup pr on pr.plan_id = pair.plan_id
      left join report r on r.plan_id = pair.plan_id and r.unit_id = pair.unit_id and r.period_due = pr.period_due
      group by pair.plan_id, p.number, p.title, pr.period_due) parts`;
}

export interface PlanRollupPage {
  /** The plans of the page, newest first. */
  plans: PlanRollup[];
  /** How many plans the view sees, and their four states summed. */
  total: number;
  totals: Counts;
}

/**
 * A page of the published plans a view of `reach` sees (null: all), newest first, with its four
 * states and reports of the open period counted over the units it sees: a plan issued within reach
 * whole, from its kept row; any other over its units within reach. The sums over every plan are
 * made by the database beside the page, so a view reads the rows it shows (a province's 2,000
 * plans cost the overview 5 ms to fetch and sum in the application).
 */
export async function planRollupPage(
  db: Db,
  reach: string | null,
  page: RowsPage = EVERY_ROW,
): Promise<PlanRollupPage> {
  const parts = reach === null ? null : await partsInReach(db, reach);
  const rows = await sql<Partial<PlanRollupRow> & { total: number; totals: Counts }>`
    with seen as (
      select pr.plan_id, p.number, p.title, pr.period_due::text as period_due, pr.done_on_time, pr.done_late,
             pr.in_progress, pr.overdue, pr.expected, pr.sent
      from plan_rollup pr join plan p on p.id = pr.plan_id
      ${reach === null ? sql`` : sql`join unit iu on iu.id = p.issuer_unit_id and iu.path <@ ${reach}::ltree`}
      where pr.expected > 0
      ${parts ? sql`union all ${parts}` : sql``}
    ),
    sums as (
      select count(*)::int as total,
             json_build_object('done_on_time', coalesce(sum(done_on_time), 0), 'done_late', coalesce(sum(done_late), 0),
                               'in_progress', coalesce(sum(in_progress), 0), 'overdue', coalesce(sum(overdue), 0)) as totals
      from seen
    ),
    shown as (select * from seen order by plan_id desc limit ${page.limit}::bigint offset ${page.offset}::bigint)
    select sums.*, shown.* from sums left join shown on true order by shown.plan_id desc`.execute(db);
  const first = rows.rows[0];
  return {
    plans: rows.rows.filter((r) => r.plan_id != null).map((r) => toPlanRollup(r as PlanRollupRow)),
    total: Number(first?.total ?? 0),
    totals: toCounts(first?.totals ?? { done_on_time: 0, done_late: 0, in_progress: 0, overdue: 0 }),
  };
}

/** Every plan a view of `reach` sees, newest first (planRollupPage's rows, all of them). */
export async function planRollups(db: Db, reach: string | null): Promise<PlanRollup[]> {
  return (await planRollupPage(db, reach)).plans;
}

/** A unit's row of the overview: the same shape the live count gives (progress-tally.repository.ts). */
export type UnitRollup = UnitReporting;

type UnitRollupRow = Counts & {
  unit_id: string;
  name: string;
  path: string;
  expected: number;
  sent: number;
  on_time: number;
  late: number;
  missing: number;
};

/** How the units of a view are listed: in directory order, or those a leader has to chase first. */
export type UnitOrder = "directory" | "chasing";

const UNIT_ORDER = {
  // ltree paths compared as text byte by byte ("1.10" before "1.2"), as the directory lists them.
  directory: sql`path collate "C"`,
  // Reports missing first, then work overdue, then directory order.
  chasing: sql`missing desc, overdue desc, path collate "C"`,
} as const;

/**
 * A page of the units a view of `reach` sees, with report completeness and the four states of each:
 * a unit within reach from its kept row (all its work is seen); a unit outside it over the plans
 * issued within reach that give it work. Sorted and paged by the database; `total` counts them all.
 */
export async function unitRollupPage(
  db: Db,
  reach: string | null,
  today: string,
  order: UnitOrder,
  page: RowsPage = EVERY_ROW,
): Promise<{ units: UnitRollup[]; total: number }> {
  const outside =
    reach === null
      ? sql``
      : sql`
    union all
    select * from (
      with pair as (
        select pt.plan_id, pt.unit_id, ${SUMS}
        from plan p join unit iu on iu.id = p.issuer_unit_id and iu.path <@ ${reach}::ltree
        join progress_tally pt on pt.plan_id = p.id and pt.outside
        join unit u on u.id = pt.unit_id and not (u.path <@ ${reach}::ltree)
        where p.status <> 'draft'
        group by 1, 2
      ),
      owed as (
        select pair.*, pr.period_due as due,
               ${REPORT_SENT(sql`r`)} as sent, ${REPORT_SENT_ON_TIME(sql`r`, sql`pr.period_due`)} as on_time
        from pair join plan_rollup pr on pr.plan_id = pair.plan_id
        left join report r on r.plan_id = pair.plan_id and r.unit_id = pair.unit_id and r.period_due = pr.period_due
      )
      select owed.unit_id, u.name, u.path::text as path,
             sum(done_on_time)::int as done_on_time, sum(done_late)::int as done_late,
             sum(in_progress)::int as in_progress, sum(overdue)::int as overdue, count(*)::int as expected,
             count(*) filter (where sent)::int as sent, count(*) filter (where on_time)::int as on_time,
             count(*) filter (where sent and not on_time)::int as late,
             count(*) filter (where not sent and due < ${today}::date)::int as missing
      from owed join unit u on u.id = owed.unit_id
      group by owed.unit_id, u.name, u.path) outside`;
  const rows = await sql<Partial<UnitRollupRow> & { total: number }>`
    with seen as (
      select ur.unit_id, u.name, u.path::text as path, ur.done_on_time, ur.done_late, ur.in_progress, ur.overdue,
             ur.expected, ur.sent, ur.on_time, ur.late, ur.missing
      from unit_rollup ur join unit u on u.id = ur.unit_id
      where ur.expected > 0 ${reach === null ? sql`` : sql`and u.path <@ ${reach}::ltree`}
      ${outside}
    ),
    sums as (select count(*)::int as total from seen),
    shown as (select * from seen order by ${UNIT_ORDER[order]}
              limit ${page.limit}::bigint offset ${page.offset}::bigint)
    select sums.total, shown.* from sums left join shown on true order by ${UNIT_ORDER[order]}`.execute(db);
  return {
    total: Number(rows.rows[0]?.total ?? 0),
    units: rows.rows
      .filter((r) => r.unit_id != null)
      .map((row) => {
        const r = row as UnitRollupRow;
        return {
          unitId: String(r.unit_id),
          unitName: r.name,
          expected: Number(r.expected),
          sent: Number(r.sent),
          onTime: Number(r.on_time),
          late: Number(r.late),
          missing: Number(r.missing),
          counts: toCounts(r),
        };
      }),
  };
}

/** Every unit a view of `reach` sees, in directory order (unitRollupPage's rows, all of them). */
export async function unitRollups(db: Db, reach: string | null, today: string): Promise<UnitRollup[]> {
  return (await unitRollupPage(db, reach, today, "directory")).units;
}
