// The duties of a plan's "Tổ chức thực hiện" as tracked work: stored as rows of `task` of kind
// 'duty' (keys "PC-IV.2", "PC-IV.2-3"), so work items, deadlines, reports, the four states and the
// review's edits treat them as they treat tasks. Plans imported before keep their duties as
// assignments only: their tracked work does not change under them.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table task add column kind text not null default 'task' check (kind in ('task', 'duty'))`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table task drop column if exists kind`.execute(db);
}
