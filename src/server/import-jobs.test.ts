// Imports as background jobs: a file is answered at once with its job, which reports where it
// stands (pages read by OCR, tasks found) and ends with the plan or the reason; a job a stopped
// server was running is taken up by the next server, or failed cleanly after its tries — never a
// plan half-stored.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoApi, demoApi, multipart } from "../../test/api-client.js";
import { FILES, HAS_FILES } from "../../test/shared-corpus.js";
import { STORES } from "../../test/stores.js";
import { insertImportJob } from "../db/import-jobs.repository.js";
import { ocrAvailable } from "../extract/ocr.js";
import { buildApp } from "./app.js";

const PLAN = `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 980/KH-SGDĐT                     Hải Phòng, ngày 12 tháng 1 năm 2099

KẾ HOẠCH
Tập huấn chuyển đổi số năm 2099

I. NHIỆM VỤ
1. Tập huấn cán bộ quản lý
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Thời gian thực hiện: Trước ngày 30/6/2099
2. Tập huấn giáo viên cốt cán
- Đơn vị chủ trì: Văn phòng Sở
- Thời gian thực hiện: Trước ngày 30/9/2099
`;

const LETTER = `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 981/SGDĐT-VP                     Hải Phòng, ngày 12 tháng 1 năm 2099
V/v cử cán bộ dự tập huấn

Kính gửi: Các phòng thuộc Sở

Sở Giáo dục và Đào tạo đề nghị các phòng cử cán bộ dự tập huấn chuyển đổi số.
Trân trọng./.
`;

const ocr = await ocrAvailable();
const kind = STORES[0];
if (!kind) throw new Error("no store");

type Job = {
  id: string;
  status: string;
  stage: string;
  tasks: number | null;
  ocrPages: number | null;
  ocrPagesDone: number | null;
  result: { planId: string; tasks: number } | null;
  error: { error: string; message: string } | null;
};

describe("imports as background jobs", () => {
  let api: DemoApi;
  const call: DemoApi["call"] = (...args) => api.call(...args);
  beforeAll(async () => {
    api = await demoApi(kind);
  });
  afterAll(async () => api.close());

  const submit = async (name: string, text: string | Buffer, query = "") => {
    const file = multipart(name, text);
    const r = await call("vanthu", "POST", `/api/v1/imports${query}`, file.body, file.headers);
    expect(r.statusCode).toBe(202);
    return r.json() as Job;
  };
  const settled = async (id: string, who = "vanthu"): Promise<Job> => {
    for (let i = 0; i < 1200; i++) {
      const job = (await call(who, "GET", `/api/v1/imports/${id}`)).json() as Job;
      if (job.status === "done" || job.status === "failed") return job;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`job ${id} did not end`);
  };
  const plansNumbered = async (number: string) =>
    Number(
      (
        await sql<{ n: number }>`select count(*)::int as n from plan where number = ${number}`.execute(
          api.store.db,
        )
      ).rows[0]?.n,
    );

  it("answers at once with the job, which ends with the plan and the tasks it found", async () => {
    const queued = await submit("tap-huan.txt", PLAN);
    expect(["queued", "running", "done"]).toContain(queued.status);
    const job = await settled(queued.id);
    expect(job).toMatchObject({ status: "done", stage: "done", tasks: 2, error: null });
    expect(job.result).toMatchObject({ status: "imported", tasks: 2 });
    const plan = (await call("vanthu", "GET", `/api/v1/plans/${job.result?.planId}`)).json();
    expect(plan.number).toBe("980/KH-SGDĐT");
    // The list of my imports holds it; another person does not see it, a unit officer sends none.
    const mine = (await call("vanthu", "GET", "/api/v1/imports")).json().jobs as Job[];
    expect(mine.map((j) => j.id)).toContain(queued.id);
    expect((await call("vanthukhac", "GET", `/api/v1/imports/${queued.id}`)).statusCode).toBe(404);
    const file = multipart("x.txt", PLAN);
    expect((await call("phongtrunghoc", "POST", "/api/v1/imports", file.body, file.headers)).statusCode).toBe(
      403,
    );
  });

  it("ends a letter with its kind named, and imports it when the officer insists", async () => {
    const refused = await settled((await submit("cong-van.txt", LETTER)).id);
    expect(refused.status).toBe("failed");
    expect(refused.error).toMatchObject({ error: "import.not_a_plan" });
    expect(refused.error?.message).toMatch(/công văn/);
    const forced = await settled((await submit("cong-van.txt", LETTER, "?force=1")).id);
    expect(forced.status).toBe("done");
  });

  it("reads files side by side, and stores a file sent twice at once only once", async () => {
    const twice = PLAN.replace("980/KH-SGDĐT", "984/KH-SGDĐT");
    const other = PLAN.replace("980/KH-SGDĐT", "985/KH-SGDĐT");
    const queued = [await submit("a.txt", twice), await submit("b.txt", twice), await submit("c.txt", other)];
    const [a, b, c] = await Promise.all(queued.map((j) => settled(j.id)));
    expect([a?.status, b?.status, c?.status]).toEqual(["done", "done", "done"]);
    expect([a?.result, b?.result].map((r) => (r as { status?: string } | null)?.status).sort()).toEqual([
      "duplicate",
      "imported",
    ]);
    expect(a?.result?.planId).toBe(b?.result?.planId);
    expect([await plansNumbered("984/KH-SGDĐT"), await plansNumbered("985/KH-SGDĐT")]).toEqual([1, 1]);
  });

  it("takes up the job a stopped server was running, once; fails one that stopped it three times", async () => {
    const vanthu = await sql<{ id: string }>`select id from app_user where login = 'vanthu'`.execute(
      api.store.db,
    );
    const actorId = String(vanthu.rows[0]?.id);
    const text = PLAN.replace("980/KH", "982/KH");
    const crashed = await insertImportJob(api.store.db, {
      actorId,
      fileName: "dang-doc.txt",
      content: Buffer.from(text),
      force: false,
    });
    const doomed = await insertImportJob(api.store.db, {
      actorId,
      fileName: "lam-sap-may.txt",
      content: Buffer.from(PLAN.replace("980/KH", "983/KH")),
      force: false,
    });
    // As a killed server leaves them: running, silent for ten minutes.
    await sql`update import_job set status = 'running', stage = 'reading', attempts = 1,
      updated_at = now() - interval '10 minutes' where id = ${crashed.id}`.execute(api.store.db);
    await sql`update import_job set status = 'running', stage = 'reading', attempts = 3,
      updated_at = now() - interval '10 minutes' where id = ${doomed.id}`.execute(api.store.db);
    // The next server on the same database.
    const restarted = await buildApp({ store: api.store, reader: api.ctx.reader, clock: api.ctx.clock });
    try {
      const job = await settled(crashed.id);
      expect(job).toMatchObject({ status: "done", tasks: 2 });
      expect(await plansNumbered("982/KH-SGDĐT")).toBe(1);
      const failed = await settled(doomed.id);
      expect(failed).toMatchObject({ status: "failed", error: { error: "import.interrupted" } });
      expect(await plansNumbered("983/KH-SGDĐT")).toBe(0);
    } finally {
      await restarted.close();
    }
  });

  it.skipIf(!ocr || !HAS_FILES)("counts the pages of a scan as OCR reads them", async () => {
    const scan = readFileSync(join(FILES, "CV-813-CucHoaChat-scan.pdf"));
    const job = await settled((await submit("CV-813-scan.pdf", scan, "?force=1")).id);
    expect(job.status).toBe("done");
    expect(job.ocrPages).toBeGreaterThan(0);
    expect(job.ocrPagesDone).toBe(job.ocrPages);
  });
});
