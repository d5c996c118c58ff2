// The leaders' overview through the API, on every store: its counts are kept (a tally rebuilt on
// publication and acceptance) and must always equal the live four-state classification of the
// work behind them; reports in by unit, upcoming deadlines, drill-down, reach.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoApi, demoApi, multipart } from "../../test/api-client.js";
import { STORES } from "../../test/stores.js";

// Deadlines far in the past and far in the future keep each task's state the same whatever day
// the tests run on.
const PLAN = `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 970/KH-SGDĐT                     Hải Phòng, ngày 10 tháng 1 năm 2026

KẾ HOẠCH
Theo dõi tiến độ các nhiệm vụ

I. NHIỆM VỤ
1. Rà soát đội ngũ giáo viên
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Thời gian thực hiện: Trước ngày 30/6/2020
2. Tổ chức hội giảng
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Đơn vị phối hợp: Văn phòng Sở
- Thời gian thực hiện: Trước ngày 30/6/2099
3. Biên soạn tài liệu
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Thời gian thực hiện: Trước ngày 31/12/2099
4. Tổng kết chuyên đề
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Thời gian thực hiện: Trước ngày 31/3/2020
`;

type Counts = Record<"done_on_time" | "done_late" | "in_progress" | "overdue", number>;
const STATES = ["done_on_time", "done_late", "in_progress", "overdue"] as const;

describe.each(STORES.map((s) => [s.name, s] as const))("the leaders' overview (%s)", (_name, kind) => {
  let api: DemoApi;
  let planId = "";
  const call: DemoApi["call"] = (...args) => api.call(...args);
  const overview = async (who: string) => (await call(who, "GET", "/api/v1/overview")).json();

  beforeAll(async () => {
    api = await demoApi(kind);
    const f = multipart("ke-hoach-970.txt", PLAN);
    planId = (await call("vanthu", "POST", "/api/v1/plans/import", f.body, f.headers)).json().planId;
    for (const i of (await call("vanthu", "GET", `/api/v1/review/${planId}`)).json().flags)
      await call("vanthu", "POST", `/api/v1/review/${planId}/flags/${i.id}/confirm`);
  });
  afterAll(async () => api.close());

  it("leaves a draft plan out, and counts a plan's work once it is published", async () => {
    expect((await overview("giamdoc")).plans.map((p: { planId: string }) => p.planId)).not.toContain(planId);
    expect((await call("vanthu", "POST", `/api/v1/review/${planId}/publish`)).statusCode).toBe(204);
    const row = (await overview("giamdoc")).plans.find((p: { planId: string }) => p.planId === planId);
    expect(row.counts).toEqual({ done_on_time: 0, done_late: 0, in_progress: 3, overdue: 2 });
    expect(row).toMatchObject({ reportsExpected: 2, reportsIn: 0 });
  });

  it("moves work between states when a report is accepted, not before", async () => {
    const ws = (await call("phongtrunghoc", "GET", "/api/v1/workspace")).json();
    const mine = new Map<string, string>(
      ws.items
        .filter((i: { planId: string }) => i.planId === planId)
        .map((i: { taskKey: string; workItemId: string }) => [i.taskKey, i.workItemId]),
    );
    const done = (key: string) => ({
      workItemId: mine.get(key),
      status: "done",
      results: "Đã xong",
      evidence: "Báo cáo số 5/BC-GDTrH",
      doneOn: "2026-01-05",
    });
    const saved = await call("phongtrunghoc", "PUT", `/api/v1/reports/plans/${planId}`, {
      items: [
        done("I.3"),
        done("I.4"),
        { workItemId: mine.get("I.1"), status: "in_progress" },
        { workItemId: mine.get("I.2"), status: "in_progress" },
      ],
    });
    const reportId = saved.json().id;
    expect((await call("phongtrunghoc", "POST", `/api/v1/reports/${reportId}/submit`)).statusCode).toBe(204);
    const submitted = (await overview("giamdoc")).plans.find((p: { planId: string }) => p.planId === planId);
    expect(submitted.counts).toEqual({ done_on_time: 0, done_late: 0, in_progress: 3, overdue: 2 });
    expect(submitted.reportsIn).toBe(1);

    await call("vanthu", "POST", `/api/v1/reports/${reportId}/decision`, { accept: true });
    const accepted = (await overview("giamdoc")).plans.find((p: { planId: string }) => p.planId === planId);
    // I.3 done before its deadline; I.4 done after 31/3/2020; I.1 still past its deadline.
    expect(accepted.counts).toEqual({ done_on_time: 1, done_late: 1, in_progress: 2, overdue: 1 });
  });

  it("keeps counts equal to the live classification of the work behind them, for every plan and overall", async () => {
    for (const who of ["giamdoc", "vanthu", "quantri"]) {
      const view = await overview(who);
      const sum: Counts = { done_on_time: 0, done_late: 0, in_progress: 0, overdue: 0 };
      for (const p of view.plans as Array<{ planId: string; counts: Counts }>) {
        const live = (await call(who, "GET", `/api/v1/plans/${p.planId}/progress`)).json();
        expect(p.counts, `${who}, plan ${p.planId}`).toEqual(live.counts);
        for (const s of STATES) sum[s] += p.counts[s];
      }
      expect(view.totals).toEqual(sum);
      // Each total drills down to exactly the work it counts.
      for (const s of STATES) {
        const work = (await call(who, "GET", `/api/v1/overview/work?state=${s}`)).json();
        expect(work.items.length, `${who}: ${s}`).toBe(view.totals[s]);
      }
    }
  });

  it("shows reports in by unit for the open period, and what falls due next", async () => {
    const view = await overview("giamdoc");
    const unit = view.units.find((u: { unitName: string }) => u.unitName === "Phòng Giáo dục Trung học");
    expect(unit.sent).toBeGreaterThanOrEqual(1);
    expect(unit.onTime).toBe(unit.sent - unit.late);
    expect(unit.expected).toBeGreaterThanOrEqual(unit.sent + unit.missing);
    const office = view.units.find((u: { unitName: string }) => u.unitName === "Văn phòng Sở");
    expect(office.counts.in_progress).toBeGreaterThanOrEqual(1);
    for (const d of view.upcoming as Array<{ due: string }>) expect(d.due >= view.today).toBe(true);
    const dues = (view.upcoming as Array<{ due: string }>).map((d) => d.due);
    expect(dues).toEqual([...dues].sort());
  });

  it("pages the plans, newest first, and the units, those with the most reports missing first, then the most work overdue", async () => {
    type UnitRow = { unitId: string; missing: number; counts: Counts };
    const all = (await call("giamdoc", "GET", "/api/v1/overview?unitsLimit=1000")).json();
    expect(all.units.length).toBe(all.unitsTotal);
    expect(all.unitsTotal).toBeGreaterThan(2);
    const ranks = all.units.map((u: UnitRow) => [u.missing, u.counts.overdue]);
    const sorted = [...ranks].sort((a, b) => b[0] - a[0] || b[1] - a[1]);
    expect(ranks).toEqual(sorted);
    // Pages of two make up the whole list, in its order, each saying how many there are.
    const paged: string[] = [];
    for (let offset = 0; offset < all.unitsTotal; offset += 2) {
      const page = (
        await call("giamdoc", "GET", `/api/v1/overview?unitsLimit=2&unitsOffset=${offset}`)
      ).json();
      expect(page.unitsTotal).toBe(all.unitsTotal);
      expect(page.units.length).toBeLessThanOrEqual(2);
      paged.push(...page.units.map((u: UnitRow) => u.unitId));
    }
    expect(paged).toEqual(all.units.map((u: UnitRow) => u.unitId));
    // The plans too, newest first, a page at a time.
    const plans = (await call("giamdoc", "GET", "/api/v1/overview?plansLimit=1000")).json();
    expect(plans.plans.length).toBe(plans.plansTotal);
    const planPages: string[] = [];
    for (let offset = 0; offset < plans.plansTotal; offset += 1) {
      const page = (
        await call("giamdoc", "GET", `/api/v1/overview?plansLimit=1&plansOffset=${offset}`)
      ).json();
      expect(page.plansTotal).toBe(plans.plansTotal);
      planPages.push(...page.plans.map((p: { planId: string }) => p.planId));
    }
    expect(planPages).toEqual(plans.plans.map((p: { planId: string }) => p.planId));
    expect(planPages.map(Number)).toEqual([...planPages.map(Number)].sort((a, b) => b - a));
    // Without a page asked for, the first 50; a page that cannot be is refused with its field.
    expect((await overview("giamdoc")).units.length).toBe(Math.min(50, all.unitsTotal));
    const bad = await call("giamdoc", "GET", "/api/v1/overview?unitsLimit=0");
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().fields)).toContain("unitsLimit");
  });

  it("drills down to one unit's work in one state, and says how many days it is overdue", async () => {
    const view = await overview("giamdoc");
    const unit = view.units.find((u: { unitName: string }) => u.unitName === "Phòng Giáo dục Trung học");
    const work = (
      await call("giamdoc", "GET", `/api/v1/overview/work?state=overdue&unitId=${unit.unitId}`)
    ).json();
    expect(work.items.length).toBe(unit.counts.overdue);
    const item = work.items.find((i: { planId: string }) => i.planId === planId);
    expect(item).toMatchObject({
      taskKey: "I.1",
      firstDue: "2020-06-30",
      unitName: "Phòng Giáo dục Trung học",
    });
    expect(item.overdueDays).toBeGreaterThan(2000);
    const bad = await call("giamdoc", "GET", "/api/v1/overview/work?state=late");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain("«state»");
  });

  it("gives the work behind a number as a CSV file Excel opens as it is", async () => {
    const json = (await call("giamdoc", "GET", "/api/v1/overview/work?state=overdue")).json();
    const r = await call("giamdoc", "GET", "/api/v1/overview/work.csv?state=overdue");
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toContain("text/csv");
    expect(r.headers["content-disposition"]).toContain("cong-viec-qua-han.csv");
    expect(r.body.startsWith("\uFEFFKế hoạch,Nhiệm vụ,Tên nhiệm vụ,Đơn vị")).toBe(true);
    const lines = r.body.trim().split("\r\n");
    expect(lines).toHaveLength(json.items.length + 1);
    expect(lines.find((l) => l.includes("Rà soát đội ngũ giáo viên"))).toMatch(
      /970\/KH-SGDĐT,I\.1,Rà soát đội ngũ giáo viên,Phòng Giáo dục Trung học,Chủ trì,30\/06\/2020,Quá hạn,\d+,/,
    );
    expect((await call("giamdoc", "GET", "/api/v1/overview/work.csv?state=late")).statusCode).toBe(400);
  });

  it("shows each reader only the work within reach", async () => {
    const unit = (await overview("phongtrunghoc")).plans.find((p: { planId: string }) => p.planId === planId);
    // The unit's own four tasks, not the office's share of task 2.
    expect(unit.counts).toEqual({ done_on_time: 1, done_late: 1, in_progress: 1, overdue: 1 });
    const outsider = await overview("vanthukhac");
    expect(outsider.plans).toEqual([]);
    expect(outsider.totals).toEqual({ done_on_time: 0, done_late: 0, in_progress: 0, overdue: 0 });
    expect((await call("vanthukhac", "GET", "/api/v1/overview/work?state=overdue")).json().items).toEqual([]);
    expect((await call("", "GET", "/api/v1/overview")).statusCode).toBe(401);
  });
});
