// A scheduler in a process of its own, for the test that runs two against one PostgreSQL and kills
// one mid-send (src/server/scheduler-processes.test.ts). Forked from its compiled form
// (dist/testing/scheduler-worker.js) with three arguments — the database (postgres://… or a PGlite
// data folder), the SMTP server (smtp://…) and the instant its clock stands at — it opens the
// database, says "ready", waits for "go", then ticks until told "stop", telling its parent of each
// tick, then stops its scheduler as the server does and says "stopped". (Test support; the
// product's scheduler runs inside the server.)

import { openStore } from "../db/connection.js";
import { fixedClock } from "../domain/clock.js";
import type { PlanReader } from "../services/context.js";
import { createMailer } from "../services/mailer.js";
import { createScheduler, type TickReport } from "../services/reminders.service.js";

/** What a worker tells its parent. */
export type WorkerMessage =
  | { kind: "ready" }
  | { kind: "tick"; report: TickReport }
  | { kind: "fault"; error: string }
  /** Told to stop: the scheduler sends no further message. */
  | { kind: "stopping" }
  | { kind: "stopped" };

const [database = "", smtpUrl = "", at = ""] = process.argv.slice(2);
const tell = (m: WorkerMessage) => {
  if (process.connected) process.send?.(m);
};

// Scheduling reads no plan file.
const reader: PlanReader = { read: () => Promise.reject(new Error("a scheduler worker reads no file")) };

const store = await openStore(database.startsWith("postgres") ? { url: database } : { dataDir: database });
const mailer = createMailer(smtpUrl, "kehoach <kehoach@so.test>");
const scheduler = createScheduler(
  { db: store.db, clock: fixedClock(at), reader },
  { mailer, publicUrl: "https://kehoach.so.test/" },
);
let stopping = false;
let running: Promise<void> | null = null;

async function run(): Promise<void> {
  while (!stopping) {
    try {
      const report = await scheduler.tick();
      tell({ kind: "tick", report });
      if (!report.queued && !report.sent && !report.failed) await new Promise((r) => setTimeout(r, 20));
    } catch (error) {
      tell({ kind: "fault", error: error instanceof Error ? error.message : String(error) });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Stops as the server does on its way down: the message in hand finished, the rest given back. */
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  const stopped = scheduler.stop();
  tell({ kind: "stopping" });
  await stopped;
  await running;
  mailer.close();
  await store.close();
  tell({ kind: "stopped" });
  if (process.connected) process.disconnect?.();
}

process.on("message", (m) => {
  if (m === "go") running ??= run();
  if (m === "stop") void shutdown();
});
// A parent gone: stop too.
process.on("disconnect", () => void shutdown());
tell({ kind: "ready" });
