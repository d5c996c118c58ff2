// People and posts as doers. A unit's staff: named members (with an account or without one) and
// posts ("Giám đốc Sở", "Trưởng đoàn"). A task's unit reference may name staff members beside its
// unit (task_unit.staff_ids): the work item stays the unit's, and names the person — who sees it in
// "my work" when the staff member has an account.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table staff (
      id bigint generated always as identity primary key,
      unit_id bigint not null references unit (id),
      name text check (name is null or length(trim(name)) between 1 and 120),
      post text check (post is null or length(trim(post)) between 1 and 120),
      -- The folded name (or post, for a post with nobody named): what the plans' names are matched by.
      match_key text not null,
      user_id bigint unique references app_user (id) on delete set null,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      check (name is not null or post is not null)
    )`.execute(db);
  await sql`create unique index staff_unit_match on staff (unit_id, match_key) where active`.execute(db);
  await sql`create index staff_match on staff (match_key) where active`.execute(db);
  await sql`alter table task_unit add column staff_ids bigint[] not null default '{}'`.execute(db);
  await sql`alter table task_unit drop constraint if exists task_unit_method_check`.execute(db);
  await sql`alter table task_unit add constraint task_unit_method_check
    check (method in ('exact', 'issuer', 'collective', 'similar', 'review', 'person'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table task_unit drop column if exists staff_ids`.execute(db);
  await sql`drop table if exists staff`.execute(db);
}
