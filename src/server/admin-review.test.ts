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
  // Edits are made against the version read: these send the current one.
  const planV = async (id: string) => (await api.versions(id)).plan;
  const taskV = async (id: string, key: string) => (await api.versions(id)).tasks[key] ?? 0;

  beforeAll(async () => {
    api = await demoApi(kind);
    store = api.store;
    const f = multipart("ke-hoach-960.txt", PLAN);
    planId = (await call("vanthu", "POST", "/api/v1/plans/import", f.body, f.headers)).json().planId;
  });
  afterAll(async () => api.close());

  it("shows the source text beside the extracted plan, with the task's span pointing into it", async () => {
    const r = await call("vanthu", "GET", `/api/v1/review/${planId}`);
    expect(r.statusCode).toBe(200);
    const { text, parsed } = r.json();
    const [start, end] = parsed.tasks[0].span;
    expect(text.slice(start, end)).toMatch(/^1\. Xây dựng ngân hàng đề/);
    expect((await call("phongtrunghoc", "GET", `/api/v1/review/${planId}`)).statusCode).toBe(403);
  });

  it("corrects a timeframe the OCR or the author left unreadable, and the deadlines follow", async () => {
    const bad = await call("vanthu", "PATCH", `/api/v1/review/${planId}/tasks/I.1`, {
      version: await taskV(planId, "I.1"),
      timeframe: 12,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/trường «timeframe»/);
    const warningsOf = async () =>
      (
        (await call("vanthu", "GET", `/api/v1/review/${planId}`)).json().flags as Array<{
          kind: string;
          subject: string;
          resolved: boolean;
        }>
      )
        .filter((f) => f.kind === "warning" && f.subject.startsWith("Nhiệm vụ I.1:") && !f.resolved)
        .map((f) => f.subject);
    expect((await warningsOf()).some((w) => /thiếu số quý/.test(w))).toBe(true);
    const r = await call("vanthu", "PATCH", `/api/v1/review/${planId}/tasks/I.1`, {
      version: await taskV(planId, "I.1"),
      timeframe: "Trong quý II/2026",
    });
    expect(r.statusCode).toBe(200);
    // Fixed, so the task's timeframe warnings are closed.
    expect(await warningsOf()).toEqual([]);
    expect(r.json().timeframe).toEqual({ text: "Trong quý II/2026", kind: "deadline", due: "2026-06-30" });
    expect(
      (await call("vanthu", "PATCH", `/api/v1/review/${planId}/tasks/IX.9`, { version: 1, title: "x" }))
        .statusCode,
    ).toBe(404);
  });

  it("corrects the document fields: number, title, issue date and signer, naming the field of a bad one", async () => {
    const text = PLAN.replace("960/KH-SGDĐT", "96/KH-SGDĐT")
      .replace("ngày 10 tháng 1 năm 2026", "ngày     tháng 1 năm 2026")
      .replace("Trong quý /2026", "Trong quý III");
    const f = multipart("ke-hoach-96.txt", text);
    const id = (await call("vanthu", "POST", "/api/v1/plans/import", f.body, f.headers)).json().planId;
    const url = `/api/v1/review/${id}`;
    const planUrl = `/api/v1/plans/${id}`;
    const dueOf = async () =>
      (await call("vanthu", "GET", planUrl)).json().work.map((w: { deadlines: string[] }) => w.deadlines);
    const before = (await call("vanthu", "GET", planUrl)).json();
    expect(before.number).toBe("96/KH-SGDĐT");
    expect(before.issuedOn).toBeNull();

    for (const [body, field] of [
      [{ issuedOn: "10/01/2026" }, "issuedOn"],
      [{ issuedOn: "2026-02-30" }, "issuedOn"],
      [{ title: "" }, "title"],
      [{ signer: { name: 7 } }, "signer.name"],
    ] as const) {
      const bad = await call("vanthu", "PATCH", url, { version: await planV(id), ...body });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().message).toContain(`«${field}»`);
    }
    expect((await call("vanthu", "PATCH", url, { version: await planV(id), author: "x" })).statusCode).toBe(
      400,
    );
    expect((await call("vanthu", "PATCH", url, { number: "1/KH" })).statusCode).toBe(400);
    expect((await call("phongtrunghoc", "PATCH", url, { version: 1, number: "1/KH" })).statusCode).toBe(403);
    expect((await call("vanthukhac", "PATCH", url, { version: 1, number: "1/KH" })).statusCode).toBe(404);
    expect((await call("vanthukhac", "GET", url)).statusCode).toBe(404);

    const open = async () =>
      (
        (await call("vanthu", "GET", url)).json().flags as Array<{
          subject: string;
          resolved: boolean;
        }>
      )
        .filter((i) => !i.resolved)
        .map((i) => i.subject);
    expect((await open()).some((s) => s.startsWith("Ngày ban hành"))).toBe(true);
    const ok = await call("vanthu", "PATCH", url, {
      version: await planV(id),
      number: " 960/KH-SGDĐT ",
      title: "Thử nghiệm  sửa các trường văn bản",
      issuedOn: "2027-01-10",
      signer: { capacity: "KT.", position: "PHÓ GIÁM ĐỐC", name: "Nguyễn Văn Bình" },
    });
    expect(ok.statusCode).toBe(200);
    const after = (await call("vanthu", "GET", planUrl)).json();
    expect(after).toMatchObject({
      number: "960/KH-SGDĐT",
      title: "Thử nghiệm sửa các trường văn bản",
      issuedOn: "2027-01-10",
      signer: { capacity: "KT.", position: "PHÓ GIÁM ĐỐC", name: "Nguyễn Văn Bình" },
    });
    // The warning about the missing date is settled; "Trong quý III" is now the third quarter of 2027.
    expect((await open()).some((s) => s.startsWith("Ngày ban hành"))).toBe(false);
    expect(after.tasksDetail[0].timeframe).toMatchObject({ kind: "deadline", due: "2027-09-30" });
    const picked = await call(
      "vanthu",
      "GET",
      `/api/v1/units/suggest?q=${encodeURIComponent("Phòng Khảo thí")}`,
    );
    const unitId: string = picked.json().candidates[0].id;
    await call("vanthu", "PUT", `${url}/tasks/I.1/units`, {
      version: await taskV(id, "I.1"),
      units: [{ role: "lead", text: "Phòng Khảo thí", unitIds: [unitId] }],
    });
    expect(await dueOf()).toEqual([["2027-09-30"]]);
    // Search reads the corrected fields, diacritics ignored.
    const found = (
      await call("vanthu", "GET", `/api/v1/search?q=${encodeURIComponent("sua cac truong van ban")}`)
    ).json();
    expect(found.plans.map((p: { id: string }) => p.id)).toContain(id);
    // Only the signer's name changes when only the name is sent.
    await call("vanthu", "PATCH", url, { version: await planV(id), signer: { name: "Trần Thị Cúc" } });
    expect((await call("vanthu", "GET", planUrl)).json().signer).toEqual({
      capacity: "KT.",
      position: "PHÓ GIÁM ĐỐC",
      name: "Trần Thị Cúc",
    });
  });

  it("keeps a plan whose issuer is unknown or above the uploader with the uploader's body, and says so", async () => {
    const upload = async (name: string, text: string) => {
      const f = multipart(name, text);
      return (await call("vanthu", "POST", "/api/v1/plans/import", f.body, f.headers)).json()
        .planId as string;
    };
    const city = await upload(
      "ke-hoach-thanh-pho.txt",
      PLAN.replace("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG").replace(
        "960/KH-SGDĐT",
        "77/KH-UBND",
      ),
    );
    const unknown = await upload(
      "ke-hoach-la.txt",
      PLAN.replace("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "BAN QUẢN LÝ DỰ ÁN KHÔNG CÓ TRONG DANH MỤC").replace(
        "960/",
        "961/",
      ),
    );
    for (const id of [city, unknown]) {
      expect((await call("vanthu", "GET", `/api/v1/plans/${id}`)).statusCode).toBe(200);
      const items = (await call("vanthu", "GET", `/api/v1/review/${id}`)).json().flags as Array<{
        subject: string;
      }>;
      expect(items.some((i) => /^Cơ quan ban hành .* đơn vị của người nhập theo dõi/.test(i.subject))).toBe(
        true,
      );
      expect((await call("vanthukhac", "GET", `/api/v1/plans/${id}`)).statusCode).toBe(404);
    }
  });

  it("links a reference to a plan in the system, or unlinks it, and refuses a link to itself", async () => {
    const text = PLAN.replace("960/", "962/").replace(
      "KẾ HOẠCH\nThử nghiệm sửa trước khi công bố\n",
      "KẾ HOẠCH\nThử nghiệm sửa trước khi công bố\n\nThực hiện Kế hoạch số 77/KH-UBND ngày 20/8/2026 của Ủy ban nhân dân thành phố;\n",
    );
    const f = multipart("ke-hoach-962.txt", text);
    const id = (await call("vanthu", "POST", "/api/v1/plans/import", f.body, f.headers)).json().planId;
    const refs = async () => (await call("vanthu", "GET", `/api/v1/plans/${id}`)).json().references;
    const city = (await refs())[0];
    expect(city).toMatchObject({ number: "77/KH-UBND", relation: "implements" });
    expect(city.targetPlanId).toMatch(/^\d+$/);
    const link = async (body: object, who = "vanthu") =>
      call(who, "PUT", `/api/v1/review/${id}/references`, { version: await planV(id), ...body });

    expect((await link({ number: "77/KH-UBND", targetPlanId: null })).statusCode).toBe(200);
    expect((await refs())[0].targetPlanId).toBeNull();
    expect((await link({ number: "77/KH-UBND", targetPlanId: city.targetPlanId })).statusCode).toBe(200);
    expect((await refs())[0].targetPlanId).toBe(city.targetPlanId);
    // The city's plan now lists this one among the plans that implement it.
    const implementedBy = (await call("vanthu", "GET", `/api/v1/plans/${city.targetPlanId}`)).json()
      .implementedBy;
    expect(implementedBy.map((p: { planId: string }) => p.planId)).toContain(id);

    const self = await link({ number: "77/KH-UBND", targetPlanId: id });
    expect(self.statusCode).toBe(400);
    expect(self.json().fields).toEqual([
      { field: "targetPlanId", reason: "trùng với kế hoạch đang rà soát" },
    ]);
    expect((await link({ number: "1/KH-XX", targetPlanId: null })).statusCode).toBe(404);
    expect((await link({ number: "77/KH-UBND", targetPlanId: "999999" })).statusCode).toBe(404);
    const bad = await link({ number: "77/KH-UBND", targetPlanId: "bảy mươi bảy" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain("«targetPlanId»");
    expect((await link({ number: "77/KH-UBND", targetPlanId: null }, "phongtrunghoc")).statusCode).toBe(403);
    expect((await link({ number: "77/KH-UBND", targetPlanId: null }, "vanthukhac")).statusCode).toBe(404);
  });

  it("discards a draft imported by mistake, file and all, and never a published plan", async () => {
    const text = PLAN.replace("960/", "963/");
    const upload = async () => {
      const f = multipart("ke-hoach-nham.txt", text);
      return (await call("vanthu", "POST", "/api/v1/plans/import", f.body, f.headers)).json();
    };
    const first = await upload();
    expect(first.status).toBe("imported");
    const url = `/api/v1/review/${first.planId}`;
    expect((await call("phongtrunghoc", "DELETE", url)).statusCode).toBe(403);
    expect((await call("vanthukhac", "DELETE", url)).statusCode).toBe(404);
    expect((await call("vanthu", "DELETE", url)).statusCode).toBe(204);
    expect((await call("vanthu", "GET", `/api/v1/plans/${first.planId}`)).statusCode).toBe(404);
    const left = await store.db
      .selectFrom("document")
      .select("id")
      .where("file_name", "=", "ke-hoach-nham.txt")
      .execute();
    expect(left).toEqual([]);
    // The same file imports again as new.
    const again = await upload();
    expect(again.status).toBe("imported");
    // Published: refused.
    for (const i of (await call("vanthu", "GET", `/api/v1/review/${again.planId}`)).json().flags)
      await call("vanthu", "POST", `/api/v1/review/${again.planId}/flags/${i.id}/confirm`);
    // "Phòng Khảo thí" is in no directory: its task is recorded as the Sở's own work.
    await call("vanthu", "POST", `/api/v1/review/${again.planId}/own-work`, {
      version: await planV(again.planId),
    });
    expect((await call("vanthu", "POST", `/api/v1/review/${again.planId}/publish`)).statusCode).toBe(204);
    expect((await call("vanthu", "DELETE", `/api/v1/review/${again.planId}`)).statusCode).toBe(409);
  });

  it("corrects a task's title and text, and search finds the corrected words", async () => {
    const r = await call("vanthu", "PATCH", `/api/v1/review/${planId}/tasks/I.1`, {
      version: await taskV(planId, "I.1"),
      title: "Xây dựng ngân hàng câu hỏi trắc nghiệm",
      content: "Xây dựng ngân hàng câu hỏi trắc nghiệm môn Tin học cho khối 10",
    });
    expect(r.statusCode).toBe(200);
    const task = (await call("vanthu", "GET", `/api/v1/plans/${planId}`)).json().tasksDetail[0];
    expect(task.title).toBe("Xây dựng ngân hàng câu hỏi trắc nghiệm");
    const found = (
      await call("vanthu", "GET", `/api/v1/search?q=${encodeURIComponent("trac nghiem tin hoc")}`)
    ).json();
    expect(found.tasks.map((t: { planId: string; key: string }) => `${t.planId}/${t.key}`)).toContain(
      `${planId}/I.1`,
    );
    const bad = await call("vanthu", "PATCH", `/api/v1/review/${planId}/tasks/I.1`, {
      version: await taskV(planId, "I.1"),
      content: 5,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain("«content»");
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
    const r = await call("vanthu", "PUT", `/api/v1/review/${planId}/tasks/I.1/units`, {
      version: await taskV(planId, "I.1"),
      units: [{ role: "lead", text: "Phòng Khảo thí", unitIds: [gdtrh] }],
    });
    expect(r.statusCode).toBe(200);
    const work = await sql<{
      due: string;
    }>`select d.due::text as due from deadline d join work_item w on w.id = d.work_item_id join task t on t.id = w.task_id where t.plan_id = ${planId}`.execute(
      store.db,
    );
    expect(work.rows).toEqual([{ due: "2026-06-30" }]);
    const flags = (await call("vanthu", "GET", `/api/v1/review/${planId}`)).json().flags as Array<{
      kind: string;
      subject: string;
      resolved: boolean;
    }>;
    expect(flags.find((f) => f.kind === "unit" && f.subject === "Phòng Khảo thí")?.resolved).toBe(true);
    const unknown = await call("vanthu", "PUT", `/api/v1/review/${planId}/tasks/I.1/units`, {
      version: await taskV(planId, "I.1"),
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
