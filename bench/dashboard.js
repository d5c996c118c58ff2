// The deadline-day figure: a leader's overview over a province's year of work (DESIGN "Scale":
// ~2,000 plans, ~1,000,000 task × unit work items), read from the kept tally, beside the live
// four-state scan it replaces; and the cost an accepted report pays to keep the tally.
// Part of `npm run bench`; BENCH_WORK_ITEMS sets the size (default 1,000,000).

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { openStore } from "../dist/db/connection.js";
import { bringTallyUpToDate, refreshTally } from "../dist/db/progress-tally.repository.js";
import { fixedClock } from "../dist/domain/clock.js";
import { inProcessReader } from "../dist/intake/in-process-reader.js";
import { overviewWarnings, overview as readOverview } from "../dist/services/overview.service.js";
import { unitWorkspace } from "../dist/services/workspace.service.js";
import { openFreshPostgres } from "../dist/testing/fresh-postgres.js";
import { schoolsUnderSo } from "./schools.js";

const WORK_ITEMS = Number(process.env.BENCH_WORK_ITEMS ?? 1_000_000);
const PLANS = Math.max(10, Math.round(WORK_ITEMS / 500));
const TASKS_PER_PLAN = 50;
const UNITS = 1000;

export async function fill(db) {
  // A thousand schools under the Sở.
  const sgd = await schoolsUnderSo(db, { at: "2026-11-23T08:00:00Z", prefix: "BENCH", count: UNITS });
  await sql`
    insert into document (sha256, file_name, media_type, size_bytes, content, text)
    select md5('d' || g) || md5('e' || g), 'bench-' || g || '.txt', 'text/plain', 0, '', ''
    from generate_series(1, ${PLANS}) g`.execute(db);
  await sql`
    insert into plan (document_id, type, number, issuer, issuer_unit_id, year, title, status, parsed)
    select d.id, 'KH', d.id || '/KH-SGDĐT', 'Sở Giáo dục và Đào tạo', ${sgd.id}, 2026, 'Kế hoạch thử ' || d.id,
           'published', '{"reporting": []}'
    from document d where d.file_name like 'bench-%'`.execute(db);
  await sql`
    insert into task (plan_id, key, position, title, content)
    select p.id, 'II.' || g, g, 'Nhiệm vụ ' || g, '' from plan p, generate_series(1, ${TASKS_PER_PLAN}) g
    where p.number like '%/KH-SGDĐT' and p.title like 'Kế hoạch thử %'`.execute(db);
  const perTask = Math.max(1, Math.round(WORK_ITEMS / (PLANS * TASKS_PER_PLAN)));
  await sql`
    insert into work_item (task_id, unit_id, role)
    select t.id, u.id, case when g = 1 then 'lead' else 'cooperate' end
    from task t cross join generate_series(1, ${perTask}) g
    -- each plan tasks a set of 40 schools; each task ten of them
    join lateral (select id from unit
                  where code = 'BENCH' || (1 + (t.plan_id * 40 + (t.position * 3 + g * 7) % 40) % ${UNITS})) u on true
    on conflict do nothing`.execute(db);
  // Deadlines through 2026 and 2027, one per task; a third of the work done, some of it late.
  await sql`
    insert into deadline (work_item_id, due)
    select w.id, date '2026-01-15' + ((t.id * 37) % 700)::int from work_item w join task t on t.id = w.task_id`.execute(
    db,
  );
  await sql`
    insert into work_item_progress (work_item_id, status, done_on)
    select id, case when id % 3 = 0 then 'done' else 'in_progress' end,
           case when id % 3 = 0 then date '2026-01-15' + (((id * 37) % 700) + ((id % 5) - 2) * 10)::int end
    from work_item where id % 2 = 0`.execute(db);
  await sql`analyze`.execute(db);
  const n = await sql`select count(*)::int as n from work_item`.execute(db);
  return { sgd, workItems: n.rows[0].n };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function time(fn, rounds = 5) {
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

async function measure(label, store) {
  const t0 = performance.now();
  const { sgd, workItems } = await fill(store.db);
  const plans = await store.db.selectFrom("plan").select("id").where("status", "=", "published").execute();
  const t1 = performance.now();
  // The pair tally as publication builds it, then every rollup at once as a new installation's
  // first day does (one refreshTally per plan would also recount every unit's row each time).
  await sql`update tally_clock set rollups_as_of = null`.execute(store.db).catch(() => {});
  for (const p of plans) await refreshTally(store.db, String(p.id), "2026-11-23");
  const t2 = performance.now();
  await sql`update tally_clock set rollups_as_of = null`.execute(store.db);
  await bringTallyUpToDate(store.db, "2026-11-23");
  const t3 = performance.now();
  const tallyRows = (await sql`select count(*)::int as n from progress_tally`.execute(store.db)).rows[0].n;
  console.log(
    `dashboard on ${label}: ${workItems.toLocaleString("en")} work items in ${plans.length} plans × ${UNITS} units (made in ${((t1 - t0) / 1000).toFixed(0)} s); tally built in ${((t2 - t1) / 1000).toFixed(1)} s → ${tallyRows.toLocaleString("en")} rows; rollups and warnings built in ${((t3 - t2) / 1000).toFixed(1)} s`,
  );
  const leader = {
    id: "0",
    login: "bench",
    role: "leader",
    unitId: String(sgd.id),
    unitPath: sgd.path,
    reach: sgd.path,
  };
  const school = await sql`select id, path::text as path from unit where code = 'BENCH17'`.execute(store.db);
  const officer = {
    id: "0",
    login: "bench-school",
    role: "officer",
    unitId: String(school.rows[0].id),
    unitPath: school.rows[0].path,
    reach: school.rows[0].path,
  };
  const at = (instant) => ({ db: store.db, clock: fixedClock(instant), reader: inProcessReader });
  const day = at("2026-11-23T08:00:00Z");
  const overview = await time(() => readOverview(day, leader));
  const warnings = await time(() => overviewWarnings(day, leader));
  const workspace = await time(() => unitWorkspace(day, officer));
  // What the overview would cost without the tally: the four states by a scan of every work item.
  const live = await time(
    () =>
      sql`
      select count(*) filter (where g.status = 'done' and (g.done_on is null or fd.d is null or g.done_on <= fd.d)) as on_time,
             count(*) filter (where g.status = 'done' and g.done_on > fd.d) as late,
             count(*) filter (where coalesce(g.status, '') <> 'done' and fd.d < date '2026-11-23') as overdue,
             count(*) filter (where coalesce(g.status, '') <> 'done' and (fd.d is null or fd.d >= date '2026-11-23')) as in_progress
      from work_item w left join work_item_progress g on g.work_item_id = w.id
      left join lateral (select min(due) as d from deadline where work_item_id = w.id) fd on true`.execute(
        store.db,
      ),
    3,
  );
  // What one accepted report pays to keep the tally and the rollups: the plan × unit rebuild.
  const pair =
    await sql`select t.plan_id, w.unit_id from work_item w join task t on t.id = w.task_id limit 1`.execute(
      store.db,
    );
  const keep = await time(() =>
    store.db
      .transaction()
      .execute((trx) =>
        refreshTally(trx, String(pair.rows[0].plan_id), "2026-11-23", String(pair.rows[0].unit_id)),
      ),
  );
  // A new day: the scheduler's first round brings the tally, the rollups and the warnings to it, so
  // the day's first reader finds them done.
  const t4 = performance.now();
  await bringTallyUpToDate(store.db, "2026-11-24");
  const newDay = performance.now() - t4;
  const t5 = performance.now();
  await readOverview(at("2026-11-24T08:00:00Z"), leader);
  const firstOfDay = performance.now() - t5;
  console.log(
    `  leader's overview (whole Sở, kept rollups): median ${overview.toFixed(0)} ms; its warnings: ${warnings.toFixed(0)} ms; a school's workspace (first page): ${workspace.toFixed(0)} ms; live four-state scan: ${live.toFixed(0)} ms`,
  );
  console.log(
    `  keeping the tally and rollups on an accepted report: ${keep.toFixed(1)} ms; a new day brought up to date by the scheduler: ${(newDay / 1000).toFixed(1)} s, then the day's first overview: ${firstOfDay.toFixed(0)} ms`,
  );
}

export async function benchDashboard() {
  const dir = mkdtempSync(join(tmpdir(), "kehoach-bench-dash-"));
  const lite = await openStore({ dataDir: dir });
  try {
    await measure("PGlite", lite);
  } finally {
    await lite.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (process.env.DATABASE_URL) {
    const store = await openFreshPostgres(process.env.DATABASE_URL, "kehoach_bench_dash");
    try {
      await measure("PostgreSQL", store);
    } finally {
      await store.close();
    }
  } else console.log("dashboard on PostgreSQL: not measured (set DATABASE_URL=postgres://… to measure it)");
}

// Alone: `node bench/dashboard.js` (after `npm run build`).
if (import.meta.url === `file://${process.argv[1]}`) await benchDashboard();
