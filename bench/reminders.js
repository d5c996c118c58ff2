// Issue 11's figures: the reminders of a province-sized day (5,000 units, each with an officer who
// has an address; 50,000 open work items due 7, 3 and 1 days ahead, today, and 1, 3 and 7 days
// late) computed and queued by the scheduler's first tick of the day (aim: under 10 s), and the
// tick that finds nothing to send (aim: under 50 ms). Driven through createScheduler with a stopped
// clock and a mailer that accepts and discards. Part of `npm run bench`; PostgreSQL is measured
// beside PGlite when DATABASE_URL is set. BENCH_REMINDER_BACKGROUND sets how many other work items
// (deadlines through the year, none on a reminder day) lie around them (default 150,000).

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { openStore } from "../dist/db/connection.js";
import {
  claimReminderDay,
  computeDeadlineReminders,
  recordReminderCount,
} from "../dist/db/notifications.repository.js";
import { addDays, zonedInstant } from "../dist/domain/clock.js";
import { createScheduler } from "../dist/services/reminders.service.js";
import { openFreshPostgres } from "../dist/testing/fresh-postgres.js";
import { schoolsUnderSo } from "./schools.js";

const ZONE = "Asia/Ho_Chi_Minh";
const DAY = "2026-11-23";
const UNITS = 5000;
const DUE_ITEMS = 50_000;
const TASKS_PER_PLAN = 20;
const UNITS_PER_TASK = 5;
// The plans' default reminder days (7, 3, 1) and the scheduler's own (today, 1, 3, 7 days late).
const OFFSETS = [7, 3, 1, 0, -1, -3, -7];
const BACKGROUND = Number(process.env.BENCH_REMINDER_BACKGROUND ?? 150_000);
const IDLE_TICKS = 50;

const dueTasks = DUE_ITEMS / UNITS_PER_TASK;
// A tenth more work on the reminder days, already done: read past, never reminded.
const doneTasks = dueTasks / 10;
const backgroundTasks = Math.ceil(BACKGROUND / UNITS_PER_TASK / TASKS_PER_PLAN) * TASKS_PER_PLAN;

export async function fill(db) {
  // 5,000 units under the Sở, each with an officer who has an address; a leader on every fifth.
  const sgd = await schoolsUnderSo(db, { at: `${DAY}T01:00:00Z`, prefix: "BENCHR", count: UNITS });
  await sql`
    insert into app_user (login, display_name, unit_id, role, password_hash, email)
    select 'canbo.' || id, 'Cán bộ ' || name, id, 'unit_officer', 'x', 'canbo' || id || '@truong.test'
    from unit where code like 'BENCHR%'`.execute(db);
  await sql`
    insert into app_user (login, display_name, unit_id, role, password_hash, email)
    select 'hieutruong.' || id, 'Hiệu trưởng ' || name, id, 'leader', 'x', 'hieutruong' || id || '@truong.test'
    from unit where code like 'BENCHR%' and id % 5 = 0`.execute(db);
  await sql`
    insert into app_user (login, display_name, unit_id, role, password_hash, email)
    values ('vanthu.bench', 'Văn thư Sở', ${sgd.id}, 'plan_officer', 'x', 'vanthu@so.test')`.execute(db);
  // Every tenth officer, the leaders and the plan officer take the morning digest; the rest each mail.
  await sql`
    insert into notify_pref (user_id, mode)
    select id, 'digest' from app_user
    where (role = 'unit_officer' and unit_id % 10 = 0) or role = 'leader' or login = 'vanthu.bench'`.execute(
    db,
  );

  const duePlans = (dueTasks + doneTasks) / TASKS_PER_PLAN;
  const bgPlans = backgroundTasks / TASKS_PER_PLAN;
  await sql`
    insert into document (sha256, file_name, media_type, size_bytes, content, text)
    select md5('r' || g) || md5('s' || g), 'bench-rem-' || g || '.txt', 'text/plain', 0, '', ''
    from generate_series(1, ${duePlans + bgPlans}) g`.execute(db);
  await sql`
    insert into plan (document_id, type, number, issuer, issuer_unit_id, year, title, status, parsed)
    select d.id, 'KH', d.id || '/KH-SGDĐT', 'Sở Giáo dục và Đào tạo', ${sgd.id}, 2026,
           case when row_number() over (order by d.id) <= ${duePlans} then 'Kế hoạch đến hạn ' else 'Kế hoạch nền ' end || d.id,
           'published', '{"reporting": []}'
    from document d where d.file_name like 'bench-rem-%'`.execute(db);
  await sql`
    insert into task (plan_id, key, position, title, content)
    select p.id, 'II.' || g, g, 'Nhiệm vụ thử số ' || g || ' của kế hoạch ' || p.id, ''
    from plan p, generate_series(1, ${TASKS_PER_PLAN}) g where p.title like 'Kế hoạch %' and p.number like '%/KH-SGDĐT'`.execute(
    db,
  );
  await sql`
    insert into task_unit (task_id, role, position, unit_text, method)
    select t.id, 'lead', 1, 'Các trường', 'collective' from task t join plan p on p.id = t.plan_id
    where p.title like 'Kế hoạch %' and p.number like '%/KH-SGDĐT'`.execute(db);
  // Five units a task: every unit has ten items on the reminder days (and one more, done).
  await sql`
    with u as (select min(id) as first from unit where code like 'BENCHR%'),
         t as (select t.id, row_number() over (order by t.id) as n, p.title like 'Kế hoạch đến hạn%' as due
               from task t join plan p on p.id = t.plan_id
               where p.title like 'Kế hoạch %' and p.number like '%/KH-SGDĐT')
    insert into work_item (task_id, unit_id, role)
    select t.id, u.first + case when t.due then (t.n * ${UNITS_PER_TASK} + k) % ${UNITS}
                                else (t.n * 7 + k * 13) % ${UNITS} end,
           case when k = 0 then 'lead' else 'cooperate' end
    from t cross join u cross join generate_series(0, ${UNITS_PER_TASK - 1}) k`.execute(db);
  const offsets = sql.raw(`array[${OFFSETS.join(",")}]`);
  await sql`
    insert into deadline (work_item_id, due)
    select w.id, ${DAY}::date + case
        when p.title like 'Kế hoạch đến hạn%' then (${offsets})[1 + (w.id % 7)::int]
        -- The rest through the year around the day, none on a reminder day.
        else (((w.id * 37) % 730) - 365)::int + case when (((w.id * 37) % 730) - 365)::int = any (${offsets}) then 400 else 0 end
      end
    from work_item w join task t on t.id = w.task_id join plan p on p.id = t.plan_id
    where p.title like 'Kế hoạch %' and p.number like '%/KH-SGDĐT'`.execute(db);
  // Of the reminder-day work, the last tenth of the tasks is done, a third of the rest under way;
  // half the other work has progress, a third of that done.
  await sql`
    with t as (select t.id, row_number() over (order by t.id) as n from task t join plan p on p.id = t.plan_id
               where p.title like 'Kế hoạch đến hạn%')
    insert into work_item_progress (work_item_id, status, done_on)
    select w.id, case when t.n > ${dueTasks} then 'done' else 'in_progress' end,
           case when t.n > ${dueTasks} then ${DAY}::date - 10 end
    from work_item w join t on t.id = w.task_id where t.n > ${dueTasks} or w.id % 3 = 0`.execute(db);
  await sql`
    insert into work_item_progress (work_item_id, status, done_on)
    select w.id, case when w.id % 3 = 0 then 'done' else 'in_progress' end,
           case when w.id % 3 = 0 then ${DAY}::date - 30 end
    from work_item w join task t on t.id = w.task_id join plan p on p.id = t.plan_id
    where p.title like 'Kế hoạch nền%' and w.id % 2 = 0`.execute(db);

  // Yesterday ran as the product runs it: its reminders computed at 08:00 (the day before's digest
  // is what this morning mails), and what went out one by one then is in the outbox as sent.
  const yesterday = addDays(DAY, -1);
  const yesterdayAt = zonedInstant(yesterday, 8, ZONE);
  await claimReminderDay(db, yesterday);
  await recordReminderCount(db, yesterday, await computeDeadlineReminders(db, yesterday, yesterdayAt));
  await sql`
    insert into mail_outbox (user_id, to_address, dedupe_key, subject, text_body, html_body, status, attempts,
                             next_attempt_at, created_at, sent_at)
    select n.user_id, a.email, 'n:' || n.id, '[kehoach] ' || n.title, n.body, '<p>' || n.body || '</p>', 'sent', 1,
           n.created_at, n.created_at, n.created_at
    from notification n join app_user a on a.id = n.user_id left join notify_pref p on p.user_id = n.user_id
    where coalesce(p.mode, 'each') = 'each'`.execute(db);
  // And every notification of yesterday was seen to then (mailed, or left to a digest).
  await sql`update notification set mail_seen_at = created_at`.execute(db);
  await sql`analyze`.execute(db);
  const count = async (q) => Number((await q.execute(db)).rows[0].n);
  return {
    units: await count(sql`select count(*) as n from unit`),
    workItems: await count(sql`select count(*) as n from work_item`),
    openDue: await count(sql`
      select count(*) as n from deadline d left join work_item_progress g on g.work_item_id = d.work_item_id
      where d.due - ${DAY}::date = any (${offsets}) and coalesce(g.status, '') <> 'done'`),
    yesterday: await count(sql`select count(*) as n from notification`),
  };
}

/** Marks when each query starts and how long it takes, by what it is (the scheduler's steps). */
function queryTimer() {
  const started = new Map();
  let log = [];
  const labelOf = (node) => {
    if (node.kind === "RawNode") {
      const text = node.sqlFragments.join("?").replace(/\s+/g, " ");
      if (text.includes("insert into reminder_day")) return "claim day";
      if (text.includes("with due as")) return "compute";
      if (text.includes("p.mode = 'digest'")) return "digestsToMail";
      if (text.includes("notify_pref")) return "queueNotificationMail";
      if (/update mail_outbox set status = 'pending'/.test(text)) return "claimMail";
      if (/update mail_outbox set status = 'sending'/.test(text)) return "claimMail";
      return "other";
    }
    const table = node.into?.table?.identifier?.name ?? node.table?.table?.identifier?.name;
    if (node.kind === "InsertQueryNode" && table === "mail_outbox") return "queueMail";
    if (node.kind === "UpdateQueryNode" && table === "mail_outbox") return "markMail";
    if (node.kind === "UpdateQueryNode" && table === "reminder_day") return "claim digests";
    return `${node.kind} ${table ?? ""}`.trim();
  };
  return {
    plugin: {
      transformQuery({ node, queryId }) {
        started.set(queryId, { label: labelOf(node), at: performance.now() });
        return node;
      },
      async transformResult({ queryId, result }) {
        const s = started.get(queryId);
        started.delete(queryId);
        if (s) log.push({ ...s, ms: performance.now() - s.at });
        return result;
      },
    },
    take() {
      const taken = log;
      log = [];
      return taken;
    },
  };
}

const quantile = (xs, p) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
};
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const n = (x) => x.toLocaleString("en");

async function measure(label, store) {
  const t0 = performance.now();
  const size = await fill(store.db);
  const made = (performance.now() - t0) / 1000;
  const timer = queryTimer();
  let now = zonedInstant(DAY, 8, ZONE);
  const sent = [];
  const mailer = {
    async send(mail) {
      sent.push(mail.to);
    },
    close() {},
  };
  const ctx = {
    db: store.db.withPlugin(timer.plugin),
    clock: { now: () => new Date(now), zone: ZONE },
    reader: null,
  };
  const scheduler = createScheduler(ctx, { mailer, publicUrl: "https://kehoach.so.test/" });
  const at = now;

  // (1) The first tick of the day: reminders computed, notifications made, mail and digests
  // queued, then sent (to a mailer that discards).
  timer.take();
  const a = performance.now();
  const first = await scheduler.tick();
  const b = performance.now();
  const log = timer.take();
  const startOf = (l) => log.find((q) => q.label === l)?.at;
  const queueAt = startOf("queueNotificationMail");
  const sendAt = startOf("claimMail");
  const count = async (q) => Number((await q.execute(store.db)).rows[0].n);
  const notifications = await count(sql`select count(*) as n from notification where created_at = ${at}`);
  const queuedEach = await count(
    sql`select count(*) as n from mail_outbox where created_at = ${at} and dedupe_key like 'n:%'`,
  );
  const queuedDigests = await count(
    sql`select count(*) as n from mail_outbox where created_at = ${at} and dedupe_key like 'd:%'`,
  );
  const eachWanted = await count(sql`
    select count(*) as n from notification n join app_user a on a.id = n.user_id and a.active and a.email is not null
    left join notify_pref p on p.user_id = n.user_id
    where n.created_at = ${at} and coalesce(p.mode, 'each') = 'each'`);

  // Then the ticks of the next minutes until there is nothing left to queue or send. How long it
  // takes to have everything queued: the ticks' time before each starts sending, summed.
  const beforeSending = (start, entries) => {
    const claim = entries.find((q) => q.label === "claimMail");
    return claim ? claim.at - start : null;
  };
  let drainTicks = 0;
  let drainMs = 0;
  let untilQueued = queuedEach >= eachWanted ? 0 : null;
  let queuingMs = beforeSending(a, log);
  let queuedAfterMs = queuingMs;
  let wallMs = b - a;
  let queuedWallMs = wallMs;
  for (let i = 0; i < 200; i++) {
    now = new Date(now.getTime() + 60_000);
    const c = performance.now();
    const r = await scheduler.tick();
    const ms = performance.now() - c;
    const part = beforeSending(c, timer.take());
    if (!r.queued && !r.sent && !r.failed) break;
    drainTicks++;
    drainMs += ms;
    wallMs += ms;
    queuingMs = queuingMs === null || part === null ? null : queuingMs + part;
    if (r.queued) {
      untilQueued = drainTicks;
      queuedAfterMs = queuingMs;
      queuedWallMs = wallMs;
    }
  }
  const allQueued = await count(sql`select count(*) as n from mail_outbox where created_at >= ${at}`);
  const sentTotal = sent.length;

  // (2) Ticks of the same day with nothing to send.
  const idle = [];
  const steps = new Map();
  let idleReport = null;
  for (let i = 0; i < IDLE_TICKS; i++) {
    now = new Date(now.getTime() + 60_000);
    timer.take();
    const c = performance.now();
    idleReport = await scheduler.tick();
    idle.push(performance.now() - c);
    for (const q of timer.take()) steps.set(q.label, [...(steps.get(q.label) ?? []), q.ms]);
  }
  const perTick = (l) => (steps.get(l) ?? []).reduce((x, y) => x + y, 0) / IDLE_TICKS;
  const nothing = !idleReport.queued && !idleReport.sent && idleReport.reminders === null;

  return {
    label,
    made,
    size,
    first,
    firstMs: b - a,
    computeMs: queueAt ? queueAt - a : null,
    queueMs: queueAt && sendAt ? sendAt - queueAt : null,
    sendMs: sendAt ? b - sendAt : null,
    notifications,
    queuedEach,
    queuedDigests,
    eachWanted,
    drainTicks,
    drainMs,
    untilQueued,
    queuedAfterMs,
    queuedWallMs,
    allQueued,
    sentTotal,
    idleMedian: quantile(idle, 0.5),
    idleP95: quantile(idle, 0.95),
    idleSteps: [...steps.keys()].map((l) => `${l} ${perTick(l).toFixed(1)}`),
    nothing,
  };
}

async function onPglite() {
  const dir = mkdtempSync(join(tmpdir(), "kehoach-bench-rem-"));
  const store = await openStore({ dataDir: dir });
  try {
    return await measure("PGlite", store);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres() {
  const store = await openFreshPostgres(process.env.DATABASE_URL, "kehoach_bench_rem");
  try {
    return await measure("PostgreSQL", store);
  } finally {
    await store.close();
  }
}

function print(results) {
  const r0 = results[0];
  console.log(
    `reminders for ${DAY} (clock stopped at 08:00 ${ZONE}; ticks a minute apart; mailer accepts and discards): ` +
      `${n(UNITS)} units + the sample directory (${n(r0.size.units)}), ${n(r0.size.workItems)} work items of which ${n(r0.size.openDue)} open on a reminder day (${OFFSETS.join(", ")} days); ` +
      `yesterday's ${n(r0.size.yesterday)} notifications already there`,
  );
  const ms = (x) => (x === null ? "n/a" : s(x));
  const rows = [
    ["made in", (r) => `${r.made.toFixed(0)} s`, ""],
    ["first tick of the day, in all", (r) => s(r.firstMs), ""],
    [
      "  reminders computed + mail queued (before sending)",
      (r) => ms(r.computeMs === null || r.queueMs === null ? null : r.computeMs + r.queueMs),
      "under 10 s",
    ],
    ["    reminders computed (claim, compute, record)", (r) => ms(r.computeMs), ""],
    ["    mail and digests queued", (r) => ms(r.queueMs), ""],
    ["  sending (claim + discard + mark sent)", (r) => ms(r.sendMs), ""],
    [
      "  reminders reported / notifications made",
      (r) => `${n(r.first.reminders ?? 0)} / ${n(r.notifications)}`,
      "",
    ],
    ["  one-by-one mail queued / wanted", (r) => `${n(r.queuedEach)} / ${n(r.eachWanted)}`, "all"],
    ["  digests queued", (r) => n(r.queuedDigests), ""],
    ["  mail sent by the tick", (r) => n(r.first.sent), ""],
    ["further ticks with work, their time", (r) => `${r.drainTicks}, ${s(r.drainMs)}`, ""],
    [
      "all mail queued after: ticks, minutes, tick time",
      (r) =>
        r.untilQueued === null
          ? "not within 200 ticks"
          : `${1 + r.untilQueued}, ${r.untilQueued} min, ${s(r.queuedWallMs)}`,
      "",
    ],
    [
      "  of that tick time, before sending",
      (r) => (r.untilQueued === null ? "n/a" : ms(r.queuedAfterMs)),
      "under 10 s",
    ],
    ["  mails queued / sent in all", (r) => `${n(r.allQueued)} / ${n(r.sentTotal)}`, ""],
    [`idle tick, median of ${IDLE_TICKS}`, (r) => `${r.idleMedian.toFixed(1)} ms`, "under 50 ms"],
    [`idle tick, p95 of ${IDLE_TICKS}`, (r) => `${r.idleP95.toFixed(1)} ms`, "under 50 ms"],
  ];
  const cells = rows.map(([name, f, target]) => [
    name,
    ...results.map((r) => (r ? f(r) : "not measured")),
    target,
  ]);
  const head = ["", ...results.map((r, i) => r?.label ?? (i ? "PostgreSQL" : "PGlite")), "target"];
  const widths = head.map((_, i) => Math.max(...[head, ...cells].map((c) => c[i].length)));
  const line = (c) => `  ${c.map((x, i) => (i ? x.padStart(widths[i]) : x.padEnd(widths[i]))).join("  ")}`;
  console.log(line(head));
  for (const c of cells) console.log(line(c));
  for (const r of results)
    if (r)
      console.log(
        `  ${r.label} idle tick, mean ms per step: ${r.idleSteps.join(", ")}${r.nothing ? "" : " (the last idle tick still had work)"}`,
      );
  if (!results[1]) console.log("  PostgreSQL: not measured (set DATABASE_URL=postgres://… to measure it)");
}

export async function benchReminders() {
  const results = [await onPglite(), process.env.DATABASE_URL ? await onPostgres() : null];
  print(results);
}

// Alone: `node bench/reminders.js` (after `npm run build`).
if (import.meta.url === `file://${process.argv[1]}`) await benchReminders();
