// Reminders and notices, run by a scheduler inside the server that needs nothing else: each tick it
// computes the day's deadline and report reminders once (the first process to claim the day does it; the
// notifications' unique keys make a second run add nothing), queues mail for those who take each
// event, a morning digest for those who take one a day, and sends what is due from the durable
// outbox — retried with backoff (1, 2, 4 … minutes), given up after six tries and listed for
// administrators. Every step is recorded where the next tick, here or on another server, finds it:
// a notification is marked seen in the transaction that queues its mail (a batch locked against
// other servers while it is), a day's digests in the transaction that queues them, so a tick with
// nothing to do reads two small indexes and sends nothing twice. A crash between the SMTP server's
// acceptance and the outbox's "sent" is the one window in which a message can go twice; each carries
// a stable Message-ID for that case.

import { refreshPlannerStatistics } from "../db/maintenance.repository.js";
import {
  addReportReminders,
  claimDigestDay,
  claimMail,
  claimReminderDay,
  computeDeadlineReminders,
  digestsToMail,
  markMailFailed,
  markMailSent,
  plansReporting,
  queueMail,
  queueNotificationMail,
  recordReminderCount,
  releaseMail,
  tidyMailTables,
} from "../db/notifications.repository.js";
import { bringTallyUpToDate } from "../db/progress-tally.repository.js";
import type { Db } from "../db/schema.js";
import { inTransaction } from "../db/transaction.js";
import { addDays, DEFAULT_ZONE, dayIn, zonedInstant } from "../domain/clock.js";
import { reportRemindersOn } from "../domain/reporting-periods.js";
import { composeDigest, composeOne } from "../render/mail.js";
import type { ServiceContext } from "./context.js";
import type { Mailer } from "./mailer.js";

export interface SchedulerOptions {
  /**
   * Where mail goes out; none: notifications in the app only. A function is asked each round (the
   * server's mail settings, which an administrator may change while it runs).
   */
  mailer?: Mailer | null | (() => Promise<Mailer | null>);
  /** The address people open kehoach at, for the links in mail ("https://kehoach.sogddt.gov.vn/"). */
  publicUrl?: string;
  /** Between ticks (default a minute). */
  intervalMs?: number;
  /** The local hour the daily digest goes out (default 7). */
  digestHour?: number;
  /** Tries before a message is given up (default 6). */
  maxAttempts?: number;
  onFault?: (error: unknown) => void;
}

export interface TickReport {
  day: string;
  /** Reminders computed this tick (null: the day was computed before, here or by another server). */
  reminders: number | null;
  queued: number;
  sent: number;
  failed: number;
}

export interface Scheduler {
  start(): void;
  stop(): Promise<void>;
  /** One round: reminders of the day, mail queued, mail sent. */
  tick(): Promise<TickReport>;
}

/** Notifications seen to in one statement. */
const BATCH = 5000;

/**
 * The day's reminders of reports: each published plan's periods due on one of its reminder days,
 * today, or whose grace days end today, to the units that have not sent theirs.
 */
async function reportReminders(db: Db, day: string, now: Date): Promise<number> {
  const wanted = (await plansReporting(db)).flatMap((p) =>
    reportRemindersOn(p.unitReporting, p.regime, day, p.reminderDays, p.graceDays, p.publishedOn).map(
      (r) => ({
        planId: p.planId,
        due: r.due,
        left: r.left,
        last: r.left < 0,
      }),
    ),
  );
  return addReportReminders(db, wanted, now);
}

export function createScheduler(ctx: ServiceContext, options: SchedulerOptions = {}): Scheduler {
  const zone = ctx.clock.zone ?? DEFAULT_ZONE;
  const base = options.publicUrl ?? "http://localhost:3000/";
  const digestHour = options.digestHour ?? 7;
  const maxAttempts = options.maxAttempts ?? 6;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<TickReport> | null = null;
  let stopping = false;

  // What this process knows is done for good, so that a tick with nothing to do asks no more: the
  // day whose reminders were computed (here or by another server), the day whose digests were queued.
  let remindersDone: string | null = null;
  let digestsDone: string | null = null;
  let tallyDone: string | null = null;

  async function reminders(now: Date, day: string): Promise<number | null> {
    if (tallyDone !== day) {
      // The dashboards' counts brought to the new day here, so no reader of the day waits for it.
      await bringTallyUpToDate(ctx.db, day);
      tallyDone = day;
    }
    if (remindersDone === day) return null;
    // Claimed and computed in one transaction: a crash leaves the day unclaimed, a second server waits
    // for the first and finds it done.
    const n = await inTransaction(ctx.db, async (trx) => {
      if (!(await claimReminderDay(trx, day))) return null;
      const made = (await computeDeadlineReminders(trx, day, now)) + (await reportReminders(trx, day, now));
      await recordReminderCount(trx, day, made);
      return made;
    });
    remindersDone = day;
    return n;
  }

  /** Every notification not yet seen to, a batch a statement: its mail queued and it marked seen together. */
  async function queueEach(now: Date): Promise<number> {
    const since = new Date(now.getTime() - 2 * 86_400_000);
    let queued = 0;
    for (;;) {
      const batch = await queueNotificationMail(ctx.db, since, BATCH, now);
      queued += batch.queued;
      // Fewer than asked: none left, or the rest held by another server, which queues them.
      if (batch.seen < BATCH) return queued;
    }
  }

  /** The digest of a day goes out from its morning hour and holds the day before it; once a day. */
  async function queueDigests(now: Date, day: string): Promise<number> {
    if (digestsDone === day) return 0;
    const to = zonedInstant(day, digestHour, zone);
    if (now < to) return 0;
    const from = zonedInstant(addDays(day, -1), digestHour, zone);
    const queued = await inTransaction(ctx.db, async (trx) => {
      if (!(await claimDigestDay(trx, day, now))) return 0;
      const digests = await digestsToMail(trx, day, from, to);
      return queueMail(
        trx,
        digests.map((d) => ({
          userId: d.userId,
          to: d.email,
          dedupeKey: `d:${d.userId}:${day}`,
          ...composeDigest(d.items, d.name, day, base),
        })),
        now,
      );
    });
    digestsDone = day;
    return queued;
  }

  async function send(mailer: Mailer | null): Promise<{ sent: number; failed: number }> {
    if (!mailer) return { sent: 0, failed: 0 };
    let sent = 0;
    let failed = 0;
    for (;;) {
      // The time of each claim, not of the tick's start: a long send must not look like a stopped
      // sender's to another server (its messages are taken back after ten minutes).
      const claimedAt = ctx.clock.now();
      const batch = await claimMail(ctx.db, claimedAt, 50);
      if (!batch.length) break;
      for (const [i, m] of batch.entries()) {
        if (stopping) {
          // Stopped mid-batch: what was not tried goes back at once, for the next sender.
          await releaseMail(
            ctx.db,
            batch.slice(i).map((x) => x.id),
          );
          return { sent, failed };
        }
        try {
          const content = m.content ?? (m.notice && composeOne(m.notice, m.notice.name, base));
          if (!content) throw new Error("nothing to send: its notification is gone");
          await mailer.send({
            to: m.to,
            ...content,
            messageId: `<${m.dedupeKey.replace(/[^\w.-]/g, "-")}@kehoach>`,
          });
          await markMailSent(ctx.db, m.id, ctx.clock.now());
          sent++;
        } catch (error) {
          failed++;
          const retry =
            m.attempts < maxAttempts
              ? new Date(ctx.clock.now().getTime() + 60_000 * 2 ** (m.attempts - 1))
              : null;
          await markMailFailed(ctx.db, m.id, error instanceof Error ? error.message : String(error), retry);
        }
      }
    }
    return { sent, failed };
  }

  async function round(): Promise<TickReport> {
    const now = ctx.clock.now();
    const day = dayIn(now, zone);
    const made = await reminders(now, day);
    const mailer = typeof options.mailer === "function" ? await options.mailer() : (options.mailer ?? null);
    const queued = mailer ? (await queueEach(now)) + (await queueDigests(now, day)) : 0;
    const { sent, failed } = await send(mailer);
    // Once a day, by the server that computed it: the rows yesterday's mail left dead are cleared,
    // and the planner told how the tables grew (PGlite has no autovacuum to do it).
    if (made !== null) {
      await tidyMailTables(ctx.db).catch((error: unknown) => options.onFault?.(error));
      await refreshPlannerStatistics(ctx.db).catch((error: unknown) => options.onFault?.(error));
    }
    return { day, reminders: made, queued, sent, failed };
  }

  return {
    tick() {
      // One round at a time in this process; other processes are kept apart by the database.
      running ??= round().finally(() => {
        running = null;
      });
      return running;
    },
    start() {
      if (timer) return;
      const go = () => void this.tick().catch((error: unknown) => options.onFault?.(error));
      go();
      timer = setInterval(go, options.intervalMs ?? 60_000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      // A round sending a day's mail ends after the message in hand.
      stopping = true;
      await running?.catch(() => {});
      stopping = false;
    },
  };
}
