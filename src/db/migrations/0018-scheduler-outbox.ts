// The scheduler's bookkeeping, so that a tick with nothing to do reads next to nothing. A
// notification records when its mail was seen to (queued, or found not wanted: no address, a
// digest or no mail chosen, muted, too old), in the transaction that queues it; only those not yet
// seen to are indexed. A notification's message is queued as a reference to it (written when sent),
// so a day's 50,000 are queued inside the database. A day records when its digests were queued, so
// they are looked for once. The outbox is claimed through an index in the order messages are taken,
// and a stopped sender's messages are found through one of their own.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table notification add column mail_seen_at timestamptz`.execute(db);
  // What the outbox holds was seen to; the rest is looked at by the next tick (mailed if recent).
  await sql`update notification n set mail_seen_at = m.created_at
    from mail_outbox m where m.dedupe_key = 'n:' || n.id`.execute(db);
  await sql`create index notification_mail_unseen on notification (id) where mail_seen_at is null`.execute(
    db,
  );
  // The morning digest reads a day of notifications.
  await sql`create index notification_created on notification (created_at)`.execute(db);
  await sql`alter table reminder_day add column digests_queued_at timestamptz`.execute(db);
  // A notification's message is queued as a reference to it, by one statement in the database, and
  // written when it is sent; other messages (digests) keep what they say.
  await sql`alter table mail_outbox add column notification_id bigint references notification (id) on delete cascade`.execute(
    db,
  );
  for (const column of ["subject", "text_body", "html_body"])
    await sql`alter table mail_outbox alter column ${sql.ref(column)} drop not null`.execute(db);
  await sql`alter table mail_outbox add constraint mail_outbox_says_something check (notification_id is not null
    or (subject is not null and text_body is not null and html_body is not null))`.execute(db);
  await sql`drop index if exists mail_outbox_due`.execute(db);
  await sql`create index mail_outbox_pending on mail_outbox (next_attempt_at, id) where status = 'pending'`.execute(
    db,
  );
  await sql`create index mail_outbox_sending on mail_outbox (next_attempt_at) where status = 'sending'`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists mail_outbox_sending`.execute(db);
  await sql`drop index if exists mail_outbox_pending`.execute(db);
  await sql`create index if not exists mail_outbox_due on mail_outbox (next_attempt_at)
    where status in ('pending', 'sending')`.execute(db);
  await sql`delete from mail_outbox where subject is null or text_body is null or html_body is null`.execute(
    db,
  );
  await sql`alter table mail_outbox drop constraint if exists mail_outbox_says_something`.execute(db);
  for (const column of ["subject", "text_body", "html_body"])
    await sql`alter table mail_outbox alter column ${sql.ref(column)} set not null`.execute(db);
  await sql`alter table mail_outbox drop column if exists notification_id`.execute(db);
  await sql`alter table reminder_day drop column if exists digests_queued_at`.execute(db);
  await sql`drop index if exists notification_created`.execute(db);
  await sql`alter table notification drop column if exists mail_seen_at`.execute(db);
}
