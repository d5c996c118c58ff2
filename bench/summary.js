// Issue 12's figure for the summary report: a plan of 10 tasks given to 1,000 schools (10,000 work
// items), every school's report of the period accepted with results, a difficulty and a proposal
// (thirty distinct points among them, to be gathered by theme); the time to compile the report
// through the service (aim: under 2 s) and to write it as a Word file. On PGlite, and on PostgreSQL
// beside it when DATABASE_URL is set. Part of `npm run bench`; alone: `node bench/summary.js`.

import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import { openStore } from "../dist/db/connection.js";
import { fixedClock } from "../dist/domain/clock.js";
import { inProcessReader } from "../dist/intake/in-process-reader.js";
import { summaryDocx } from "../dist/render/summary-docx.js";
import { summaryOf } from "../dist/services/summary.service.js";
import { openFreshPostgres } from "../dist/testing/fresh-postgres.js";
import { schoolsUnderSo } from "./schools.js";

const UNITS = 1000;
const TASKS = 10;
const AT = "2026-12-16T02:00:00Z";
const PERIOD = "2026-12-15";
const POINTS = [
  "Thiếu kinh phí sửa chữa phòng học",
  "Thiếu giáo viên, nhiều giáo viên kiêm nhiệm",
  "Phần mềm quản lý còn lỗi",
  "Cần văn bản hướng dẫn cụ thể",
  "Phối hợp với chính quyền địa phương chưa chặt chẽ",
  "Học sinh nghỉ học do mưa bão",
];

async function fill(db) {
  const sgd = await schoolsUnderSo(db, { at: AT, prefix: "BENCHS", count: UNITS });
  await sql`
    insert into document (sha256, file_name, media_type, size_bytes, content, text)
    values (md5('summary') || md5('bench'), 'bench-summary.txt', 'text/plain', 0, '', '')`.execute(db);
  const plan = await sql`
    insert into plan (document_id, type, number, issuer, issuer_unit_id, parent_issuer, place, issued_on, year,
                      title, status, parsed, published_on)
    select id, 'KH', '950/KH-SGDĐT', 'Sở Giáo dục và Đào tạo', ${sgd.id}, 'UBND thành phố Hải Phòng', 'Hải Phòng',
           '2026-01-10', 2026, 'Nâng cao chất lượng giáo dục năm 2026', 'published', '{"reporting": []}', '2026-01-10'
    from document where file_name = 'bench-summary.txt' returning id`.execute(db);
  const planId = plan.rows[0].id;
  await sql`
    insert into task (plan_id, key, position, title, content)
    select ${planId}, 'II.' || g, g, 'Nhiệm vụ số ' || g || ' của các trường', '' from generate_series(1, ${TASKS}) g`.execute(
    db,
  );
  await sql`
    insert into work_item (task_id, unit_id, role)
    select t.id, u.id, 'lead' from task t cross join unit u where t.plan_id = ${planId} and u.code like 'BENCHS%'`.execute(
    db,
  );
  await sql`
    insert into deadline (work_item_id, due)
    select w.id, '2026-12-31' from work_item w join task t on t.id = w.task_id where t.plan_id = ${planId}`.execute(
    db,
  );
  await sql`
    insert into report (plan_id, unit_id, period_due, status, submitted_at, reviewed_at, updated_at)
    select ${planId}, u.id, ${PERIOD}, 'accepted', '2026-12-10T03:00:00Z', '2026-12-11T03:00:00Z', '2026-12-11T03:00:00Z'
    from unit u where u.code like 'BENCHS%'`.execute(db);
  const points = sql.raw(`array[${POINTS.map((p) => `'${p}'`).join(",")}]`);
  await sql`
    insert into report_item (report_id, work_item_id, status, results, difficulties, proposals, evidence)
    select r.id, w.id, case when w.id % 3 = 0 then 'done' else 'in_progress' end,
           'Đã triển khai tại trường, ' || (w.id % 40) || ' lớp tham gia',
           (${points})[1 + (r.unit_id % 6)::int] || ' (điểm ' || (r.unit_id % 5) || ')',
           'Đề nghị ' || lower((${points})[1 + ((r.unit_id + 2) % 6)::int]),
           'Báo cáo số ' || r.unit_id || '/BC-THCS ngày 05/12/2026'
    from report r join work_item w on w.unit_id = r.unit_id
    join task t on t.id = w.task_id and t.plan_id = r.plan_id
    where r.plan_id = ${planId}`.execute(db);
  await sql`
    insert into work_item_progress (work_item_id, status, done_on, report_id)
    select i.work_item_id, i.status, case when i.status = 'done' then '2026-12-05'::date end, i.report_id
    from report_item i join report r on r.id = i.report_id where r.plan_id = ${planId}`.execute(db);
  await sql`analyze`.execute(db);
  return { planId: String(planId), sgd };
}

async function measure(name, store) {
  const { planId, sgd } = await fill(store.db);
  const ctx = { db: store.db, clock: fixedClock(AT), reader: inProcessReader };
  const actor = {
    id: "0",
    login: "bench",
    role: "admin",
    unitId: String(sgd.id),
    unitPath: sgd.path,
    reach: null,
  };
  // Once to warm the statements' plans; then timed.
  await summaryOf(ctx, actor, planId, PERIOD);
  const t0 = performance.now();
  const view = await summaryOf(ctx, actor, planId, PERIOD);
  const compiled = performance.now() - t0;
  const t1 = performance.now();
  const file = await summaryDocx(view.document);
  const written = performance.now() - t1;
  const paragraphs = view.document.sections.reduce((n, s) => n + s.paragraphs.length, 0);
  return { name, compiled, written, bytes: file.length, paragraphs, missing: view.document.missing.length };
}

export async function benchSummary() {
  const results = [];
  const lite = await openStore({ dataDir: "memory://" });
  try {
    results.push(await measure("PGlite", lite));
  } finally {
    await lite.close();
  }
  if (process.env.DATABASE_URL) {
    const pg = await openFreshPostgres(process.env.DATABASE_URL);
    try {
      results.push(await measure("PostgreSQL", pg));
    } finally {
      await pg.close();
    }
  }
  console.log(`summary report of a plan: ${TASKS} tasks × ${UNITS} reporting units, every report accepted`);
  for (const r of results)
    console.log(
      `  ${r.name}: compiled in ${(r.compiled / 1000).toFixed(2)} s (aim < 2 s; ${r.paragraphs} paragraphs, ` +
        `${r.missing} units missing), Word file written in ${(r.written / 1000).toFixed(2)} s (${(r.bytes / 1024).toFixed(0)} KB)`,
    );
}

if (import.meta.url === `file://${process.argv[1]}`) await benchSummary();
