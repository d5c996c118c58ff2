// Amendments: a plan that amends another ("Kế hoạch điều chỉnh, bổ sung Kế hoạch số …") names it;
// publishing it changes the tracked work of the plan it amends, and each change is kept with its
// basis — the task added, removed (its work no longer counted, its reports kept), its deadline or
// its lead changed, what it was and what it became.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table plan add column amends_plan_id bigint references plan (id) on delete set null`.execute(
    db,
  );
  await sql`alter table task add column removed_at timestamptz`.execute(db);
  await sql`
    create table task_change (
      id bigint generated always as identity primary key,
      task_id bigint not null references task (id) on delete cascade,
      amendment_plan_id bigint references plan (id) on delete set null,
      change text not null check (change in ('added', 'removed', 'deadline', 'lead')),
      before jsonb,
      after jsonb,
      basis text not null,
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index task_change_task on task_change (task_id, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists task_change`.execute(db);
  await sql`alter table task drop column if exists removed_at`.execute(db);
  await sql`alter table plan drop column if exists amends_plan_id`.execute(db);
}
