// Trust basics through the API: two people acting on one thing at once end in one result and a
// clear refusal, never a half-written state; every change is in an append-only audit log; a copy of
// the database holds no usable session; cookies are Secure behind HTTPS; sign-in limits cannot be
// dodged by writing a login another way; an unexpected error is logged with the id its reply gives.

import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoApi, demoApi, multipart } from "../../test/api-client.js";
import { testContext } from "../../test/context.js";
import { freshStore, STORES } from "../../test/stores.js";
import { openStore } from "../db/connection.js";
import { listUnits } from "../db/units.repository.js";
import { buildApp } from "./app.js";

const PLAN = `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 930/KH-SGDĐT                     Hải Phòng, ngày 10 tháng 1 năm 2026

KẾ HOẠCH
Thử hai người cùng thao tác

I. NHIỆM VỤ
1. Tổ chức hội thảo chuyên đề
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Thời gian thực hiện: Trước ngày 30/6/2099
2. Rà soát tài liệu
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Thời gian thực hiện: Trước ngày 30/9/2099
`;

describe.each(STORES.map((s) => [s.name, s] as const))("trust (%s)", (_name, kind) => {
  let api: DemoApi;
  const call: DemoApi["call"] = (...args) => api.call(...args);
  let planId = "";

  beforeAll(async () => {
    api = await demoApi(kind);
    const f = multipart("ke-hoach-930.txt", PLAN);
    planId = (await call("vanthu", "POST", "/api/v1/plans/import", f.body, f.headers)).json().planId;
  });
  afterAll(async () => api.close());

  it("lets one of two edits of a task made against the same version win, and refuses the other with 409", async () => {
    const { tasks } = await api.versions(planId);
    const gdtrh = (await listUnits(api.store.db)).find((u) => u.code === "SGDDT.GDTRH")?.id ?? "";
    const vp = (await listUnits(api.store.db)).find((u) => u.code === "SGDDT.VP")?.id ?? "";
    const put = (unitId: string) =>
      call("vanthu", "PUT", `/api/v1/review/${planId}/tasks/I.1/units`, {
        version: tasks["I.1"],
        units: [{ role: "lead", text: "Đơn vị chủ trì", unitIds: [unitId] }],
      });
    const codes = (await Promise.all([put(gdtrh), put(vp)])).map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409]);
    // One lead, and one work item for it.
    const work = await sql<{ role: string }>`
      select w.role from work_item w join task t on t.id = w.task_id where t.plan_id = ${planId} and t.key = 'I.1'`.execute(
      api.store.db,
    );
    expect(work.rows).toEqual([{ role: "lead" }]);
    const stale = await call("vanthu", "PATCH", `/api/v1/review/${planId}/tasks/I.1`, {
      version: tasks["I.1"],
      title: "Sửa trên bản cũ",
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: "task.version_conflict" });
    expect(stale.json().message).toMatch(/tải lại trang/);
  });

  it("refuses a correction of the document made against an older version", async () => {
    const { plan } = await api.versions(planId);
    const first = await call("vanthu", "PATCH", `/api/v1/review/${planId}`, {
      version: plan,
      title: "Tiêu đề mới",
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(plan + 1);
    const second = await call("vanthu", "PATCH", `/api/v1/review/${planId}`, {
      version: plan,
      title: "Tiêu đề khác",
    });
    expect(second.statusCode).toBe(409);
    expect((await call("vanthu", "GET", `/api/v1/plans/${planId}`)).json().title).toBe("Tiêu đề mới");
  });

  it("ends an acceptance and a return of one report at once in one decision and one 409", async () => {
    for (const f of (await call("vanthu", "GET", `/api/v1/review/${planId}`)).json().flags)
      await call("vanthu", "POST", `/api/v1/review/${planId}/flags/${f.id}/confirm`);
    expect((await call("vanthu", "POST", `/api/v1/review/${planId}/publish`)).statusCode).toBe(204);
    const mine = (await call("phongtrunghoc", "GET", "/api/v1/workspace"))
      .json()
      .items.filter((i: { planId: string }) => i.planId === planId);
    const items = mine.map((i: { workItemId: string }) => ({
      workItemId: i.workItemId,
      status: "done",
      evidence: "Biên bản số 3/BB",
    }));
    // Two tabs save the unit's first report at once: one report, no error.
    const saves = await Promise.all([
      call("phongtrunghoc", "PUT", `/api/v1/reports/plans/${planId}`, { items }),
      call("phongtrunghoc", "PUT", `/api/v1/reports/plans/${planId}`, { items }),
    ]);
    expect(saves.map((r) => r.statusCode)).toEqual([200, 200]);
    const reportId = saves[0]?.json().id;
    expect(saves[1]?.json().id).toBe(reportId);
    expect((await call("phongtrunghoc", "POST", `/api/v1/reports/${reportId}/submit`)).statusCode).toBe(204);

    const decisions = await Promise.all([
      call("vanthu", "POST", `/api/v1/reports/${reportId}/decision`, { accept: true }),
      call("quantri", "POST", `/api/v1/reports/${reportId}/decision`, {
        accept: false,
        comment: "Thiếu số liệu.",
      }),
    ]);
    expect(decisions.map((r) => r.statusCode).sort()).toEqual([204, 409]);
    const lost = decisions.find((r) => r.statusCode === 409);
    expect(lost?.json().error).toBe("report.not_submitted");
    const accepted = decisions[0]?.statusCode === 204;
    const status = await sql<{ status: string }>`select status from report where id = ${reportId}`.execute(
      api.store.db,
    );
    expect(status.rows[0]?.status).toBe(accepted ? "accepted" : "returned");
    // Progress is written if, and only if, the report was accepted.
    const progress = await sql<{ n: number }>`
      select count(*)::int as n from work_item_progress where report_id = ${reportId}`.execute(api.store.db);
    expect(progress.rows[0]?.n).toBe(accepted ? items.length : 0);
  });

  it("keeps an append-only audit log of every change, with who, when, before and after", async () => {
    const r = await call("quantri", "GET", `/api/v1/audit?objectType=plan&objectId=${planId}`);
    expect(r.statusCode).toBe(200);
    const actions = (r.json().events as Array<{ action: string; actorLogin: string }>).map(
      (e) => `${e.action} ${e.actorLogin}`,
    );
    expect(actions).toEqual(
      expect.arrayContaining(["plan.import vanthu", "plan.update vanthu", "plan.publish vanthu"]),
    );
    const update = (
      r.json().events as Array<{ action: string; before: { title: string }; after: { title: string } }>
    ).find((e) => e.action === "plan.update");
    expect(update?.before.title).toBe("Thử hai người cùng thao tác");
    expect(update?.after.title).toBe("Tiêu đề mới");
    const decisions = (await call("quantri", "GET", "/api/v1/audit?objectType=report")).json()
      .events as Array<{
      action: string;
    }>;
    expect(decisions.filter((e) => /^report\.(accept|return)$/.test(e.action))).toHaveLength(1);
    // Nothing rewrites history, not even a query of the application's own.
    await expect(sql`update audit_event set actor_login = 'khac'`.execute(api.store.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_event`.execute(api.store.db)).rejects.toThrow(/append-only/);
    expect((await call("vanthu", "GET", "/api/v1/audit")).statusCode).toBe(403);
  });

  it("says a file is already imported only to those who see its plan: another body imports its own copy", async () => {
    const f = multipart("ke-hoach-930-ban-sao.txt", PLAN);
    const again = await call("vanthu", "POST", "/api/v1/plans/import", f.body, f.headers);
    expect(again.json()).toMatchObject({ status: "duplicate", planId });
    const elsewhere = await call("vanthukhac", "POST", "/api/v1/plans/import", f.body, f.headers);
    expect(elsewhere.statusCode).toBe(200);
    expect(elsewhere.json().status).toBe("imported");
    expect(elsewhere.json().planId).not.toBe(planId);
    // Kept by the other body, which reviews it; the first body's plan stays out of its reach.
    expect((await call("vanthukhac", "GET", `/api/v1/review/${elsewhere.json().planId}`)).statusCode).toBe(
      200,
    );
    expect((await call("vanthukhac", "GET", `/api/v1/plans/${planId}`)).statusCode).toBe(404);
    const twice = await call("vanthukhac", "POST", "/api/v1/plans/import", f.body, f.headers);
    expect(twice.json()).toMatchObject({ status: "duplicate", planId: elsewhere.json().planId });
  });

  it("stores sessions by the hash of their id, never the id", async () => {
    const r = await api.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { login: "vanthukhac", password: "Mat-khau-ngoai-pham-vi-1" },
    });
    const sid = String(r.headers["set-cookie"]).match(/kh_session=([0-9a-f]+)/)?.[1] ?? "";
    expect(sid).toMatch(/^[0-9a-f]{64}$/);
    const rows = await sql<{ id: string }>`select id from app_session`.execute(api.store.db);
    expect(rows.rows.map((x) => x.id)).not.toContain(sid);
    expect(rows.rows.map((x) => x.id)).toContain(createHash("sha256").update(sid).digest("hex"));
  });

  it("keys sign-in limits on the login however it is written", async () => {
    const codes: number[] = [];
    for (const login of [
      "KhongAi",
      " khongai",
      "KHONGAI ",
      "khongai",
      "KhongAi",
      "kHoNgAi",
      " KHONGAI ",
      "khongai",
      "Khongai",
      "khongAI",
    ])
      codes.push(
        (
          await api.app.inject({
            method: "POST",
            url: "/api/v1/auth/login",
            payload: { login, password: "sai-mat-khau" },
          })
        ).statusCode,
      );
    expect(codes.every((c) => c === 401)).toBe(true);
    const blocked = await api.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { login: "  KhOnGaI  ", password: "sai-mat-khau" },
    });
    expect(blocked.statusCode).toBe(429);
  });
});

describe("the server's edges", () => {
  const kind = STORES[0];
  if (!kind) throw new Error("no store");
  const PASSWORD = "Mat-khau-dai-du-1";

  /** A fresh store with one unit and one account on it. */
  async function storeWith(login: string, role: "admin" | "plan_officer") {
    const store = await freshStore(kind as NonNullable<typeof kind>);
    const ctx = testContext(store);
    const { createAccount } = await import("../services/auth.service.js");
    await sql`insert into unit (code, name, kind, path) values ('X', 'Đơn vị', 'department', '1')`.execute(
      store.db,
    );
    const unitId = (await listUnits(store.db))[0]?.id ?? "";
    await createAccount(ctx, null, { login, displayName: "A", unitId, role, password: PASSWORD });
    return { store, ctx };
  }

  it("sends a Secure cookie when the request came over HTTPS through a trusted proxy, and only then", async () => {
    const { store, ctx } = await storeWith("nguoidung", "admin");
    try {
      const signIn = (app: Awaited<ReturnType<typeof buildApp>>, headers: Record<string, string>) =>
        app.inject({
          method: "POST",
          url: "/api/v1/auth/login",
          payload: { login: "nguoidung", password: PASSWORD },
          headers,
        });
      const behindProxy = await buildApp({ store, reader: ctx.reader, trustProxy: true });
      const direct = await buildApp({ store, reader: ctx.reader });
      const https = { "x-forwarded-proto": "https", "x-forwarded-for": "203.0.113.7" };
      expect(String((await signIn(behindProxy, https)).headers["set-cookie"])).toMatch(/; Secure/);
      expect(String((await signIn(behindProxy, {})).headers["set-cookie"])).not.toMatch(/; Secure/);
      // Not behind a proxy: a client cannot claim HTTPS by a header.
      expect(String((await signIn(direct, https)).headers["set-cookie"])).not.toMatch(/; Secure/);
      await behindProxy.close();
      await direct.close();
    } finally {
      await store.close();
    }
  });

  it("logs an unexpected error with the id its reply gives, and says nothing of its inside", async () => {
    const { store } = await storeWith("canbo", "plan_officer");
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    try {
      // A reader that breaks as a program error does (not a refusal of the file).
      const broken = {
        read: async () => Promise.reject(new TypeError("cannot read properties of undefined")),
      };
      const app = await buildApp({ store, reader: broken, logger: { level: "error", stream } });
      const login = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { login: "canbo", password: PASSWORD },
      });
      const cookie = String(login.headers["set-cookie"]).split(";")[0] ?? "";
      const f = multipart("ke-hoach.txt", PLAN);
      const r = await app.inject({
        method: "POST",
        url: "/api/v1/plans/import",
        payload: f.body,
        headers: { ...f.headers, cookie, "x-csrf-token": login.json().csrfToken },
      });
      expect(r.statusCode).toBe(500);
      const { errorId, message } = r.json();
      expect(errorId).toMatch(/^[0-9a-f]{12}$/);
      expect(message).toContain(errorId);
      expect(message).not.toContain("undefined");
      const logged = lines.map((l) => JSON.parse(l)).find((l) => l.errorId === errorId);
      expect(logged?.err?.message).toBe("cannot read properties of undefined");
      await app.close();
    } finally {
      await store.close();
    }
  });

  it("keeps the embedded database's folder private to its owner", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "kehoach-private-")), "data");
    const store = await openStore({ dataDir: dir });
    try {
      expect(statSync(dir).mode & 0o777).toBe(0o700);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
