// The dashboard's kept counts (table progress_tally, see migration 0005): rebuilt for a plan on
// publication and for a plan × unit on an accepted report; read with the day's date, which splits
// open work into "in progress within the deadline" and "overdue".

import { sql } from "kysely";
import type { ProgressState } from "../domain/progress.js";
import type { Db } from "./schema.js";

/** Rebuilds the tally of one plan, or of one unit's work in it. Run it in the writing transaction. */
export async function refreshTally(db: Db, planId: string, unitId?: string): Promise<void> {
  const unitFilter = unitId ? sql`and w.unit_id = ${unitId}` : sql``;
  await sql`delete from progress_tally where plan_id = ${planId} ${unitId ? sql`and unit_id = ${unitId}` : sql``}`.execute(
    db,
  );
  // The same rule as domain/progress.ts classify(): done work is on time when done by its first
  // deadline (or when it has none); open work keeps its first deadline for the reader's day.
  await sql`
    insert into progress_tally (plan_id, unit_id, state, first_due, n)
    select t.plan_id, w.unit_id,
           case when coalesce(g.status, 'not_started') <> 'done' then 'open'
                when g.done_on is null or fd.first_due is null or g.done_on <= fd.first_due then 'done_on_time'
                else 'done_late' end,
           case when coalesce(g.status, 'not_started') <> 'done' then fd.first_due end,
           count(*)
    from work_item w
    join task t on t.id = w.task_id
    join plan p on p.id = t.plan_id and p.status <> 'draft'
    left join work_item_progress g on g.work_item_id = w.id
    left join lateral (select min(d.due) as first_due from deadline d where d.work_item_id = w.id) fd on true
    where t.plan_id = ${planId} ${unitFilter}
    group by 1, 2, 3, 4`.execute(db);
}

export type Counts = Record<ProgressState, number>;

/** Which work a reader sees: all (administrators), or work of units within `reach`, or of plans issued within it. */
export type Reach = string | null;

const visible = (reach: Reach) =>
  reach === null
    ? sql`true`
    : sql`(u.path <@ ${reach}::ltree or exists (select 1 from unit iu where iu.id = p.issuer_unit_id and iu.path <@ ${reach}::ltree))`;

const STATE_SUMS = (today: string) => sql`
  coalesce(sum(pt.n) filter (where pt.state = 'done_on_time'), 0)::int as done_on_time,
  coalesce(sum(pt.n) filter (where pt.state = 'done_late'), 0)::int as done_late,
  coalesce(sum(pt.n) filter (where pt.state = 'open' and (pt.first_due is null or pt.first_due >= ${today}::date)), 0)::int as in_progress,
  coalesce(sum(pt.n) filter (where pt.state = 'open' and pt.first_due < ${today}::date), 0)::int as overdue`;

const toCounts = (r: Counts): Counts => ({
  done_on_time: Number(r.done_on_time),
  done_late: Number(r.done_late),
  in_progress: Number(r.in_progress),
  overdue: Number(r.overdue),
});

/** Four-state counts per published plan within reach, newest plans first. */
export async function tallyByPlan(
  db: Db,
  reach: Reach,
  today: string,
  limit = 200,
): Promise<Array<{ planId: string; number: string | null; title: string | null; counts: Counts }>> {
  const rows = await sql<Counts & { plan_id: string; number: string | null; title: string | null }>`
    select p.id as plan_id, p.number, p.title, ${STATE_SUMS(today)}
    from progress_tally pt join plan p on p.id = pt.plan_id join unit u on u.id = pt.unit_id
    where p.status <> 'draft' and ${visible(reach)}
    group by p.id order by p.id desc limit ${limit}`.execute(db);
  return rows.rows.map((r) => ({
    planId: String(r.plan_id),
    number: r.number,
    title: r.title,
    counts: toCounts(r),
  }));
}

/** Four-state counts over every published plan within reach. */
export async function tallyTotals(db: Db, reach: Reach, today: string): Promise<Counts> {
  const r = await sql<Counts>`
    select ${STATE_SUMS(today)}
    from progress_tally pt join plan p on p.id = pt.plan_id join unit u on u.id = pt.unit_id
    where p.status <> 'draft' and ${visible(reach)}`.execute(db);
  return toCounts(r.rows[0] ?? { done_on_time: 0, done_late: 0, in_progress: 0, overdue: 0 });
}

export interface UnitReporting {
  unitId: string;
  unitName: string;
  /** Plans in which the unit has work and owes a report for the plan's open period. */
  expected: number;
  /** Reports sent (submitted, returned or accepted) for those periods. */
  sent: number;
  onTime: number;
  late: number;
  /** Not sent though the period's due date has passed. */
  missing: number;
  counts: Counts;
}

/**
 * Report completeness and timeliness by unit for each plan's open period, with the unit's four
 * states: `periods` gives each plan's open period ("2026-12-15").
 */
export async function reportingByUnit(
  db: Db,
  reach: Reach,
  periods: ReadonlyArray<{ planId: string; due: string }>,
  today: string,
): Promise<UnitReporting[]> {
  if (!periods.length) return [];
  const rows = await sql<
    Counts & {
      unit_id: string;
      name: string;
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
      select pt.plan_id, pt.unit_id, ${STATE_SUMS(today)}
      from progress_tally pt join plan p on p.id = pt.plan_id join unit u on u.id = pt.unit_id
      where p.status <> 'draft' and ${visible(reach)}
      group by pt.plan_id, pt.unit_id
    )
    select pair.unit_id, u.name,
           count(*)::int as expected,
           count(r.id) filter (where r.status <> 'draft')::int as sent,
           count(r.id) filter (where r.status <> 'draft' and r.submitted_at::date <= period.due)::int as on_time,
           count(r.id) filter (where r.status <> 'draft' and r.submitted_at::date > period.due)::int as late,
           count(*) filter (where (r.id is null or r.status = 'draft') and period.due < ${today}::date)::int as missing,
           sum(pair.done_on_time)::int as done_on_time, sum(pair.done_late)::int as done_late,
           sum(pair.in_progress)::int as in_progress, sum(pair.overdue)::int as overdue
    from pair
    join period on period.plan_id = pair.plan_id
    join unit u on u.id = pair.unit_id
    left join report r on r.plan_id = pair.plan_id and r.unit_id = pair.unit_id and r.period_due = period.due
    group by pair.unit_id, u.name, u.path
    order by u.path`.execute(db);
  return rows.rows.map((r) => ({
    unitId: String(r.unit_id),
    unitName: r.name,
    expected: Number(r.expected),
    sent: Number(r.sent),
    onTime: Number(r.on_time),
    late: Number(r.late),
    missing: Number(r.missing),
    counts: toCounts(r),
  }));
}

export interface DueSoon {
  due: string;
  workItemId: string;
  planId: string;
  planNumber: string | null;
  taskKey: string;
  taskTitle: string;
  unitId: string;
  unitName: string;
}

/** Deadlines from `today` to `until` of work not yet done, soonest first. */
export async function upcomingDeadlines(
  db: Db,
  reach: Reach,
  today: string,
  until: string,
  limit = 30,
): Promise<DueSoon[]> {
  const rows = await sql<{
    due: string;
    work_item_id: string;
    plan_id: string;
    number: string | null;
    key: string;
    title: string;
    unit_id: string;
    name: string;
  }>`
    select d.due::text as due, w.id as work_item_id, p.id as plan_id, p.number, t.key, t.title, u.id as unit_id, u.name
    from deadline d
    join work_item w on w.id = d.work_item_id
    join task t on t.id = w.task_id
    join plan p on p.id = t.plan_id
    join unit u on u.id = w.unit_id
    left join work_item_progress g on g.work_item_id = w.id
    where d.due between ${today}::date and ${until}::date
      and p.status = 'published' and coalesce(g.status, 'not_started') <> 'done' and ${visible(reach)}
    order by d.due, p.id, t.position, u.name
    limit ${limit}`.execute(db);
  return rows.rows.map((r) => ({
    due: r.due,
    workItemId: String(r.work_item_id),
    planId: String(r.plan_id),
    planNumber: r.number,
    taskKey: r.key,
    taskTitle: r.title,
    unitId: String(r.unit_id),
    unitName: r.name,
  }));
}

export interface WorkInState {
  workItemId: string;
  planId: string;
  planNumber: string | null;
  taskKey: string;
  taskTitle: string;
  unitId: string;
  unitName: string;
  role: string;
  firstDue: string | null;
  doneOn: string | null;
}

// The rule of domain/progress.ts classify(), as SQL over one work item (g: its progress, fd: its first deadline).
const IN_STATE: Record<ProgressState, (today: string) => ReturnType<typeof sql>> = {
  done_on_time: () =>
    sql`g.status = 'done' and (g.done_on is null or fd.first_due is null or g.done_on <= fd.first_due)`,
  done_late: () => sql`g.status = 'done' and g.done_on > fd.first_due`,
  in_progress: (today) =>
    sql`coalesce(g.status, 'not_started') <> 'done' and (fd.first_due is null or fd.first_due >= ${today}::date)`,
  overdue: (today) => sql`coalesce(g.status, 'not_started') <> 'done' and fd.first_due < ${today}::date`,
};

/** The work behind a number on the dashboard: every work item in one state, optionally of one unit. */
export async function workInState(
  db: Db,
  reach: Reach,
  state: ProgressState,
  today: string,
  unitId?: string,
  limit = 500,
): Promise<WorkInState[]> {
  const rows = await sql<{
    work_item_id: string;
    plan_id: string;
    number: string | null;
    key: string;
    title: string;
    unit_id: string;
    name: string;
    role: string;
    first_due: string | null;
    done_on: string | null;
  }>`
    select w.id as work_item_id, p.id as plan_id, p.number, t.key, t.title, u.id as unit_id, u.name, w.role,
           fd.first_due::text as first_due, g.done_on::text as done_on
    from work_item w
    join task t on t.id = w.task_id
    join plan p on p.id = t.plan_id
    join unit u on u.id = w.unit_id
    left join work_item_progress g on g.work_item_id = w.id
    left join lateral (select min(d.due) as first_due from deadline d where d.work_item_id = w.id) fd on true
    where p.status <> 'draft' and ${visible(reach)} and ${IN_STATE[state](today)}
      ${unitId ? sql`and w.unit_id = ${unitId}` : sql``}
    order by fd.first_due nulls last, p.id desc, t.position, u.name
    limit ${limit}`.execute(db);
  return rows.rows.map((r) => ({
    workItemId: String(r.work_item_id),
    planId: String(r.plan_id),
    planNumber: r.number,
    taskKey: r.key,
    taskTitle: r.title,
    unitId: String(r.unit_id),
    unitName: r.name,
    role: r.role,
    firstDue: r.first_due,
    doneOn: r.done_on,
  }));
}

/** Per plan: units that owe a report for the plan's open period, and how many have sent it. */
export async function reportsInByPlan(
  db: Db,
  reach: Reach,
  periods: ReadonlyArray<{ planId: string; due: string }>,
): Promise<Map<string, { expected: number; sent: number }>> {
  if (!periods.length) return new Map();
  const rows = await sql<{ plan_id: string; expected: number; sent: number }>`
    with period(plan_id, due) as (
      select * from unnest(${periods.map((p) => p.planId)}::bigint[], ${periods.map((p) => p.due)}::date[])
    ),
    pair as (
      select distinct pt.plan_id, pt.unit_id
      from progress_tally pt join plan p on p.id = pt.plan_id join unit u on u.id = pt.unit_id
      where p.status <> 'draft' and ${visible(reach)}
    )
    select pair.plan_id, count(*)::int as expected, count(r.id) filter (where r.status <> 'draft')::int as sent
    from pair join period on period.plan_id = pair.plan_id
    left join report r on r.plan_id = pair.plan_id and r.unit_id = pair.unit_id and r.period_due = period.due
    group by pair.plan_id`.execute(db);
  return new Map(
    rows.rows.map((r) => [String(r.plan_id), { expected: Number(r.expected), sent: Number(r.sent) }]),
  );
}
