// Notifications and the mail outbox in the database. Deadline reminders are computed in one
// statement per day: every open work item whose due date is N days away (the plan's reminder days),
// today, or 1, 3 and 7 days past, to the right people — the unit's officers and the staff it names,
// then its leaders (3 days late), then the plan officers of the issuing body (7 days late). Each
// (person, event) is one row whatever runs it: the unique key makes it so.

import { sql } from "kysely";
import type { Reporting } from "../domain/plan.js";
import { unitsReporting } from "../domain/reporting-addressees.js";
import { obligationsOf } from "./plans.repository.js";
import type { Db } from "./schema.js";
import { REPORT_SENT } from "./state-rules.js";

export interface NewNotification {
  userId: string;
  kind: string;
  eventKey: string;
  title: string;
  body: string;
  link: string;
}

/** Adds notifications; one already there (same person, same event) is left as it is. Returns how many were new. */
export async function addNotifications(db: Db, rows: readonly NewNotification[], at: Date): Promise<number> {
  if (!rows.length) return 0;
  const r = await db
    .insertInto("notification")
    .values(
      rows.map((n) => ({
        user_id: n.userId,
        kind: n.kind,
        event_key: n.eventKey,
        title: n.title,
        body: n.body,
        link: n.link,
        created_at: at,
      })),
    )
    .onConflict((oc) => oc.columns(["user_id", "event_key"]).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

/** Claims a day for reminders: true for the one process that computes them. */
export async function claimReminderDay(db: Db, day: string): Promise<boolean> {
  const r = await sql<{ day: string }>`
    insert into reminder_day (day) values (${day}::date) on conflict (day) do nothing returning day`.execute(
    db,
  );
  return r.rows.length > 0;
}

export async function recordReminderCount(db: Db, day: string, n: number): Promise<void> {
  await db.updateTable("reminder_day").set({ notifications: n }).where("day", "=", day).execute();
}

/** Computes the deadline reminders of `day` ("2026-06-23") into notifications; returns how many are new. */
export async function computeDeadlineReminders(db: Db, day: string, at: Date): Promise<number> {
  const r = await sql`
    with due as (
      select w.id as wid, w.unit_id, w.task_id, w.role, d.due, t.key, t.title, p.id as plan_id, p.number,
             p.issuer_unit_id as keeper, u.name as unit_name, (d.due - ${day}::date) as left_days
      from deadline d
      join work_item w on w.id = d.work_item_id
      join task t on t.id = w.task_id and t.removed_at is null
      join plan p on p.id = t.plan_id and p.status = 'published'
      join unit u on u.id = w.unit_id
      left join work_item_progress g on g.work_item_id = w.id
      where d.due between ${day}::date - 7 and ${day}::date + 31
        and coalesce(g.status, 'not_started') <> 'done'
        and ((d.due - ${day}::date) = any (p.reminder_days) or (d.due - ${day}::date) in (0, -1, -3, -7))
    ),
    officers as (
      -- The unit's officers and the staff the work names, on every reminder.
      select due.*, a.id as user_id from due join app_user a
        on a.active and a.role = 'unit_officer' and a.unit_id = due.unit_id
      union
      select due.*, s.user_id from due
        join task_unit tu on tu.task_id = due.task_id and tu.role = due.role
        join staff s on s.id = any (tu.staff_ids) and s.unit_id = due.unit_id and s.user_id is not null and s.active
      union
      -- Three days late: the unit's leaders (on the unit, or on a leadership post under it).
      select due.*, a.id from due
        join unit wu on wu.id = due.unit_id
        join app_user a on a.active and a.role = 'leader'
        join unit lu on lu.id = a.unit_id and lu.path <@ wu.path
        where due.left_days <= -3
          and not exists (select 1 from unit m where lu.path <@ m.path and m.path <@ wu.path
                          and m.id <> wu.id and m.kind <> 'leadership')
      union
      -- A week late: the plan officers of the issuing body (on it, or on a unit right under it).
      select due.*, a.id from due
        join unit ku on ku.id = due.keeper
        join app_user a on a.active and a.role = 'plan_officer'
        join unit ou on ou.id = a.unit_id and ou.path <@ ku.path and nlevel(ou.path) - nlevel(ku.path) <= 1
        where due.left_days <= -7
    )
    insert into notification (user_id, kind, event_key, title, body, link, created_at)
    select distinct on (user_id, wid, due, left_days) user_id,
      case when left_days > 0 then 'due_soon' when left_days = 0 then 'due_today' else 'overdue' end,
      'due:' || left_days || ':' || wid || ':' || due,
      case when left_days > 0 then 'Sắp đến hạn (còn ' || left_days || ' ngày): '
           when left_days = 0 then 'Đến hạn hôm nay: '
           else 'Quá hạn ' || -left_days || ' ngày: ' end || key || ' ' || left(title, 160),
      'Kế hoạch số ' || coalesce(number, '(không số)') || ' — ' || unit_name || ' — hạn ' || to_char(due, 'DD/MM/YYYY') || '.',
      '#/plans/' || plan_id, ${at}::timestamptz
    from officers
    on conflict (user_id, event_key) do nothing`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/** A published plan as its report reminders need it. */
export interface PlanReportingRow {
  planId: string;
  /** Its obligations owed to the issuer: they set its units' periods. */
  unitReporting: Reporting[];
  /** The regime of the issuing unit or the nearest unit above it that set one. */
  regime: string[] | null;
  reminderDays: number[];
  graceDays: number;
  publishedOn: string | null;
}

/** Every published plan's reporting obligations, regime and reminder settings: one statement. */
export async function plansReporting(db: Db): Promise<PlanReportingRow[]> {
  const r = await sql<{
    id: string;
    reporting: Reporting[] | null;
    issuer: string | null;
    issuer_names: Array<string | null> | null;
    regime: string[] | null;
    reminder_days: number[];
    grace_days: number;
    published_on: string | null;
  }>`
    select p.id, ${obligationsOf(sql`p.id`)} as reporting, p.issuer, array[iu.name, iu.short_name] as issuer_names,
           p.reminder_days, p.grace_days,
           p.published_on::text as published_on,
           (select a.report_regime from unit a where a.path @> iu.path and a.report_regime is not null
            order by nlevel(a.path) desc limit 1) as regime
    from plan p left join unit iu on iu.id = p.issuer_unit_id
    where p.status = 'published'`.execute(db);
  return r.rows.map((x) => ({
    planId: String(x.id),
    unitReporting: unitsReporting(x.reporting ?? [], [
      x.issuer ?? "",
      ...(x.issuer_names ?? []).map((n) => n ?? ""),
    ]),
    regime: x.regime,
    reminderDays: x.reminder_days,
    graceDays: x.grace_days,
    publishedOn: x.published_on,
  }));
}

/**
 * Report reminders into notifications, to the officers of each unit with work in the plan whose
 * report of the period is not sent (a returned report is not sent): `due` the period, `left` the
 * days to it, `last` true on the last day a late report is taken. Returns how many are new.
 */
export async function addReportReminders(
  db: Db,
  wanted: ReadonlyArray<{ planId: string; due: string; left: number; last: boolean }>,
  at: Date,
): Promise<number> {
  if (!wanted.length) return 0;
  const r = await sql`
    with want(plan_id, due, left_days, last) as (
      select * from unnest(${wanted.map((w) => w.planId)}::bigint[], ${wanted.map((w) => w.due)}::date[],
                           ${wanted.map((w) => w.left)}::int[], ${wanted.map((w) => w.last)}::boolean[])
    ),
    owing as (
      select distinct want.*, pt.unit_id, p.number
      from want
      join plan p on p.id = want.plan_id
      join progress_tally pt on pt.plan_id = want.plan_id
      left join report r on r.plan_id = want.plan_id and r.unit_id = pt.unit_id and r.period_due = want.due
      where not ${REPORT_SENT(sql`r`)}
    )
    insert into notification (user_id, kind, event_key, title, body, link, created_at)
    select a.id, 'report_due',
      'report:' || o.left_days || ':' || o.plan_id || ':' || o.due || ':' || o.unit_id,
      case when o.last then 'Hôm nay là ngày cuối nhận báo cáo kỳ ' || to_char(o.due, 'DD/MM/YYYY')
           when o.left_days > 0 then 'Sắp đến hạn báo cáo (còn ' || o.left_days || ' ngày): kỳ ' || to_char(o.due, 'DD/MM/YYYY')
           else 'Đến hạn báo cáo hôm nay: kỳ ' || to_char(o.due, 'DD/MM/YYYY') end
        || ' — Kế hoạch số ' || coalesce(o.number, '(không số)'),
      case when o.last then 'Đơn vị chưa gửi báo cáo kỳ này; sau hôm nay kỳ báo cáo bị khóa, muốn gửi phải đề nghị mở lại.'
           else 'Đơn vị chưa gửi báo cáo kỳ ' || to_char(o.due, 'DD/MM/YYYY') || ' của Kế hoạch số '
                || coalesce(o.number, '(không số)') || '.' end,
      '#/workspace', ${at}::timestamptz
    from owing o
    join app_user a on a.active and a.role = 'unit_officer' and a.unit_id = o.unit_id
    on conflict (user_id, event_key) do nothing`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

export interface NotificationRow {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  createdAt: string;
  read: boolean;
}

/** A notification as stored. */
type StoredNotification = {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  created_at: Date;
  read_at: Date | null;
};

const toRow = (r: StoredNotification): NotificationRow => ({
  id: String(r.id),
  kind: r.kind,
  title: r.title,
  body: r.body,
  link: r.link,
  createdAt: new Date(r.created_at).toISOString(),
  read: r.read_at !== null,
});

/** A person's latest notifications, newest first, and how many are unread. */
export async function notificationsOf(
  db: Db,
  userId: string,
  limit: number,
): Promise<{ unread: number; items: NotificationRow[] }> {
  const rows = await db
    .selectFrom("notification")
    .select(["id", "kind", "title", "body", "link", "created_at", "read_at"])
    .where("user_id", "=", userId)
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  const unread = await db
    .selectFrom("notification")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return { unread: Number(unread.n), items: rows.map(toRow) };
}

/** Marks a person's notifications read: these, or all. */
export async function markRead(
  db: Db,
  userId: string,
  ids: readonly string[] | null,
  at: Date,
): Promise<void> {
  let q = db
    .updateTable("notification")
    .set({ read_at: at })
    .where("user_id", "=", userId)
    .where("read_at", "is", null);
  if (ids) {
    if (!ids.length) return;
    q = q.where("id", "in", [...ids]);
  }
  await q.execute();
}

export interface Preferences {
  email: string | null;
  mode: "each" | "digest" | "none";
  muted: string[];
}

export async function preferencesOf(db: Db, userId: string): Promise<Preferences> {
  const r = await db
    .selectFrom("app_user as a")
    .leftJoin("notify_pref as p", "p.user_id", "a.id")
    .select(["a.email", "p.mode", "p.muted"])
    .where("a.id", "=", userId)
    .executeTakeFirst();
  return { email: r?.email ?? null, mode: r?.mode ?? "each", muted: r?.muted ?? [] };
}

export async function savePreferences(db: Db, userId: string, p: Preferences): Promise<void> {
  await db.updateTable("app_user").set({ email: p.email }).where("id", "=", userId).execute();
  await db
    .insertInto("notify_pref")
    .values({ user_id: userId, mode: p.mode, muted: p.muted })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ mode: p.mode, muted: p.muted }))
    .execute();
}

// Notifications of people with an active account and an address, with who they are.
type MailableRow = StoredNotification & {
  user_id: string;
  email: string;
  display_name: string;
};
const MAILABLE = sql`
  select n.id, n.kind, n.title, n.body, n.link, n.created_at, n.read_at, n.user_id, a.email, a.display_name
  from notification n
  join app_user a on a.id = n.user_id and a.active and a.email is not null`;

/**
 * Queues the mail of notifications not yet seen to, the oldest `limit` of them, and marks them
 * seen, in one statement (all or nothing): mail for people with an active account and an address
 * who take each event, not muted, made since `since`; the rest is only marked. Rows another sender
 * holds are skipped (it queues them). The message refers to its notification and is written when it
 * is sent. Returns how many were seen to, and how many messages queued.
 */
export async function queueNotificationMail(
  db: Db,
  since: Date,
  limit: number,
  at: Date,
): Promise<{ seen: number; queued: number }> {
  const r = await sql<{ seen: string; queued: string }>`
    with seen as (
      update notification set mail_seen_at = ${at}
      where id in (select id from notification where mail_seen_at is null
                   order by id limit ${limit} for update skip locked)
      returning id, user_id, kind, created_at),
    queued as (
      insert into mail_outbox (user_id, to_address, dedupe_key, notification_id, created_at, next_attempt_at)
      select n.user_id, a.email, 'n:' || n.id, n.id, ${at}, ${at}
      from seen n
      join app_user a on a.id = n.user_id
      left join notify_pref p on p.user_id = n.user_id
      where a.active and a.email is not null and n.created_at >= ${since} and coalesce(p.mode, 'each') = 'each'
        and not (n.kind = any (coalesce(p.muted, '{}')))
      on conflict (dedupe_key) do nothing
      returning 1)
    select (select count(*) from seen) as seen, (select count(*) from queued) as queued`.execute(db);
  const row = r.rows[0];
  return { seen: Number(row?.seen ?? 0), queued: Number(row?.queued ?? 0) };
}

/**
 * Claims the morning digests of a day (its reminders claimed before): true for the one sender that
 * queues them, in the transaction it claims them in; false once they are queued.
 */
export async function claimDigestDay(db: Db, day: string, at: Date): Promise<boolean> {
  const r = await db
    .updateTable("reminder_day")
    .set({ digests_queued_at: at })
    .where("day", "=", day)
    .where("digests_queued_at", "is", null)
    .returning("day")
    .execute();
  return r.length > 0;
}

/** People who take a daily digest, with the notifications of a day not yet digested. */
export async function digestsToMail(
  db: Db,
  day: string,
  from: Date,
  to: Date,
): Promise<Array<{ userId: string; email: string; name: string; items: NotificationRow[] }>> {
  const rows = await sql<MailableRow>`
    ${MAILABLE}
    join notify_pref p on p.user_id = n.user_id and p.mode = 'digest'
    where n.created_at >= ${from} and n.created_at < ${to} and not (n.kind = any (p.muted))
      and not exists (select 1 from mail_outbox m where m.dedupe_key = 'd:' || n.user_id || ':' || ${day})
    order by n.user_id, n.id`.execute(db);
  const byUser = new Map<string, { userId: string; email: string; name: string; items: NotificationRow[] }>();
  for (const r of rows.rows) {
    const key = String(r.user_id);
    const entry = byUser.get(key) ?? { userId: key, email: r.email, name: r.display_name, items: [] };
    entry.items.push(toRow(r));
    byUser.set(key, entry);
  }
  return [...byUser.values()];
}

export interface OutgoingMail {
  userId: string | null;
  to: string;
  dedupeKey: string;
  subject: string;
  text: string;
  html: string;
}

/** Queues mail; a message already queued under the same key is not queued again. */
export async function queueMail(db: Db, mails: readonly OutgoingMail[], at: Date): Promise<number> {
  let n = 0;
  for (let i = 0; i < mails.length; i += 500) {
    const chunk = mails.slice(i, i + 500);
    const r = await db
      .insertInto("mail_outbox")
      .values(
        chunk.map((m) => ({
          user_id: m.userId,
          to_address: m.to,
          dedupe_key: m.dedupeKey,
          subject: m.subject,
          text_body: m.text,
          html_body: m.html,
          created_at: at,
          next_attempt_at: at,
        })),
      )
      .onConflict((oc) => oc.column("dedupe_key").doNothing())
      .executeTakeFirst();
    n += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  return n;
}

export interface ClaimedMail {
  id: string;
  to: string;
  dedupeKey: string;
  attempts: number;
  /** The message as queued; null for a notification's, written from `notice` when sent. */
  content: { subject: string; text: string; html: string } | null;
  /** The notification a message tells of, and the name of whom it tells. */
  notice: { title: string; body: string; link: string; name: string } | null;
}

/**
 * Claims mail due to go out for this sender (never the same message for two senders), and takes
 * back messages a stopped sender held for more than ten minutes.
 */
export async function claimMail(db: Db, now: Date, limit: number): Promise<ClaimedMail[]> {
  // Both through partial indexes: of the messages held by a sender, and of those waiting, in the
  // order they are taken.
  await sql`update mail_outbox set status = 'pending'
    where status = 'sending' and next_attempt_at < ${now}::timestamptz - interval '10 minutes'`.execute(db);
  const r = await sql<{
    id: string;
    to_address: string;
    dedupe_key: string;
    subject: string | null;
    text_body: string | null;
    html_body: string | null;
    attempts: number;
    title: string | null;
    body: string | null;
    link: string | null;
    display_name: string | null;
  }>`
    with claimed as (
      update mail_outbox set status = 'sending', attempts = attempts + 1, next_attempt_at = ${now}
      where id in (select id from mail_outbox where status = 'pending' and next_attempt_at <= ${now}
                   order by next_attempt_at, id limit ${limit} for update skip locked)
      returning id, to_address, dedupe_key, subject, text_body, html_body, attempts, notification_id)
    select m.id, m.to_address, m.dedupe_key, m.subject, m.text_body, m.html_body, m.attempts,
           n.title, n.body, n.link, a.display_name
    from claimed m
    left join notification n on n.id = m.notification_id
    left join app_user a on a.id = n.user_id
    order by m.id`.execute(db);
  return r.rows.map((m) => ({
    id: String(m.id),
    to: m.to_address,
    dedupeKey: m.dedupe_key,
    attempts: m.attempts,
    content:
      m.subject !== null && m.text_body !== null && m.html_body !== null
        ? { subject: m.subject, text: m.text_body, html: m.html_body }
        : null,
    notice:
      m.title !== null
        ? { title: m.title, body: m.body ?? "", link: m.link ?? "", name: m.display_name ?? "" }
        : null,
  }));
}

export async function markMailSent(db: Db, id: string, at: Date): Promise<void> {
  await db
    .updateTable("mail_outbox")
    .set({ status: "sent", sent_at: at, last_error: null })
    .where("id", "=", id)
    .execute();
}

/** Gives back claimed messages not tried (a sender stopping), to be claimed again at once. */
export async function releaseMail(db: Db, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  await sql`update mail_outbox set status = 'pending', attempts = attempts - 1
    where id in (${sql.join(ids)}) and status = 'sending'`.execute(db);
}

/** A failed send is tried again later (1, 2, 4 … minutes), and given up after `maxAttempts`. */
export async function markMailFailed(db: Db, id: string, error: string, retryAt: Date | null): Promise<void> {
  await db
    .updateTable("mail_outbox")
    .set(
      retryAt
        ? { status: "pending", next_attempt_at: retryAt, last_error: error.slice(0, 1000) }
        : { status: "failed", last_error: error.slice(0, 1000) },
    )
    .where("id", "=", id)
    .execute();
}

/**
 * Clears out the dead rows a day of mail leaves (each notification marked seen, each message sent)
 * and refreshes the planner's figures: PostgreSQL's autovacuum would, but the embedded PGlite has
 * none, and the outbox's index of waiting messages would otherwise fill with the dead.
 */
export async function tidyMailTables(db: Db): Promise<void> {
  await sql`vacuum (analyze) notification, mail_outbox`.execute(db);
}

/** Mail given up on, for administrators; a notification's without a subject of its own gives its title. */
export async function failedMail(
  db: Db,
  limit: number,
): Promise<
  Array<{
    id: string;
    to: string;
    subject: string | null;
    title: string | null;
    attempts: number;
    error: string | null;
    createdAt: string;
  }>
> {
  const rows = await db
    .selectFrom("mail_outbox as m")
    .leftJoin("notification as n", "n.id", "m.notification_id")
    .select(["m.id", "m.to_address", "m.subject", "n.title", "m.attempts", "m.last_error", "m.created_at"])
    .where("m.status", "=", "failed")
    .orderBy("m.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: String(r.id),
    to: r.to_address,
    subject: r.subject,
    title: r.title,
    attempts: r.attempts,
    error: r.last_error,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/** The active unit officers of these units: who a unit's notices go to. */
export async function unitOfficers(db: Db, unitIds: readonly string[]): Promise<string[]> {
  if (!unitIds.length) return [];
  const rows = await db
    .selectFrom("app_user")
    .select("id")
    .where("active", "=", true)
    .where("role", "=", "unit_officer")
    .where("unit_id", "in", [...unitIds])
    .execute();
  return rows.map((r) => String(r.id));
}

/** The plan officers of an issuing body: on it, or on a unit right under it (its offices). */
export async function planOfficers(db: Db, keeperId: string): Promise<string[]> {
  const r = await sql<{ id: string }>`
    select a.id from unit ku
      join unit ou on ou.path <@ ku.path and nlevel(ou.path) - nlevel(ku.path) <= 1
      join app_user a on a.unit_id = ou.id and a.active and a.role = 'plan_officer'
    where ku.id = ${keeperId}`.execute(db);
  return r.rows.map((x) => String(x.id));
}

/** A plan's number and title, and the units it gives work to. */
export async function planNotice(
  db: Db,
  planId: string,
): Promise<{ number: string | null; title: string | null; units: string[] } | null> {
  const r = await sql<{ number: string | null; title: string | null; units: string[] | null }>`
    select p.number, p.title, (select array_agg(distinct w.unit_id::text) from work_item w join task t on t.id = w.task_id
      where t.plan_id = p.id) as units from plan p where p.id = ${planId}`.execute(db);
  const row = r.rows[0];
  return row ? { number: row.number, title: row.title, units: row.units ?? [] } : null;
}
