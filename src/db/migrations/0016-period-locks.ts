// Period locks: a reporting period stays open its plan's grace days after its due date, then
// locks; a unit whose report of a locked period was not sent asks to reopen it with a reason, and
// the plan officers of the issuing body grant it (for a number of days) or refuse it with a comment.
// One pending request per unit, plan and period; the decisions are kept, so a period's history shows.
// A plan keeps the day it was published: a period that fell due before it owes no report.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table plan add column grace_days integer not null default 10
    check (grace_days between 0 and 90)`.execute(db);
  await sql`alter table plan add column published_on date`.execute(db);
  await sql`update plan set published_on = created_at::date where status <> 'draft'`.execute(db);
  await sql`
    create table reopen_request (
      id bigint generated always as identity primary key,
      plan_id bigint not null references plan (id) on delete cascade,
      unit_id bigint not null references unit (id) on delete cascade,
      period_due date not null,
      reason text not null check (length(trim(reason)) between 1 and 2000),
      requested_by bigint references app_user (id) on delete set null,
      requested_at timestamptz not null,
      status text not null default 'pending' check (status in ('pending', 'granted', 'refused')),
      decided_by bigint references app_user (id) on delete set null,
      decided_at timestamptz,
      comment text,
      open_until date
    )`.execute(db);
  await sql`create unique index reopen_one_pending on reopen_request (plan_id, unit_id, period_due)
    where status = 'pending'`.execute(db);
  await sql`create index reopen_of_plan on reopen_request (plan_id, period_due, unit_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists reopen_request`.execute(db);
  await sql`alter table plan drop column if exists grace_days`.execute(db);
  await sql`alter table plan drop column if exists published_on`.execute(db);
}
