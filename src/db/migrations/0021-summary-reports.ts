// The summary report of a plan's period as its officers edited it: compiled from the accepted unit
// reports when first opened, kept once saved (with a version, so that two clerks editing at once do
// not overwrite each other), until someone compiles it again.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table summary_report (
      plan_id bigint not null references plan (id) on delete cascade,
      period_due date not null,
      content jsonb not null,
      version integer not null default 1 check (version > 0),
      updated_by bigint references app_user (id) on delete set null,
      updated_at timestamptz not null,
      primary key (plan_id, period_due)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists summary_report`.execute(db);
}
