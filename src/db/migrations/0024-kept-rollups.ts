// Dashboard rollups kept on write: per plan and per unit, the four states and where the reports of
// each plan's open period stand, so a leader's overview reads one row per plan and per unit shown
// instead of grouping every plan × unit pair of the province on each request (issue 13: 0.5 s of
// database time per overview over 1,000,000 work items).
//
// The rows are filled by the day's bringing up to date (db/rollups.repository.ts): a new
// installation, or one upgraded to this version, has them built by the scheduler's first round or
// the first reader, whichever comes first — `rollups_as_of` null says they are not built yet.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table plan_rollup (
      plan_id bigint primary key references plan (id) on delete cascade,
      -- The plan's open period on the day the row was made: the reports below are of this period.
      period_due date not null,
      done_on_time integer not null default 0,
      done_late integer not null default 0,
      in_progress integer not null default 0,
      overdue integer not null default 0,
      -- Units with work in the plan (each owes the period's report), those that sent it, in time.
      expected integer not null default 0,
      sent integer not null default 0,
      on_time integer not null default 0
    )`.execute(db);
  await sql`
    create table unit_rollup (
      unit_id bigint primary key references unit (id) on delete cascade,
      done_on_time integer not null default 0,
      done_late integer not null default 0,
      in_progress integer not null default 0,
      overdue integer not null default 0,
      -- Over the plans the unit has work in, each at its open period.
      expected integer not null default 0,
      sent integer not null default 0,
      on_time integer not null default 0,
      late integer not null default 0,
      missing integer not null default 0,
      -- Work warranting each warning today (domain/warnings.ts), summed from warning_tally.
      w_overdue integer not null default 0,
      w_due_soon integer not null default 0,
      w_not_started integer not null default 0,
      w_behind integer not null default 0,
      w_no_update integer not null default 0
    )`.execute(db);
  // Work of a plan × unit warranting each kind of warning on the day it was counted: warnings turn on
  // the day itself, so the day's bringing up to date counts them all again.
  await sql`
    create table warning_tally (
      plan_id bigint not null references plan (id) on delete cascade,
      unit_id bigint not null references unit (id),
      kind text not null check (kind in ('overdue', 'due_soon', 'not_started', 'behind', 'no_update')),
      n integer not null check (n > 0),
      primary key (plan_id, unit_id, kind)
    )`.execute(db);
  await sql`create index warning_tally_unit on warning_tally (unit_id)`.execute(db);
  // A plan's work given to units outside its issuer's own tree (another department, the police):
  // the one part of a plan a leader sees through the plan rather than through the unit, found by
  // this index instead of a scan of every pair.
  await sql`alter table progress_tally add column outside boolean not null default false`.execute(db);
  await sql`
    update progress_tally pt set outside = true
    from plan p, unit u, unit iu
    where p.id = pt.plan_id and u.id = pt.unit_id and iu.id = p.issuer_unit_id and not (u.path <@ iu.path)`.execute(
    db,
  );
  await sql`create index progress_tally_outside on progress_tally (plan_id) where outside`.execute(db);
  await sql`alter table tally_clock add column rollups_as_of date`.execute(db);
  // What falls due next is read in due order and stops at the first thirty within view; a day on
  // which thousands of pieces of work fall due (30/6, 31/12) is walked in this order, not sorted.
  await sql`create index deadline_due_item on deadline (due, work_item_id)`.execute(db);
  await sql`drop index if exists deadline_due`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index if not exists deadline_due on deadline (due)`.execute(db);
  await sql`drop index if exists deadline_due_item`.execute(db);
  await sql`alter table tally_clock drop column if exists rollups_as_of`.execute(db);
  await sql`drop index if exists progress_tally_outside`.execute(db);
  await sql`alter table progress_tally drop column if exists outside`.execute(db);
  await sql`drop table if exists warning_tally`.execute(db);
  await sql`drop table if exists unit_rollup`.execute(db);
  await sql`drop table if exists plan_rollup`.execute(db);
}
