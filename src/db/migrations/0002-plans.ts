// Documents, plans and what they order: tasks with their lead and coordinating units, the tracked
// work (one row per task × unit) with its dated deadlines, references, duties, reporting duties,
// and the review list of what could not be settled.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table document (
      id bigint generated always as identity primary key,
      sha256 text not null unique check (sha256 ~ '^[0-9a-f]{64}$'),
      file_name text not null,
      media_type text not null,
      size_bytes integer not null check (size_bytes >= 0),
      content bytea not null,
      text text not null,
      imported_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table plan (
      id bigint generated always as identity primary key,
      document_id bigint not null unique references document (id) on delete cascade,
      type text,
      number text,
      issuer text,
      issuer_unit_id bigint references unit (id),
      parent_issuer text,
      place text,
      issued_on date,
      year integer,
      title text,
      signer jsonb,
      recipients jsonb not null default '[]',
      status text not null default 'draft' check (status in ('draft', 'published', 'closed')),
      parsed jsonb not null,
      search_text text not null default '',
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index plan_search_trgm on plan using gin (search_text gin_trgm_ops)`.execute(db);
  await sql`create index plan_number on plan (number)`.execute(db);
  await sql`
    create table plan_reference (
      plan_id bigint not null references plan (id) on delete cascade,
      position integer not null,
      type text,
      number text not null,
      ref_date date,
      issuer text,
      relation text not null check (relation in ('implements', 'basis', 'cited')),
      target_plan_id bigint references plan (id) on delete set null,
      candidate_plan_ids bigint[] not null default '{}',
      primary key (plan_id, number)
    )`.execute(db);
  await sql`create index plan_reference_target on plan_reference (target_plan_id)`.execute(db);
  await sql`create index plan_reference_number on plan_reference (number)`.execute(db);
  await sql`
    create table task (
      id bigint generated always as identity primary key,
      plan_id bigint not null references plan (id) on delete cascade,
      key text not null,
      position integer not null,
      title text not null,
      content text not null,
      timeframe jsonb,
      products jsonb not null default '[]',
      span_start integer,
      span_end integer,
      search_text text not null default '',
      unique (plan_id, key)
    )`.execute(db);
  await sql`create index task_search_trgm on task using gin (search_text gin_trgm_ops)`.execute(db);
  await sql`
    create table task_unit (
      id bigint generated always as identity primary key,
      task_id bigint not null references task (id) on delete cascade,
      role text not null check (role in ('lead', 'cooperate')),
      position integer not null,
      unit_text text not null,
      method text not null check (method in ('exact', 'issuer', 'collective', 'similar', 'review')),
      unit_ids bigint[] not null default '{}',
      candidates jsonb not null default '[]'
    )`.execute(db);
  await sql`create index task_unit_task on task_unit (task_id)`.execute(db);
  await sql`
    create table work_item (
      id bigint generated always as identity primary key,
      task_id bigint not null references task (id) on delete cascade,
      unit_id bigint not null references unit (id),
      role text not null check (role in ('lead', 'cooperate')),
      unique (task_id, unit_id, role)
    )`.execute(db);
  await sql`create index work_item_unit on work_item (unit_id)`.execute(db);
  await sql`
    create table deadline (
      work_item_id bigint not null references work_item (id) on delete cascade,
      due date not null,
      original boolean not null default true,
      primary key (work_item_id, due)
    )`.execute(db);
  await sql`create index deadline_due on deadline (due)`.execute(db);
  await sql`
    create table assignment (
      plan_id bigint not null references plan (id) on delete cascade,
      key text not null,
      position integer not null,
      units jsonb not null,
      duties jsonb not null,
      primary key (plan_id, key)
    )`.execute(db);
  await sql`
    create table reporting_obligation (
      id bigint generated always as identity primary key,
      plan_id bigint not null references plan (id) on delete cascade,
      position integer not null,
      from_units jsonb not null,
      to_units jsonb not null,
      via text,
      timeframe jsonb not null,
      text text not null
    )`.execute(db);
  await sql`
    create table review_item (
      id bigint generated always as identity primary key,
      plan_id bigint not null references plan (id) on delete cascade,
      kind text not null check (kind in ('unit', 'reference', 'warning')),
      subject text not null,
      detail jsonb not null default '{}',
      resolved boolean not null default false,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index review_item_plan on review_item (plan_id) where not resolved`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "review_item",
    "reporting_obligation",
    "assignment",
    "deadline",
    "work_item",
    "task_unit",
    "task",
    "plan_reference",
    "plan",
    "document",
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
