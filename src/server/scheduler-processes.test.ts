// The scheduler in real processes, each its own Node.js with its own connections, sending to one
// real SMTP server: two on one PostgreSQL send each reminder once; on PGlite and PostgreSQL, one
// stopped as a server stops (a restart) while the SMTP server holds a message, then one killed
// (SIGKILL) while it holds another, then their successors, lose nothing and send nothing twice.
// Forty schools, each with an officer who has an address, five items due 7, 3 and 1 days ahead,
// today and a day late: 160 messages one by one, and the morning digest of the eight officers who
// take one. Runs the compiled worker (npm test builds first); the PostgreSQL cases skip with a
// notice when DATABASE_URL is unset.

import { type ChildProcess, fork } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Kysely, sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../test/shared-corpus.js";
import { type Received, startSmtp, type TestSmtp } from "../../test/smtp.js";
import { openStore } from "../db/connection.js";
import { migrateToLatest } from "../db/migrate.js";
import type { Database } from "../db/schema.js";
import type { TickReport } from "../services/reminders.service.js";
import { openFreshPostgres } from "../testing/fresh-postgres.js";
import type { WorkerMessage } from "../testing/scheduler-worker.js";

const WORKER = join(PROJECT_ROOT, "dist", "testing", "scheduler-worker.js");
// The compiled files the worker runs, beside their sources: a stale build would test old code.
const COMPILED = [
  "testing/scheduler-worker",
  "services/reminders.service",
  "db/notifications.repository",
  "render/mail",
];
const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL)
  console.warn("[kehoach] DATABASE_URL not set: the scheduler's PostgreSQL process tests are skipped.");

const DAY = "2026-07-10";
// 08:00 in Hà Nội: the day's reminders and its morning digest are due.
const AT = "2026-07-10T01:00:00Z";
const SCHOOLS = 40;
// Every fifth school's officer takes the morning digest.
const takesDigest = (school: number) => school % 5 === 0;
const DUE: Array<[number, string]> = [
  [7, "Sắp đến hạn (còn 7 ngày)"],
  [3, "Sắp đến hạn (còn 3 ngày)"],
  [1, "Sắp đến hạn (còn 1 ngày)"],
  [0, "Đến hạn hôm nay"],
  [-1, "Quá hạn 1 ngày"],
];

/** The messages that must arrive, each once: "to|subject" (a digest's subject up to its count). */
function expected(): string[] {
  const keys: string[] = [];
  for (let school = 1; school <= SCHOOLS; school++) {
    const to = `canbo${school}@truong.test`;
    if (takesDigest(school)) keys.push(`${to}|[kehoach] Tóm tắt ngày 10/07/2026`);
    else
      DUE.forEach(([, said], i) => {
        keys.push(`${to}|[kehoach] ${said}: I.${i + 1} Nhiệm vụ thử số ${i + 1}`);
      });
  }
  return keys.sort();
}
const keyOf = (m: Received) => `${m.to.join(",")}|${m.subject.replace(/(Tóm tắt ngày [\d/]+):.*$/, "$1")}`;

/** A directory of schools, their officers, and a published plan with their work due around DAY. */
async function prepare(db: Kysely<Database>): Promise<void> {
  const report = await migrateToLatest(db);
  if (report.error) throw new Error(`migration failed: ${report.error}`);
  const root = await db
    .insertInto("unit")
    .values({ code: "SGDDT", name: "Sở Giáo dục và Đào tạo", kind: "department", path: "0" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await sql`update unit set path = id::text::ltree where id = ${root.id}`.execute(db);
  await sql`
    insert into unit (code, name, kind, parent_id, path)
    select 'TRUONG' || g, 'Trường THPT số ' || g, 'school', ${root.id}, '0' from generate_series(1, ${SCHOOLS}) g`.execute(
    db,
  );
  await sql`update unit set path = (${String(root.id)} || '.' || id)::ltree where code like 'TRUONG%'`.execute(
    db,
  );
  await sql`
    insert into app_user (login, display_name, unit_id, role, password_hash, email)
    select 'canbo' || substr(code, 7), 'Cán bộ ' || name, id, 'unit_officer', 'x',
           'canbo' || substr(code, 7) || '@truong.test'
    from unit where code like 'TRUONG%'`.execute(db);
  await sql`
    insert into notify_pref (user_id, mode)
    select id, 'digest' from app_user where substr(login, 6)::int % 5 = 0`.execute(db);
  // What the digest takers were told yesterday, for this morning's digest.
  await sql`
    insert into notification (user_id, kind, event_key, title, body, link, created_at)
    select id, 'plan_published', 'test:yesterday', 'Kế hoạch mới giao việc cho đơn vị: 77/KH-SGDĐT', '',
           '#/plans/1', ((${DAY}::date - 1) + time '09:00') at time zone 'Asia/Ho_Chi_Minh'
    from app_user where substr(login, 6)::int % 5 = 0`.execute(db);
  await sql`
    insert into document (sha256, file_name, media_type, size_bytes, content, text)
    values (md5('a') || md5('b'), 'ke-hoach-77.txt', 'text/plain', 0, '', '')`.execute(db);
  await sql`
    insert into plan (document_id, type, number, issuer, issuer_unit_id, year, title, status, parsed)
    select id, 'KH', '77/KH-SGDĐT', 'Sở Giáo dục và Đào tạo', ${root.id}, 2026, 'Kế hoạch thử', 'published',
           '{"reporting": []}'
    from document`.execute(db);
  await sql`
    insert into task (plan_id, key, position, title, content)
    select p.id, 'I.' || g, g, 'Nhiệm vụ thử số ' || g, '' from plan p, generate_series(1, ${DUE.length}) g`.execute(
    db,
  );
  await sql`
    insert into task_unit (task_id, role, position, unit_text, method)
    select id, 'lead', 1, 'Các trường', 'collective' from task`.execute(db);
  await sql`
    insert into work_item (task_id, unit_id, role)
    select t.id, u.id, 'lead' from task t cross join unit u where u.code like 'TRUONG%'`.execute(db);
  const offsets = sql.raw(`array[${DUE.map(([d]) => d).join(",")}]`);
  await sql`
    insert into deadline (work_item_id, due)
    select w.id, ${DAY}::date + (${offsets})[t.position] from work_item w join task t on t.id = w.task_id`.execute(
    db,
  );
}

interface Worker {
  child: ChildProcess;
  ticks: TickReport[];
  faults: string[];
  /** Resolves at the first message of this kind; with "tick", at the first tick that did nothing. */
  next(kind: "ready" | "idle" | "stopping" | "stopped"): Promise<void>;
  exited: Promise<void>;
}

/** A scheduler process on `database` with its clock at `at`, ready (its database open) when this resolves. */
async function startWorker(database: string, smtpUrl: string, at: string): Promise<Worker> {
  const child = fork(WORKER, [database, smtpUrl, at], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const ticks: TickReport[] = [];
  const faults: string[] = [];
  const waiting: Array<{ kind: string; resolve: () => void }> = [];
  const settle = (kind: string) => {
    for (const w of waiting.filter((x) => x.kind === kind)) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve();
    }
  };
  child.on("message", (m: WorkerMessage) => {
    if (m.kind === "tick") {
      ticks.push(m.report);
      if (!m.report.queued && !m.report.sent && !m.report.failed) settle("idle");
    } else if (m.kind === "fault") faults.push(m.error);
    else settle(m.kind);
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const worker: Worker = {
    child,
    ticks,
    faults,
    next: (kind) =>
      new Promise<void>((resolve, reject) => {
        waiting.push({ kind, resolve });
        void exited.then(() => reject(new Error(`the worker exited before "${kind}"`)));
      }),
    exited,
  };
  await worker.next("ready");
  return worker;
}

/** Stops a worker and waits for its process to end. */
async function stopWorker(w: Worker): Promise<void> {
  if (w.child.exitCode !== null || w.child.signalCode !== null) return;
  w.child.send("stop");
  await w.exited;
}

/** Each expected message arrived once, with a Message-ID of its own, and nothing else did. */
function expectEachOnce(received: readonly Received[]): void {
  expect(received.map(keyOf).sort()).toEqual(expected());
  expect(new Set(received.map((m) => m.messageId)).size).toBe(received.length);
}

async function outbox(db: Kysely<Database>): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom("mail_outbox")
    .select(["status", (eb) => eb.fn.countAll<string>().as("n")])
    .groupBy("status")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** A database prepared, closed, and how to open it again (and to drop it). */
interface PreparedDatabase {
  location: string;
  open(): Promise<{ db: Kysely<Database>; close(): Promise<void> }>;
  drop(): Promise<void>;
}

async function preparedPglite(): Promise<PreparedDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "kehoach-sched-"));
  const store = await openStore({ dataDir: dir });
  await prepare(store.db);
  await store.close();
  return {
    location: dir,
    open: () => openStore({ dataDir: dir }),
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function preparedPostgres(url: string): Promise<PreparedDatabase> {
  const store = await openFreshPostgres(url, "kehoach_sched");
  await prepare(store.db);
  const name = (await sql<{ name: string }>`select current_database() as name`.execute(store.db)).rows[0]
    ?.name;
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    location: u.toString(),
    open: async () => ({ db: store.db, close: async () => {} }),
    drop: () => store.close(),
  };
}

const STORES: Array<{ name: string; prepared: () => Promise<PreparedDatabase> }> = [
  { name: "pglite", prepared: preparedPglite },
  ...(DATABASE_URL ? [{ name: "postgres", prepared: () => preparedPostgres(DATABASE_URL) }] : []),
];

/** Waits until `check` holds, polling; fails after `ms`. */
async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("the scheduler in real processes", () => {
  let smtp: TestSmtp;
  const workers: Worker[] = [];
  const start = async (database: string, at = AT) => {
    const w = await startWorker(database, smtp.url, at);
    workers.push(w);
    return w;
  };

  beforeEach(async () => {
    if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run \`npm run build\` first`);
    for (const f of COMPILED) {
      const compiled = statSync(join(PROJECT_ROOT, "dist", `${f}.js`)).mtimeMs;
      if (statSync(join(PROJECT_ROOT, "src", `${f}.ts`)).mtimeMs > compiled)
        throw new Error(`dist/${f}.js is older than its source: run \`npm run build\` first`);
    }
    smtp = await startSmtp();
  });
  afterEach(async () => {
    for (const w of workers.splice(0)) {
      if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGKILL");
      await w.exited;
    }
    // (none when the build check refused to start)
    if (smtp) {
      smtp.gate = null;
      await smtp.close();
    }
  });

  it.skipIf(!DATABASE_URL)(
    "two processes on one PostgreSQL send each reminder once",
    async () => {
      const database = await preparedPostgres(DATABASE_URL ?? "");
      try {
        const [a, b] = await Promise.all([start(database.location), start(database.location)]);
        if (!a || !b) throw new Error("no workers");
        for (const w of [a, b]) w.child.send("go");
        const all = expected().length;
        await until(() => smtp.received.length >= all, 60_000, `${all} messages`);
        // Both idle afterwards: anything sent twice would have arrived by then.
        await Promise.all([a.next("idle"), b.next("idle")]);
        await Promise.all([stopWorker(a), stopWorker(b)]);
        expect([...a.faults, ...b.faults]).toEqual([]);
        expectEachOnce(smtp.received);
        // One of them computed the day; they shared the sending.
        const ticks = [...a.ticks, ...b.ticks];
        expect(ticks.filter((t) => t.reminders !== null)).toHaveLength(1);
        const sentBy = [a, b].map((w) => w.ticks.reduce((n, t) => n + t.sent, 0));
        expect(sentBy.reduce((x, y) => x + y, 0)).toBe(all);
        expect(ticks.reduce((n, t) => n + t.queued, 0)).toBe(all);
        console.info(`[kehoach] two scheduler processes sent ${sentBy.join(" and ")} of ${all} messages`);
        const { db } = await database.open();
        expect(await outbox(db)).toEqual({ sent: all });
      } finally {
        await database.drop();
      }
    },
    120_000,
  );

  /** Holds unanswered the message that comes when `count` are accepted; its sender waits for the answer. */
  function holdAt(count: number) {
    const hold: { answer: ((error?: Error) => void) | null } = { answer: null };
    smtp.gate = () =>
      smtp.received.length === count
        ? new Promise<void>((resolve, reject) => {
            hold.answer = (error) => (error ? reject(error) : resolve());
          })
        : Promise.resolve();
    return {
      held: () => until(() => hold.answer !== null, 60_000, `message ${count + 1}`),
      /** Accepted (no error) or refused. */
      answer: (error?: Error) => {
        smtp.gate = null;
        hold.answer?.(error);
      },
    };
  }

  for (const store of STORES)
    it(`a process stopped mid-send, then one killed mid-send, lose nothing and send nothing twice (${store.name})`, async () => {
      const database = await store.prepared();
      const count = async (status: string) => {
        const opened = await database.open();
        try {
          return (await outbox(opened.db))[status] ?? 0;
        } finally {
          await opened.close();
        }
      };
      try {
        const all = expected().length;
        // A restart: stopped while the SMTP server holds its fifth message, it finishes that one and
        // gives back the rest of what it had claimed.
        const fifth = holdAt(4);
        const first = await start(database.location);
        first.child.send("go");
        await fifth.held();
        first.child.send("stop");
        await first.next("stopping");
        fifth.answer();
        await first.exited;
        expect(smtp.received).toHaveLength(5);
        expect(await count("sending")).toBe(0);

        // A crash: killed (SIGKILL) while the SMTP server holds its twentieth message, never accepted.
        const twentieth = holdAt(19);
        const second = await start(database.location);
        second.child.send("go");
        await twentieth.held();
        second.child.kill("SIGKILL");
        await second.exited;
        twentieth.answer(new Error("451 người gửi đã dừng"));
        expect(smtp.received).toHaveLength(19);
        const claimed = await count("sending");
        expect(claimed).toBeGreaterThan(0);

        // Started again at once: it sends all but what the killed process had claimed, which waits
        // out its hold (ten minutes).
        const third = await start(database.location);
        third.child.send("go");
        await third.next("idle");
        await stopWorker(third);
        expect(smtp.received).toHaveLength(all - claimed);
        expect(new Set(smtp.received.map(keyOf)).size).toBe(all - claimed);

        // Eleven minutes on: the killed process's messages are taken back and sent, once.
        const fourth = await start(database.location, "2026-07-10T01:11:00Z");
        fourth.child.send("go");
        await fourth.next("idle");
        await stopWorker(fourth);
        expect([first, second, third, fourth].flatMap((w) => w.faults)).toEqual([]);
        expectEachOnce(smtp.received);
        const opened = await database.open();
        try {
          expect(await outbox(opened.db)).toEqual({ sent: all });
          const unseen = await opened.db
            .selectFrom("notification")
            .select((eb) => eb.fn.countAll<string>().as("n"))
            .where("mail_seen_at", "is", null)
            .executeTakeFirstOrThrow();
          expect(Number(unseen.n)).toBe(0);
        } finally {
          await opened.close();
        }
      } finally {
        await database.drop();
      }
    }, 180_000);
});
