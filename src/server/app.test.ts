// The HTTP API in-process (app.inject), on the demo data: sign-in, validation messages that name
// the field, CSRF, and what each role can and cannot reach.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../test/context.js";
import { PROJECT_ROOT } from "../../test/shared-corpus.js";
import { freshStore, STORES } from "../../test/stores.js";
import type { Store } from "../db/connection.js";
import { listUnits } from "../db/units.repository.js";
import { createAccount } from "../services/auth.service.js";
import { type DemoAccount, loadDemo } from "../services/demo.service.js";
import { buildApp } from "./app.js";

const kind = STORES[0];
if (!kind) throw new Error("no store");

describe("the HTTP API", () => {
  let store: Store;
  let app: FastifyInstance;
  let accounts: DemoAccount[];
  const sessions = new Map<string, { cookie: string; csrf: string }>();

  async function signIn(login: string) {
    const known = sessions.get(login);
    if (known) return known;
    const password = accounts.find((a) => a.login === login)?.password ?? "Mat-khau-ngoai-pham-vi-1";
    const r = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { login, password } });
    expect(r.statusCode).toBe(200);
    const cookie = String(r.headers["set-cookie"]).split(";")[0] ?? "";
    const s = { cookie, csrf: r.json().csrfToken as string };
    sessions.set(login, s);
    return s;
  }

  beforeAll(async () => {
    store = await freshStore(kind);
    const ctx = testContext(store);
    accounts = await loadDemo(ctx, join(PROJECT_ROOT, "examples"));
    // Someone of another city's department, outside the demo tree's reach.
    await store.db
      .insertInto("unit")
      .values({ code: "KHAC", name: "Sở Giáo dục và Đào tạo tỉnh Khác", kind: "department", path: "0" })
      .execute();
    const other = (await listUnits(store.db)).find((u) => u.code === "KHAC");
    await store.db
      .updateTable("unit")
      .set({ path: other?.id ?? "0" })
      .where("code", "=", "KHAC")
      .execute();
    await createAccount(ctx, null, {
      login: "nguoingoai",
      displayName: "Người ngoài",
      unitId: other?.id ?? "",
      role: "leader",
      password: "Mat-khau-ngoai-pham-vi-1",
    });
    app = await buildApp({ store, reader: ctx.reader });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it("describes itself at /api/v1/openapi.json", async () => {
    const r = await app.inject({ method: "GET", url: "/api/v1/openapi.json" });
    expect(r.statusCode).toBe(200);
    expect(Object.keys(r.json().paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/auth/login",
        "/api/v1/plans",
        "/api/v1/plans/{id}",
        "/api/v1/plans/import",
        "/api/v1/search",
      ]),
    );
  });

  it("refuses a wrong password with one Vietnamese message, and names the field of a bad request", async () => {
    const wrong = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { login: "vanthu", password: "sai" },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({
      error: "auth.invalid",
      message: "Tên đăng nhập hoặc mật khẩu không đúng.",
    });
    const bad = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { login: "ab" } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/trường «login»/);
    expect(bad.json().message).toMatch(/trường «password»/);
  });

  it("slows down guessing one account's password without locking out the office behind the same address", async () => {
    const attempt = (login: string, password: string) =>
      app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { login, password } });
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await attempt("doanmatkhau", `sai-${i}`)).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    const blocked = await attempt("DoanMatKhau", "sai-nua");
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toEqual({
      error: "rate.limited",
      message: "Quá nhiều lần thử: hãy đợi một phút rồi thử lại.",
    });
    // A colleague at the same address signs in.
    const other = accounts.find((a) => a.login === "phongtrunghoc");
    expect((await attempt("phongtrunghoc", other?.password ?? "")).statusCode).toBe(200);
  });

  it("requires a session for the plans", async () => {
    const r = await app.inject({ method: "GET", url: "/api/v1/plans" });
    expect(r.statusCode).toBe(401);
    expect(r.json().message).toBe("Cần đăng nhập.");
  });

  it("shows each role the plans within its reach", async () => {
    const list = async (login: string) => {
      const s = await signIn(login);
      const r = await app.inject({ method: "GET", url: "/api/v1/plans", headers: { cookie: s.cookie } });
      return (r.json().plans as Array<{ number: string }>).map((p) => p.number).sort();
    };
    expect(await list("quantri")).toEqual(["77/KH-UBND", "901/KH-SGDĐT"]);
    expect(await list("giamdoc")).toEqual(["77/KH-UBND", "901/KH-SGDĐT"]);
    expect(await list("phongtrunghoc")).toEqual(["901/KH-SGDĐT"]);
    expect(await list("nguoingoai")).toEqual([]);
  });

  it("reads a plan with its tasks and the plan it implements, but not for someone outside", async () => {
    const admin = await signIn("quantri");
    const plans = (
      await app.inject({ method: "GET", url: "/api/v1/plans", headers: { cookie: admin.cookie } })
    ).json().plans as Array<{ id: string; number: string }>;
    const dept = plans.find((p) => p.number === "901/KH-SGDĐT");
    const r = await app.inject({
      method: "GET",
      url: `/api/v1/plans/${dept?.id}`,
      headers: { cookie: (await signIn("phongtrunghoc")).cookie },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().tasksDetail).toHaveLength(4);
    expect(r.json().references).toEqual([
      {
        number: "77/KH-UBND",
        relation: "implements",
        targetPlanId: plans.find((p) => p.number === "77/KH-UBND")?.id,
      },
    ]);
    const outside = await app.inject({
      method: "GET",
      url: `/api/v1/plans/${dept?.id}`,
      headers: { cookie: (await signIn("nguoingoai")).cookie },
    });
    expect(outside.statusCode).toBe(404);
    const badId = await app.inject({
      method: "GET",
      url: "/api/v1/plans/abc",
      headers: { cookie: admin.cookie },
    });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().message).toMatch(/trường «id»/);
  });

  it("searches without diacritics within reach", async () => {
    const s = await signIn("giamdoc");
    const r = await app.inject({
      method: "GET",
      url: "/api/v1/search?q=an%20toan%20truong%20hoc",
      headers: { cookie: s.cookie },
    });
    expect((r.json().plans as unknown[]).length).toBe(2);
    const units = await app.inject({
      method: "GET",
      url: "/api/v1/search?q=phong%20gdtx%20dh",
      headers: { cookie: s.cookie },
    });
    expect(units.json().units.map((u: { code: string }) => u.code)).toEqual(["SGDDT.GDTXDH"]);
    const outside = await app.inject({
      method: "GET",
      url: "/api/v1/search?q=an%20toan",
      headers: { cookie: (await signIn("nguoingoai")).cookie },
    });
    expect(outside.json().plans).toEqual([]);
  });

  function multipart(name: string, content: Buffer) {
    const boundary = "----kehoachtest";
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return { body, type: `multipart/form-data; boundary=${boundary}` };
  }

  it("lets a plan officer import a file, once, with the CSRF token", async () => {
    const s = await signIn("vanthu");
    const { body, type } = multipart(
      "ke-hoach-mau.txt",
      readFileSync(join(PROJECT_ROOT, "examples", "ke-hoach-mau.txt")),
    );
    const noToken = await app.inject({
      method: "POST",
      url: "/api/v1/plans/import",
      payload: body,
      headers: { cookie: s.cookie, "content-type": type },
    });
    expect(noToken.statusCode).toBe(403);
    const ok = await app.inject({
      method: "POST",
      url: "/api/v1/plans/import",
      payload: body,
      headers: { cookie: s.cookie, "content-type": type, "x-csrf-token": s.csrf },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: "imported", tasks: 4 });
    const again = await app.inject({
      method: "POST",
      url: "/api/v1/plans/import",
      payload: body,
      headers: { cookie: s.cookie, "content-type": type, "x-csrf-token": s.csrf },
    });
    expect(again.json().status).toBe("duplicate");
  });

  it("refuses imports from a unit officer, and a file that is no plan with a reason", async () => {
    const officer = await signIn("phongtrunghoc");
    const { body, type } = multipart(
      "ke-hoach.txt",
      Buffer.from("KẾ HOẠCH\nThử\n\nI. NHIỆM VỤ\n1. Việc\n- Chủ trì: Văn phòng Sở\n"),
    );
    const denied = await app.inject({
      method: "POST",
      url: "/api/v1/plans/import",
      payload: body,
      headers: { cookie: officer.cookie, "content-type": type, "x-csrf-token": officer.csrf },
    });
    expect(denied.statusCode).toBe(403);
    const clerk = await signIn("vanthu");
    const letter = multipart("cong-van.txt", Buffer.from("Kính gửi các trường,\nĐề nghị gửi số liệu.\n"));
    const r = await app.inject({
      method: "POST",
      url: "/api/v1/plans/import",
      payload: letter.body,
      headers: { cookie: clerk.cookie, "content-type": letter.type, "x-csrf-token": clerk.csrf },
    });
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ error: "import.not_a_plan" });
    const empty = multipart("rong.txt", Buffer.alloc(0));
    const e = await app.inject({
      method: "POST",
      url: "/api/v1/plans/import",
      payload: empty.body,
      headers: { cookie: clerk.cookie, "content-type": empty.type, "x-csrf-token": clerk.csrf },
    });
    expect(e.statusCode).toBe(422);
    expect(e.json().message).toBe("Tệp rỗng.");
  });

  it("keeps every route to those within reach", async () => {
    const admin = await signIn("quantri");
    const plans = (
      await app.inject({ method: "GET", url: "/api/v1/plans", headers: { cookie: admin.cookie } })
    ).json().plans as Array<{ id: string; number: string }>;
    const dept = plans.find((p) => p.number === "901/KH-SGDĐT")?.id ?? "";
    const outsider = await signIn("nguoingoai");
    const officer = await signIn("phongtrunghoc");
    const leader = await signIn("giamdoc");
    const get = (who: { cookie: string }, url: string) =>
      app.inject({ method: "GET", url, headers: { cookie: who.cookie } });
    const post = (who: { cookie: string; csrf: string }, url: string) =>
      app.inject({ method: "POST", url, headers: { cookie: who.cookie, "x-csrf-token": who.csrf } });
    expect((await get({ cookie: "" }, "/api/v1/units/suggest?q=S%E1%BB%9F")).statusCode).toBe(401);
    expect((await get({ cookie: "" }, "/api/v1/workspace")).statusCode).toBe(401);
    expect((await get(outsider, `/api/v1/plans/${dept}/progress`)).statusCode).toBe(404);
    // A leader reads the reports of the plans within reach; one elsewhere finds no such plan.
    expect((await get(outsider, `/api/v1/reports/plans/${dept}`)).statusCode).toBe(404);
    expect((await get(leader, `/api/v1/reports/plans/${dept}`)).statusCode).toBe(200);
    expect((await get(officer, `/api/v1/review/${dept}`)).statusCode).toBe(403);
    expect((await post(leader, `/api/v1/review/${dept}/publish`)).statusCode).toBe(403);
    expect((await get(outsider, "/api/v1/reports/1/attachments/1")).statusCode).toBe(404);
    expect((await get(officer, "/api/v1/users")).statusCode).toBe(403);
    const ws = (await get(outsider, "/api/v1/workspace")).json();
    expect(ws).toMatchObject({ items: [], periods: [] });
    expect((await get(leader, `/api/v1/plans/${dept}/progress`)).statusCode).toBe(200);
  });

  it("refuses every route but sign-in to someone not signed in, as the OpenAPI description lists them", async () => {
    const paths = (await app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json().paths as Record<
      string,
      Record<string, unknown>
    >;
    // Signing in, and signing out (harmless without a session).
    const open = new Set(["post /api/v1/auth/login", "post /api/v1/auth/logout"]);
    const checked: string[] = [];
    for (const [path, methods] of Object.entries(paths))
      for (const method of Object.keys(methods)) {
        if (open.has(`${method} ${path}`)) continue;
        // Calendar feeds take no session: their secret token stands for an account, and a wrong
        // one finds nothing.
        if (path.startsWith("/api/v1/calendar/{token}/")) {
          const r = await app.inject({ method: "GET", url: path.replace(/\{\w+\}/g, "1") });
          expect(r.statusCode, `${method} ${path}`).toBe(404);
          expect(r.json().error).toBe("calendar.not_found");
          continue;
        }
        const url = path.replace("{key}", "I.1").replace(/\{\w+\}/g, "1");
        const r = await app.inject({ method: method.toUpperCase() as "GET", url, payload: {} });
        expect(r.statusCode, `${method} ${path}`).toBe(401);
        expect(r.json().message).toBe("Cần đăng nhập.");
        checked.push(`${method} ${path}`);
      }
    expect(checked.length).toBeGreaterThan(25);
  });

  it("signs out", async () => {
    const s = await signIn("giamdoc");
    const out = await app.inject({
      method: "POST",
      url: "/api/v1/auth/logout",
      headers: { cookie: s.cookie, "x-csrf-token": s.csrf },
    });
    expect(out.statusCode).toBe(204);
    const after = await app.inject({ method: "GET", url: "/api/v1/auth/me", headers: { cookie: s.cookie } });
    expect(after.statusCode).toBe(401);
  });
});
