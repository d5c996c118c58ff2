// Real plans made right on the review screen alone, in Debian's Chromium, then published with every
// task and duty owned: KH-3898 of Sở Công Thương Lào Cai (its staff named as doers, its one order
// to a Phòng under "Tổ chức thực hiện"), seed plan 001 (fifteen tasks naming no unit), and an
// amendment of a published plan with its history. Skipped where Chromium or ../shared is missing.

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FILES, HAS_FILES, HAS_SHARED, SEEDS } from "../shared-corpus.js";
import { ARTIFACTS, type DemoSite, HAS_CHROMIUM, startDemoSite } from "./harness.js";

const KH_3898 = join(FILES, "KH-3898_30.6.2026_Huan-luyen-nguoi-quan-ly.docx");
const PLAN_001 = join(SEEDS, "001_711110c2ab5b1f48.txt");
const UPLOAD = "Nhập kế hoạch (.txt, .doc, .docx, .pdf, .html, .md)";
// KH-3898's appendix: nine rows, the nine tasks.
const APPENDIX_ROWS = ["1", "2", "3", "4", "5", "6", "7", "8", "9"];

describe.skipIf(!HAS_CHROMIUM || !HAS_SHARED || !HAS_FILES)("plans made right on the review screen", () => {
  let site: DemoSite;
  beforeAll(async () => {
    site = await startDemoSite();
  }, 90_000);
  afterAll(async () => site?.close());

  // Uploads a file and waits for its review; a refusal fails the test with what the page said.
  const reviewOf = async (page: Page, file: string) => {
    await page
      .getByLabel(UPLOAD)
      .setInputFiles(file)
      .catch(async (error: unknown) => {
        await site.shot(page, "failed-upload");
        throw error;
      });
    const review = page.getByRole("heading", { name: /Rà soát trước khi công bố/ });
    const refusal = page.locator("p.error").filter({ hasText: /\S/ });
    await review
      .or(refusal)
      .first()
      .waitFor({ timeout: 60_000 })
      .catch(async (error: unknown) => {
        await site.shot(page, "failed-upload");
        throw error;
      });
    if (await refusal.count()) throw new Error(`upload refused: ${await refusal.first().textContent()}`);
  };
  const taskKeys = (page: Page) => page.locator("article.task > button strong").allTextContents();
  const confirmAllLeft = async (page: Page) => {
    const confirms = page.getByRole("button", { name: /^Xác nhận: / });
    for (let left = await confirms.count(); left > 0; left--) {
      await confirms.first().click();
      await expect.poll(() => confirms.count()).toBe(left - 1);
    }
  };

  it("KH-3898: staff made persons of their Phòng, a missed task added, the Phòng's duty tracked, all owned", async () => {
    // The administrator gives Sở Công Thương its Phòng and a plan officer.
    const admin = await site.signIn("quantri");
    await admin.goto(`${site.base}#/admin`);
    const csv = join(ARTIFACTS, "don-vi-so-cong-thuong.csv");
    writeFileSync(
      csv,
      `code,name,short_name,kind,parent_code,abbreviations,aliases,active,valid_from,valid_to
SCT.VP,Văn phòng Sở Công Thương,,office,SCT,,,1,,
SCT.QLCN,Phòng Quản lý công nghiệp,,division,SCT,QLCN,,1,,
`,
    );
    await admin.getByLabel("Nhập danh mục đơn vị (CSV)").setInputFiles(csv);
    await admin.getByText("Đã nhập: 2 đơn vị mới, 0 cập nhật.").waitFor();
    await admin.reload();
    await admin.locator("#nl").fill("vanthusct");
    await admin.locator("#nn").fill("Văn thư Sở Công Thương");
    await admin.locator("#nu").selectOption({ label: "Văn phòng Sở Công Thương" });
    await admin.locator("#nr").selectOption("plan_officer");
    await admin.locator("#np").fill("Lao-Cai-2026-an-toan");
    await admin.getByRole("button", { name: "Tạo tài khoản" }).click();
    await admin.getByText(/vanthusct — Văn thư Sở Công Thương/).waitFor();
    await admin.close();
    site.passwords.vanthusct = "Lao-Cai-2026-an-toan";

    const officer = await site.signIn("vanthusct");
    await reviewOf(officer, KH_3898);
    // The plan's event facts (Thời gian, Địa điểm, Đối tượng, Nội dung) are not tasks: the nine rows
    // of its appendix are, and its two parts of "Tổ chức thực hiện" are duties.
    expect(await taskKeys(officer)).toEqual([...APPENDIX_ROWS, "PC-III.1", "PC-III.2"]);
    expect(await officer.getByRole("button", { name: /^\d Thời gian: 1,5 ngày/ }).count()).toBe(0);
    // The staff named as doers are people of Phòng Quản lý công nghiệp: one choice each, every task at once.
    for (const name of ["Vũ Việt Linh", "Nguyễn Thị Loan", "Đỗ Mạnh Cường"]) {
      const group = officer.locator("ul.flags > li", { hasText: `«${name}» chưa có trong danh mục` });
      await group.getByText("Theo cách viết, đây là tên một người").waitFor();
      await group
        .getByLabel(`Đơn vị trong danh mục cho «${name}»`)
        .selectOption({ label: "Phòng Quản lý công nghiệp" });
      await group.getByRole("button", { name: "Là cán bộ của đơn vị này" }).click();
      await officer.getByText(`«${name}» là cán bộ của đơn vị đã chọn`).waitFor();
      await expect.poll(() => group.count()).toBe(0);
    }
    // The second part of "Tổ chức thực hiện" orders nobody: not a duty.
    await officer.getByRole("button", { name: "Xóa nhiệm vụ PC-III.2", exact: true }).click();
    await officer.getByText("Đã xóa nhiệm vụ PC-III.2.").waitFor();
    // A task the plan implies and the parser could not see, typed in and given its lead.
    await officer.getByLabel("Tên nhiệm vụ thêm").fill("Tổng hợp, báo cáo kết quả huấn luyện");
    await officer.getByLabel("Thời gian", { exact: true }).first().fill("Trước ngày 31/7/2026");
    await officer.getByRole("button", { name: "Thêm nhiệm vụ" }).click();
    await officer.getByText("Đã thêm nhiệm vụ.").waitFor();
    const added = officer.locator("article", { hasText: "BS1 Tổng hợp, báo cáo kết quả huấn luyện" });
    await added
      .getByLabel("Đơn vị thêm vào nhiệm vụ BS1", { exact: true })
      .selectOption({ label: "Phòng Quản lý công nghiệp" });
    await added.getByRole("button", { name: "Thêm đơn vị" }).click();
    await officer.getByText("Đã thêm Phòng Quản lý công nghiệp vào nhiệm vụ BS1.").waitFor();
    // The number the e-signature left blank, typed as the Sở registered it.
    await officer.getByLabel("Số, ký hiệu").fill("3898/KH-SCT");
    await officer.getByLabel("Ngày ban hành").first().fill("30/6/2026");
    await officer.getByRole("button", { name: "Lưu thông tin văn bản" }).click();
    await officer.getByText("Đã lưu thông tin văn bản.").waitFor();
    await confirmAllLeft(officer);
    await officer
      .getByText(/^Sẽ theo dõi 10 nhiệm vụ và 1 nhiệm vụ phân công: \d+ phần việc của 1 đơn vị/)
      .waitFor();
    await site.shot(officer, "20-review-kh3898");
    await officer.getByRole("button", { name: "Công bố" }).click();
    await officer.getByText("Đã công bố").first().waitFor();

    // The published plan: every task and the duty are Phòng Quản lý công nghiệp's work, naming its people.
    const plan = await officer.evaluate(
      `fetch("/api/v1/plans/" + location.hash.split("/")[2]).then((r) => r.json())`,
    );
    const work = (plan as { work: Array<{ taskKey: string; unitName: string; persons: string[] }> }).work;
    expect(new Set(work.map((w) => w.unitName))).toEqual(new Set(["Phòng Quản lý công nghiệp"]));
    expect(work.map((w) => w.taskKey)).toEqual([...APPENDIX_ROWS, "PC-III.1", "BS1"]);
    expect(work.find((w) => w.taskKey === "3")?.persons).toEqual([
      "Nguyễn Thị Loan",
      "Vũ Việt Linh",
      "Đỗ Mạnh Cường",
    ]);
    expect(work.find((w) => w.taskKey === "PC-III.1")?.persons).toEqual([]);
    await officer.close();
  }, 240_000);

  it("seed 001: fifteen tasks without a lead are never published unowned; its duties are tracked", async () => {
    const officer = await site.signIn("vanthu");
    await reviewOf(officer, PLAN_001);
    expect((await taskKeys(officer)).filter((k) => k.startsWith("PC-"))).toEqual(["PC-IV.1", "PC-IV.2"]);
    // Thirty warnings settle in two choices, one per kind, not thirty clicks.
    await officer.getByRole("button", { name: "Xác nhận cả 15 mục" }).first().click();
    await officer.getByText("Đã xác nhận 15 mục.").waitFor();
    await officer.getByRole("button", { name: "Xác nhận cả 15 mục" }).first().click();
    await officer.getByText("Đã xác nhận 15 mục.").waitFor();
    // Still nobody leads the fifteen tasks: publication is held and says so.
    await officer.getByText("15 nhiệm vụ chưa có đơn vị chủ trì: chưa công bố được.").waitFor();
    expect(await officer.getByRole("button", { name: "Công bố" }).isDisabled()).toBe(true);
    // The foreign-language project goes to Phòng Giáo dục Trung học; the rest is the Sở's own work.
    const languages = officer.locator("article", { has: officer.getByRole("button", { name: /^II\.12 / }) });
    await languages
      .getByLabel("Đơn vị thêm vào nhiệm vụ II.12", { exact: true })
      .selectOption({ label: "Phòng Giáo dục Trung học" });
    await languages.getByRole("button", { name: "Thêm đơn vị" }).click();
    await officer.getByText("Đã thêm Phòng Giáo dục Trung học vào nhiệm vụ II.12.").waitFor();
    await officer
      .getByRole("button", { name: "Ghi nhận 14 nhiệm vụ này là việc của cơ quan ban hành" })
      .click();
    await officer.getByText("Đã giao các nhiệm vụ cho cơ quan ban hành.").waitFor();
    await confirmAllLeft(officer);
    await officer.getByText(/^Sẽ theo dõi 15 nhiệm vụ và 2 nhiệm vụ phân công:/).waitFor();
    await site.shot(officer, "21-review-seed-001");
    await officer.getByRole("button", { name: "Công bố" }).click();
    await officer.getByText("Đã công bố").first().waitFor();
    const plan = (await officer.evaluate(
      `fetch("/api/v1/plans/" + location.hash.split("/")[2]).then((r) => r.json())`,
    )) as {
      work: Array<{ taskKey: string; role: string; unitName: string }>;
      tasksDetail: Array<{ key: string }>;
    };
    for (const t of plan.tasksDetail)
      expect(
        plan.work.some((w) => w.taskKey === t.key && w.role === "lead"),
        `${t.key} has a lead`,
      ).toBe(true);
    expect(plan.work.find((w) => w.taskKey === "PC-IV.1")?.unitName).toBe("Văn phòng Sở");
    await officer.close();
    // The Phòng sees the project and the duty of "các phòng cơ quan Sở" among its work.
    const unit = await site.signIn("phongtrunghoc");
    await unit.getByRole("heading", { name: "Nhiệm vụ của đơn vị" }).waitFor();
    await unit
      .getByText(/II\.12 Thiệt Đề án ngoại ngữ|II\.12 /)
      .first()
      .waitFor();
    await unit.getByText("PC-IV.2").first().waitFor();
    await unit.close();
  }, 240_000);

  it("amends a published plan: the changes shown task by task, then the plan's history", async () => {
    const officer = await site.signIn("vanthu");
    const original = join(ARTIFACTS, "ke-hoach-990.txt");
    writeFileSync(
      original,
      `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 990/KH-SGDĐT                     Hải Phòng, ngày 12 tháng 01 năm 2026

KẾ HOẠCH
Bồi dưỡng giáo viên năm 2026

I. NHIỆM VỤ
1. Tổ chức hội thảo chuyên môn cấp thành phố
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Thời gian thực hiện: Trước ngày 30/6/2026
2. Biên soạn tài liệu bồi dưỡng giáo viên
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Thời gian thực hiện: Trước ngày 30/9/2026
`,
    );
    await reviewOf(officer, original);
    await confirmAllLeft(officer);
    await officer.getByRole("button", { name: "Công bố" }).click();
    // Published, the review gives way to the plan's page.
    await officer
      .getByRole("button", { name: "Báo cáo của các đơn vị" })
      .or(officer.getByRole("link", { name: "Báo cáo của các đơn vị" }))
      .first()
      .waitFor();
    await officer.getByRole("link", { name: "Kế hoạch", exact: true }).click();
    const amendment = join(ARTIFACTS, "ke-hoach-991.txt");
    writeFileSync(
      amendment,
      `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 991/KH-SGDĐT                     Hải Phòng, ngày 02 tháng 3 năm 2026

KẾ HOẠCH
Điều chỉnh thời gian thực hiện Kế hoạch số 990/KH-SGDĐT ngày 12/01/2026 về bồi dưỡng giáo viên năm 2026

Căn cứ Kế hoạch số 990/KH-SGDĐT ngày 12/01/2026 của Sở Giáo dục và Đào tạo;

I. NỘI DUNG ĐIỀU CHỈNH
1. Tổ chức hội thảo chuyên môn cấp thành phố
- Thời gian thực hiện: Trước ngày 31/8/2026
`,
    );
    await reviewOf(officer, amendment);
    const changes = officer.locator("section[aria-labelledby=amendment]");
    await changes.getByText("Văn bản chỉ nêu các nhiệm vụ điều chỉnh, bổ sung").waitFor();
    await changes.getByRole("row", { name: /Điều chỉnh I\.1 .*30\/06\/2026 .*31\/08\/2026/ }).waitFor();
    await site.shot(officer, "22-review-amendment");
    await confirmAllLeft(officer);
    await officer.getByRole("button", { name: "Công bố" }).click();
    await officer.getByText("Đã công bố").first().waitFor();
    // The amendment's page links to the plan it amends, whose page now tells its history.
    await officer.getByRole("heading", { name: /^991\/KH-SGDĐT — / }).waitFor();
    await officer.getByRole("link", { name: "990/KH-SGDĐT" }).first().click();
    const history = officer.locator("section[aria-labelledby=changes]");
    await history.getByText("I.1: hạn gốc 30/06/2026, nay 31/08/2026 — Kế hoạch số 991/KH-SGDĐT").waitFor();
    await site.shot(officer, "23-plan-history");
    await officer.close();
  }, 180_000);
});
