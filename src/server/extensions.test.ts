// Extensions ("gia hạn") end to end in the API: the lead unit asks for a later date with a reason;
// a second request waits for the first; the plan officer refuses (with a reason) or approves; the
// deadline moves, the four states count against the approved date, the unit is told, and its list
// says "gia hạn N lần, hạn gốc …".

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoApi, demoApi } from "../../test/api-client.js";
import { STORES } from "../../test/stores.js";

const PLAN = `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 997/KH-SGDĐT                     Hải Phòng, ngày 01 tháng 6 năm 2026

KẾ HOẠCH
Kiểm tra thư viện trường học năm 2026

I. NHIỆM VỤ
1. Kiểm tra thư viện các trường THPT
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Đơn vị phối hợp: Văn phòng Sở
- Thời gian thực hiện: Trước ngày 30/6/2026
`;

const kind = STORES[0];
if (!kind) throw new Error("no store");

interface Item {
  workItemId: string;
  planId: string;
  role: string;
  state: string;
  deadlines: string[];
  extended: { count: number; originalDue: string } | null;
  pendingExtension: string | null;
}

describe("extensions", () => {
  let api: DemoApi;
  // (the sessions opened on the 28th last the seven days the test walks)
  let now = new Date("2026-06-28T01:00:00Z");
  const call: DemoApi["call"] = (...args) => api.call(...args);
  let planId = "";
  const mine = async () => {
    const r = await call("phongtrunghoc", "GET", "/api/v1/workspace");
    if (r.statusCode !== 200) throw new Error(`workspace: ${r.statusCode} ${r.body}`);
    return (r.json().items as Item[]).find((i) => i.planId === planId && i.role === "lead") as Item;
  };
  beforeAll(async () => {
    api = await demoApi(kind, { now: () => new Date(now) });
    planId = await api.importText("vanthu", "ke-hoach-997.txt", PLAN);
    expect((await api.confirmAndPublish("vanthu", planId)).statusCode).toBe(204);
  });
  afterAll(async () => api.close());

  it("is asked by the lead unit for a later date, with a reason; refused with one; approved, the date moves", async () => {
    const item = await mine();
    expect(item.deadlines).toEqual(["2026-06-30"]);
    const early = await call("phongtrunghoc", "POST", "/api/v1/extensions", {
      workItemId: item.workItemId,
      newDue: "2026-06-15",
      reason: "Trùng lịch thi",
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().fields).toEqual([{ field: "newDue", reason: "phải sau 30/06/2026" }]);
    // Only the unit itself asks; another unit's officer does not even see the work.
    expect(
      (
        await call("vanthu", "POST", "/api/v1/extensions", {
          workItemId: item.workItemId,
          newDue: "2026-07-31",
          reason: "x",
        })
      ).statusCode,
    ).toBe(404);
    const asked = await call("phongtrunghoc", "POST", "/api/v1/extensions", {
      workItemId: item.workItemId,
      newDue: "2026-07-31",
      reason: "Các trường đang tổ chức thi tốt nghiệp",
      basis: "Công văn số 15/GDTrH ngày 27/6/2026",
    });
    expect(asked.statusCode).toBe(201);
    expect(asked.json()).toMatchObject({
      status: "pending",
      fromDue: "2026-06-30",
      requestedDue: "2026-07-31",
    });
    expect((await mine()).pendingExtension).toBe("2026-07-31");
    const twice = await call("phongtrunghoc", "POST", "/api/v1/extensions", {
      workItemId: item.workItemId,
      newDue: "2026-08-31",
      reason: "Thêm lần nữa",
    });
    expect(twice.statusCode).toBe(409);
    // A refusal needs a reason, and leaves the date.
    const bare = await call("vanthu", "POST", `/api/v1/extensions/${asked.json().id}/decision`, {
      approve: false,
    });
    expect(bare.statusCode).toBe(422);
    const refused = await call("vanthu", "POST", `/api/v1/extensions/${asked.json().id}/decision`, {
      approve: false,
      comment: "Cần hoàn thành trước khi tổng kết năm học",
    });
    expect(refused.json()).toMatchObject({ status: "refused" });
    expect((await mine()).deadlines).toEqual(["2026-06-30"]);

    // Overdue on 2 July; asked again and approved: back within its (new) time, and it says so.
    now = new Date("2026-07-02T01:00:00Z");
    expect((await mine()).state).toBe("overdue");
    const again = await call("phongtrunghoc", "POST", "/api/v1/extensions", {
      workItemId: item.workItemId,
      newDue: "2026-07-20",
      reason: "Hai trường chưa gửi hồ sơ",
    });
    expect(
      (
        await call("phongtrunghoc", "POST", `/api/v1/extensions/${again.json().id}/decision`, {
          approve: true,
        })
      ).statusCode,
    ).toBe(403);
    const approved = await call("vanthu", "POST", `/api/v1/extensions/${again.json().id}/decision`, {
      approve: true,
      comment: "Đồng ý",
    });
    expect(approved.json()).toMatchObject({ status: "approved" });
    const after = await mine();
    expect(after).toMatchObject({
      state: "in_progress",
      deadlines: ["2026-07-20"],
      extended: { count: 1, originalDue: "2026-06-30" },
      pendingExtension: null,
    });
    const progress = (await call("giamdoc", "GET", `/api/v1/plans/${planId}/progress`)).json();
    expect(progress.counts.overdue).toBe(1); // the cooperating unit's work keeps its date
    // The unit is told of each decision; the plan's reviewers see every request, newest pending first.
    const bell = (await call("phongtrunghoc", "GET", "/api/v1/notifications")).json().items as Array<{
      title: string;
    }>;
    expect(bell.map((n) => n.title)).toEqual(
      expect.arrayContaining(["Đồng ý gia hạn: I.1 đến 20/07/2026", "Không đồng ý gia hạn: I.1"]),
    );
    const list = (await call("vanthu", "GET", `/api/v1/extensions?planId=${planId}`)).json().extensions;
    expect(list.map((e: { status: string }) => e.status)).toEqual(["approved", "refused"]);
    expect((await call("vanthukhac", "GET", `/api/v1/extensions?planId=${planId}`)).statusCode).toBe(404);
  });
});
