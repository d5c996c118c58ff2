// Review corrections, units and accounts through the API: validation names the field, and each
// route refuses those outside its reach.

import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoApi, demoApi, multipart } from "../../test/api-client.js";
import { STORES } from "../../test/stores.js";
import type { Store } from "../db/connection.js";
import { listUnits } from "../db/units.repository.js";

const kind = STORES[0];
if (!kind) throw new Error("no store");

const PLAN = `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 960/KH-SGDĐT                     Hải Phòng, ngày 10 tháng 1 năm 2026

KẾ HOẠCH
Thử nghiệm sửa trước khi công bố

I. NHIỆM VỤ
1. Xây dựng ngân hàng đề
- Đơn vị chủ trì: Phòng Khảo thí
- Thời gian thực hiện: Trong quý /2026
`;

describe("review corrections, units and accounts", () => {
  let api: DemoApi;
  let store: Store;
  let planId = "";
  const call: DemoApi["call"] = (...args) => api.call(...args);

  beforeAll(async () => {
    api = await demoApi(kind);
    store = api.store;
    const f = multipart("ke-hoach-960.txt", PLAN);
    planId = (await call("vanthu", "POST", "/api/v1/plans/import", f.body, f.headers)).json().planId;
  });
  afterAll(async () => api.close());

  it("shows the source text beside the extracted plan, with the task's span pointing into it", async () => {
    const r = await call("vanthu", "GET", `/api/v1/plans/${planId}/source`);
    expect(r.statusCode).toBe(200);
    const { text, parsed } = r.json();
    const [start, end] = parsed.tasks[0].span;
    expect(text.slice(start, end)).toMatch(/^1\. Xây dựng ngân hàng đề/);
    expect((await call("phongtrunghoc", "GET", `/api/v1/plans/${planId}/source`)).statusCode).toBe(403);
  });

  it("corrects a timeframe the OCR or the author left unreadable, and the deadlines follow", async () => {
    const bad = await call("vanthu", "PATCH", `/api/v1/plans/${planId}/tasks/I.1`, { timeframe: 12 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/trường «timeframe»/);
    const warningsOf = async () =>
      (
        (await call("vanthu", "GET", `/api/v1/plans/${planId}/review-items`)).json().items as Array<{
          kind: string;
          subject: string;
          resolved: boolean;
        }>
      )
        .filter((f) => f.kind === "warning" && f.subject.startsWith("Nhiệm vụ I.1:") && !f.resolved)
        .map((f) => f.subject);
    expect((await warningsOf()).some((w) => /thiếu số quý/.test(w))).toBe(true);
    const r = await call("vanthu", "PATCH", `/api/v1/plans/${planId}/tasks/I.1`, {
      timeframe: "Trong quý II/2026",
    });
    expect(r.statusCode).toBe(200);
    // Fixed, so the task's timeframe warnings are closed.
    expect(await warningsOf()).toEqual([]);
    expect(r.json().timeframe).toEqual({ text: "Trong quý II/2026", kind: "deadline", due: "2026-06-30" });
    expect(
      (await call("vanthu", "PATCH", `/api/v1/plans/${planId}/tasks/IX.9`, { title: "x" })).statusCode,
    ).toBe(404);
  });

  it("picks an unresolved unit from the directory, with suggestions, and closes its flag", async () => {
    const suggestion = await call(
      "vanthu",
      "GET",
      `/api/v1/units/suggest?q=${encodeURIComponent("Phòng Khảo thí")}`,
    );
    expect(suggestion.json().method).toBe("review");
    expect(suggestion.json().candidates.length).toBeGreaterThan(0);
    const units = await listUnits(store.db);
    const gdtrh = units.find((u) => u.code === "SGDDT.GDTRH")?.id ?? "";
    const r = await call("vanthu", "PUT", `/api/v1/plans/${planId}/tasks/I.1/units`, {
      units: [{ role: "lead", text: "Phòng Khảo thí", unitIds: [gdtrh] }],
    });
    expect(r.statusCode).toBe(204);
    const work = await sql<{
      due: string;
    }>`select d.due::text as due from deadline d join work_item w on w.id = d.work_item_id join task t on t.id = w.task_id where t.plan_id = ${planId}`.execute(
      store.db,
    );
    expect(work.rows).toEqual([{ due: "2026-06-30" }]);
    const flags = (await call("vanthu", "GET", `/api/v1/plans/${planId}/review-items`)).json()
      .items as Array<{ kind: string; subject: string; resolved: boolean }>;
    expect(flags.find((f) => f.kind === "unit" && f.subject === "Phòng Khảo thí")?.resolved).toBe(true);
    const unknown = await call("vanthu", "PUT", `/api/v1/plans/${planId}/tasks/I.1/units`, {
      units: [{ role: "lead", text: "X", unitIds: ["999999"] }],
    });
    expect(unknown.statusCode).toBe(404);
  });

  it("lets administrators alone import units and add accounts, naming the field of a bad one", async () => {
    const csv = multipart(
      "units.csv",
      "code,name,kind,parent_code\nSGDDT.KT,Phòng Khảo thí,division,SGDDT\n",
    );
    expect((await call("vanthu", "POST", "/api/v1/units/import", csv.body, csv.headers)).statusCode).toBe(
      403,
    );
    const ok = await call("quantri", "POST", "/api/v1/units/import", csv.body, csv.headers);
    expect(ok.json()).toEqual({ created: 1, updated: 0 });
    const badCsv = multipart("units.csv", "code,name,kind\nX,Phòng X,phong\n");
    const bad = await call("quantri", "POST", "/api/v1/units/import", badCsv.body, badCsv.headers);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().fields).toEqual([
      { line: 2, field: "kind", reason: expect.stringContaining("loại đơn vị") },
    ]);

    const unitId = (await listUnits(store.db)).find((u) => u.code === "SGDDT.KT")?.id ?? "";
    expect((await call("giamdoc", "GET", "/api/v1/users")).statusCode).toBe(403);
    const weak = await call("quantri", "POST", "/api/v1/users", {
      login: "Khao Thi",
      displayName: "",
      unitId,
      role: "boss",
      password: "ngan",
    });
    expect(weak.statusCode).toBe(400);
    for (const field of ["login", "displayName", "role", "password"])
      expect(weak.json().message).toContain(`trường «${field}»`);
    const created = await call("quantri", "POST", "/api/v1/users", {
      login: "khaothi",
      displayName: "Cán bộ Phòng Khảo thí",
      unitId,
      role: "unit_officer",
      password: "mat-khau-du-dai-1",
    });
    expect(created.statusCode).toBe(201);
    const again = await call("quantri", "POST", "/api/v1/users", {
      login: "khaothi",
      displayName: "Trùng",
      unitId,
      role: "unit_officer",
      password: "mat-khau-du-dai-1",
    });
    expect(again.statusCode).toBe(409);
    const users = (await call("quantri", "GET", "/api/v1/users")).json().users as Array<{ login: string }>;
    expect(users.map((u) => u.login)).toContain("khaothi");
  });
});
