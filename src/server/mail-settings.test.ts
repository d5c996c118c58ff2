// The outgoing mail server set by an administrator in the app, against a real SMTP server started
// here: every bad field named, the password kept but never shown, a test message that arrives (or
// the server's refusal as the reason), and the scheduler sending through the server as set.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoApi, demoApi } from "../../test/api-client.js";
import { startSmtp, type TestSmtp } from "../../test/smtp.js";
import { STORES } from "../../test/stores.js";
import { savePreferences } from "../db/notifications.repository.js";
import { settingsMailer } from "../services/mail-settings.service.js";
import { createScheduler } from "../services/reminders.service.js";

const PLAN = `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 988/KH-SGDĐT                     Hải Phòng, ngày 01 tháng 9 năm 2026

KẾ HOẠCH
Kiểm tra nề nếp đầu năm học 2026-2027

I. NHIỆM VỤ
1. Kiểm tra nề nếp các trường THPT
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Thời gian thực hiện: Trước ngày 30/9/2026
`;

const kind = STORES[0];
if (!kind) throw new Error("no store");

describe("the outgoing mail server, set in the app", () => {
  let api: DemoApi;
  let smtp: TestSmtp;
  let port = 0;
  const now = new Date("2026-09-01T01:00:00Z");
  const call: DemoApi["call"] = (...args) => api.call(...args);
  const put = (body: Record<string, unknown>) =>
    call("quantri", "PUT", "/api/v1/notifications/mail-settings", {
      host: "127.0.0.1",
      port,
      secure: false,
      from: "kehoach <kehoach@so.test>",
      ...body,
    });
  beforeAll(async () => {
    smtp = await startSmtp();
    port = Number(new URL(smtp.url).port);
    api = await demoApi(kind, { now: () => new Date(now) });
  });
  afterAll(async () => {
    await api.close();
    await smtp.close();
  });

  it("is the administrator's to read and set, each bad field named", async () => {
    expect((await call("vanthu", "GET", "/api/v1/notifications/mail-settings")).statusCode).toBe(403);
    expect((await call("quantri", "GET", "/api/v1/notifications/mail-settings")).json()).toMatchObject({
      source: "none",
      host: null,
    });
    const off = await call("quantri", "POST", "/api/v1/notifications/mail-settings/test", {
      to: "a@so.test",
    });
    expect(off.statusCode).toBe(409);
    const bad = await put({ host: "mail server", port: 0, from: "kehoach" });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().fields.map((f: { field: string }) => f.field)).toEqual(["host", "port", "from"]);
  });

  it("keeps the password to send with and never shows it; a refusal comes back as the reason", async () => {
    const set = await put({ user: "kehoach", password: "Mat-khau-thu-2026" });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({
      source: "admin",
      host: "127.0.0.1",
      port,
      secure: false,
      user: "kehoach",
      hasPassword: true,
      from: "kehoach <kehoach@so.test>",
    });
    // Saved again without a password: the one kept stays.
    expect((await put({ user: "kehoach" })).json().hasPassword).toBe(true);
    const audit = (await call("quantri", "GET", "/api/v1/audit?limit=20")).body;
    expect(audit).toContain("setting.smtp");
    expect(audit).not.toContain("Mat-khau-thu-2026");
    // This server takes no sign-in over a plain connection: the test message says why it failed.
    const refused = await call("quantri", "POST", "/api/v1/notifications/mail-settings/test", {
      to: "a@so.test",
    });
    expect(refused.statusCode).toBe(502);
    expect(refused.json()).toMatchObject({ error: "mail.test_failed" });
    expect(refused.json().message).toMatch(/^Máy chủ thư không nhận thư thử: /);
    expect(smtp.received).toHaveLength(0);
  });

  it("sends a test message and the scheduler's mail through the server as set", async () => {
    expect((await put({ user: null })).json()).toMatchObject({ user: null, hasPassword: false });
    const bad = await call("quantri", "POST", "/api/v1/notifications/mail-settings/test", {
      to: "không phải thư",
    });
    expect(bad.json().fields).toEqual([{ field: "to", reason: "không phải địa chỉ thư" }]);
    const sent = await call("quantri", "POST", "/api/v1/notifications/mail-settings/test", {
      to: "quantri@so.test",
    });
    expect(sent.statusCode).toBe(204);
    expect(smtp.received.map((m) => [m.to, m.subject])).toEqual([
      [["quantri@so.test"], "Thư thử từ kehoach"],
    ]);

    const officer = await api.store.db
      .selectFrom("app_user")
      .select("id")
      .where("login", "=", "phongtrunghoc")
      .executeTakeFirstOrThrow();
    await savePreferences(api.store.db, String(officer.id), {
      email: "gdtrh@so.test",
      mode: "each",
      muted: [],
    });
    const planId = await api.importText("vanthu", "ke-hoach-988.txt", PLAN);
    expect((await api.confirmAndPublish("vanthu", planId)).statusCode).toBe(204);
    const scheduler = createScheduler(api.ctx, {
      mailer: settingsMailer(api.ctx),
      publicUrl: "https://kehoach.so.test/",
    });
    await scheduler.tick();
    await scheduler.stop();
    const toUnit = smtp.received.filter((m) => m.to.includes("gdtrh@so.test"));
    expect(toUnit).toHaveLength(1);
    expect(toUnit[0]?.text).toContain("988/KH-SGDĐT");
  });
});
