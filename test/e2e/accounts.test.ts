// An account turned off in the browser: the administrator finds the unit officer in "Quản trị",
// sees the session they have open, clicks "Khóa"; the officer's open page is signed out on its next
// request; "Mở khóa" turns the account on again.

import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoApi, demoApi } from "../api-client.js";
import { PROJECT_ROOT } from "../shared-corpus.js";
import { STORES } from "../stores.js";
import { HAS_CHROMIUM, launchChromium, shot, signInOn } from "./harness.js";

const WEB = join(PROJECT_ROOT, "dist", "web");
const kind = STORES[0];
if (!kind) throw new Error("no store");

describe.skipIf(!HAS_CHROMIUM)("an account turned off in the browser", () => {
  let api: DemoApi;
  let browser: Browser;
  let base = "";
  beforeAll(async () => {
    if (!existsSync(join(WEB, "index.html"))) throw new Error(`${WEB} is not built: run npm run build`);
    api = await demoApi(kind, undefined, { webRoot: WEB });
    base = `${await api.app.listen({ host: "127.0.0.1", port: 0 })}/`;
    browser = await launchChromium();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it("is turned off by the administrator, its open page signed out, and turned on again", async () => {
    const officer = await signInOn(browser, base, "phongtrunghoc", api.passwords.phongtrunghoc ?? "");
    const admin = await signInOn(browser, base, "quantri", api.passwords.quantri ?? "");
    await admin.goto(`${base}#/admin`);
    const row = admin.locator("li", { hasText: /^phongtrunghoc — / });
    await row.getByText(/đang đăng nhập \d phiên/).waitFor();
    await row.getByRole("button", { name: "Khóa" }).click();
    await admin.getByText("Đã khóa tài khoản phongtrunghoc; mọi phiên của tài khoản đã kết thúc.").waitFor();
    await row.getByText("đã khóa").waitFor();
    await shot(admin, "31-account-turned-off");

    // The officer's page asks the server again: the session is gone, the sign-in form is back.
    await officer.reload();
    await officer.getByLabel("Tên đăng nhập").waitFor();
    await officer.getByLabel("Tên đăng nhập").fill("phongtrunghoc");
    await officer.getByLabel("Mật khẩu").fill(api.passwords.phongtrunghoc ?? "");
    await officer.getByRole("button", { name: "Đăng nhập" }).click();
    await officer.getByText("Tên đăng nhập hoặc mật khẩu không đúng.").waitFor();

    await row.getByRole("button", { name: "Mở khóa" }).click();
    await admin.getByText("Đã mở khóa tài khoản phongtrunghoc.").waitFor();
    await officer.getByRole("button", { name: "Đăng nhập" }).click();
    await officer.getByRole("button", { name: "Đăng xuất" }).waitFor();
    expect(await officer.getByText("Tên đăng nhập hoặc mật khẩu không đúng.").count()).toBe(0);
  });
});
