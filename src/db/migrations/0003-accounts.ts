// Accounts bound to a unit and a role, and server-side sessions (the cookie holds only their id).

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table app_user (
      id bigint generated always as identity primary key,
      login text not null unique check (login ~ '^[a-z0-9._@-]{3,64}$'),
      display_name text not null check (length(trim(display_name)) between 1 and 120),
      unit_id bigint not null references unit (id),
      role text not null check (role in ('admin', 'plan_officer', 'unit_officer', 'leader')),
      password_hash text not null,
      active boolean not null default true,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table app_session (
      id text primary key check (length(id) = 64),
      user_id bigint not null references app_user (id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`.execute(db);
  await sql`create index app_session_user on app_session (user_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists app_session`.execute(db);
  await sql`drop table if exists app_user`.execute(db);
}
