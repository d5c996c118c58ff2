// No untracked work: a plan is not published while a task has no lead unit, unless the plan
// officer records it as the issuing body's own work; the review says beforehand what publishing
// will create.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoApi, demoApi, multipart } from "../../test/api-client.js";
import { STORES } from "../../test/stores.js";

const kind = STORES[0];
if (!kind) throw new Error("no store");

// Two tasks: one led by a unit of the demo directory, one whose sentence names nobody.
const PLAN = `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 961/KH-SGDĐT                     Hải Phòng, ngày 12 tháng 1 năm 2026

KẾ HOẠCH
Thử nghiệm nhiệm vụ không có đơn vị chủ trì

I. NHIỆM VỤ
1. Tổ chức hội nghị triển khai
- Đơn vị chủ trì: Văn phòng Sở
- Thời gian thực hiện: Trước ngày 30/3/2026
2. Rà soát quy chế chuyên môn
- Thời gian thực hiện: Trong quý II/2026
`;

describe("publishing only work somebody owns", () => {
  let api: DemoApi;
  let planId = "";
  const call: DemoApi["call"] = (...args) => api.call(...args);

  beforeAll(async () => {
    api = await demoApi(kind);
    const f = multipart("ke-hoach-961.txt", PLAN);
    planId = (await call("vanthu", "POST", "/api/v1/plans/import", f.body, f.headers)).json().planId;
    // Every flag confirmed: what is left in the way is the task nobody leads.
    const flags = (await call("vanthu", "GET", `/api/v1/review/${planId}`)).json().flags as Array<{
      id: string;
      resolved: boolean;
    }>;
    for (const flag of flags.filter((x) => !x.resolved))
      await call("vanthu", "POST", `/api/v1/review/${planId}/flags/${flag.id}/confirm`);
  });
  afterAll(async () => api.close());

  it("says what publishing will create, and which task nobody leads", async () => {
    const r = await call("vanthu", "GET", `/api/v1/review/${planId}/publication`);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ tasks: 2, workItems: 1, units: 1, deadlines: 1, openFlags: 0 });
    expect(r.json().unowned).toEqual([{ key: "I.2", title: "Rà soát quy chế chuyên môn" }]);
    expect((await call("phongtrunghoc", "GET", `/api/v1/review/${planId}/publication`)).statusCode).toBe(403);
  });

  it("refuses to publish a task that has no lead, naming it", async () => {
    const r = await call("vanthu", "POST", `/api/v1/review/${planId}/publish`);
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ error: "plan.unowned_tasks" });
    expect(r.json().message).toMatch(/1 nhiệm vụ chưa có đơn vị chủ trì \(I\.2\)/);
    expect((await call("vanthu", "GET", `/api/v1/plans/${planId}`)).json().status).toBe("draft");
  });

  it("records the task as the issuing body's own work, tracked and dated, and then publishes", async () => {
    const version = (await api.versions(planId)).plan;
    const refused = await call("vanthu", "POST", `/api/v1/review/${planId}/own-work`, {
      version,
      keys: ["I.1"],
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toBe("task.has_lead");
    const r = await call("vanthu", "POST", `/api/v1/review/${planId}/own-work`, { version });
    expect(r.statusCode).toBe(200);
    expect(r.json().keys).toEqual(["I.2"]);
    const after = (await call("vanthu", "GET", `/api/v1/review/${planId}/publication`)).json();
    expect(after).toMatchObject({ tasks: 2, workItems: 2, deadlines: 2, unowned: [] });
    const stale = await call("vanthu", "POST", `/api/v1/review/${planId}/own-work`, { version });
    expect(stale.statusCode).toBe(409);
    expect((await call("vanthu", "POST", `/api/v1/review/${planId}/publish`)).statusCode).toBe(204);
    const plan = (await call("vanthu", "GET", `/api/v1/plans/${planId}`)).json();
    const task = plan.tasksDetail.find((t: { key: string }) => t.key === "I.2");
    expect(task.units).toEqual([
      expect.objectContaining({ role: "lead", text: expect.stringMatching(/^Sở Giáo dục và Đào tạo/) }),
    ]);
  });
});
