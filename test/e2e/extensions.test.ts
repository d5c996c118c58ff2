// An extension in the browser: the lead unit asks for a later date on its workspace, the plan officer
// approves it on the plan's page, and the unit's list shows "gia hạn 1 lần, hạn gốc …".

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, type DemoSite, HAS_CHROMIUM, startDemoSite } from "./harness.js";

describe.skipIf(!HAS_CHROMIUM)("an extension in the browser", () => {
  let site: DemoSite;
  beforeAll(async () => {
    site = await startDemoSite();
  }, 90_000);
  afterAll(async () => site?.close());

  it("is asked on the workspace, approved on the plan's page, and shown with the original date", async () => {
    const officer = await site.signIn("vanthu");
    const file = join(ARTIFACTS, "ke-hoach-gia-han.txt");
    writeFileSync(
      file,
      `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 998/KH-SGDĐT                     Hải Phòng, ngày 01 tháng 12 năm 2026

KẾ HOẠCH
Kiểm kê thiết bị dạy học năm 2026

I. NHIỆM VỤ
1. Kiểm kê thiết bị dạy học các trường THPT
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Thời gian thực hiện: Trước ngày 30/12/2099
`,
    );
    await officer.getByLabel("Nhập kế hoạch (.txt, .doc, .docx, .pdf, .html, .md)").setInputFiles(file);
    await officer.getByRole("heading", { name: /Rà soát trước khi công bố/ }).waitFor({ timeout: 60_000 });
    const confirms = officer.getByRole("button", { name: /^Xác nhận: / });
    for (let left = await confirms.count(); left > 0; left--) {
      await confirms.first().click();
      await expect.poll(() => confirms.count()).toBe(left - 1);
    }
    await officer.getByRole("button", { name: "Công bố" }).click();
    await officer
      .getByRole("link", { name: "Báo cáo của các đơn vị" })
      .or(officer.getByRole("button", { name: "Báo cáo của các đơn vị" }))
      .first()
      .waitFor();
    const planUrl = officer.url();

    const unit = await site.signIn("phongtrunghoc");
    await unit.getByRole("heading", { name: "Nhiệm vụ của đơn vị" }).waitFor();
    // The request sits right after the task's part of the report form.
    const item = unit
      .locator("fieldset", { hasText: "Kiểm kê thiết bị dạy học các trường THPT" })
      .locator("xpath=following-sibling::details[1]");
    await item.getByText("Xin gia hạn").click();
    await item.getByLabel("Gia hạn đến ngày").fill("31/01/2100");
    await item.getByLabel("Lý do").fill("Chờ kết quả kiểm kê của các trường ngoài công lập");
    await item.getByLabel("Văn bản căn cứ (nếu có)").fill("Công văn số 20/GDTrH ngày 02/12/2026");
    await item.getByRole("button", { name: "Gửi đề nghị gia hạn" }).click();
    await unit.getByText("Đã gửi đề nghị gia hạn.").waitFor();
    await unit.getByText("Đang xin gia hạn đến 31/01/2100: chờ xem xét.").waitFor();

    await officer.goto(planUrl);
    await officer.reload();
    const requests = officer.locator("section[aria-labelledby=extensions]");
    await requests.getByText(/30\/12\/2099 → 31\/01\/2100 \(Chờ xem xét\)/).waitFor();
    await requests.getByLabel("Ý kiến").fill("Đồng ý, hoàn thành đúng hạn mới");
    await requests.getByRole("button", { name: "Đồng ý", exact: true }).click();
    await requests.getByText(/\(Đã đồng ý\)/).waitFor();
    await site.shot(officer, "24-extension-approved");

    await unit.reload();
    await unit
      .getByText(/gia hạn 1 lần, hạn gốc 30\/12\/2099/)
      .first()
      .waitFor();
    await site.shot(unit, "25-workspace-extended");
    await unit.close();
    await officer.close();
  }, 180_000);
});
