// `npm run render-samples`: the documents kehoach writes, generated from the demo as a user would get
// them and rendered the way a reader sees them — to PDF by LibreOffice (Debian's libreoffice-writer),
// then to PNG by pdftoppm (poppler-utils) — into docs/samples/. The demo's plan on school safety,
// five units reporting on 15/12/2026, the Văn phòng accepting; then the summary report of that
// period. The README shows the PNG of its first page. Needs `npm run build` (the script does it).

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../dist/db/connection.js";
import { migrateToLatest } from "../dist/db/migrate.js";
import { fixedClock } from "../dist/domain/clock.js";
import { inProcessReader } from "../dist/intake/in-process-reader.js";
import { buildApp } from "../dist/server/app.js";
import { createAccount } from "../dist/services/auth.service.js";
import { loadDemo } from "../dist/services/demo.service.js";

const root = join(import.meta.dirname, "..");
const out = join(root, "docs", "samples");
const clock = fixedClock("2026-12-16T02:00:00Z");

// What five units report on the plan: results with their documents, difficulties, proposals.
const REPORTS = [
  {
    code: "SGDDT.KHTC",
    login: "phongkhtc",
    name: "Chuyên viên Phòng Kế hoạch – Tài chính",
    results:
      "Đã rà soát cơ sở vật chất 62 trường THPT; lập danh mục 18 phòng học, 4 nhà đa năng cần sửa chữa",
    evidence: "Báo cáo số 112/BC-KHTC ngày 05/12/2026",
    difficulties: "Kinh phí sửa chữa phòng học xuống cấp năm 2026 đã hết",
    proposals: "Đề nghị bố trí kinh phí sửa chữa 18 phòng học trong dự toán năm 2027",
  },
  {
    code: "SGDDT.CTTT",
    login: "phongcttt",
    name: "Chuyên viên Phòng Chính trị tư tưởng",
    results: "Đã tập huấn kỹ năng an toàn cho 2.450 học sinh tại 15 trường",
    evidence: "Kế hoạch số 45/KH-CTTT ngày 10/10/2026",
    difficulties: "Nhiều giáo viên kiêm nhiệm, thiếu thời gian tổ chức tập huấn",
    proposals: "Đề nghị Sở ban hành văn bản hướng dẫn nội dung giáo dục kỹ năng an toàn",
  },
  {
    code: "SGDDT.GDTRH",
    login: "phongtrunghoc",
    results: "Đã phối hợp kiểm tra công tác an toàn tại 12 trường trung học",
    evidence: "Biên bản kiểm tra ngày 20/11/2026",
    difficulties: "Kinh phí sửa chữa phòng học xuống cấp năm 2026 đã hết",
    proposals: "",
  },
  {
    code: "SGDDT.TTR",
    login: "thanhtraso",
    name: "Thanh tra viên Thanh tra Sở",
    results: "Đã kiểm tra 8 trường, ban hành kết luận kiểm tra",
    evidence: "Kết luận số 09/KL-TTr ngày 01/12/2026",
    difficulties: "",
    proposals: "Đề nghị các trường hoàn thiện hồ sơ phòng cháy chữa cháy trước ngày 31/3/2027",
  },
];

const store = await openStore({ dataDir: "memory://" });
await migrateToLatest(store.db);
const ctx = { db: store.db, clock, reader: inProcessReader };
const accounts = await loadDemo(ctx, join(root, "examples"));
const units = new Map(
  (await store.db.selectFrom("unit").select(["id", "code"]).execute()).map((u) => [u.code, String(u.id)]),
);
const passwords = Object.fromEntries(accounts.map((a) => [a.login, a.password]));
for (const r of REPORTS.filter((x) => x.name)) {
  passwords[r.login] = `Mau-${r.login}-2026`;
  await createAccount(ctx, null, {
    login: r.login,
    displayName: r.name,
    unitId: units.get(r.code),
    role: "unit_officer",
    password: passwords[r.login],
  });
}

const app = await buildApp({ store, reader: inProcessReader, clock });
const sessions = {};
async function call(who, method, url, payload) {
  if (!sessions[who]) {
    const r = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { login: who, password: passwords[who] },
    });
    if (r.statusCode !== 200) throw new Error(`sign-in ${who}: ${r.body}`);
    sessions[who] = { cookie: String(r.headers["set-cookie"]).split(";")[0], csrf: r.json().csrfToken };
  }
  const r = await app.inject({
    method,
    url,
    payload,
    headers: { cookie: sessions[who].cookie, "x-csrf-token": sessions[who].csrf },
  });
  if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
  return r;
}

const plans = (await call("vanthu", "GET", "/api/v1/plans")).json().plans;
const plan = plans.find((p) => p.number === "901/KH-SGDĐT");
for (const r of REPORTS) {
  const work = (await call(r.login, "GET", "/api/v1/workspace"))
    .json()
    .items.filter((i) => i.planId === plan.id);
  const saved = await call(r.login, "PUT", `/api/v1/reports/plans/${plan.id}`, {
    items: work.map((w, i) => ({
      workItemId: w.workItemId,
      status: i === 0 && r.code !== "SGDDT.GDTRH" ? "done" : "in_progress",
      results: r.results,
      evidence: r.evidence,
      difficulties: r.difficulties,
      proposals: r.proposals,
    })),
  });
  const id = saved.json().id;
  await call(r.login, "POST", `/api/v1/reports/${id}/submit`);
  await call("vanthu", "POST", `/api/v1/reports/${id}/decision`, { accept: true });
}

mkdirSync(out, { recursive: true });
const docx = await call("vanthu", "GET", `/api/v1/summaries/plans/${plan.id}/report.docx`);
const name = "bao-cao-tong-hop";
writeFileSync(join(out, `${name}.docx`), docx.rawPayload);
await app.close();
await store.close();

// LibreOffice with a profile of its own (a first run writes one), headless, to PDF; then each page to PNG.
const work = mkdtempSync(join(tmpdir(), "kehoach-render-"));
try {
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${join(work, "profile")}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      work,
      join(out, `${name}.docx`),
    ],
    { stdio: "ignore", timeout: 120_000 },
  );
  renameSync(join(work, `${name}.pdf`), join(out, `${name}.pdf`));
  for (const f of readdirSync(out).filter((f) => f.startsWith(`${name}-`) && f.endsWith(".png")))
    rmSync(join(out, f));
  execFileSync("pdftoppm", ["-png", "-r", "60", join(out, `${name}.pdf`), join(out, name)], {
    timeout: 60_000,
  });
} finally {
  rmSync(work, { recursive: true, force: true });
}
const pages = readdirSync(out).filter((f) => f.startsWith(`${name}-`) && f.endsWith(".png"));
console.log(`docs/samples/${name}.docx → .pdf → ${pages.length} pages: ${pages.join(", ")}`);
