// Duties of "Tổ chức thực hiện" are work too: each duty becomes tracked work of its units, dated by
// its own completion clause or by the plan's year, edited on the review screen like a task, reported
// on, and counted in the four states beside the tasks.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoApi, demoApi, multipart } from "../../test/api-client.js";
import { STORES } from "../../test/stores.js";

const PLAN = `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 951/KH-SGDĐT                     Hải Phòng, ngày 12 tháng 1 năm 2099

KẾ HOẠCH
Bồi dưỡng giáo viên năm 2099

I. NHIỆM VỤ
1. Tổ chức hội thảo chuyên môn
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Thời gian thực hiện: Trước ngày 30/6/2099

II. TỔ CHỨC THỰC HIỆN
1. Phòng Giáo dục Trung học
- Hướng dẫn các trường xây dựng kế hoạch bồi dưỡng; hoàn thành trước ngày 30/9/2099.
- Tổng hợp kết quả bồi dưỡng của các trường, tham mưu Giám đốc Sở khen thưởng.
2. Văn phòng Sở
Theo dõi, đôn đốc các phòng, đơn vị thực hiện Kế hoạch này.
3. Các phòng thuộc Sở định kỳ trước ngày 15/6 và 15/12 hằng năm gửi báo cáo về Sở Giáo dục và Đào tạo (qua Văn phòng Sở).
`;

const kind = STORES[0];
if (!kind) throw new Error("no store");

interface TaskRow {
  kind: "task" | "duty";
  key: string;
  title: string;
  units: Array<{ role: string; text: string; unitIds: string[] }>;
}

describe("duties of 'Tổ chức thực hiện' as tracked work", () => {
  let api: DemoApi;
  const call: DemoApi["call"] = (...args) => api.call(...args);
  let planId = "";

  beforeAll(async () => {
    api = await demoApi(kind);
    const file = multipart("ke-hoach-951.txt", PLAN);
    const r = await call("vanthu", "POST", "/api/v1/plans/import", file.body, file.headers);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ tasks: 1, duties: 3 });
    planId = r.json().planId;
  });
  afterAll(async () => api.close());

  it("reads each duty as work of its units, dated by its own clause or by the plan's year", async () => {
    const plan = (await call("vanthu", "GET", `/api/v1/plans/${planId}`)).json();
    const duties = (plan.tasksDetail as TaskRow[]).filter((t) => t.kind === "duty");
    expect(duties.map((d) => [d.key, d.units.map((u) => `${u.role}:${u.text}`)])).toEqual([
      ["PC-II.1-1", ["lead:Phòng Giáo dục Trung học"]],
      ["PC-II.1-2", ["lead:Phòng Giáo dục Trung học"]],
      ["PC-II.2", ["lead:Văn phòng Sở"]],
    ]);
    // The third part only reports: the plan's reporting duty tracks it, not a work item.
    expect(plan.reporting.map((r: { timeframe: { text: string } }) => r.timeframe.text)).toEqual([
      "định kỳ trước ngày 15/6 và 15/12 hằng năm",
    ]);
    const due = new Map<string, string[]>();
    for (const w of plan.work as Array<{ taskKey: string; deadlines: string[] }>)
      due.set(w.taskKey, w.deadlines);
    expect(due.get("PC-II.1-1")).toEqual(["2099-09-30"]);
    expect(due.get("PC-II.1-2")).toEqual(["2099-12-31"]);
    expect(due.get("PC-II.2")).toEqual(["2099-12-31"]);
    const preview = (await call("vanthu", "GET", `/api/v1/review/${planId}/publication`)).json();
    expect(preview).toMatchObject({ tasks: 1, duties: 3, workItems: 4, units: 2, unowned: [] });
  });

  it("edits duties like tasks: moved among duties, undone", async () => {
    const version = async () => (await api.versions(planId)).plan;
    const down = await call("vanthu", "POST", `/api/v1/review/${planId}/tasks/PC-II.1-2/move`, {
      version: await version(),
      direction: "down",
    });
    expect(down.statusCode).toBe(200);
    // The last duty does not move past the list's end into anything else.
    const last = await call("vanthu", "POST", `/api/v1/review/${planId}/tasks/PC-II.1-2/move`, {
      version: await version(),
      direction: "down",
    });
    expect(last.statusCode).toBe(422);
    // The task does not move down among the duties either.
    const task = await call("vanthu", "POST", `/api/v1/review/${planId}/tasks/I.1/move`, {
      version: await version(),
      direction: "down",
    });
    expect(task.statusCode).toBe(422);
    const order = (await call("vanthu", "GET", `/api/v1/plans/${planId}`)).json().tasksDetail as TaskRow[];
    expect(order.map((t) => t.key)).toEqual(["I.1", "PC-II.1-1", "PC-II.2", "PC-II.1-2"]);
    expect(
      (await call("vanthu", "POST", `/api/v1/review/${planId}/edits/undo`, { version: await version() }))
        .statusCode,
    ).toBe(200);
    const back = (await call("vanthu", "GET", `/api/v1/plans/${planId}`)).json().tasksDetail as TaskRow[];
    expect(back.map((t) => [t.key, t.kind])).toEqual([
      ["I.1", "task"],
      ["PC-II.1-1", "duty"],
      ["PC-II.1-2", "duty"],
      ["PC-II.2", "duty"],
    ]);
  });

  it("is reported on by its unit and counted in the four states once accepted", async () => {
    expect((await api.confirmAndPublish("vanthu", planId)).statusCode).toBe(204);

    const ws = (await call("phongtrunghoc", "GET", "/api/v1/workspace")).json();
    const mine = (
      ws.items as Array<{ workItemId: string; planId: string; taskKey: string; taskKind: string }>
    ).filter((i) => i.planId === planId);
    expect(mine.map((i) => [i.taskKey, i.taskKind])).toEqual([
      ["I.1", "task"],
      ["PC-II.1-1", "duty"],
      ["PC-II.1-2", "duty"],
    ]);
    const duty = mine.find((i) => i.taskKey === "PC-II.1-1");
    const saved = await call("phongtrunghoc", "PUT", `/api/v1/reports/plans/${planId}`, {
      items: [
        {
          workItemId: duty?.workItemId,
          status: "done",
          results: "Các trường đã gửi kế hoạch bồi dưỡng",
          evidence: "Công văn số 15/GDTrH ngày 02/02/2099",
        },
      ],
    });
    expect(saved.statusCode).toBe(200);
    const reportId = saved.json().id as string;
    expect((await call("phongtrunghoc", "POST", `/api/v1/reports/${reportId}/submit`)).statusCode).toBe(204);
    const before = (await call("giamdoc", "GET", `/api/v1/plans/${planId}/progress`)).json();
    expect(before.counts).toMatchObject({ done_on_time: 0, in_progress: 4 });
    expect(
      (await call("vanthu", "POST", `/api/v1/reports/${reportId}/decision`, { accept: true })).statusCode,
    ).toBe(204);
    const after = (await call("giamdoc", "GET", `/api/v1/plans/${planId}/progress`)).json();
    expect(after.counts).toMatchObject({ done_on_time: 1, in_progress: 3 });
    const done = (await call("giamdoc", "GET", "/api/v1/overview/work?state=done_on_time")).json();
    expect(
      (done.items as Array<{ planId: string; taskKey: string; taskKind: string }>)
        .filter((i) => i.planId === planId)
        .map((i) => [i.taskKey, i.taskKind]),
    ).toEqual([["PC-II.1-1", "duty"]]);
  });
});
