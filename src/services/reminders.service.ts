// Reminders and notices, run by a scheduler inside the server that needs nothing else: each tick it
// computes the day's deadline reminders once (the first process to claim the day does it; the
// notifications' unique keys make a second run add nothing), queues mail for those who take each
// event, a morning digest for those who take one a day, and sends what is due from the durable
// outbox — retried with backoff (1, 2, 4 … minutes), given up after six tries and listed for
// administrators. A crash between the SMTP server's acceptance and the outbox's "sent" is the one
// window in which a message can go twice; each carries a stable Message-ID for that case.

import {
  claimMail,
  claimReminderDay,
  computeDeadlineReminders,
  digestsToMail,
  markMailFailed,
  markMailSent,
  notificationsToMail,
  queueMail,
  recordReminderCount,
} from "../db/notifications.repository.js";
import { inTransaction } from "../db/transaction.js";
import { addDays, DEFAULT_ZONE, dayIn, zonedInstant } from "../domain/clock.js";
import { composeDigest, composeOne } from "../render/mail.js";
import type { ServiceContext } from "./context.js";
import type { Mailer } from "./mailer.js";

export interface SchedulerOptions {
  /** Where mail goes out; none: notifications in the app only. */
  mailer?: Mailer | null;
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

export function createScheduler(ctx: ServiceContext, options: SchedulerOptions = {}): Scheduler {
  const zone = ctx.clock.zone ?? DEFAULT_ZONE;
  const base = options.publicUrl ?? "http://localhost:3000/";
  const digestHour = options.digestHour ?? 7;
  const maxAttempts = options.maxAttempts ?? 6;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<TickReport> | null = null;

  async function queue(now: Date, day: string): Promise<number> {
    if (!options.mailer) return 0;
    let queued = 0;
    const each = await notificationsToMail(ctx.db, new Date(now.getTime() - 2 * 86_400_000));
    queued += await queueMail(
      ctx.db,
      each.map((n) => ({
        userId: n.userId,
        to: n.email,
        dedupeKey: `n:${n.id}`,
        ...composeOne(n, n.name, base),
      })),
      now,
    );
    // The digest of a day goes out from its morning hour and holds the day before it.
    const from = zonedInstant(addDays(day, -1), digestHour, zone);
    const to = zonedInstant(day, digestHour, zone);
    if (now >= to) {
      const digests = await digestsToMail(ctx.db, day, from, to);
      queued += await queueMail(
        ctx.db,
        digests.map((d) => ({
          userId: d.userId,
          to: d.email,
          dedupeKey: `d:${d.userId}:${day}`,
          ...composeDigest(d.items, d.name, day, base),
        })),
        now,
      );
    }
    return queued;
  }

  async function send(now: Date): Promise<{ sent: number; failed: number }> {
    const mailer = options.mailer;
    if (!mailer) return { sent: 0, failed: 0 };
    let sent = 0;
    let failed = 0;
    for (;;) {
      const batch = await claimMail(ctx.db, now, 50);
      if (!batch.length) break;
      for (const m of batch) {
        try {
          await mailer.send({
            to: m.to,
            subject: m.subject,
            text: m.text,
            html: m.html,
            messageId: `<${m.dedupeKey.replace(/[^\w.-]/g, "-")}@kehoach>`,
          });
          await markMailSent(ctx.db, m.id, ctx.clock.now());
          sent++;
        } catch (error) {
          failed++;
          const retry =
            m.attempts < maxAttempts ? new Date(now.getTime() + 60_000 * 2 ** (m.attempts - 1)) : null;
          await markMailFailed(ctx.db, m.id, error instanceof Error ? error.message : String(error), retry);
        }
      }
    }
    return { sent, failed };
  }

  async function round(): Promise<TickReport> {
    const now = ctx.clock.now();
    const day = dayIn(now, zone);
    // Claimed and computed in one transaction: a crash leaves the day unclaimed, a second server waits
    // for the first and finds it done.
    const reminders = await inTransaction(ctx.db, async (trx) => {
      if (!(await claimReminderDay(trx, day))) return null;
      const n = await computeDeadlineReminders(trx, day, now);
      await recordReminderCount(trx, day, n);
      return n;
    });
    const queued = await queue(now, day);
    const { sent, failed } = await send(now);
    return { day, reminders, queued, sent, failed };
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
      await running?.catch(() => {});
    },
  };
}
