// The counts agree: the leaders' overview, a plan's page, each unit's workspace and the CSV export
// count a report and a task the same way (domain/report-standing.ts, domain/progress.ts). A report
// returned for correction is not sent; resubmitted after its due date, it is late.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshStore, STORES } from "../../test/stores.js";
import type { Store } from "../db/connection.js";
import { listUnits } from "../db/units.repository.js";
import type { Clock } from "../domain/clock.js";
import { classify } from "../domain/progress.js";
import { reportStanding } from "../domain/report-standing.js";
import { inProcessReader } from "../intake/in-process-reader.js";
import { workCsv } from "../render/work-csv.js";
import { createAccount, type SignedInUser, signIn } from "./auth.service.js";
import type { ServiceContext } from "./context.js";
import { overview, overviewWork } from "./overview.service.js";
import { importPlanFile, readDirectory } from "./plan-import.service.js";
import { confirmFlag, publishPlan, reviewView } from "./plan-review.service.js";
import { getPlan, planProgress } from "./plans.service.js";
import { decideReport, saveReport, submitReport } from "./reports.service.js";
import { importDirectory } from "./units.service.js";
import { unitWorkspace } from "./workspace.service.js";

const DIRECTORY = `code,name,short_name,kind,parent_code,abbreviations,aliases,active,valid_from,valid_to
SO,Sở Giáo dục và Đào tạo tỉnh Thử Nghiệm,Sở Giáo dục và Đào tạo,department,,Sở GDĐT,Sở,1,,
SO.VP,Văn phòng Sở,,office,SO,,,1,,
SO.A,Phòng Giáo dục Trung học,,division,SO,,,1,,
SO.B,Phòng Giáo dục Tiểu học,,division,SO,,,1,,
SO.C,Phòng Tổ chức cán bộ,,division,SO,,,1,,
SO.D,Phòng Kế hoạch - Tài chính,,division,SO,,,1,,
`;

const PLAN = `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 940/KH-SGDĐT                     Thử Nghiệm, ngày 02 tháng 5 năm 2026

KẾ HOẠCH
Đếm báo cáo và nhiệm vụ

I. NHIỆM VỤ
1. Rà soát chương trình
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Thời gian thực hiện: Trước ngày 15/6/2026
2. Bồi dưỡng giáo viên
- Đơn vị chủ trì: Phòng Giáo dục Tiểu học
- Thời gian thực hiện: Trước ngày 15/6/2026
3. Rà soát đội ngũ
- Đơn vị chủ trì: Phòng Tổ chức cán bộ
- Thời gian thực hiện: Trước ngày 15/6/2026
4. Lập dự toán
- Đơn vị chủ trì: Phòng Kế hoạch - Tài chính
- Thời gian thực hiện: Trước ngày 15/6/2026

II. TỔ CHỨC THỰC HIỆN
Các phòng định kỳ trước ngày 15/6 và 15/12 hằng năm gửi báo cáo về Sở Giáo dục và Đào tạo (qua Văn phòng Sở).
`;

describe.each(STORES.map((s) => [s.name, s] as const))("counting reports and tasks (%s)", (_name, kind) => {
  let store: Store;
  let now = "2026-06-01T02:00:00Z";
  const clock: Clock = { now: () => new Date(now) };
  let ctx: ServiceContext;
  let planId = "";
  const officer = new Map<string, SignedInUser>();
  let admin: SignedInUser;
  const password = "Mat-khau-kiem-thu-1";
  const unitName: Record<string, string> = {
    A: "Phòng Giáo dục Trung học",
    B: "Phòng Giáo dục Tiểu học",
    C: "Phòng Tổ chức cán bộ",
    D: "Phòng Kế hoạch - Tài chính",
  };

  async function report(unit: string, status: "done" | "in_progress", doneOn?: string) {
    const who = officer.get(unit) as SignedInUser;
    const mine = (await unitWorkspace(ctx, who)).items.filter((i) => i.planId === planId);
    return saveReport(ctx, who, {
      planId,
      items: mine.map((i) => ({ workItemId: i.workItemId, status, doneOn, evidence: "Công văn số 1/BC" })),
    });
  }

  beforeAll(async () => {
    store = await freshStore(kind);
    ctx = { db: store.db, clock, reader: inProcessReader };
    await importDirectory(ctx, null, DIRECTORY);
    const units = await listUnits(store.db);
    const id = (code: string) => units.find((u) => u.code === code)?.id ?? "";
    await createAccount(ctx, null, {
      login: "admin",
      displayName: "QT",
      unitId: id("SO"),
      role: "admin",
      password,
    });
    admin = (await signIn(ctx, "admin", password)).user;
    for (const u of ["A", "B", "C", "D"]) {
      await createAccount(ctx, null, {
        login: `unit${u.toLowerCase()}`,
        displayName: u,
        unitId: id(`SO.${u}`),
        role: "unit_officer",
        password,
      });
      officer.set(u, (await signIn(ctx, `unit${u.toLowerCase()}`, password)).user);
    }
    planId = (await importPlanFile(ctx, await readDirectory(ctx), null, "940.txt", Buffer.from(PLAN))).planId;
    for (const f of (await reviewView(ctx, admin, planId)).flags) await confirmFlag(ctx, admin, planId, f.id);
    await publishPlan(ctx, admin, planId);

    // 10/6: A, B and C report; 12/6: A accepted, B and C returned; 20/6 (after the 15/6 due date):
    // C fixes and resubmits, and is accepted; B does not resubmit; D never reports.
    now = "2026-06-10T03:00:00Z";
    const a = await report("A", "done", "2026-06-05");
    const b = await report("B", "in_progress");
    const c = await report("C", "in_progress");
    for (const r of [a, b, c])
      await submitReport(ctx, officer.get(r === a ? "A" : r === b ? "B" : "C") as SignedInUser, r.id);
    now = "2026-06-12T03:00:00Z";
    await decideReport(ctx, admin, a.id, { accept: true });
    await decideReport(ctx, admin, b.id, { accept: false, comment: "Thiếu số liệu." });
    await decideReport(ctx, admin, c.id, { accept: false, comment: "Thiếu minh chứng." });
  });
  afterAll(async () => store?.close());

  it("does not count a returned report as sent, before its due date", async () => {
    now = "2026-06-13T03:00:00Z";
    const row = (await overview(ctx, admin)).plans.find((p) => p.planId === planId);
    expect(row).toMatchObject({ periodDue: "2026-06-15", reportsExpected: 4, reportsIn: 1 });
    const byUnit = new Map(
      (await planProgress(ctx, admin, planId)).byUnit.map((u) => [u.unitId, u.standing]),
    );
    expect([...byUnit.values()].sort()).toEqual(["not_sent", "returned", "returned", "sent_on_time"]);
  });

  it("counts a resubmission after the due date as late, and agrees in every view", async () => {
    now = "2026-06-20T03:00:00Z";
    const c = officer.get("C") as SignedInUser;
    const fixed = await report("C", "done", "2026-06-18");
    await submitReport(ctx, c, fixed.id);
    await decideReport(ctx, admin, fixed.id, { accept: true });

    const today = "2026-06-20";
    const expected = { A: "sent_on_time", B: "missing", C: "sent_late", D: "missing" } as const;
    const states = { A: "done_on_time", B: "overdue", C: "done_late", D: "overdue" } as const;

    // The plan's page.
    const progress = await planProgress(ctx, admin, planId);
    expect(progress.periodDue).toBe("2026-06-15");
    const plan = await getPlan(ctx, admin, planId);
    const unitIdOf = (u: string) => plan.work.find((w) => w.unitName === unitName[u])?.unitId;
    for (const u of ["A", "B", "C", "D"] as const) {
      const row = progress.byUnit.find((r) => r.unitId === unitIdOf(u));
      expect(row?.standing, `plan page, unit ${u}`).toBe(expected[u]);
      // The one rule decides it.
      expect(reportStanding(row?.report ?? null, progress.periodDue, today)).toBe(expected[u]);
      expect(plan.work.find((w) => w.unitId === unitIdOf(u))?.state, `plan page work, ${u}`).toBe(states[u]);
    }
    expect(progress.counts).toEqual({ done_on_time: 1, done_late: 1, in_progress: 0, overdue: 2 });

    // The overview: reports in, by plan and by unit; the four states.
    const view = await overview(ctx, admin);
    const row = view.plans.find((p) => p.planId === planId);
    expect(row).toMatchObject({ reportsExpected: 4, reportsIn: 2, counts: progress.counts });
    for (const u of ["A", "B", "C", "D"] as const) {
      const unit = view.units.find((x) => x.unitName === unitName[u]);
      const sent = expected[u].startsWith("sent");
      expect(unit, `overview, unit ${u}`).toMatchObject({
        expected: 1,
        sent: sent ? 1 : 0,
        onTime: expected[u] === "sent_on_time" ? 1 : 0,
        late: expected[u] === "sent_late" ? 1 : 0,
        missing: expected[u] === "missing" ? 1 : 0,
      });
    }

    // Each unit's workspace.
    for (const u of ["A", "B", "C", "D"] as const) {
      const ws = await unitWorkspace(ctx, officer.get(u) as SignedInUser);
      expect(ws.periods.find((p) => p.planId === planId)?.standing, `workspace, unit ${u}`).toBe(expected[u]);
      const item = ws.items.find((i) => i.planId === planId);
      expect(item?.state, `workspace item, unit ${u}`).toBe(states[u]);
      expect(classify(item ?? { status: "not_started", doneOn: null, deadlines: [] }, today)).toBe(states[u]);
    }

    // The drill-down and its CSV file.
    for (const state of ["done_on_time", "done_late", "in_progress", "overdue"] as const) {
      const work = await overviewWork(ctx, admin, state);
      const ours = work.items.filter((w) => w.planId === planId);
      expect(ours.length, `drill-down ${state}`).toBe(progress.counts[state]);
      const lines = workCsv({ state, items: ours }).trim().split("\r\n");
      expect(lines.length - 1, `csv ${state}`).toBe(progress.counts[state]);
    }
  });
});
