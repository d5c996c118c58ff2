// The task list of a draft made right on the review screen: a missed task added from the source
// text, a task that is not one deleted, two merged, a section of event facts marked "not tasks";
// each edit logged and undone newest first; the work to publish and the flags follow.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoApi, demoApi, multipart } from "../../test/api-client.js";
import { STORES } from "../../test/stores.js";

const kind = STORES[0];
if (!kind) throw new Error("no store");

// A training plan: its facts (Thời gian, Địa điểm) are no tasks; one order sits outside the list.
const PLAN = `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 962/KH-SGDĐT                     Hải Phòng, ngày 14 tháng 1 năm 2026

KẾ HOẠCH
Tập huấn cán bộ quản lý năm 2026

I. NỘI DUNG
1. Thời gian: ngày 20/3/2026
2. Địa điểm: Hội trường Sở
II. NHIỆM VỤ
1. Chuẩn bị tài liệu tập huấn
- Đơn vị chủ trì: Văn phòng Sở
- Thời gian thực hiện: Trước ngày 10/3/2026
2. Mời báo cáo viên
- Đơn vị chủ trì: Văn phòng Sở
- Thời gian thực hiện: Trước ngày 15/3/2026
Giao Phòng Giáo dục Trung học tổng hợp danh sách học viên trước ngày 05/3/2026.
`;

describe("editing a draft's task list", () => {
  let api: DemoApi;
  let planId = "";
  const call: DemoApi["call"] = (...args) => api.call(...args);
  const planV = async () => (await api.versions(planId)).plan;
  const keys = async () =>
    (
      (await call("vanthu", "GET", `/api/v1/plans/${planId}`)).json().tasksDetail as Array<{ key: string }>
    ).map((t) => t.key);

  beforeAll(async () => {
    api = await demoApi(kind);
    const f = multipart("ke-hoach-962.txt", PLAN);
    planId = (await call("vanthu", "POST", "/api/v1/plans/import", f.body, f.headers)).json().planId;
  });
  afterAll(async () => api.close());

  it("marks a whole section as not tasks, and undoes it", async () => {
    const before = await keys();
    expect(before).toEqual(["II.1", "II.2"]);
    const r = await call("vanthu", "POST", `/api/v1/review/${planId}/sections/II/not-tasks`, {
      version: await planV(),
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().keys).toEqual(["II.1", "II.2"]);
    expect(await keys()).toEqual([]);
    const none = await call("vanthu", "POST", `/api/v1/review/${planId}/sections/I/not-tasks`, {
      version: await planV(),
    });
    expect(none.statusCode).toBe(404);
    const undo = await call("vanthu", "POST", `/api/v1/review/${planId}/edits/undo`, {
      version: await planV(),
    });
    expect(undo.statusCode).toBe(200);
    expect(undo.json().summary).toMatch(/^Mục II không phải nhiệm vụ \(2 nhiệm vụ: II\.1, II\.2\)/);
    expect(await keys()).toEqual(before);
    // The deadlines of the tasks put back are tracked again.
    expect((await call("vanthu", "GET", `/api/v1/review/${planId}/publication`)).json().deadlines).toBe(2);
  });

  it("adds the task the parser missed from a passage of the source, placed after the task it follows", async () => {
    const text: string = (await call("vanthu", "GET", `/api/v1/review/${planId}`)).json().text;
    const passage = "Giao Phòng Giáo dục Trung học tổng hợp danh sách học viên trước ngày 05/3/2026.";
    const start = text.indexOf(passage);
    expect(start).toBeGreaterThan(0);
    const r = await call("vanthu", "POST", `/api/v1/review/${planId}/tasks`, {
      version: await planV(),
      title: "Tổng hợp danh sách học viên",
      content: passage,
      timeframe: "Trước ngày 05/3/2026",
      span: [start, start + passage.length],
      after: "II.1",
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().key).toBe("BS1");
    expect(await keys()).toEqual(["II.1", "BS1", "II.2"]);
    const task = (await call("vanthu", "GET", `/api/v1/plans/${planId}`)).json().tasksDetail[1];
    expect(task).toMatchObject({ key: "BS1", span: [start, start + passage.length] });
    // It has no lead yet: publishing would leave it unowned.
    const pub = (await call("vanthu", "GET", `/api/v1/review/${planId}/publication`)).json();
    expect(pub.unowned.map((t: { key: string }) => t.key)).toEqual(["BS1"]);
    const bad = await call("vanthu", "POST", `/api/v1/review/${planId}/tasks`, {
      version: await planV(),
      title: "x",
      span: [10, 5],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().fields).toEqual([{ field: "span", reason: "đầu phải nhỏ hơn cuối" }]);
  });

  it("merges one task into another, their units and work together, and undoes it", async () => {
    const r = await call("vanthu", "POST", `/api/v1/review/${planId}/tasks-merge`, {
      version: await planV(),
      into: "II.1",
      from: "II.2",
    });
    expect(r.statusCode).toBe(200);
    expect(await keys()).toEqual(["II.1", "BS1"]);
    const merged = (await call("vanthu", "GET", `/api/v1/plans/${planId}`)).json().tasksDetail[0];
    expect(merged.content).toMatch(/Chuẩn bị tài liệu[\s\S]*Mời báo cáo viên/);
    await call("vanthu", "POST", `/api/v1/review/${planId}/edits/undo`, { version: await planV() });
    expect(await keys()).toEqual(["II.1", "BS1", "II.2"]);
  });

  it("deletes a task, keeps every edit with who did it, and refuses edits on a stale version", async () => {
    const version = await planV();
    const r = await call("vanthu", "DELETE", `/api/v1/review/${planId}/tasks/BS1?version=${version}`);
    expect(r.statusCode).toBe(200);
    expect(await keys()).toEqual(["II.1", "II.2"]);
    expect(
      (await call("vanthu", "DELETE", `/api/v1/review/${planId}/tasks/II.1?version=${version}`)).statusCode,
    ).toBe(409);
    expect(
      (await call("vanthu", "DELETE", `/api/v1/review/${planId}/tasks/IX.9?version=${await planV()}`))
        .statusCode,
    ).toBe(404);
    const edits = (await call("vanthu", "GET", `/api/v1/review/${planId}/edits`)).json().edits as Array<{
      summary: string;
      undone: boolean;
    }>;
    expect(edits.map((e) => [e.summary, e.undone])).toEqual([
      ["Xóa nhiệm vụ BS1 «Tổng hợp danh sách học viên»", false],
      ["Gộp nhiệm vụ II.2 vào II.1", true],
      ["Thêm nhiệm vụ BS1 «Tổng hợp danh sách học viên»", false],
      ["Mục II không phải nhiệm vụ (2 nhiệm vụ: II.1, II.2)", true],
    ]);
    const audit = await call("quantri", "GET", "/api/v1/audit?limit=20");
    expect(audit.statusCode).toBe(200);
    const actions = (audit.json().events as Array<{ action: string; actorLogin: string }>).map(
      (e) => `${e.action} ${e.actorLogin}`,
    );
    expect(actions).toEqual(
      expect.arrayContaining(["task.delete vanthu", "task.merge vanthu", "task.undo vanthu"]),
    );
  });

  it("splits a task in two where its text says, moves a task, and undoes both", async () => {
    const before = (await call("vanthu", "GET", `/api/v1/plans/${planId}`)).json().tasksDetail[0];
    // (at a word's end halfway through: "Chuẩn bị tài liệu" | "tập huấn")
    const at = before.content.indexOf(" ", Math.floor(before.content.length / 2));
    expect(at).toBeGreaterThan(0);
    const r = await call("vanthu", "POST", `/api/v1/review/${planId}/tasks/II.1/split`, {
      version: await planV(),
      at,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().key).toBe("BS1");
    expect(await keys()).toEqual(["II.1", "BS1", "II.2"]);
    const [first, second] = (await call("vanthu", "GET", `/api/v1/plans/${planId}`)).json().tasksDetail;
    expect(first.content).toBe(before.content.slice(0, at).trim());
    expect(second.content).toBe(before.content.slice(at).trim());
    // The second part keeps the units of the task it came from: it is not left without a lead.
    expect(second.units.map((u: { text: string }) => u.text)).toEqual(
      before.units.map((u: { text: string }) => u.text),
    );
    const bad = await call("vanthu", "POST", `/api/v1/review/${planId}/tasks/II.2/split`, {
      version: await planV(),
      at: 5000,
    });
    expect(bad.statusCode).toBe(422);
    const moved = await call("vanthu", "POST", `/api/v1/review/${planId}/tasks/II.2/move`, {
      version: await planV(),
      direction: "up",
    });
    expect(moved.statusCode).toBe(200);
    expect(await keys()).toEqual(["II.1", "II.2", "BS1"]);
    const top = await call("vanthu", "POST", `/api/v1/review/${planId}/tasks/II.1/move`, {
      version: await planV(),
      direction: "up",
    });
    expect(top.statusCode).toBe(422);
    await call("vanthu", "POST", `/api/v1/review/${planId}/edits/undo`, { version: await planV() });
    expect(await keys()).toEqual(["II.1", "BS1", "II.2"]);
    await call("vanthu", "POST", `/api/v1/review/${planId}/edits/undo`, { version: await planV() });
    expect(await keys()).toEqual(["II.1", "II.2"]);
    expect((await call("vanthu", "GET", `/api/v1/plans/${planId}`)).json().tasksDetail[0].content).toBe(
      before.content,
    );
  });

  it("publishes the list as edited, and then no longer edits it", async () => {
    const flags = (await call("vanthu", "GET", `/api/v1/review/${planId}`)).json().flags as Array<{
      id: string;
      resolved: boolean;
    }>;
    for (const f of flags.filter((x) => !x.resolved))
      await call("vanthu", "POST", `/api/v1/review/${planId}/flags/${f.id}/confirm`);
    expect((await call("vanthu", "POST", `/api/v1/review/${planId}/publish`)).statusCode).toBe(204);
    const r = await call("vanthu", "POST", `/api/v1/review/${planId}/edits/undo`, { version: await planV() });
    expect(r.statusCode).toBe(409);
    expect((await call("vanthu", "GET", `/api/v1/plans/${planId}`)).json().tasksDetail).toHaveLength(2);
  });
});
