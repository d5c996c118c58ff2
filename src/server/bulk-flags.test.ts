// Flags settled in bulk: a name the directory does not hold, written in many tasks, is settled once
// for all of them; warnings that say the same thing are confirmed together.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoApi, demoApi, multipart } from "../../test/api-client.js";
import { STORES } from "../../test/stores.js";

const kind = STORES[0];
if (!kind) throw new Error("no store");

// Staff named as doers, as internal plans name them (KH-3898's "Người thực hiện" column).
const PLAN = `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 964/KH-SGDĐT                     Hải Phòng, ngày 16 tháng 1 năm 2026

KẾ HOẠCH
Kiểm tra hồ sơ năm 2026

I. NHIỆM VỤ
1. Kiểm tra hồ sơ khối A
- Người thực hiện: Vũ Việt Linh
2. Kiểm tra hồ sơ khối B
- Người thực hiện: Vũ Việt Linh
3. Kiểm tra hồ sơ khối C
- Người thực hiện: Nguyễn Thị Loan
- Đơn vị phối hợp: Văn phòng Sở
`;

describe("settling flags in bulk", () => {
  let api: DemoApi;
  let planId = "";
  const call: DemoApi["call"] = (...args) => api.call(...args);
  const planV = async () => (await api.versions(planId)).plan;
  const openFlags = async () =>
    (
      (await call("vanthu", "GET", `/api/v1/review/${planId}`)).json().flags as Array<{
        kind: string;
        subject: string;
        resolved: boolean;
      }>
    ).filter((f) => !f.resolved);

  beforeAll(async () => {
    api = await demoApi(kind);
    const f = multipart("ke-hoach-964.txt", PLAN);
    planId = (await call("vanthu", "POST", "/api/v1/plans/import", f.body, f.headers)).json().planId;
  });
  afterAll(async () => api.close());

  it("gives the unit picked from the directory to every task that names the same person", async () => {
    expect((await openFlags()).filter((f) => f.kind === "unit" && f.subject === "Vũ Việt Linh")).toHaveLength(
      2,
    );
    const units = (await call("vanthu", "GET", "/api/v1/units")).json().units as Array<{
      id: string;
      name: string;
    }>;
    const office = units.find((u) => u.name === "Văn phòng Sở");
    expect(office).toBeDefined();
    const r = await call("vanthu", "POST", `/api/v1/review/${planId}/units/settle`, {
      version: await planV(),
      text: "Vũ Việt Linh",
      choice: { action: "pick", unitId: office?.id },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().tasks).toEqual(["I.1", "I.2"]);
    expect((await openFlags()).some((f) => f.subject === "Vũ Việt Linh")).toBe(false);
    const pub = (await call("vanthu", "GET", `/api/v1/review/${planId}/publication`)).json();
    expect(pub.unowned.map((t: { key: string }) => t.key)).toEqual(["I.3"]);
  });

  it("takes a name off every task as no doer, and refuses a unit the directory does not hold", async () => {
    const bad = await call("vanthu", "POST", `/api/v1/review/${planId}/units/settle`, {
      version: await planV(),
      text: "Nguyễn Thị Loan",
      choice: { action: "pick", unitId: "999999" },
    });
    expect(bad.statusCode).toBe(404);
    expect(bad.json().fields).toEqual([{ field: "choice.unitId", reason: "không có đơn vị 999999" }]);
    const r = await call("vanthu", "POST", `/api/v1/review/${planId}/units/settle`, {
      version: await planV(),
      text: "Nguyễn Thị Loan",
      choice: { action: "not_doer" },
    });
    expect(r.statusCode).toBe(200);
    const task = (await call("vanthu", "GET", `/api/v1/plans/${planId}`)).json().tasksDetail[2];
    expect(task.units.map((u: { text: string }) => u.text)).toEqual(["Văn phòng Sở"]);
  });

  it("confirms the warnings that say the same thing of several tasks at once", async () => {
    const noTime = (await openFlags()).filter((f) => /không có thời gian thực hiện/.test(f.subject));
    expect(noTime.length).toBe(3);
    const r = await call("vanthu", "POST", `/api/v1/review/${planId}/flags/confirm-group`, {
      kind: "warning",
      about: noTime[0]?.subject.replace(/^Nhiệm vụ [^:]+:\s*/, ""),
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().confirmed).toBe(3);
    expect((await openFlags()).some((f) => /không có thời gian thực hiện/.test(f.subject))).toBe(false);
  });
});
