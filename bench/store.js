// The store's figures: import rate (plans/s) into PGlite and PostgreSQL, and search latency over
// 10,000 plans. Part of `npm run bench`; PostgreSQL is measured when DATABASE_URL is set.

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { openStore } from "../dist/db/connection.js";
import { migrateToLatest } from "../dist/db/migrate.js";
import { searchPlans } from "../dist/db/plans.repository.js";
import { systemClock } from "../dist/domain/clock.js";
import { foldForSearch } from "../dist/domain/plan-search.js";
import { inProcessReader } from "../dist/intake/in-process-reader.js";
import { importPlanFile, readDirectory } from "../dist/services/plan-import.service.js";
import { importDirectory } from "../dist/services/units.service.js";
import { openFreshPostgres } from "../dist/testing/fresh-postgres.js";
import { generatePlan } from "../dist/testing/generate-plan.js";

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
  if (process.env.DATABASE_URL) {
    const store = await openFreshPostgres(process.env.DATABASE_URL, "kehoach_bench");
    try {
      await measureImport("PostgreSQL", store, plans);
      await measureSearch("PostgreSQL", store);
    } finally {
      await store.close();
    }
  } else console.log("PostgreSQL: not measured (set DATABASE_URL=postgres://… to measure it)");
}
