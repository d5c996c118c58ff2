// A locked period reopened in the browser: June's report was not sent and the period locked after
// its grace days; the unit asks to reopen it on its workspace, the plan officer grants three days on
// the plan's page, the unit sends the report in them, and the plan's page keeps the request's history.
// The app runs in-process on a clock the test sets (a demo server keeps real time), serving the
// built web application.

import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoApi, demoApi } from "../api-client.js";
import { PROJECT_ROOT } from "../shared-corpus.js";
import { STORES } from "../stores.js";
import { HAS_CHROMIUM, launchChromium, shot, signInOn } from "./harness.js";

const WEB = join(PROJECT_ROOT, "dist", "web");
const PLAN = `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 994/KH-SGDĐT                     Hải Phòng, ngày 01 tháng 6 năm 2026

KẾ HOẠCH
Bồi dưỡng giáo viên cốt cán năm 2026

I. NHIỆM VỤ
1. Bồi dưỡng giáo viên cốt cán cấp THPT
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Thời gian thực hiện: Trước ngày 31/12/2026
`;

const kind = STORES[0];
if (!kind) throw new Error("no store");

describe.skipIf(!HAS_CHROMIUM)("a locked period reopened in the browser", () => {
  let api: DemoApi;
  let browser: Browser;
  let base = "";
  let now = new Date("2026-06-01T01:00:00Z");
  let planId = "";
  beforeAll(async () => {
    // `npm test` builds the web application first; a bare `vitest run` needs `npm run build`.
    if (!existsSync(join(WEB, "index.html"))) throw new Error(`${WEB} is not built: run npm run build`);
    api = await demoApi(kind, { now: () => new Date(now) }, { webRoot: WEB });
    planId = await api.importText("vanthu", "ke-hoach-994.txt", PLAN);
    expect((await api.confirmAndPublish("vanthu", planId)).statusCode).toBe(204);
    base = await api.app.listen({ host: "127.0.0.1", port: 0 });
    base = `${base}/`;
    browser = await launchChromium();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it("is asked on the workspace, granted on the plan's page, sent late, and kept as history", async () => {
    // 27 June: June's period (due 15/06, ten days' grace) locked yesterday, its report never sent.
    now = new Date("2026-06-27T02:00:00Z");
    const unit = await signInOn(browser, base, "phongtrunghoc", api.passwords.phongtrunghoc ?? "");
    const locked = unit.locator("article.locked-period", { hasText: "Bồi dưỡng giáo viên cốt cán" });
    await locked.getByText("Kỳ đã khóa từ 26/06/2026").waitFor();
    await locked.getByText("Đề nghị mở lại kỳ báo cáo").click();
    await locked.getByRole("button", { name: "Gửi đề nghị mở lại" }).click();
    await locked.getByRole("alert").getByText("Cần nêu lý do đề nghị mở lại.").waitFor();
    await locked.getByLabel("Lý do").fill("Cán bộ phụ trách nghỉ ốm từ 10/6 đến 25/6");
    await locked.getByRole("button", { name: "Gửi đề nghị mở lại" }).click();
    await unit.getByText("Đã gửi đề nghị mở lại kỳ báo cáo.").waitFor();
    await locked.getByText("Đề nghị mở lại kỳ này đang chờ xem xét.").waitFor();

    const officer = await signInOn(browser, base, "vanthu", api.passwords.vanthu ?? "");
    await officer.goto(`${base}#/plans/${planId}`);
    const requests = officer.locator("section[aria-labelledby=reopens]");
    await requests
      .getByText(/Phòng Giáo dục Trung học — kỳ báo cáo hạn 15\/06\/2026 \(Chờ xem xét\)/)
      .waitFor();
    await requests.getByLabel("Số ngày mở lại").fill("3");
    await requests.getByLabel("Ý kiến").fill("Đồng ý, gửi trong ba ngày");
    await requests.getByRole("button", { name: "Đồng ý", exact: true }).click();
    await requests.getByText(/\(Đã đồng ý, mở đến hết 29\/06\/2026\)/).waitFor();
    await shot(officer, "26-reopen-granted");

    await unit.reload();
    const form = unit.locator("article", { hasText: "Kỳ này được mở lại đến hết ngày 29/06/2026" });
    await form.getByLabel("Kết quả").fill("Đã bồi dưỡng 120 giáo viên cốt cán");
    await form.getByRole("button", { name: "Gửi báo cáo" }).click();
    await unit.getByText("Đã gửi báo cáo.").waitFor();
    await shot(unit, "27-reopened-report-sent");
    await api.signInAgain(); // the API's sessions date from 1 June
    const june = (
      await api.call("vanthu", "GET", `/api/v1/reports/plans/${planId}?period=2026-06-15`)
    ).json();
    expect(june.reports).toMatchObject([
      {
        status: "submitted",
        unitName: "Phòng Giáo dục Trung học",
        items: [{ results: "Đã bồi dưỡng 120 giáo viên cốt cán" }],
      },
    ]);

    // The plan's page keeps the request and its decision.
    await officer.reload();
    await requests.getByText("Cán bộ phụ trách nghỉ ốm từ 10/6 đến 25/6").waitFor();
    await requests.getByText(/Ý kiến: Đồng ý, gửi trong ba ngày/).waitFor();
    await unit.close();
    await officer.close();
  }, 180_000);
});
