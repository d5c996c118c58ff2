// Edits of a draft plan's task list (a task added, deleted, merged into another, split in two,
// moved, a section marked "not tasks"), kept so each can be undone until publication: what an edit took out (the tasks
// with their units, as they were), the keys it made, and the flags it closed.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table task_edit (
      id bigint generated always as identity primary key,
      plan_id bigint not null references plan (id) on delete cascade,
      action text not null check (action in ('add', 'delete', 'merge', 'split', 'move', 'not_tasks')),
      summary text not null,
      removed jsonb not null default '[]',
      created text[] not null default '{}',
      settled_flags bigint[] not null default '{}',
      actor_id bigint,
      at timestamptz not null,
      undone_at timestamptz
    )`.execute(db);
  await sql`create index task_edit_plan on task_edit (plan_id, id desc)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists task_edit`.execute(db);
}
