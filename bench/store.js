// The store's figures: import rate (plans/s) into PGlite and PostgreSQL, how it holds as the
// database grows to 10,000 plans (with the SQL statements one import makes), and search latency
// over 10,000 plans. Part of `npm run bench`; PostgreSQL is measured when DATABASE_URL is set.

import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { openStore } from "../dist/db/connection.js";
import { insertImportJob } from "../dist/db/import-jobs.repository.js";
import { migrateToLatest } from "../dist/db/migrate.js";
import { searchPlans } from "../dist/db/plans.repository.js";
import { systemClock } from "../dist/domain/clock.js";
import { foldForSearch } from "../dist/domain/plan-search.js";
import { inProcessReader } from "../dist/intake/in-process-reader.js";
import { createPlanReaderPool } from "../dist/intake/pool.js";
import { createImportRunner } from "../dist/services/import-jobs.service.js";
import { importPlanFile, readDirectory } from "../dist/services/plan-import.service.js";
import { importDirectory } from "../dist/services/units.service.js";
import { openFreshPostgres } from "../dist/testing/fresh-postgres.js";
import { generatePlan } from "../dist/testing/generate-plan.js";
import { numberKey } from "../dist/text/number-key.js";

const root = join(import.meta.dirname, "..");

async function measureImport(label, store, plans) {
  await migrateToLatest(store.db);
  const ctx = { db: store.db, clock: systemClock, reader: inProcessReader };
  await importDirectory(ctx, null, readFileSync(join(root, "examples", "don-vi-mau.csv"), "utf8"));
  const dir = await readDirectory(ctx);
  const t0 = performance.now();
  for (const [i, text] of plans.entries())
    await importPlanFile(ctx, dir, null, `plan-${i}.txt`, Buffer.from(text));
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    `import into ${label}: ${(plans.length / seconds).toFixed(1)} plans/s (${plans.length} plans of 20 tasks, ${seconds.toFixed(1)} s)`,
  );
}

// Statements of one import before issue 13 (item 4): the graph's twelve inserts and look-ups, not
// counting begin and commit.
const STATEMENTS_BEFORE = 12;
// The sizes the import rate is measured at, and the plans imported at each.
const SIZES = [1000, 5000, 10000];
const FIRST = 500;
const WINDOW = 200;

// Issuers plans of one number come from: a province's committee, its districts' and its Sở.
const ISSUERS = [
  "Ủy ban nhân dân tỉnh An Bình",
  "UBND huyện Đông Sơn",
  "Ủy ban nhân dân thành phố Bình Minh",
  "Sở Giáo dục và Đào tạo",
  "Sở Y tế",
];

/**
 * Plans made up with SQL up to `total`, shaped like imported ones where an import's reference
 * look-up reads them (a number shared by several issuers and years, its date) and carrying the
 * tasks, units, work and deadlines of the imported plan `template`, so every table grows.
 */
async function prefill(db, template, total) {
  const have = Number((await sql`select count(*)::int as n from plan`.execute(db)).rows[0].n);
  for (let from = have; from < total; from += 1000) {
    const rows = Array.from({ length: Math.min(1000, total - from) }, (_, k) => {
      const i = from + k;
      // A quarter are the committees' "N/KH-UBND" the made-up plans cite, of several years and issuers.
      const cited = i % 4 === 0;
      const number = cited ? `${i % 90}/KH-UBND` : `${3000 + i}/KH-${i % 3 ? "SGDĐT" : "SYT"}`;
      const year = 2017 + (i % 10);
      const issuer = ISSUERS[cited ? (i >> 2) % 3 : 3 + (i % 2)];
      const title = `Triển khai công tác năm ${year}, đợt ${i}`;
      return {
        sha: createHash("sha256").update(`prefill-${i}`).digest("hex"),
        name: `prefill-${i}.txt`,
        number,
        key: numberKey(number),
        issuer,
        issuedOn: `${year}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
        year,
        title,
        search: foldForSearch(`Kế hoạch ${number} ${title} ${issuer}`),
      };
    });
    const col = (k) => rows.map((r) => r[k]);
    const made = await sql`
      with d as (
        insert into document (sha256, file_name, media_type, size_bytes, content, text)
        select sha, name, 'text/plain', 0, '', '' from unnest(${col("sha")}::text[], ${col("name")}::text[]) as x(sha, name)
        returning id, file_name)
      insert into plan (document_id, type, number, number_key, issuer, issued_on, year, title, parsed, search_text)
      select d.id, 'KH', x.number, x.key, x.issuer, x.issued_on, x.year, x.title, '{}', x.search
      from d join unnest(${col("name")}::text[], ${col("number")}::text[], ${col("key")}::text[], ${col("issuer")}::text[],
                         ${col("issuedOn")}::date[], ${col("year")}::int[], ${col("title")}::text[], ${col("search")}::text[])
                  as x(name, number, key, issuer, issued_on, year, title, search) on x.name = d.file_name
      returning id`.execute(db);
    const ids = made.rows.map((r) => r.id);
    await sql`
      insert into task (plan_id, kind, key, position, title, content, timeframe, products, span_start, span_end, search_text)
      select p.id, t.kind, t.key, t.position, t.title, t.content, t.timeframe, t.products, t.span_start, t.span_end, t.search_text
      from unnest(${ids}::bigint[]) p(id) cross join task t where t.plan_id = ${template} order by p.id, t.position`.execute(
      db,
    );
    await sql`
      insert into task_unit (task_id, role, position, unit_text, method, unit_ids, staff_ids, candidates)
      select n.id, u.role, u.position, u.unit_text, u.method, u.unit_ids, u.staff_ids, u.candidates
      from task n join task t on t.plan_id = ${template} and t.key = n.key join task_unit u on u.task_id = t.id
      where n.plan_id = any(${ids}::bigint[])`.execute(db);
    await sql`
      insert into work_item (task_id, unit_id, role)
      select n.id, w.unit_id, w.role
      from task n join task t on t.plan_id = ${template} and t.key = n.key join work_item w on w.task_id = t.id
      where n.plan_id = any(${ids}::bigint[]) order by n.id, w.id`.execute(db);
    await sql`
      insert into deadline (work_item_id, due)
      select nw.id, d.due
      from task n join work_item nw on nw.task_id = n.id
           join task t on t.plan_id = ${template} and t.key = n.key
           join work_item w on w.task_id = t.id and w.unit_id = nw.unit_id and w.role = nw.role
           join deadline d on d.work_item_id = w.id
      where n.plan_id = any(${ids}::bigint[])`.execute(db);
  }
  await sql`analyze`.execute(db);
}

/** Imports `files` one after the other; plans a second. */
async function importRate(ctx, dir, files) {
  const t0 = performance.now();
  for (const { name, bytes } of files) await importPlanFile(ctx, dir, null, name, bytes);
  return files.length / ((performance.now() - t0) / 1000);
}

async function measureImportGrowth(label, store) {
  await migrateToLatest(store.db);
  const ctx = { db: store.db, clock: systemClock, reader: inProcessReader };
  await importDirectory(ctx, null, readFileSync(join(root, "examples", "don-vi-mau.csv"), "utf8"));
  const dir = await readDirectory(ctx);
  let seed = 0;
  const next = (n) =>
    Array.from({ length: n }, () => {
      const i = seed++;
      return { name: `plan-${i}.txt`, bytes: Buffer.from(generatePlan(i, 20)) };
    });

  // The statements one 20-task import makes, counted as Kysely hands them to the database.
  let statements = 0;
  const counted = {
    ...ctx,
    db: store.db.withPlugin({
      transformQuery: ({ node }) => {
        statements++;
        return node;
      },
      transformResult: async ({ result }) => result,
    }),
  };
  const [first] = next(1);
  await importPlanFile(counted, dir, null, first.name, first.bytes);
  const template = (await sql`select min(id) as id from plan`.execute(store.db)).rows[0].id;
  console.log(
    `SQL statements per 20-task import on ${label}: ${statements} + begin/commit (${STATEMENTS_BEFORE} + begin/commit before the graph went in one statement)`,
  );

  const rates = [`${(await importRate(ctx, dir, next(FIRST - 1))).toFixed(1)} (first ${FIRST})`];
  for (const size of SIZES) {
    await prefill(store.db, template, size);
    rates.push(`${(await importRate(ctx, dir, next(WINDOW))).toFixed(1)} (at ${size.toLocaleString("en")})`);
  }
  console.log(
    `import as the database grows on ${label}, plans/s: ${rates.join(", ")} — plans of 20 tasks, ${WINDOW} imported at each size`,
  );
}

/**
 * Imports as the server makes them: files queued as jobs, read by the reader processes and stored by
 * the job runner, against a province's directory (1,000 schools beside the sample's units), one job
 * at a time and two (the server's setting: one file read while another is stored).
 */
async function measureImportQueue(label, store) {
  await migrateToLatest(store.db);
  const reader = createPlanReaderPool();
  const ctx = { db: store.db, clock: systemClock, reader };
  try {
    const sample = readFileSync(join(root, "examples", "don-vi-mau.csv"), "utf8").trimEnd();
    const schools = Array.from(
      { length: 1000 },
      (_, i) => `BENCH.TRUONG${i},Trường Trung học phổ thông số ${i} An Bình,,school,SGDDT,,,1,,`,
    );
    await importDirectory(ctx, null, `${sample}\n${schools.join("\n")}\n`);
    const rates = [];
    let seed = 70_000;
    for (const concurrency of [1, 2]) {
      const jobs = 200;
      for (let i = 0; i < jobs; i++)
        await insertImportJob(store.db, {
          actorId: null,
          fileName: `plan-${seed}.txt`,
          content: Buffer.from(generatePlan(seed++, 20)),
          force: false,
        });
      const runner = createImportRunner(ctx, { concurrency });
      const t0 = performance.now();
      runner.start();
      for (;;) {
        const left =
          await sql`select count(*)::int as n from import_job where status in ('queued', 'running')`.execute(
            store.db,
          );
        if (!left.rows[0].n) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      rates.push(`${(jobs / ((performance.now() - t0) / 1000)).toFixed(1)} (${concurrency} at a time)`);
      await runner.stop();
    }
    console.log(
      `import through the server's queue on ${label} (reader processes, 1,000 schools in the directory), plans/s: ${rates.join(", ")}`,
    );
  } finally {
    await reader.close();
  }
}

/** How fast the reader alone (normalise, parse) goes, for comparison with the import rate. */
async function measureReading() {
  const files = Array.from({ length: 200 }, (_, i) => Buffer.from(generatePlan(50_000 + i, 20)));
  const t0 = performance.now();
  for (const [i, bytes] of files.entries()) await inProcessReader.read(`plan-${i}.txt`, bytes);
  console.log(
    `reading alone (normalise, parse; no database): ${(files.length / ((performance.now() - t0) / 1000)).toFixed(1)} plans/s of 20 tasks`,
  );
}

async function measureSearch(label, store) {
  // 10,000 plans with titles and tasks made up from a vocabulary of plan topics.
  await sql`
    with topics(t) as (values ('Chuyển đổi số'), ('Hội nhập quốc tế'), ('An toàn trường học'), ('Phòng chống dịch bệnh'),
                              ('Giáo dục thể chất'), ('Xây dựng trường chuẩn quốc gia'), ('Bồi dưỡng giáo viên'), ('Tuyển sinh'))
    insert into document (sha256, file_name, media_type, size_bytes, content, text)
    select md5(g::text) || md5((g * 7)::text), 'bench-' || g || '.txt', 'text/plain', 0, '', ''
    from generate_series(1, 10000) g`.execute(store.db);
  await sql`
    with topics as (select array['Chuyển đổi số', 'Hội nhập quốc tế', 'An toàn trường học', 'Phòng chống dịch bệnh',
                                 'Giáo dục thể chất', 'Xây dựng trường chuẩn quốc gia', 'Bồi dưỡng giáo viên', 'Tuyển sinh'] as t)
    insert into plan (document_id, type, number, issuer, year, title, parsed, search_text)
    select d.id, 'KH', (d.id % 3000) || '/KH-SGDĐT', 'Sở Giáo dục và Đào tạo', 2020 + (d.id % 7)::int,
           topics.t[1 + (d.id % 8)::int] || ' năm ' || (2020 + d.id % 7) || ' của đơn vị ' || d.id, '{}',
           ''
    from document d, topics where d.file_name like 'bench-%'`.execute(store.db);
  const rows = await store.db
    .selectFrom("plan")
    .select(["id", "type", "number", "title", "issuer"])
    .where("search_text", "=", "")
    .execute();
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await sql`update plan set search_text = v.s from (values ${sql.join(chunk.map((r) => sql`(${r.id}::bigint, ${foldForSearch(`Kế hoạch ${r.number} ${r.title} ${r.issuer}`)})`))}) as v(id, s) where plan.id = v.id`.execute(
      store.db,
    );
  }
  await sql`analyze plan`.execute(store.db);
  const queries = [
    "ke hoach hoi nhap quoc te",
    "chuyen doi so 2024",
    "an toan truong hoc",
    "boi duong giao vien nam 2025",
    "tuyen sinh",
    "phong chong dich benh 2022",
    "1234/KH",
    "xay dung truong chuan",
  ];
  const times = [];
  for (let round = 0; round < 5; round++) {
    for (const q of queries) {
      const t0 = performance.now();
      await searchPlans(store.db, { reach: null, drafts: true }, foldForSearch(q).split(/\s+/));
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  const at = (p) => times[Math.min(times.length - 1, Math.floor(times.length * p))].toFixed(1);
  console.log(
    `search over 10,000 plans on ${label}: median ${at(0.5)} ms, p95 ${at(0.95)} ms (${times.length} queries)`,
  );
}

export async function benchStore() {
  const plans = [];
  for (let i = 0; i < 40; i++) plans.push(generatePlan(i, 20));
  const dir = mkdtempSync(join(tmpdir(), "kehoach-bench-"));
  const lite = await openStore({ dataDir: dir });
  try {
    await measureImport("PGlite (data folder)", lite, plans);
    await measureSearch("PGlite", lite);
  } finally {
    await lite.close();
    rmSync(dir, { recursive: true, force: true });
  }
  await measureReading();
  const growDir = mkdtempSync(join(tmpdir(), "kehoach-bench-"));
  const growing = await openStore({ dataDir: growDir });
  try {
    await measureImportGrowth("PGlite (data folder)", growing);
  } finally {
    await growing.close();
    rmSync(growDir, { recursive: true, force: true });
  }
  if (process.env.DATABASE_URL) {
    const store = await openFreshPostgres(process.env.DATABASE_URL, "kehoach_bench");
    try {
      await measureImport("PostgreSQL", store, plans);
      await measureSearch("PostgreSQL", store);
    } finally {
      await store.close();
    }
    const grown = await openFreshPostgres(process.env.DATABASE_URL, "kehoach_bench");
    try {
      await measureImportGrowth("PostgreSQL", grown);
    } finally {
      await grown.close();
    }
    const queued = await openFreshPostgres(process.env.DATABASE_URL, "kehoach_bench");
    try {
      await measureImportQueue("PostgreSQL", queued);
    } finally {
      await queued.close();
    }
  } else console.log("PostgreSQL: not measured (set DATABASE_URL=postgres://… to measure it)");
}
