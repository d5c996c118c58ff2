// Unit reports per reporting period: per task a status, results, difficulties and proposals, with
// files attached; draft → submitted → returned (with a comment) → submitted … → accepted.
// work_item_progress keeps each work item's latest accepted state, so the dashboard counts rows of
// that small table rather than scanning reports.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table report (
      id bigint generated always as identity primary key,
      plan_id bigint not null references plan (id) on delete cascade,
      unit_id bigint not null references unit (id),
      period_due date not null,
      status text not null default 'draft' check (status in ('draft', 'submitted', 'returned', 'accepted')),
      submitted_at timestamptz,
      reviewed_at timestamptz,
      reviewer_id bigint references app_user (id),
      review_comment text,
      updated_at timestamptz not null default now(),
      unique (plan_id, unit_id, period_due)
    )`.execute(db);
  await sql`
    create table report_item (
      report_id bigint not null references report (id) on delete cascade,
      work_item_id bigint not null references work_item (id) on delete cascade,
      status text not null check (status in ('not_started', 'in_progress', 'done')),
      results text not null default '',
      difficulties text not null default '',
      proposals text not null default '',
      evidence text not null default '',
      done_on date,
      primary key (report_id, work_item_id)
    )`.execute(db);
  await sql`
    create table report_attachment (
      id bigint generated always as identity primary key,
      report_id bigint not null references report (id) on delete cascade,
      file_name text not null,
      media_type text not null,
      size_bytes integer not null,
      sha256 text not null,
      content bytea not null
    )`.execute(db);
  await sql`
    create table work_item_progress (
      work_item_id bigint primary key references work_item (id) on delete cascade,
      status text not null check (status in ('not_started', 'in_progress', 'done')),
      done_on date,
      report_id bigint references report (id) on delete set null,
      updated_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["work_item_progress", "report_attachment", "report_item", "report"])
    await sql`drop table if exists ${sql.table(t)}`.execute(db);
}
