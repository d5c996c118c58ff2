// Kept counts for the dashboard. On a deadline day every leader opens the overview while every
// unit submits; a live four-state roll-up scans every work item (0.7 s for a million), so the
// overview reads this tally instead: per plan, unit and state, how many work items.
// It is rebuilt for a plan when the plan is published and for a plan × unit when a report of that
// unit is accepted (rebuilt, not adjusted, so it cannot drift from the work items). Open work
// turns from "in progress" to "overdue" as days pass: tally_clock keeps the day the tally was
// last brought up to date, and the first reader of a new day rebuilds the pairs whose first
// deadline fell in between.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table progress_tally (
      plan_id bigint not null references plan (id) on delete cascade,
      unit_id bigint not null references unit (id),
      state text not null check (state in ('done_on_time', 'done_late', 'in_progress', 'overdue')),
      n integer not null check (n > 0),
      primary key (plan_id, unit_id, state)
    )`.execute(db);
  await sql`create index progress_tally_unit on progress_tally (unit_id)`.execute(db);
  await sql`
    create table tally_clock (
      id boolean primary key default true check (id),
      as_of date not null
    )`.execute(db);
  // Plans published before this table existed, counted as of today.
  await sql`
    insert into progress_tally (plan_id, unit_id, state, n)
    select t.plan_id, w.unit_id,
           case when coalesce(g.status, 'not_started') = 'done' then
                  case when g.done_on is null or fd.first_due is null or g.done_on <= fd.first_due
                       then 'done_on_time' else 'done_late' end
                when fd.first_due < current_date then 'overdue'
                else 'in_progress' end,
           count(*)
    from work_item w
    join task t on t.id = w.task_id
    join plan p on p.id = t.plan_id and p.status <> 'draft'
    left join work_item_progress g on g.work_item_id = w.id
    left join lateral (select min(d.due) as first_due from deadline d where d.work_item_id = w.id) fd on true
    group by 1, 2, 3`.execute(db);
  await sql`insert into tally_clock (as_of) values (current_date)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists tally_clock`.execute(db);
  await sql`drop table if exists progress_tally`.execute(db);
}
