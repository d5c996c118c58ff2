// An implementing plan in the browser: the unit officer of Phòng Giáo dục Trung học opens the Sở's
// demo plan that gives the Phòng work, clicks "Lập kế hoạch triển khai của đơn vị", lands on the
// draft's review (issued by the Phòng, the Sở's tasks in it), publishes it, and finds it under
// "Kế hoạch triển khai" on the Sở's plan.

import { afterAll, beforeAll, describe, it } from "vitest";
import { type DemoSite, HAS_CHROMIUM, startDemoSite } from "./harness.js";

describe.skipIf(!HAS_CHROMIUM)("an implementing plan in the browser", () => {
  let site: DemoSite;
  beforeAll(async () => {
    site = await startDemoSite();
  }, 90_000);
  afterAll(async () => site?.close());

  it("is drawn up from the plan's page, reviewed, published, and shown in the cascade", async () => {
    const unit = await site.signIn("phongtrunghoc");
    await unit.goto(`${site.base}#/plans`);
    await unit.getByRole("link", { name: "901/KH-SGDĐT" }).first().click();
    const cascade = unit.locator("section[aria-labelledby=cascade]");
    await cascade.getByRole("heading", { name: "Kế hoạch triển khai" }).waitFor();
    await cascade.getByText("Chưa có đơn vị nào ban hành kế hoạch triển khai.").waitFor();
    const planUrl = unit.url();
    await cascade.getByRole("button", { name: "Lập kế hoạch triển khai của đơn vị" }).click();

    await unit.getByRole("heading", { name: /Rà soát trước khi công bố/ }).waitFor();
    const source = unit.locator("#source-text");
    await source.getByText(/Triển khai thực hiện Kế hoạch số 901\/KH-SGDĐT ngày 05\/09\/2026/).waitFor();
    await source.getByText(/Rà soát cơ sở vật chất trường học/).waitFor();
    await site.shot(unit, "40-implementing-draft");
    await unit.getByRole("button", { name: "Công bố" }).click();
    await unit.getByRole("heading", { name: /Rà soát trước khi công bố/ }).waitFor({ state: "detached" });

    await unit.goto(planUrl);
    await unit.reload();
    const tree = unit.locator("section[aria-labelledby=cascade]");
    await tree.getByRole("cell", { name: "Phòng Giáo dục Trung học" }).waitFor();
    await tree.getByRole("link", { name: "Mở kế hoạch triển khai của đơn vị" }).waitFor();
    await site.shot(unit, "41-cascade");
    await unit.close();
  }, 180_000);
});
