// The dashboard's kept counts (table progress_tally, see migration 0005): rebuilt for a plan on
// publication and for a plan × unit on an accepted report; read with the day's date, which splits
// open work into "in progress within the deadline" and "overdue".

import { type Kysely, sql } from "kysely";
import type { Reporting } from "../domain/plan.js";
import type { ProgressState } from "../domain/progress.js";
import { unitsReporting } from "../domain/reporting-addressees.js";
import { obligationsOf } from "./plans.repository.js";
import { bringRollupsUpToDate, lockForTheDay, refreshRollups } from "./rollups.repository.js";
import type { Database, Db } from "./schema.js";
import { REPORT_SENT, REPORT_SENT_ON_TIME, STATE_OF } from "./state-rules.js";

/**
 * Rebuilds the tally of the given plan × unit pairs (every unit of a plan when `unitIds` is null)
 * as of `today`. Run it in the writing transaction.
 */
async function rebuild(db: Db, planIds: string[], unitIds: string[] | null, today: string): Promise<void> {
  if (!planIds.length) return;
  const pairs = unitIds
    ? sql`(t.plan_id, w.unit_id) in (select * from unnest(${planIds}::bigint[], ${unitIds}::bigint[]))`
    : sql`t.plan_id = any(${planIds}::bigint[])`;
  const kept = unitIds
    ? sql`(plan_id, unit_id) in (select * from unnest(${planIds}::bigint[], ${unitIds}::bigint[]))`
    : sql`plan_id = any(${planIds}::bigint[])`;
  const former = await sql<{
    unit_id: string;
  }>`delete from progress_tally where ${kept} returning unit_id`.execute(db);
  await sql`
    insert into progress_tally (plan_id, unit_id, state, n, outside)
    select t.plan_id, w.unit_id, ${STATE_OF(today)}, count(*), coalesce(not (u.path <@ iu.path), false)
    from work_item w
    join task t on t.id = w.task_id and t.removed_at is null
    join plan p on p.id = t.plan_id and p.status <> 'draft'
    join unit u on u.id = w.unit_id
    left join unit iu on iu.id = p.issuer_unit_id
    left join work_item_progress g on g.work_item_id = w.id
    left join lateral (select min(d.due) as first_due from deadline d where d.work_item_id = w.id) fd on true
    where ${pairs}
    group by 1, 2, 3, 5`.execute(db);
  await refreshRollups(
    db,
    planIds,
    unitIds,
    today,
    former.rows.map((r) => String(r.unit_id)),
  );
}

/** Rebuilds the tally of one plan, or of one unit's work in it, as of `today` ("2026-11-23"). */
export async function refreshTally(db: Db, planId: string, today: string, unitId?: string): Promise<void> {
  await rebuild(db, [planId], unitId ? [unitId] : null, today);
}

/**
 * Brings the tally to `today`: open work whose first deadline fell between the tally's day and
 * today has changed state (overdue as days pass; back to in progress if the clock is set back, as a
 * test or a corrected server clock does), so its plan × unit pairs are rebuilt. The first reader of
 * a day pays for it (one indexed look at the deadlines of those days); everyone after reads the
 * kept counts. Returns how many pairs were rebuilt.
 */
export async function bringTallyUpToDate(db: Kysely<Database>, today: string): Promise<number> {
  // Read without a lock first: every reader of the day after the first finds it done, and readers
  // must not queue behind one another on the clock's row.
  const seen = await sql<{ as_of: string; rollups_as_of: string | null }>`
    select as_of::text as as_of, rollups_as_of::text as rollups_as_of from tally_clock`.execute(db);
  if (seen.rows[0]?.as_of === today && seen.rows[0]?.rollups_as_of === today) return 0;
  return db.transaction().execute(async (trx) => {
    const clock = await sql<{
      as_of: string;
      rollups_as_of: string | null;
    }>`select as_of::text as as_of, rollups_as_of::text as rollups_as_of from tally_clock for update`.execute(
      trx,
    );
    const asOf = clock.rows[0]?.as_of;
    const rollupsAsOf = clock.rows[0]?.rollups_as_of ?? null;
    if (asOf === today && rollupsAsOf === today) return 0;
    await lockForTheDay(trx);
    if (asOf === today) {
      await bringRollupsUpToDate(trx, today, rollupsAsOf);
      await sql`update tally_clock set rollups_as_of = ${today}::date`.execute(trx);
      return 0;
    }
    const [from, to] = asOf && asOf > today ? [today, asOf] : [asOf, today];
    const due = from ? sql`d.due >= ${from}::date and d.due < ${to}::date` : sql`d.due < ${to}::date`;
    const pairs = await sql<{ plan_id: string; unit_id: string }>`
      select distinct t.plan_id, w.unit_id
      from deadline d
      join work_item w on w.id = d.work_item_id
      join task t on t.id = w.task_id
      join plan p on p.id = t.plan_id and p.status <> 'draft'
      left join work_item_progress g on g.work_item_id = w.id
      where ${due} and coalesce(g.status, 'not_started') <> 'done'
        and not exists (select 1 from deadline e where e.work_item_id = w.id and e.due < d.due)`.execute(trx);
    await rebuild(
      trx,
      pairs.rows.map((r) => String(r.plan_id)),
      pairs.rows.map((r) => String(r.unit_id)),
      today,
    );
    await bringRollupsUpToDate(trx, today, asOf ? rollupsAsOf : null);
    if (asOf)
      await sql`update tally_clock set as_of = ${today}::date, rollups_as_of = ${today}::date`.execute(trx);
    else
      await sql`insert into tally_clock (as_of, rollups_as_of) values (${today}::date, ${today}::date)`.execute(
        trx,
      );
    return pairs.rows.length;
  });
}

export type Counts = Record<ProgressState, number>;

/** Which work a reader sees: all (administrators), or work of units within `reach`, or of plans issued within it. */
export type Reach = string | null;

// Rows of progress_tally pt joined to its plan p, unit u and the plan's issuer iu.
const TALLY_FROM = sql`
  progress_tally pt
  join plan p on p.id = pt.plan_id
  join unit u on u.id = pt.unit_id
  left join unit iu on iu.id = p.issuer_unit_id`;

const visible = (reach: Reach) =>
  reach === null ? sql`true` : sql`(u.path <@ ${reach}::ltree or iu.path <@ ${reach}::ltree)`;

const STATE_SUMS = sql`
  coalesce(sum(pt.n) filter (where pt.state = 'done_on_time'), 0)::int as done_on_time,
  coalesce(sum(pt.n) filter (where pt.state = 'done_late'), 0)::int as done_late,
  coalesce(sum(pt.n) filter (where pt.state = 'in_progress'), 0)::int as in_progress,
  coalesce(sum(pt.n) filter (where pt.state = 'overdue'), 0)::int as overdue`;

const toCounts = (r: Counts): Counts => ({
  done_on_time: Number(r.done_on_time),
  done_late: Number(r.done_late),
  in_progress: Number(r.in_progress),
  overdue: Number(r.overdue),
});

export interface PlanTally {
  planId: string;
  number: string | null;
  title: string | null;
  counts: Counts;
  /** The plan's reporting obligations owed to its issuer and its issuer's regime, to work out its open period. */
  unitReporting: Reporting[];
  regime: string[] | null;
  graceDays: number;
}

/** Four-state counts of every published plan within reach, newest first: one scan of the tally. */
export async function tallyByPlan(db: Db, reach: Reach): Promise<PlanTally[]> {
  const rows = await sql<
    Counts & {
      plan_id: string;
      number: string | null;
      title: string | null;
      reporting: unknown;
      issuer: string | null;
      issuer_names: string[] | null;
      regime: string[] | null;
      grace_days: number;
    }
  >`
    with counted as (
      select pt.plan_id, ${STATE_SUMS}
      from ${TALLY_FROM}
      where p.status <> 'draft' and ${visible(reach)}
      group by pt.plan_id
    )
    -- The plan's own fields are read once per plan, after counting.
    select c.*, p.number, p.title, p.grace_days, ${obligationsOf(sql`p.id`)} as reporting, p.issuer,
           array[iu.name, iu.short_name] as issuer_names,
           (select a.report_regime from unit a where a.path @> iu.path and a.report_regime is not null
            order by nlevel(a.path) desc limit 1) as regime
    from counted c join plan p on p.id = c.plan_id left join unit iu on iu.id = p.issuer_unit_id
    order by c.plan_id desc`.execute(db);
  return rows.rows.map((r) => ({
    planId: String(r.plan_id),
    number: r.number,
    title: r.title,
    counts: toCounts(r),
    unitReporting: unitsReporting((r.reporting as Reporting[]) ?? [], [
      r.issuer ?? "",
      ...(r.issuer_names ?? []).map((n) => n ?? ""),
    ]),
    regime: r.regime,
    graceDays: r.grace_days,
  }));
}

export interface UnitReporting {
  unitId: string;
  unitName: string;
  /** Plans in which the unit has work and owes a report for the plan's open period. */
  expected: number;
  /** Reports sent (submitted or accepted; a returned one is not sent until resubmitted) for those periods. */
  sent: number;
  onTime: number;
  late: number;
  /** Not sent though the period's due date has passed. */
  missing: number;
  counts: Counts;
}

/**
 * Report completeness and timeliness for each plan's open period (`periods`: plan → due date),
 * by unit (with the unit's four states) and by plan: one scan of the tally, grouped both ways.
 */
export async function reportsRollup(
  db: Db,
  reach: Reach,
  periods: ReadonlyArray<{ planId: string; due: string }>,
  today: string,
): Promise<{ byUnit: UnitReporting[]; byPlan: Map<string, { expected: number; sent: number }> }> {
  if (!periods.length) return { byUnit: [], byPlan: new Map() };
  const rows = await sql<
    Counts & {
      by_unit: boolean;
      key: string;
      name: string | null;
      expected: number;
      sent: number;
      on_time: number;
      late: number;
      missing: number;
    }
  >`
    with period(plan_id, due) as (
      select * from unnest(${periods.map((p) => p.planId)}::bigint[], ${periods.map((p) => p.due)}::date[])
    ),
    pair as (
      select pt.plan_id, pt.unit_id, u.name, u.path, ${STATE_SUMS}
      from ${TALLY_FROM}
      where p.status <> 'draft' and ${visible(reach)}
      group by pt.plan_id, pt.unit_id, u.name, u.path
    ),
    owed as (
      select pair.*, period.due,
             ${REPORT_SENT(sql`r`)} as sent,
             ${REPORT_SENT_ON_TIME(sql`r`, sql`period.due`)} as on_time
      from pair
      join period on period.plan_id = pair.plan_id
      left join report r on r.plan_id = pair.plan_id and r.unit_id = pair.unit_id and r.period_due = period.due
    )
    select grouping(plan_id) = 1 as by_unit,
           coalesce(unit_id, plan_id)::text as key, min(name) as name, min(path::text) as path,
           count(*)::int as expected,
           count(*) filter (where sent)::int as sent,
           count(*) filter (where on_time)::int as on_time,
           count(*) filter (where sent and not on_time)::int as late,
           count(*) filter (where not sent and due < ${today}::date)::int as missing,
           sum(done_on_time)::int as done_on_time, sum(done_late)::int as done_late,
           sum(in_progress)::int as in_progress, sum(overdue)::int as overdue
    from owed
    group by grouping sets ((unit_id), (plan_id))
    order by by_unit, path`.execute(db);
  const byUnit: UnitReporting[] = [];
  const byPlan = new Map<string, { expected: number; sent: number }>();
  for (const r of rows.rows) {
    if (!r.by_unit) {
      byPlan.set(String(r.key), { expected: Number(r.expected), sent: Number(r.sent) });
      continue;
    }
    byUnit.push({
      unitId: String(r.key),
      unitName: r.name ?? "",
      expected: Number(r.expected),
      sent: Number(r.sent),
      onTime: Number(r.on_time),
      late: Number(r.late),
      missing: Number(r.missing),
      counts: toCounts(r),
    });
  }
  return { byUnit, byPlan };
}

/** One task × unit work item as the overview lists it. */
export interface WorkRef {
  workItemId: string;
  planId: string;
  planNumber: string | null;
  planTitle: string | null;
  taskKey: string;
  /** 'duty': a duty of "Tổ chức thực hiện" tracked beside the tasks. */
  taskKind: "task" | "duty";
  taskTitle: string;
  unitId: string;
  unitName: string;
}

interface WorkRefRow {
  work_item_id: string;
  plan_id: string;
  number: string | null;
  plan_title: string | null;
  key: string;
  kind: "task" | "duty";
  title: string;
  unit_id: string;
  name: string;
}

// The columns of a WorkRef, over work_item w, task t, plan p and unit u.
const WORK_REF_COLUMNS = sql`w.id as work_item_id, p.id as plan_id, p.number, p.title as plan_title, t.key, t.kind, t.title,
  u.id as unit_id, u.name`;

const toWorkRef = (r: WorkRefRow): WorkRef => ({
  workItemId: String(r.work_item_id),
  planId: String(r.plan_id),
  planNumber: r.number,
  planTitle: r.plan_title,
  taskKey: r.key,
  taskKind: r.kind,
  taskTitle: r.title,
  unitId: String(r.unit_id),
  unitName: r.name,
});

export interface DueSoon extends WorkRef {
  due: string;
}

/** Views of no more units than this read what falls due from their units' own work. */
const NARROW_VIEW = 50;

/**
 * Whether a reach holds few enough units (NARROW_VIEW) that walking deadlines should start from its
 * own units rather than from the province's deadlines in due order.
 */
export async function isNarrowView(db: Db, reach: string | null): Promise<boolean> {
  if (reach === null) return false;
  const r = await sql<{
    n: number;
  }>`select count(*)::int as n from unit where path <@ ${reach}::ltree`.execute(db);
  return (r.rows[0]?.n ?? 0) <= NARROW_VIEW;
}

/**
 * Deadlines from `today` to `until` of work not yet done, soonest first (a day's in the order the
 * work was given). A wide view walks the deadlines in due order and stops at `limit`; a narrow one
 * (a school, an office) starts from its own units' work and the plans it issued, so that it does not
 * walk the whole province's deadlines to find its few.
 */
export async function upcomingDeadlines(
  db: Db,
  reach: Reach,
  today: string,
  until: string,
  limit = 30,
): Promise<DueSoon[]> {
  const within = sql`between ${today}::date and ${until}::date`;
  const narrow = await isNarrowView(db, reach);
  const deadlines = narrow
    ? sql`(select d.* from unit x join work_item xw on xw.unit_id = x.id join deadline d on d.work_item_id = xw.id
           where x.path <@ ${reach}::ltree and d.due ${within}
           union
           select d.* from unit x join plan xp on xp.issuer_unit_id = x.id join task xt on xt.plan_id = xp.id
           join work_item xw on xw.task_id = xt.id join deadline d on d.work_item_id = xw.id
           where x.path <@ ${reach}::ltree and d.due ${within})`
    : sql`deadline`;
  const rows = await sql<WorkRefRow & { due: string }>`
    select d.due::text as due, ${WORK_REF_COLUMNS}
    from ${deadlines} d
    join work_item w on w.id = d.work_item_id
    join task t on t.id = w.task_id and t.removed_at is null
    join plan p on p.id = t.plan_id
    join unit u on u.id = w.unit_id
    left join unit iu on iu.id = p.issuer_unit_id
    left join work_item_progress g on g.work_item_id = w.id
    where d.due ${within}
      and p.status = 'published' and coalesce(g.status, 'not_started') <> 'done' and ${visible(reach)}
    order by d.due, d.work_item_id
    limit ${limit}`.execute(db);
  return rows.rows.map((r) => ({ ...toWorkRef(r), due: r.due }));
}

export interface WorkInState extends WorkRef {
  role: string;
  firstDue: string | null;
  /** Every deadline of the work item, soonest first. */
  deadlines: string[];
  doneOn: string | null;
}

/** The work behind a number on the dashboard: every work item in one state, optionally of one unit. */
export async function workInState(
  db: Db,
  reach: Reach,
  state: ProgressState,
  today: string,
  unitId?: string,
  limit = 500,
): Promise<WorkInState[]> {
  const rows = await sql<
    WorkRefRow & { role: string; first_due: string | null; deadlines: string[]; done_on: string | null }
  >`
    select ${WORK_REF_COLUMNS}, w.role, fd.first_due::text as first_due, g.done_on::text as done_on,
           coalesce((select array_agg(d.due::text order by d.due) from deadline d where d.work_item_id = w.id), '{}') as deadlines
    from work_item w
    join task t on t.id = w.task_id and t.removed_at is null
    join plan p on p.id = t.plan_id
    join unit u on u.id = w.unit_id
    left join unit iu on iu.id = p.issuer_unit_id
    left join work_item_progress g on g.work_item_id = w.id
    left join lateral (select min(d.due) as first_due from deadline d where d.work_item_id = w.id) fd on true
    where p.status <> 'draft' and ${visible(reach)} and (${STATE_OF(today)}) = ${state}
      ${unitId ? sql`and w.unit_id = ${unitId}` : sql``}
    order by fd.first_due nulls last, p.id desc, t.position, u.name
    limit ${limit}`.execute(db);
  return rows.rows.map((r) => ({
    ...toWorkRef(r),
    role: r.role,
    firstDue: r.first_due,
    deadlines: r.deadlines,
    doneOn: r.done_on,
  }));
}
