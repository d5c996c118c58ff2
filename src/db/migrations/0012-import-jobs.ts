// Imports as background jobs: the file waits in the database until a reader takes it, its progress
// (pages read by OCR, tasks found) is written as it goes, and its outcome stays for the person who
// sent it — across page reloads and server restarts (a job a stopped server was running is taken
// up again; the plan itself is stored in one transaction, so nothing half-stored is ever left).

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table import_job (
      id bigint generated always as identity primary key,
      actor_id bigint references app_user (id) on delete cascade,
      file_name text not null,
      size_bytes integer not null,
      content bytea not null,
      force boolean not null default false,
      status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
      stage text not null default 'queued',
      ocr_pages_done integer,
      ocr_pages integer,
      tasks integer,
      result jsonb,
      error jsonb,
      attempts integer not null default 0,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      finished_at timestamptz
    )`.execute(db);
  await sql`create index import_job_waiting on import_job (id) where status in ('queued', 'running')`.execute(
    db,
  );
  await sql`create index import_job_actor on import_job (actor_id, id desc)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists import_job`.execute(db);
}
