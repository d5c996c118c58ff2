// Telling people: notifications in the app (one per event and person: the unique key makes a
// reminder computed twice — after a restart, or by a second server — one row), the mail waiting to
// go out (a durable outbox, retried with backoff, its failures kept for administrators), each
// person's address and choices, and the day the reminders were last computed.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table app_user add column email text
    check (email is null or email ~ '^[^@[:space:]]+@[^@[:space:]]+[.][^@[:space:]]+$')`.execute(db);
  // Days before a due date that its units are reminded (per plan): a week, three days, the day before.
  await sql`alter table plan add column reminder_days integer[] not null default '{7,3,1}'`.execute(db);
  await sql`
    create table notification (
      id bigint generated always as identity primary key,
      user_id bigint not null references app_user (id) on delete cascade,
      kind text not null,
      event_key text not null,
      title text not null,
      body text not null default '',
      link text not null,
      created_at timestamptz not null default now(),
      read_at timestamptz,
      unique (user_id, event_key)
    )`.execute(db);
  await sql`create index notification_user on notification (user_id, id desc)`.execute(db);
  await sql`
    create table mail_outbox (
      id bigint generated always as identity primary key,
      user_id bigint references app_user (id) on delete cascade,
      to_address text not null,
      dedupe_key text not null unique,
      subject text not null,
      text_body text not null,
      html_body text not null,
      status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null default now(),
      last_error text,
      created_at timestamptz not null default now(),
      sent_at timestamptz
    )`.execute(db);
  await sql`create index mail_outbox_due on mail_outbox (next_attempt_at) where status in ('pending', 'sending')`.execute(
    db,
  );
  await sql`
    create table notify_pref (
      user_id bigint primary key references app_user (id) on delete cascade,
      mode text not null default 'each' check (mode in ('each', 'digest', 'none')),
      muted text[] not null default '{}'
    )`.execute(db);
  await sql`
    create table reminder_day (
      day date primary key,
      computed_at timestamptz not null default now(),
      notifications integer not null default 0
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["reminder_day", "notify_pref", "mail_outbox", "notification"])
    await sql`drop table if exists ${sql.table(t)}`.execute(db);
  await sql`alter table app_user drop column if exists email`.execute(db);
  await sql`alter table plan drop column if exists reminder_days`.execute(db);
}
