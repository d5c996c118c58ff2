// Holidays, mail and warnings in the browser, on an in-process app with a set clock: the
// administrator sets the mail server (a bad port named), enters a year's days off from the Government's notice (a bad line is named) and has due dates on a
// day off moved; the unit's workspace says a due date falls on a Sunday; the leader's overview lists
// the warnings as facts.

import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoApi, demoApi } from "../api-client.js";
import { PROJECT_ROOT } from "../shared-corpus.js";
import { STORES } from "../stores.js";
import { HAS_CHROMIUM, launchChromium, shot, signInOn } from "./harness.js";

const WEB = join(PROJECT_ROOT, "dist", "web");
// Published 1 August 2026; 30/8/2026 is a Sunday.
const PLAN = `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 989/KH-SGDĐT                     Hải Phòng, ngày 01 tháng 8 năm 2026

KẾ HOẠCH
Chuẩn bị sách giáo khoa năm học 2026-2027

I. NHIỆM VỤ
1. Rà soát sách giáo khoa các trường THPT
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Thời gian thực hiện: Trước ngày 30/8/2026
`;

const kind = STORES[0];
if (!kind) throw new Error("no store");

describe.skipIf(!HAS_CHROMIUM)("holidays and warnings in the browser", () => {
  let api: DemoApi;
  let browser: Browser;
  let base = "";
  let now = new Date("2026-08-01T01:00:00Z");
  let planId = "";
  beforeAll(async () => {
    if (!existsSync(join(WEB, "index.html"))) throw new Error(`${WEB} is not built: run npm run build`);
    api = await demoApi(kind, { now: () => new Date(now) }, { webRoot: WEB });
    planId = await api.importText("vanthu", "ke-hoach-989.txt", PLAN);
    expect((await api.confirmAndPublish("vanthu", planId)).statusCode).toBe(204);
    base = `${await api.app.listen({ host: "127.0.0.1", port: 0 })}/`;
    browser = await launchChromium();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it("sets a year's holidays, shows a Sunday deadline, and lists warnings for the leader", async () => {
    const admin = await signInOn(browser, base, "quantri", api.passwords.quantri ?? "");
    await admin.goto(`${base}#/admin`);
    // The mail server: none yet; a bad port is refused with the field named.
    const mail = admin.locator("section[aria-labelledby=mail]");
    await mail.getByText("Chưa có máy chủ thư: thông báo chỉ hiện trong ứng dụng.").waitFor();
    await mail.getByLabel(/^Máy chủ/).fill("mail.so-gddt.gov.vn");
    await mail.getByLabel(/^Cổng/).fill("0");
    await mail.getByLabel(/^Người gửi/).fill("kehoach <kehoach@so-gddt.gov.vn>");
    await mail.getByRole("button", { name: "Lưu máy chủ thư" }).click();
    await mail
      .getByRole("alert")
      .getByText("Thiết lập máy chủ thư không hợp lệ. Cổng: từ 1 đến 65535.")
      .waitFor();
    await mail.getByLabel(/^Cổng/).fill("587");
    await mail.getByRole("button", { name: "Lưu máy chủ thư" }).click();
    await mail.getByText("Máy chủ do quản trị viên nhập ở đây.").waitFor();

    const holidays = admin.locator("section[aria-labelledby=holidays]");
    await holidays.getByText(/ngày nghỉ mặc định của Bộ luật Lao động/).waitFor();
    await holidays.getByLabel("Năm").selectOption("2027");
    await expect
      .poll(() => holidays.getByLabel(/Mỗi dòng một ngày nghỉ/).inputValue())
      .toContain("06/02/2027 Tết Nguyên đán");
    await holidays.getByLabel(/Mỗi dòng một ngày nghỉ/).fill("01/01/2027 Tết Dương lịch\n31/02/2027 Nghỉ bù");
    await holidays.getByRole("button", { name: "Lưu ngày nghỉ" }).click();
    await holidays
      .getByRole("alert")
      .getByText(/dòng 2: «31\/02\/2027» không phải ngày có thật/)
      .waitFor();
    await holidays
      .getByLabel(/Mỗi dòng một ngày nghỉ/)
      .fill("01/01/2027 Tết Dương lịch\n05/02/2027 Tết Nguyên đán");
    await holidays.getByRole("button", { name: "Lưu ngày nghỉ" }).click();
    await holidays.getByText("Đã lưu ngày nghỉ năm 2027.").waitFor();
    await holidays.getByText(/Danh sách do quản trị viên nhập/).waitFor();
    await holidays.getByLabel(/được dời sang ngày làm việc kế tiếp/).check();
    await expect
      .poll(async () => (await api.call("quantri", "GET", "/api/v1/holidays/settings")).json())
      .toMatchObject({
        moveDueToWorkingDay: true,
      });
    await shot(admin, "28-admin-holidays");

    // 25 August: the plan (published before the setting) keeps its Sunday; five days are left and
    // nothing was reported with more than two thirds of the time gone.
    now = new Date("2026-08-25T02:00:00Z");
    const unit = await signInOn(browser, base, "phongtrunghoc", api.passwords.phongtrunghoc ?? "");
    const agenda = unit.locator("table", { has: unit.locator("caption#agenda") });
    await agenda.getByText("30/08/2026 (Chủ nhật)").waitFor();
    await agenda.getByText("còn 5 ngày đến hạn 30/08/2026").waitFor();

    const leader = await signInOn(browser, base, "giamdoc", api.passwords.giamdoc ?? "");
    await leader.goto(`${base}#/dashboard`);
    const warnings = leader.locator("table[aria-labelledby=warnings]");
    await warnings.getByText("chưa triển khai, đã qua 83% thời gian").waitFor();
    await leader.getByText(/sắp đến hạn \(7 ngày\): 1/).waitFor();
    await shot(leader, "29-overview-warnings");
    await admin.close();
    await unit.close();
    await leader.close();
  }, 180_000);
});
