// Accounts turned off and sessions ended, through the API: a unit officer who left is turned off by
// the administrator — the session open in their browser stops answering at once, signing in is
// refused, their name stays on what they did — and turned on again; a lost phone's session is ended
// everywhere without turning the account off; an administrator cannot turn themselves off.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoApi, demoApi } from "../../test/api-client.js";
import { STORES } from "../../test/stores.js";

for (const kind of STORES) {
  describe(`accounts turned off and sessions ended on ${kind.name}`, () => {
    let api: DemoApi;
    let officerId = "";
    const session = async (login: string) => {
      const r = await api.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { login, password: api.passwords[login] },
      });
      return r.statusCode === 200 ? String(r.headers["set-cookie"]).split(";")[0] : null;
    };
    const me = async (cookie: string) =>
      (await api.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: { cookie } })).statusCode;
    const listed = async () =>
      (await api.call("quantri", "GET", "/api/v1/users")).json().users as Array<{
        id: string;
        login: string;
        active: boolean;
        sessions: number;
      }>;

    beforeAll(async () => {
      api = await demoApi(kind);
      officerId = (await listed()).find((u) => u.login === "phongtrunghoc")?.id as string;
    });
    afterAll(async () => {
      await api?.close();
    });

    it("turns an account off: its open session stops at once, it cannot sign in, and it comes back on", async () => {
      const browser = (await session("phongtrunghoc")) as string;
      expect(await me(browser)).toBe(200);
      // The demo's own session and this one.
      expect((await listed()).find((u) => u.id === officerId)?.sessions).toBe(2);

      const off = await api.call("quantri", "PATCH", `/api/v1/users/${officerId}`, { active: false });
      expect(off.statusCode, off.body).toBe(204);
      expect(await me(browser)).toBe(401);
      expect(await session("phongtrunghoc")).toBeNull();
      expect((await listed()).find((u) => u.id === officerId)).toMatchObject({ active: false, sessions: 0 });
      const audit = (await api.call("quantri", "GET", "/api/v1/audit")).json();
      expect(JSON.stringify(audit)).toContain("user.deactivate");

      expect(
        (await api.call("quantri", "PATCH", `/api/v1/users/${officerId}`, { active: true })).statusCode,
      ).toBe(204);
      const again = (await session("phongtrunghoc")) as string;
      expect(await me(again)).toBe(200);
    });

    it("ends every session of an account without turning it off", async () => {
      const phone = (await session("giamdoc")) as string;
      const desk = (await session("giamdoc")) as string;
      const giamdoc = (await listed()).find((u) => u.login === "giamdoc")?.id as string;
      const ended = await api.call("quantri", "DELETE", `/api/v1/users/${giamdoc}/sessions`);
      expect(ended.statusCode).toBe(200);
      expect(ended.json().ended).toBeGreaterThanOrEqual(2);
      expect(await me(phone)).toBe(401);
      expect(await me(desk)).toBe(401);
      expect(await session("giamdoc")).not.toBeNull();
    });

    it("refuses what would lock the installation out or touch no account, and anyone but an administrator", async () => {
      const self = (await listed()).find((u) => u.login === "quantri")?.id as string;
      const selfOff = await api.call("quantri", "PATCH", `/api/v1/users/${self}`, { active: false });
      expect(selfOff.statusCode).toBe(409);
      expect(selfOff.json()).toMatchObject({
        error: "user.self_deactivate",
        message: "Không thể tự khóa tài khoản của chính mình.",
      });
      expect((await api.call("quantri", "PATCH", "/api/v1/users/999999", { active: false })).statusCode).toBe(
        404,
      );
      expect((await api.call("quantri", "DELETE", "/api/v1/users/999999/sessions")).statusCode).toBe(404);
      const bad = await api.call("quantri", "PATCH", `/api/v1/users/${officerId}`, { active: "không" });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().fields).toEqual([{ field: "active", reason: expect.any(String) }]);
      expect(
        (await api.call("vanthu", "PATCH", `/api/v1/users/${officerId}`, { active: false })).statusCode,
      ).toBe(403);
      expect((await listed()).find((u) => u.id === officerId)?.active).toBe(true);
    });
  });
}
