// An amending plan ("Điều chỉnh, bổ sung Kế hoạch số 990/KH-SGDĐT …") opens as a change to the plan
// it amends: the review lists each change; publishing it changes the amended plan's tracked work —
// a new date, a new lead, a task added, a task removed (its reports kept) — and keeps the history.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoApi, demoApi } from "../../test/api-client.js";
import { STORES } from "../../test/stores.js";

const ORIGINAL = `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 990/KH-SGDĐT                     Hải Phòng, ngày 12 tháng 01 năm 2099

KẾ HOẠCH
Bồi dưỡng giáo viên năm 2099

I. NHIỆM VỤ
1. Tổ chức hội thảo chuyên môn cấp tỉnh
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Thời gian thực hiện: Trước ngày 30/6/2099
2. Biên soạn tài liệu bồi dưỡng giáo viên
- Đơn vị chủ trì: Văn phòng Sở
- Thời gian thực hiện: Trước ngày 30/9/2099
3. Khảo sát nhu cầu bồi dưỡng của giáo viên
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Thời gian thực hiện: Trước ngày 31/10/2099
`;

const AMENDMENT = `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 991/KH-SGDĐT                     Hải Phòng, ngày 02 tháng 3 năm 2099

KẾ HOẠCH
Điều chỉnh, bổ sung Kế hoạch số 990/KH-SGDĐT ngày 12/01/2099 của Sở Giáo dục và Đào tạo về bồi dưỡng giáo viên năm 2099

Căn cứ Kế hoạch số 990/KH-SGDĐT ngày 12/01/2099 của Sở Giáo dục và Đào tạo về bồi dưỡng giáo viên năm 2099;
Sở Giáo dục và Đào tạo điều chỉnh, bổ sung Kế hoạch như sau:

I. NHIỆM VỤ
1. Tổ chức hội thảo chuyên môn cấp tỉnh
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Thời gian thực hiện: Trước ngày 31/8/2099
2. Biên soạn tài liệu bồi dưỡng giáo viên
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Thời gian thực hiện: Trước ngày 30/9/2099
3. Tổ chức hội thi giáo viên dạy giỏi
- Đơn vị chủ trì: Văn phòng Sở
- Thời gian thực hiện: Trước ngày 30/11/2099
`;

const kind = STORES[0];
if (!kind) throw new Error("no store");

interface Work {
  workItemId: string;
  taskKey: string;
  unitName: string;
  deadlines: string[];
}

describe("amendments", () => {
  let api: DemoApi;
  const call: DemoApi["call"] = (...args) => api.call(...args);
  let original = "";
  let amendment = "";

  const importAndPublish = (name: string, text: string) => api.importText("vanthu", name, text);
  const publish = (planId: string) => api.confirmAndPublish("vanthu", planId);

  beforeAll(async () => {
    api = await demoApi(kind);
    original = await importAndPublish("ke-hoach-990.txt", ORIGINAL);
  });
  afterAll(async () => api.close());

  it("refuses to apply an amendment to a plan not yet published", async () => {
    amendment = await importAndPublish("ke-hoach-991.txt", AMENDMENT);
    const early = await publish(amendment);
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toBe("plan.amends_draft");
    expect((await publish(original)).statusCode).toBe(204);
  });

  it("shows what the amendment changes, task by task", async () => {
    // The Phòng reports on the task the amendment will remove: its report stays after it.
    const ws = (await call("phongtrunghoc", "GET", "/api/v1/workspace")).json().items as Array<
      Work & { planId: string }
    >;
    const survey = ws.find((i) => i.planId === original && i.taskKey === "I.3");
    expect(survey).toBeDefined();
    const saved = await call("phongtrunghoc", "PUT", `/api/v1/reports/plans/${original}`, {
      items: [{ workItemId: survey?.workItemId, status: "in_progress", results: "Đã gửi phiếu khảo sát" }],
    });
    expect(saved.statusCode).toBe(200);

    const view = (await call("vanthu", "GET", `/api/v1/review/${amendment}/amendment`)).json().amends;
    expect(view.target).toMatchObject({ planId: original, number: "990/KH-SGDĐT", status: "published" });
    expect(view.mode).toBe("full");
    const changes = view.changes as Array<{
      kind: string;
      key: string | null;
      target: string | null;
      deadline: { from: string[]; to: string[] } | null;
      lead: { from: string[]; to: string[] } | null;
    }>;
    expect(changes.map((c) => [c.kind, c.key, c.target])).toEqual([
      ["changed", "I.1", "I.1"],
      ["changed", "I.2", "I.2"],
      ["added", "I.3", null],
      ["removed", null, "I.3"],
    ]);
    expect(changes[0]?.deadline).toMatchObject({ from: ["2099-06-30"], to: ["2099-08-31"] });
    expect(changes[0]?.lead).toBeNull();
    expect(changes[1]?.lead).toEqual({ from: ["Văn phòng Sở"], to: ["Phòng Giáo dục Trung học"] });
    expect(changes[1]?.deadline).toBeNull();
    // The restated tasks keep the plan's leads: only the added one must have its own to publish.
    const preview = (await call("vanthu", "GET", `/api/v1/review/${amendment}/publication`)).json();
    expect(preview.unowned).toEqual([]);
  });

  it("changes the amended plan's work on publishing, and keeps each change with its basis", async () => {
    expect((await publish(amendment)).statusCode).toBe(204);
    const plan = (await call("vanthu", "GET", `/api/v1/plans/${original}`)).json();
    const work = (plan.work as Work[]).map((w) => [w.taskKey, w.unitName, w.deadlines]);
    expect(work).toEqual([
      ["I.1", "Phòng Giáo dục Trung học", ["2099-08-31"]],
      ["I.2", "Phòng Giáo dục Trung học", ["2099-09-30"]],
      ["DC-I.3", "Văn phòng Sở", ["2099-11-30"]],
    ]);
    const tasks = plan.tasksDetail as Array<{ key: string; title: string; removed: boolean }>;
    expect(tasks.map((t) => [t.key, t.removed])).toEqual([
      ["I.1", false],
      ["I.2", false],
      ["I.3", true],
      ["DC-I.3", false],
    ]);
    const changes = plan.changes as Array<{
      taskKey: string;
      change: string;
      basis: string;
      before: unknown;
    }>;
    expect(changes.map((c) => [c.taskKey, c.change])).toEqual([
      ["I.1", "deadline"],
      ["I.2", "lead"],
      ["DC-I.3", "added"],
      ["I.3", "removed"],
    ]);
    expect(new Set(changes.map((c) => c.basis))).toEqual(new Set(["Kế hoạch số 991/KH-SGDĐT"]));
    expect(changes[0]?.before).toMatchObject({ deadlines: ["2099-06-30"] });
    // The Phòng's list no longer asks for the removed task; its report on it stays.
    const mine = (await call("phongtrunghoc", "GET", "/api/v1/workspace")).json().items as Array<{
      planId: string;
      taskKey: string;
      lastChange: { change: string; basis: string; before: { deadlines?: string[] } } | null;
    }>;
    const touched = mine.filter((i) => i.planId === original);
    expect(touched.map((i) => i.taskKey)).toEqual(["I.1", "I.2"]);
    // The units it touches are told on their list: what changed, by which plan, what it was.
    expect(touched[0]?.lastChange).toMatchObject({
      change: "deadline",
      basis: "Kế hoạch số 991/KH-SGDĐT",
      before: { deadlines: ["2099-06-30"] },
    });
    expect(touched[1]?.lastChange).toMatchObject({ change: "lead" });
    const reports = (await call("vanthu", "GET", `/api/v1/reports/plans/${original}`)).json().reports;
    expect(JSON.stringify(reports)).toContain("Đã gửi phiếu khảo sát");
    // The amendment keeps no work of its own: its work is the amended plan's.
    const own = (await call("vanthu", "GET", `/api/v1/plans/${amendment}`)).json();
    expect(own.work).toEqual([]);
    expect(own.amendsPlanId).toBe(original);
    // The overview counts three pieces of work for the plan, not four.
    const progress = (await call("giamdoc", "GET", `/api/v1/plans/${original}/progress`)).json();
    const counted = Object.values(progress.counts as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(counted).toBe(3);
  });
});
