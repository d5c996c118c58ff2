// Deadline day on the real server (issue 13, item 6): the province (the dashboard bench's dataset,
// BENCH_WORK_ITEMS work items, 1,000,000 by default: ~2,000 plans of the Sở to 1,000 schools) is
// built in a PostgreSQL database of its own, `kehoach serve` runs on it as a second process on the
// loopback interface, and clients — 1, 10 and 50, each one request after another for
// BENCH_LOAD_SECONDS (5 by default) — ask what people ask on the day: a school sends its report
// (saved and sent in one request), the Sở's leader opens the overview, a school opens its workspace,
// someone searches. Printed: requests a second and p50/p95/p99 for each, and the answer's size.
// Figures only: nothing here passes or fails. Needs DATABASE_URL (PGlite's submission figures are
// bench/submit.js's). Alone: `node bench/load.js` after `npm run build`.

import { sql } from "kysely";
import { openStore } from "../dist/db/connection.js";
import { migrateToLatest } from "../dist/db/migrate.js";
import { bringTallyUpToDate, refreshTally } from "../dist/db/progress-tally.repository.js";
import { systemClock, today as todayOf } from "../dist/domain/clock.js";
import { adminQuery } from "../dist/testing/fresh-postgres.js";
import { fill } from "./dashboard.js";
import { drive, line, openSessions, reportItems, request, settle, startServer } from "./http-load.js";

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 5);
const CLIENTS = [1, 10, 50];
// Words the made-up tasks are written in, so that a search has something to find and to rank.
const WORDS = [
  "chuyen doi so",
  "an toan giao thong",
  "phong chong thien tai",
  "boi duong giao vien",
  "kiem dinh chat luong",
  "the duc the thao",
  "giao duc huong nghiep",
  "phong chay chua chay",
  "cai cach hanh chinh",
  "ngoai ngu",
  "thu vien",
  "y te truong hoc",
];

/** The province, its kept counts as of today, and the people who act on it, signed in. */
async function province(db, day) {
  const { sgd, workItems } = await fill(db);
  // Plans published two months ago; their tasks written in WORDS, searchable as imports make them.
  await sql`update plan set published_on = ${day}::date - 60,
                            search_text = 'ke hoach ' || number || ' ' || lower(kh_fold(title)) || ' so giao duc va dao tao'`.execute(
    db,
  );
  await sql`update task set search_text = 'nhiem vu ' || position || ' ' ||
                            (${WORDS}::text[])[1 + (id % ${WORDS.length})] || ' ' || (${WORDS}::text[])[1 + (id * 7 % ${WORDS.length})]`.execute(
    db,
  );
  await sql`analyze`.execute(db);
  const plans = await db.selectFrom("plan").select("id").where("status", "=", "published").execute();
  await sql`update tally_clock set rollups_as_of = null`.execute(db).catch(() => {});
  for (const p of plans) await refreshTally(db, String(p.id), day);
  await sql`update tally_clock set rollups_as_of = null`.execute(db);
  await bringTallyUpToDate(db, day);
  // The Sở's leader, and an officer of each school.
  await sql`
    insert into app_user (login, display_name, unit_id, role, password_hash)
    values ('lanhdao.so', 'Giám đốc Sở', ${sgd.id}, 'leader', 'x')`.execute(db);
  await sql`
    insert into app_user (login, display_name, unit_id, role, password_hash)
    select 'canbo.' || id, 'Cán bộ ' || name, id, 'unit_officer', 'x' from unit where code like 'BENCH%'`.execute(
    db,
  );
  const users =
    await sql`select id, unit_id, login from app_user where login = 'lanhdao.so' or login like 'canbo.%'`.execute(
      db,
    );
  const sessions = await openSessions(
    db,
    users.rows.map((u) => ({ userId: u.id, key: u.login === "lanhdao.so" ? "leader" : u.unit_id })),
  );
  // The reports owed: each plan's schools side by side, as they send the Sở's plan on the day.
  const owed = await sql`
    select t.plan_id, w.unit_id, array_agg(w.id order by t.position, w.id) as items
    from work_item w join task t on t.id = w.task_id join unit u on u.id = w.unit_id
    where u.code like 'BENCH%' group by 1, 2 order by 1, 2`.execute(db);
  const reports = owed.rows.map((r) => ({
    planId: String(r.plan_id),
    session: sessions.get(String(r.unit_id)),
    items: reportItems(r.items.slice(0, 500), 3),
  }));
  const schools = [...sessions.entries()].filter(([k]) => k !== "leader").map(([, s]) => s);
  return { workItems, plans: plans.length, leader: sessions.get("leader"), schools, reports };
}

/** The operations measured, each a function of the connection pool it sends on. */
function operations(port, p) {
  let n = 0;
  const get = (path, session) => async (agent) => {
    const r = await request(agent, port, "GET", path, session);
    return r.status === 200
      ? { ok: true, bytes: r.bytes }
      : { ok: false, why: `${r.status} ${r.body.slice(0, 200)}` };
  };
  return {
    "overview (the Sở's leader)": get("/api/v1/overview", p.leader),
    "workspace (a school, first page)": (agent) =>
      get("/api/v1/workspace", p.schools[n++ % p.schools.length])(agent),
    "search (a phrase of the tasks, the leader)": (agent) =>
      get(`/api/v1/search?q=${encodeURIComponent(WORDS[n++ % WORDS.length])}`, p.leader)(agent),
    // Last: the reads are measured on the province as built (and analysed), before reports change it.
    "report sent (saved and submitted in one request)": async (agent) => {
      const report = p.reports.shift();
      if (!report) return null;
      const r = await request(agent, port, "PUT", `/api/v1/reports/plans/${report.planId}`, report.session, {
        items: report.items,
        submit: true,
      });
      return r.status === 200 ? { ok: true } : { ok: false, why: `${r.status} ${r.body.slice(0, 200)}` };
    },
  };
}

export async function benchLoad() {
  if (!process.env.DATABASE_URL) {
    console.log("load on the real server: not measured (set DATABASE_URL=postgres://… to measure it)");
    return;
  }
  const name = `kehoach_bench_load_${process.pid}`;
  await adminQuery(process.env.DATABASE_URL, `create database ${name}`);
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  try {
    const day = todayOf(systemClock);
    const t0 = performance.now();
    const store = await openStore({ url: url.toString() });
    let p;
    try {
      await migrateToLatest(store.db);
      p = await province(store.db, day);
    } finally {
      await store.close();
    }
    console.log(
      `load on the real server (PostgreSQL, a second process on 127.0.0.1): ${p.workItems.toLocaleString("en")} work items in ${p.plans.toLocaleString("en")} plans × ${p.schools.length.toLocaleString("en")} schools, ${p.reports.length.toLocaleString("en")} reports owed (made in ${((performance.now() - t0) / 1000).toFixed(0)} s); ${SECONDS} s per figure`,
    );
    const server = await startServer({ DATABASE_URL: url.toString(), KEHOACH_DATA: "" });
    const watch = await openStore({ url: url.toString() });
    try {
      const s0 = performance.now();
      await settle(server.pid, watch.db);
      console.log(
        `  the server's first round (the day's reminders) took ${((performance.now() - s0) / 1000).toFixed(0)} s; measured after it`,
      );
      // BENCH_LOAD_ONLY=workspace (a word of the label) measures that alone.
      const only = process.env.BENCH_LOAD_ONLY;
      for (const [label, one] of Object.entries(operations(server.port, p))) {
        if (only && !label.includes(only)) continue;
        const figures = [];
        let bytes = 0;
        for (const clients of CLIENTS) {
          const r = await drive({
            port: server.port,
            clients,
            seconds: SECONDS,
            one: async (agent) => {
              const o = await one(agent);
              if (o?.bytes) bytes = o.bytes;
              return o;
            },
          });
          figures.push(line(clients, r));
        }
        console.log(`  ${label}${bytes ? ` (${(bytes / 1024).toFixed(0)} KB)` : ""} — ${figures.join("; ")}`);
      }
    } finally {
      await watch.close();
      await server.stop();
    }
  } finally {
    // BENCH_LOAD_KEEP=1 leaves the province's database to look into (EXPLAIN, a server of one's own).
    if (process.env.BENCH_LOAD_KEEP) console.log(`  the province is kept in the database ${name}`);
    else await adminQuery(process.env.DATABASE_URL, `drop database if exists ${name} with (force)`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchLoad();
