// Extensions ("gia hạn"): the lead unit asks for a new date with a reason (and a basis document);
// the plan officer approves or refuses with a comment. An approved date replaces the deadline it
// extends, and the change is kept (from, to, by which request) — the original date is never lost:
// lists say "gia hạn N lần, hạn gốc dd/mm/yyyy".

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table extension_request (
      id bigint generated always as identity primary key,
      work_item_id bigint not null references work_item (id) on delete cascade,
      from_due date not null,
      requested_due date not null check (requested_due > from_due),
      reason text not null check (length(trim(reason)) between 1 and 2000),
      basis text,
      requested_by bigint references app_user (id) on delete set null,
      requested_at timestamptz not null,
      status text not null default 'pending' check (status in ('pending', 'approved', 'refused')),
      decided_by bigint references app_user (id) on delete set null,
      decided_at timestamptz,
      comment text
    )`.execute(db);
  await sql`create unique index extension_one_pending on extension_request (work_item_id) where status = 'pending'`.execute(
    db,
  );
  await sql`create index extension_work_item on extension_request (work_item_id, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists extension_request`.execute(db);
}
