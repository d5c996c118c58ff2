// Trust basics: edits carry a version so that two people editing one plan or task at once cannot
// both win silently; every change is written to an append-only audit log; sessions are stored by
// the hash of their id, so a copy of the database holds no session anyone could use; a file is
// recognised as imported again only within the body that keeps it (two bodies may track one plan).

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table plan add column version integer not null default 1`.execute(db);
  await sql`alter table task add column version integer not null default 1`.execute(db);

  await sql`
    create table audit_event (
      id bigint generated always as identity primary key,
      at timestamptz not null,
      actor_id bigint,
      actor_login text,
      action text not null check (action ~ '^[a-z_]+\\.[a-z_]+$'),
      object_type text not null,
      object_id text,
      before jsonb,
      after jsonb
    )`.execute(db);
  await sql`create index audit_event_at on audit_event (at desc, id desc)`.execute(db);
  await sql`create index audit_event_object on audit_event (object_type, object_id)`.execute(db);
  // Append-only: nothing, not even the application, edits or deletes what the log says.
  await sql`
    create function audit_event_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_event is append-only' using errcode = '55000';
    end $$`.execute(db);
  await sql`
    create trigger audit_event_no_change before update or delete on audit_event
    for each row execute function audit_event_append_only()`.execute(db);
  await sql`
    create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only()`.execute(db);

  // Sessions were stored by their id in clear: they are dropped (everyone signs in again) and from
  // now on the row's id is the SHA-256 of the cookie's value.
  await sql`delete from app_session`.execute(db);

  await sql`alter table document add column keeper_unit_id bigint references unit (id)`.execute(db);
  await sql`
    update document d set keeper_unit_id = p.issuer_unit_id from plan p where p.document_id = d.id`.execute(
    db,
  );
  await sql`alter table document drop constraint document_sha256_key`.execute(db);
  await sql`create unique index document_sha256_keeper on document (sha256, keeper_unit_id) nulls not distinct`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists document_sha256_keeper`.execute(db);
  await sql`alter table document drop column if exists keeper_unit_id`.execute(db);
  await sql`alter table document add constraint document_sha256_key unique (sha256)`.execute(db);
  await sql`drop table if exists audit_event`.execute(db);
  await sql`drop function if exists audit_event_append_only`.execute(db);
  await sql`alter table task drop column if exists version`.execute(db);
  await sql`alter table plan drop column if exists version`.execute(db);
}
