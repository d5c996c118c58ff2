// Deadline day's figure (issue 13, item 3): units sending their reports. A province's Sở gives
// PLANS plans of TASKS tasks to UNITS schools; every school owes each plan's open-period report.
// The real server runs as a second process (`node bin/kehoach.js serve`, 127.0.0.1) and clients
// each act for schools, one report after another, the schools of one plan side by side (as they
// all send the Sở's plan on the day): save the report (PUT /api/v1/reports/plans/:planId) then
// send it (POST /api/v1/reports/:id/submit), or both in one request (`submit: true`). Printed:
// submissions a second and their latency (p50/p95/p99, save and submit together) at 1, 10 and 50
// clients, on PostgreSQL (DATABASE_URL) and on PGlite; and the statements one save and one submit
// send (BEGIN and COMMIT included). Figures only: nothing here passes or fails.
// Part of `npm run bench`; BENCH_SUBMIT_SECONDS sets each run's length (default 8), BENCH_SUBMIT_UNITS
// the schools (default 1,000).

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { openStore } from "../dist/db/connection.js";
import { bringTallyUpToDate, refreshTally } from "../dist/db/progress-tally.repository.js";
import { systemClock, today as todayOf } from "../dist/domain/clock.js";
import { adminQuery } from "../dist/testing/fresh-postgres.js";
import { drive, line, openSessions, reportItems, request, startServer } from "./http-load.js";
import { schoolsUnderSo } from "./schools.js";

const UNITS = Number(process.env.BENCH_SUBMIT_UNITS ?? 1000);
const PLANS = 30;
const TASKS = 4;
const SECONDS = Number(process.env.BENCH_SUBMIT_SECONDS ?? 8);
const CLIENTS = [1, 10, 50];

/** The province: schools, plans, work, deadlines, the kept tally; an officer signed in per school. */
export async function fill(db, day) {
  const sgd = await schoolsUnderSo(db, { at: `${day}T01:00:00Z`, prefix: "BENCHS", count: UNITS });
  await sql`
    insert into document (sha256, file_name, media_type, size_bytes, content, text)
    select md5('s' || g) || md5('u' || g), 'bench-submit-' || g || '.txt', 'text/plain', 0, '', ''
    from generate_series(1, ${PLANS}) g`.execute(db);
  // Published two months ago, reporting on the default half-yearly regime (open period: 15/6 or 15/12).
  await sql`
    insert into plan (document_id, type, number, issuer, issuer_unit_id, year, title, status, parsed, published_on)
    select d.id, 'KH', d.id || '/KH-SGDĐT', 'Sở Giáo dục và Đào tạo', ${sgd.id}, 2026, 'Kế hoạch thử ' || d.id,
           'published', '{"reporting": []}', ${day}::date - 60
    from document d where d.file_name like 'bench-submit-%'`.execute(db);
  await sql`
    insert into task (plan_id, key, position, title, content)
    select p.id, 'II.' || g, g, 'Nhiệm vụ ' || g || ' của kế hoạch ' || p.id, ''
    from plan p, generate_series(1, ${TASKS}) g where p.title like 'Kế hoạch thử %'`.execute(db);
  await sql`
    insert into work_item (task_id, unit_id, role)
    select t.id, u.id, 'lead' from task t join plan p on p.id = t.plan_id and p.title like 'Kế hoạch thử %'
    cross join unit u where u.code like 'BENCHS%'`.execute(db);
  await sql`
    insert into deadline (work_item_id, due)
    select w.id, ${day}::date + ((w.id * 37) % 200)::int - 60 from work_item w`.execute(db);
  await sql`analyze`.execute(db);
  const plans = await db.selectFrom("plan").select("id").where("status", "=", "published").execute();
  for (const p of plans) await refreshTally(db, String(p.id), day);
  await sql`update tally_clock set rollups_as_of = null`.execute(db);
  await bringTallyUpToDate(db, day);
  // An officer per school, signed in: the session's cookie value is kept here, its hash there.
  await sql`
    insert into app_user (login, display_name, unit_id, role, password_hash)
    select 'canbo.' || id, 'Cán bộ ' || name, id, 'unit_officer', 'x' from unit where code like 'BENCHS%'`.execute(
    db,
  );
  const users = await sql`
    select a.id, a.unit_id from app_user a join unit u on u.id = a.unit_id
    where u.code like 'BENCHS%' order by a.unit_id`.execute(db);
  const sessions = await openSessions(
    db,
    users.rows.map((u) => ({ userId: u.id, key: u.unit_id })),
  );
  // Each plan's schools side by side: the order reports are sent in (BENCH_SUBMIT_ORDER=spread:
  // in no order, every plan at once).
  const order =
    process.env.BENCH_SUBMIT_ORDER === "spread" ? sql`md5(t.plan_id || '.' || w.unit_id)` : sql`1, 2`;
  const work = await sql`
    select t.plan_id, w.unit_id, array_agg(w.id order by t.position) as items
    from work_item w join task t on t.id = w.task_id join unit u on u.id = w.unit_id
    where u.code like 'BENCHS%' group by 1, 2 order by ${order}`.execute(db);
  const pairs = work.rows.map((r) => ({
    planId: String(r.plan_id),
    session: sessions.get(String(r.unit_id)),
    // The first of its tasks done, the others in progress.
    items: reportItems(r.items, Number.POSITIVE_INFINITY),
  }));
  const n = await sql`select count(*)::int as n from work_item`.execute(db);
  return { pairs, workItems: n.rows[0].n };
}

/** The statements one save and one submit send, counted as Kysely hands them over (BEGIN/COMMIT too). */
async function countStatements(openCounted, pair) {
  let counting = false;
  let n = 0;
  const store = await openCounted({
    log: (event) => {
      if (counting && event.level === "query") n++;
    },
  });
  try {
    const { buildApp } = await import("../dist/server/app.js");
    const { inProcessReader } = await import("../dist/intake/in-process-reader.js");
    const app = await buildApp({ store, reader: inProcessReader, importJobs: false });
    const headers = { cookie: `kh_session=${pair.session.cookie}`, "x-csrf-token": pair.session.csrf };
    const count = async (request) => {
      n = 0;
      counting = true;
      const r = await app.inject({ ...request, headers });
      counting = false;
      if (r.statusCode >= 300) throw new Error(`${request.method} ${request.url}: ${r.statusCode} ${r.body}`);
      return { n, reply: r };
    };
    const save = await count({
      method: "PUT",
      url: `/api/v1/reports/plans/${pair.planId}`,
      payload: { items: pair.items },
    });
    const submit = await count({ method: "POST", url: `/api/v1/reports/${save.reply.json().id}/submit` });
    await app.close();
    return { save: save.n, submit: submit.n };
  } finally {
    await store.close();
  }
}

/**
 * `clients` clients send reports for SECONDS (or until the pairs run out), each taking the next
 * pair owing a report; a submission is timed from its save's start to its submit's answer.
 */
function submitting(port, pairs, clients, oneRequest) {
  return drive({
    port,
    clients,
    seconds: SECONDS,
    one: async (agent) => {
      const pair = pairs.shift();
      if (!pair) return null;
      const url = `/api/v1/reports/plans/${pair.planId}`;
      const saved = await request(agent, port, "PUT", url, pair.session, {
        items: pair.items,
        ...(oneRequest ? { submit: true } : {}),
      });
      if (saved.status !== 200) return { ok: false, why: `${saved.status} ${saved.body.slice(0, 200)}` };
      if (oneRequest) return { ok: true };
      const sent = await request(
        agent,
        port,
        "POST",
        `/api/v1/reports/${JSON.parse(saved.body).id}/submit`,
        pair.session,
      );
      return sent.status === 204
        ? { ok: true }
        : { ok: false, why: `${sent.status} ${sent.body.slice(0, 200)}` };
    },
  });
}

async function measure(label, openBench, serverEnv) {
  const day = todayOf(systemClock);
  const t0 = performance.now();
  const store = await openBench();
  let filled;
  try {
    filled = await fill(store.db, day);
  } finally {
    await store.close();
  }
  const { pairs, workItems } = filled;
  console.log(
    `report submissions on ${label}: ${UNITS.toLocaleString("en")} schools × ${PLANS} plans of ${TASKS} tasks (${workItems.toLocaleString("en")} work items, ${pairs.length.toLocaleString("en")} reports owed; made in ${((performance.now() - t0) / 1000).toFixed(0)} s)`,
  );
  const counted = await countStatements(openBench, pairs.shift());
  console.log(`  statements (BEGIN/COMMIT included): save ${counted.save}, submit ${counted.submit}`);
  const server = await startServer(serverEnv);
  try {
    for (const oneRequest of process.env.BENCH_SUBMIT_TWO_ONLY ? [false] : [false, true]) {
      const figures = [];
      for (const clients of CLIENTS) {
        figures.push(line(clients, await submitting(server.port, pairs, clients, oneRequest)));
      }
      console.log(
        `  ${oneRequest ? "save and submit in one request" : "save, then submit"} — ${figures.join("; ")}`,
      );
    }
  } finally {
    await server.stop();
  }
}

export async function benchSubmit() {
  if (process.env.DATABASE_URL) {
    const name = `kehoach_bench_submit_${process.pid}`;
    await adminQuery(process.env.DATABASE_URL, `create database ${name}`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    try {
      await measure("PostgreSQL", (options = {}) => openStore({ ...options, url: url.toString() }), {
        DATABASE_URL: url.toString(),
      });
    } finally {
      await adminQuery(process.env.DATABASE_URL, `drop database if exists ${name} with (force)`);
    }
  } else
    console.log(
      "report submissions on PostgreSQL: not measured (set DATABASE_URL=postgres://… to measure it)",
    );
  // BENCH_SUBMIT_PGLITE=0 leaves PGlite out (to measure PostgreSQL again alone).
  if (process.env.BENCH_SUBMIT_PGLITE === "0") return;
  const dir = mkdtempSync(join(tmpdir(), "kehoach-bench-submit-"));
  try {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    await measure("PGlite", (options = {}) => openStore({ ...options, dataDir: dir }), {
      DATABASE_URL: "",
      KEHOACH_DATA: dir,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Alone: `node bench/submit.js` (after `npm run build`).
if (import.meta.url === `file://${process.argv[1]}`) await benchSubmit();
