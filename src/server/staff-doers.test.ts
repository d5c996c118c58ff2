// People and posts as doers: names a plan gives work to ("Người thực hiện: Vũ Việt Linh") become
// staff members of a unit in one choice for every task naming them; the work stays the unit's and
// names the person, who sees it in "my work"; the next plan naming them is matched by itself.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoApi, demoApi, multipart } from "../../test/api-client.js";
import { STORES } from "../../test/stores.js";

const plan = (number: string, extra = "") => `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: ${number}/KH-SGDĐT                     Hải Phòng, ngày 12 tháng 1 năm 2099

KẾ HOẠCH
Kiểm tra công tác thư viện năm 2099${extra}

I. NỘI DUNG
1. Kiểm tra thư viện các trường THPT
- Người thực hiện: Vũ Việt Linh; Nguyễn Thị Loan
- Thời gian thực hiện: Trước ngày 30/6/2099
2. Tổng hợp kết quả kiểm tra
- Người thực hiện: Vũ Việt Linh
- Thời gian thực hiện: Trước ngày 15/7/2099
3. Phê duyệt báo cáo kết quả kiểm tra
- Người thực hiện: Trưởng đoàn kiểm tra
- Thời gian thực hiện: Trước ngày 30/7/2099
`;

const kind = STORES[0];
if (!kind) throw new Error("no store");

interface Flag {
  id: string;
  kind: string;
  subject: string;
  resolved: boolean;
  detail: { task?: string; doer?: string };
}

describe("people and posts as doers", () => {
  let api: DemoApi;
  const call: DemoApi["call"] = (...args) => api.call(...args);
  let planId = "";
  let gdtrh = "";
  let sgd = "";

  const importPlan = async (name: string, text: string) => {
    const file = multipart(name, text);
    const r = await call("vanthu", "POST", "/api/v1/plans/import", file.body, file.headers);
    expect(r.statusCode).toBe(200);
    return r.json().planId as string;
  };
  const settle = async (id: string, text: string, choice: unknown) =>
    call("vanthu", "POST", `/api/v1/review/${id}/units/settle`, {
      version: (await api.versions(id)).plan,
      text,
      choice,
    });

  beforeAll(async () => {
    api = await demoApi(kind);
    const units = (await call("vanthu", "GET", "/api/v1/units")).json().units as Array<{
      id: string;
      name: string;
    }>;
    gdtrh = units.find((u) => u.name === "Phòng Giáo dục Trung học")?.id ?? "";
    sgd = units.find((u) => u.name.startsWith("Sở Giáo dục và Đào tạo"))?.id ?? "";
    planId = await importPlan("kiem-tra-thu-vien.txt", plan("960"));
  });
  afterAll(async () => api.close());

  it("says which names are people and posts, and makes them staff of a unit for every task at once", async () => {
    const flags = (await call("vanthu", "GET", `/api/v1/review/${planId}`)).json().flags as Flag[];
    const people = flags.filter((f) => f.kind === "unit" && !f.resolved);
    expect(people.map((f) => [f.subject, f.detail.task, f.detail.doer])).toEqual([
      ["Vũ Việt Linh", "I.1", "person"],
      ["Nguyễn Thị Loan", "I.1", "person"],
      ["Vũ Việt Linh", "I.2", "person"],
      ["Trưởng đoàn kiểm tra", "I.3", "post"],
    ]);
    const linh = await settle(planId, "Vũ Việt Linh", { action: "person", unitId: gdtrh });
    expect(linh.statusCode).toBe(200);
    expect(linh.json().tasks).toEqual(["I.1", "I.2"]);
    expect((await settle(planId, "Nguyễn Thị Loan", { action: "person", unitId: gdtrh })).statusCode).toBe(
      200,
    );
    expect(
      (await settle(planId, "Trưởng đoàn kiểm tra", { action: "person", unitId: sgd, post: true }))
        .statusCode,
    ).toBe(200);
    const staff = (await call("vanthu", "GET", `/api/v1/units/${gdtrh}/staff`)).json().staff as Array<{
      name: string | null;
      post: string | null;
    }>;
    expect(staff.map((s) => s.name).sort()).toEqual(["Nguyễn Thị Loan", "Vũ Việt Linh"]);
    const posts = (await call("vanthu", "GET", `/api/v1/units/${sgd}/staff`)).json().staff;
    expect(posts).toMatchObject([{ name: null, post: "Trưởng đoàn kiểm tra" }]);
    // The work is the unit's, naming its people: two people of one Phòng on I.1 are one work item.
    const detail = (await call("vanthu", "GET", `/api/v1/plans/${planId}`)).json();
    const work = (detail.work as Array<{ taskKey: string; unitName: string; persons: string[] }>).map((w) => [
      w.taskKey,
      w.unitName,
      w.persons,
    ]);
    expect(work).toEqual([
      ["I.1", "Phòng Giáo dục Trung học", ["Nguyễn Thị Loan", "Vũ Việt Linh"]],
      ["I.2", "Phòng Giáo dục Trung học", ["Vũ Việt Linh"]],
      ["I.3", expect.stringMatching(/^Sở Giáo dục và Đào tạo/), ["Trưởng đoàn kiểm tra"]],
    ]);
    const open = ((await call("vanthu", "GET", `/api/v1/review/${planId}`)).json().flags as Flag[]).filter(
      (f) => f.kind === "unit" && !f.resolved,
    );
    expect(open).toEqual([]);
  });

  it("shows the unit the people's work, and each person their own in 'my work'", async () => {
    expect((await api.confirmAndPublish("vanthu", planId)).statusCode).toBe(204);
    // Nothing names the officer of Phòng GDTrH yet: their "my work" is empty, the unit's list is not.
    expect((await call("phongtrunghoc", "GET", "/api/v1/workspace/mine")).json().items).toEqual([]);
    const unit = (await call("phongtrunghoc", "GET", "/api/v1/workspace")).json().items as Array<{
      planId: string;
      taskKey: string;
      persons: string[];
    }>;
    expect(unit.filter((i) => i.planId === planId).map((i) => [i.taskKey, i.persons])).toEqual([
      ["I.1", ["Nguyễn Thị Loan", "Vũ Việt Linh"]],
      ["I.2", ["Vũ Việt Linh"]],
    ]);
    // Vũ Việt Linh signs in as "phongtrunghoc": the plan officer links the member to the account.
    const linked = await call("vanthu", "POST", `/api/v1/units/${gdtrh}/staff`, {
      name: "Vũ Việt Linh",
      login: "phongtrunghoc",
    });
    expect(linked.json()).toMatchObject({ created: false });
    const mine = (await call("phongtrunghoc", "GET", "/api/v1/workspace/mine")).json().items as Array<{
      taskKey: string;
      state: string;
    }>;
    expect(mine.map((i) => [i.taskKey, i.state])).toEqual([
      ["I.1", "in_progress"],
      ["I.2", "in_progress"],
    ]);
  });

  it("matches the next plan's names to the staff by itself", async () => {
    const next = await importPlan("kiem-tra-thu-vien-dot-2.txt", plan("961", " (đợt 2)"));
    const flags = ((await call("vanthu", "GET", `/api/v1/review/${next}`)).json().flags as Flag[]).filter(
      (f) => f.kind === "unit",
    );
    expect(flags).toEqual([]);
    const detail = (await call("vanthu", "GET", `/api/v1/plans/${next}`)).json();
    const leads = (
      detail.tasksDetail as Array<{ key: string; units: Array<{ method: string; persons: string[] }> }>
    ).map((t) => [t.key, t.units.map((u) => `${u.method}:${u.persons.join("+")}`)]);
    expect(leads).toEqual([
      ["I.1", ["person:Vũ Việt Linh", "person:Nguyễn Thị Loan"]],
      ["I.2", ["person:Vũ Việt Linh"]],
      ["I.3", ["person:Trưởng đoàn kiểm tra"]],
    ]);
  });

  it("refuses a staff list to unit officers, a name with no name or post, and an account out of reach", async () => {
    expect(
      (await call("phongtrunghoc", "POST", `/api/v1/units/${gdtrh}/staff`, { name: "A B" })).statusCode,
    ).toBe(403);
    const empty = await call("vanthu", "POST", `/api/v1/units/${gdtrh}/staff`, { name: " " });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().fields).toEqual([{ field: "name", reason: "bắt buộc khi không có chức danh" }]);
    const stranger = await call("vanthu", "POST", `/api/v1/units/${gdtrh}/staff`, {
      name: "Lê Văn C",
      login: "khongco",
    });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().fields).toEqual([{ field: "login", reason: "không có tài khoản này" }]);
  });
});
