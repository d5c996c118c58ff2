// The whole story in Debian's Chromium, on a fresh instance of its own: the plan officer uploads
// sample plan 000, corrects one field and publishes; the unit officer reports with an attachment;
// the plan officer returns it with a comment; the unit fixes and resubmits; the plan officer
// accepts; the leader sees the plan's progress change. A screenshot of each screen goes to
// test-artifacts/. Skipped with a notice where Chromium or ../shared is missing.

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HAS_SHARED, PROJECT_ROOT, SEEDS } from "../shared-corpus.js";
import { ARTIFACTS, type DemoSite, HAS_CHROMIUM, startDemoSite } from "./harness.js";

const PLAN_000 = join(SEEDS, "000_8fa428da3b0cd451.txt");

describe.skipIf(!HAS_CHROMIUM || !HAS_SHARED)("the story in the browser", () => {
  let site: DemoSite;
  let base = "";
  let passwords: Record<string, string> = {};
  let browser: DemoSite["browser"];

  beforeAll(async () => {
    site = await startDemoSite();
    ({ base, passwords, browser } = site);
  }, 90_000);

  afterAll(async () => {
    await site?.close();
  });

  const signIn = (login: string, viewport?: { width: number; height: number }): Promise<Page> =>
    site.signIn(login, viewport);
  const shot = (page: Page, name: string) => site.shot(page, name);
  // True when the page needs no page-wide horizontal scrolling (tables scroll inside).
  const fitsWidth = (page: Page): Promise<boolean> =>
    page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1") as Promise<boolean>;
  // The accessible name of the focused element: its aria-label, its label's text, or its own text.
  const FOCUSED_NAME = `(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "";
    return (el.getAttribute("aria-label") || (el.labels && el.labels[0] ? el.labels[0].textContent : "") ||
      (/^(BUTTON|A|SUMMARY)$/.test(el.tagName) ? el.textContent : "") || "").trim();
  })()`;
  /** Presses Tab until the focused element's name matches: proof that it is reachable by keyboard. */
  async function tabTo(page: Page, name: RegExp, limit = 250): Promise<void> {
    const seen: string[] = [];
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press("Tab");
      const focused = String(await page.evaluate(FOCUSED_NAME));
      if (name.test(focused)) return;
      seen.push(focused);
    }
    throw new Error(`${name} not reached by Tab; focus went through: ${seen.slice(0, 60).join(" → ")}`);
  }

  it("runs from upload to the leader's dashboard", async () => {
    // 1. The plan officer uploads plan 000, corrects one field, confirms the flags, publishes.
    const officer = await signIn("vanthu");
    await shot(officer, "01-plans");
    await officer.getByLabel("Nhập kế hoạch (.txt, .doc, .docx, .pdf, .html, .md)").setInputFiles(PLAN_000);
    await officer.getByRole("heading", { name: /Rà soát trước khi công bố/ }).waitFor();
    await officer.getByRole("button", { name: /II\.1 Công tác chỉ đạo, điều hành/ }).click();
    await expect
      .poll(() => officer.locator("mark").textContent())
      .toContain("1. Công tác chỉ đạo, điều hành");
    await officer.locator("#tf-II\\.1").fill("Trước ngày 31/12/2099");
    await officer
      .locator("article", { hasText: "II.1 Công tác chỉ đạo" })
      .getByRole("button", { name: "Lưu" })
      .click();
    await officer.getByText("Đã lưu nhiệm vụ II.1.").waitFor();
    await shot(officer, "02-review");
    // Each flag confirmed in turn; the list shrinks by one every time.
    const confirms = officer.getByRole("button", { name: /^Xác nhận: / });
    for (let left = await confirms.count(); left > 0; left--) {
      await confirms.first().click();
      await expect.poll(() => confirms.count()).toBe(left - 1);
    }
    await officer.getByRole("button", { name: "Công bố" }).click();
    await officer.getByText("Đã công bố").first().waitFor();
    // The plan page of the published plan: its reports link and the open period's units.
    await officer.getByRole("link", { name: "Báo cáo của các đơn vị" }).waitFor();
    await officer.getByRole("heading", { name: /^Báo cáo kỳ hạn/ }).waitFor();
    await shot(officer, "03-plan");

    // 2. The unit officer reports with an attachment.
    const unit = await signIn("phongtrunghoc");
    await unit.getByRole("heading", { name: "Nhiệm vụ của đơn vị" }).waitFor();
    // First what is overdue or due next, across plans.
    const agenda = unit.getByRole("table", { name: "Việc quá hạn và sắp đến hạn" });
    expect(await agenda.locator("tbody tr").count()).toBeGreaterThan(0);
    const form = unit.locator("article", { hasText: "TRIỂN KHAI NGHỊ QUYẾT" });
    const first = form.locator("fieldset").first();
    await first.getByLabel("Tình trạng").selectOption("done");
    await first.getByLabel("Kết quả").fill("Đã phối hợp tuyên truyền tại 12 trường");
    await first.getByLabel("Đề xuất, kiến nghị").fill("Đề nghị bổ sung kinh phí tập huấn.");
    const evidence = join(ARTIFACTS, "bien-ban.txt");
    writeFileSync(evidence, "Biên bản phối hợp tuyên truyền");
    await form.locator("input[type=file]").setInputFiles(evidence);
    await unit.getByText("Đã đính kèm bien-ban.txt.").waitFor();
    await form.getByRole("button", { name: "Gửi báo cáo" }).click();
    await unit.getByText("Đã gửi báo cáo.").waitFor();
    await form.getByRole("link", { name: "bien-ban.txt" }).waitFor();
    await shot(unit, "04-workspace-submitted");

    // 3. The plan officer returns it with a comment.
    await officer.goto(`${base}#/plans`);
    await officer.getByRole("link", { name: "/KH-SGDDĐT" }).click();
    await officer.getByRole("link", { name: "Báo cáo của các đơn vị" }).click();
    // The page names the plan, and shows each unit's proposals beside its difficulties.
    await officer
      .locator(".plan-named")
      .getByRole("link", { name: /\/KH-SGDDĐT/ })
      .waitFor();
    const review = officer.locator("article", { hasText: "Phòng Giáo dục Trung học" });
    await review.getByRole("columnheader", { name: "Đề xuất, kiến nghị" }).waitFor();
    await review.getByRole("cell", { name: "Đề nghị bổ sung kinh phí tập huấn." }).waitFor();
    await review.getByLabel("Nhận xét").fill("Đề nghị ghi rõ số văn bản minh chứng.");
    await review.getByRole("button", { name: "Trả lại" }).click();
    await officer.getByText("Đã trả lại báo cáo của Phòng Giáo dục Trung học.").waitFor();
    await shot(officer, "05-returned");

    // 4. The unit sees the comment, fixes and resubmits.
    await unit.reload();
    await unit.getByText("Nhận xét: Đề nghị ghi rõ số văn bản minh chứng.").waitFor();
    const again = unit.locator("article", { hasText: "TRIỂN KHAI NGHỊ QUYẾT" }).locator("fieldset").first();
    await expect
      .poll(() => again.getByLabel("Kết quả").inputValue())
      .toBe("Đã phối hợp tuyên truyền tại 12 trường");
    await again.getByLabel("Minh chứng (số, ngày văn bản)").fill("Công văn số 45/GDTrH ngày 20/11/2026");
    await unit
      .locator("article", { hasText: "TRIỂN KHAI NGHỊ QUYẾT" })
      .getByRole("button", { name: "Gửi báo cáo" })
      .click();
    await unit.getByText("Đã gửi báo cáo.").waitFor();
    await shot(unit, "06-resubmitted");

    // 5. The leader's dashboard before acceptance, then after.
    const leader = await signIn("giamdoc");
    await leader.getByRole("heading", { name: "Tổng quan" }).waitFor();
    const byPlan = (page: Page) =>
      page.getByRole("table", { name: "Theo kế hoạch" }).locator("tr", { hasText: "/KH-SGDDĐT" });
    const row = byPlan(leader);
    const doneBefore = Number(await row.locator("td").nth(2).textContent());

    await officer.reload();
    await officer
      .locator("article", { hasText: "Phòng Giáo dục Trung học" })
      .getByRole("button", { name: "Chấp nhận" })
      .click();
    await officer.getByText("Đã chấp nhận báo cáo của Phòng Giáo dục Trung học.").waitFor();

    await leader.reload();
    await leader.getByRole("heading", { name: "Tổng quan" }).waitFor();
    await expect
      .poll(async () => Number(await byPlan(leader).locator("td").nth(2).textContent()))
      .toBe(doneBefore + 1);
    // The unit's report counts as sent for the open period.
    const unitRow = leader
      .getByRole("table", { name: "Báo cáo của các đơn vị trong kỳ" })
      .locator("tr", { hasText: "Phòng Giáo dục Trung học" });
    await expect.poll(() => unitRow.locator("td").nth(1).textContent()).toMatch(/[1-9]\d*\/\d+/);
    await shot(leader, "07-dashboard");
    // From a total to the work behind it, across plans.
    const overdueTile = leader.locator("a.tile.overdue");
    const overdueTotal = Number(await overdueTile.locator(".big").textContent());
    await overdueTile.click();
    await leader.getByRole("heading", { name: `Quá hạn (${overdueTotal})` }).waitFor();
    // The same list as a file Excel opens.
    const [download] = await Promise.all([
      leader.waitForEvent("download"),
      leader.getByRole("link", { name: /Tải danh sách \(CSV/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("cong-viec-qua-han.csv");
    await shot(leader, "07c-overview-overdue");
    await leader.goBack();
    // Drill down from the number to the work behind it.
    await byPlan(leader).locator("td").nth(2).getByRole("link").click();
    await leader.getByRole("heading", { name: /Tình hình theo đơn vị: Hoàn thành đúng hạn/ }).waitFor();
    await expect
      .poll(() => leader.locator("#work ~ .scroll tbody tr", { hasText: "Phòng Giáo dục Trung học" }).count())
      .toBe(1);
    // It lands on the list it filtered (in view, not 1,500 px below the top of the plan's page); each
    // item has its title and deadline.
    const drilled = leader.locator("#work ~ .scroll tbody tr", { hasText: "Phòng Giáo dục Trung học" });
    await expect
      .poll(async () => {
        const box = await drilled.boundingBox();
        return box && box.y >= 0 && box.y + box.height <= 768;
      })
      .toBe(true);
    expect(await drilled.locator("td").first().textContent()).toMatch(/^II\.\d+ \S+/);
    expect(await drilled.locator("td").last().textContent()).toMatch(/\d{2}\/\d{2}\/\d{4}|Thường xuyên/);
    await shot(leader, "07b-drill-down");
    // From the reports-in number to the reports themselves: a leader reads them, without deciding.
    await leader.goto(`${base}#/dashboard`);
    await byPlan(leader).locator("td").last().getByRole("link").click();
    await leader.getByRole("heading", { name: "Báo cáo của các đơn vị" }).waitFor();
    await leader.locator("article", { hasText: "Phòng Giáo dục Trung học" }).waitFor();
    expect(await leader.getByRole("button", { name: "Chấp nhận" }).count()).toBe(0);
    await shot(leader, "07d-reports-leader");

    // The same screens on a phone, and by keyboard alone.
    const phone = await signIn("giamdoc", { width: 390, height: 844 });
    await phone.getByRole("heading", { name: "Tổng quan" }).waitFor();
    expect(
      await phone.evaluate(
        () =>
          (
            globalThis as unknown as {
              document: { documentElement: { scrollWidth: number } };
              innerWidth: number;
            }
          ).document.documentElement.scrollWidth <=
          (globalThis as unknown as { innerWidth: number }).innerWidth + 1,
      ),
    ).toBe(true);
    // The legend's swatches sit beside their words, never over them.
    const overlaps = await phone.evaluate(`[...document.querySelectorAll(".legend li")].filter((li) => {
      const s = li.querySelector(".swatch").getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(li);
      range.setStartAfter(li.querySelector(".swatch"));
      const t = range.getBoundingClientRect();
      return s.right > t.left + 1 || s.height > 20 || s.bottom < t.top || s.top > t.bottom;
    }).length`);
    expect(overlaps).toBe(0);
    await shot(phone, "08-dashboard-phone");

    // Every other screen on a phone: no page-wide horizontal scrolling (tables scroll inside).
    const planId = /#\/plans\/(\d+)/.exec(leader.url())?.[1] ?? "";
    const fits = fitsWidth;
    const screens: Array<[string, string, string, string]> = [
      ["vanthu", "#/plans", "Kế hoạch", "09-plans-phone"],
      ["vanthu", `#/plans/${planId}`, "TRIỂN KHAI", "10-plan-phone"],
      ["vanthu", `#/plans/${planId}/reports`, "Báo cáo của các đơn vị", "11-reports-phone"],
      ["phongtrunghoc", "#/workspace", "Nhiệm vụ của đơn vị", "12-workspace-phone"],
      ["quantri", "#/admin", "Quản trị", "13-admin-phone"],
    ];
    for (const [login, hash, heading, name] of screens) {
      const small = await signIn(login, { width: 390, height: 844 });
      await small.goto(`${base}${hash}`);
      await small
        .getByRole("heading", { name: new RegExp(heading) })
        .first()
        .waitFor();
      expect(await fits(small), `${name} fits a phone`).toBe(true);
      // Roles are named in the reader's language, never as codes.
      if (login === "quantri") {
        await small
          .getByText(/Cán bộ đơn vị/)
          .first()
          .waitFor();
        expect(await small.getByText(/unit_officer|plan_officer/).count()).toBe(0);
      }
      await shot(small, name);
      await small.close();
    }
    const keys = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await keys.goto(base);
    await keys.getByLabel("Tên đăng nhập").waitFor();
    await keys.keyboard.press("Tab");
    await keys.keyboard.type("giamdoc");
    await keys.keyboard.press("Tab");
    await keys.keyboard.type(passwords.giamdoc ?? "");
    await keys.keyboard.press("Enter");
    await keys.getByRole("heading", { name: "Tổng quan" }).waitFor();
  }, 180_000);

  it("reviews a plan on a phone, one pane at a time, and corrects it and reports by keyboard alone", async () => {
    // A draft plan, uploaded on a phone: the extracted plan shows first; choosing a task shows its passage.
    const phone = await signIn("vanthu", { width: 390, height: 844 });
    await phone
      .getByLabel("Nhập kế hoạch (.txt, .doc, .docx, .pdf, .html, .md)")
      .setInputFiles(join(PROJECT_ROOT, "examples", "ke-hoach-mau.txt"));
    await phone.getByRole("heading", { name: /Rà soát trước khi công bố/ }).waitFor();
    expect(await phone.getByRole("heading", { name: "Văn bản gốc" }).isVisible()).toBe(false);
    await phone.getByRole("button", { name: /II\.2 Triển khai học bạ số/ }).click();
    await expect.poll(() => phone.locator("mark").isVisible()).toBe(true);
    expect(await phone.locator("mark").textContent()).toContain("Triển khai học bạ số");
    expect(await phone.getByRole("heading", { name: "Thông tin văn bản" }).isVisible()).toBe(false);
    expect(await fitsWidth(phone)).toBe(true);
    await shot(phone, "14-review-phone-source");
    await phone.getByRole("button", { name: "Kết quả trích xuất" }).click();
    await phone.getByRole("heading", { name: "Thông tin văn bản" }).waitFor();
    expect(await fitsWidth(phone)).toBe(true);
    await shot(phone, "15-review-phone-extracted");
    await phone.close();

    // The same review by keyboard alone: a document field, a task's title, a flag. This plan names a
    // unit the directory does not hold, so it has a flag to confirm.
    const keys = await signIn("vanthu");
    const flagged = join(ARTIFACTS, "ke-hoach-ban-phim.txt");
    writeFileSync(
      flagged,
      `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số:    /KH-SGDĐT                     Hải Phòng, ngày 12 tháng 3 năm 2026

KẾ HOẠCH
Kiểm tra nội bộ trường học năm 2026

I. NHIỆM VỤ
1. Kiểm tra công tác thi
- Đơn vị chủ trì: Phòng Khảo thí và Kiểm định chất lượng
- Thời gian thực hiện: Trong quý III/2026
2. Kiểm tra công tác bồi dưỡng
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Thời gian thực hiện: Trước ngày 30/11/2026
3. Tổng hợp kết quả kiểm tra
- Thời gian thực hiện: Tháng 12/2026
`,
    );
    await keys.getByLabel("Nhập kế hoạch (.txt, .doc, .docx, .pdf, .html, .md)").setInputFiles(flagged);
    await keys.getByRole("heading", { name: /Rà soát trước khi công bố/ }).waitFor();
    await keys.getByRole("heading", { name: "Thông tin văn bản" }).waitFor();
    await tabTo(keys, /^Số, ký hiệu$/);
    await keys.keyboard.press("Control+A");
    await keys.keyboard.type("46/KH-SGDĐT");
    // The issue date is typed as documents write it, whatever the browser's language.
    await tabTo(keys, /^Ngày ban hành$/);
    await keys.keyboard.press("Control+A");
    await keys.keyboard.type("15/3/2026");
    await tabTo(keys, /^Lưu thông tin văn bản$/);
    await keys.keyboard.press("Enter");
    await keys.getByText("Đã lưu thông tin văn bản.").waitFor();
    await keys.getByRole("heading", { name: /: 46\/KH-SGDĐT$/ }).waitFor();
    await expect.poll(() => keys.getByLabel("Ngày ban hành").inputValue()).toBe("15/03/2026");
    await tabTo(keys, /^Tên nhiệm vụ I\.2$/);
    await keys.keyboard.press("Control+A");
    await keys.keyboard.type("Kiểm tra công tác bồi dưỡng giáo viên");
    await tabTo(keys, /^Thời gian$/); // past the folded content; Enter in the timeframe submits the form
    await keys.keyboard.press("Enter");
    await keys.getByText("Đã lưu nhiệm vụ I.2.").waitFor();
    // Task 3 names no lead: the system never guesses one; the officer adds it, and its flag closes.
    const confirms = keys.getByRole("button", { name: /^Xác nhận: / });
    const before = await confirms.count();
    expect(await keys.getByText("Nhiệm vụ I.3: không có đơn vị chủ trì.").count()).toBe(1);
    const task3 = keys.locator("article", { hasText: "I.3 Tổng hợp kết quả kiểm tra" });
    await task3
      .getByLabel("Đơn vị thêm vào nhiệm vụ I.3", { exact: true })
      .selectOption({ label: "Văn phòng Sở" });
    await task3.getByRole("button", { name: "Thêm đơn vị" }).click();
    await keys.getByText("Đã thêm Văn phòng Sở vào nhiệm vụ I.3.").waitFor();
    await expect.poll(() => confirms.count()).toBe(before - 1);
    expect(await task3.getByLabel("Vai trò của «Văn phòng Sở»").inputValue()).toBe("lead");
    const flags = await confirms.count();
    expect(flags).toBeGreaterThan(0);
    await keys.keyboard.press("Home");
    await keys.locator("body").focus();
    await tabTo(keys, /^Xác nhận: /);
    await keys.keyboard.press("Enter");
    await expect.poll(() => confirms.count()).toBe(flags - 1);
    // The reporting duty the plan forgot is added on the same screen.
    await keys.getByLabel("Hạn báo cáo").fill("Trước ngày 25/12/2026");
    await keys.getByRole("button", { name: "Lưu hạn báo cáo" }).click();
    await keys.getByText("Báo cáo trước ngày 25/12/2026").waitFor();
    await shot(keys, "16-review-keyboard");
    // A draft imported by mistake is discarded, after a confirmation.
    keys.once("dialog", (d) => d.accept());
    await keys.getByRole("button", { name: "Bỏ bản nháp này" }).click();
    await keys.getByRole("heading", { name: "Kế hoạch" }).waitFor();
    expect(await keys.getByRole("link", { name: "46/KH-SGDĐT" }).count()).toBe(0);
    await keys.close();

    // A unit's report by keyboard alone: status, results, save as draft.
    const unit = await signIn("phongtrunghoc");
    await unit.getByRole("heading", { name: "Nhiệm vụ của đơn vị" }).waitFor();
    await tabTo(unit, /^Tình trạng$/);
    await unit.keyboard.press("End");
    expect(await unit.evaluate("document.activeElement.value")).toBe("done");
    await unit.keyboard.press("Tab");
    expect(String(await unit.evaluate(FOCUSED_NAME))).toBe("Kết quả");
    await unit.keyboard.type("Đã rà soát bằng bàn phím");
    await tabTo(unit, /^Lưu nháp$/);
    await unit.keyboard.press("Enter");
    await unit.getByText("Đã lưu nháp.").waitFor();
    await shot(unit, "17-workspace-keyboard");
    await unit.close();

    // The English switch: the interface changes, the choice survives a reload, and switches back.
    const english = await signIn("giamdoc");
    await english.getByRole("heading", { name: "Tổng quan" }).waitFor();
    await english.getByRole("button", { name: "English" }).click();
    await english.getByRole("heading", { name: "Overview" }).waitFor();
    expect(await english.getByRole("link", { name: /Overdue/ }).count()).toBe(1);
    expect(await english.evaluate("document.documentElement.lang")).toBe("en");
    await english.reload();
    await english.getByRole("button", { name: "Sign out" }).waitFor();
    await shot(english, "18-overview-english");
    await english.getByRole("button", { name: "Tiếng Việt" }).click();
    await english.getByRole("heading", { name: "Tổng quan" }).waitFor();
    await english.close();
  }, 180_000);

  it("edits the task list and publishes nothing nobody owns: lead-less tasks go to the issuing body first", async () => {
    const officer = await signIn("vanthu");
    const file = join(ARTIFACTS, "ke-hoach-viec-cua-so.txt");
    writeFileSync(
      file,
      `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 47/KH-SGDĐT                     Hải Phòng, ngày 16 tháng 3 năm 2026

KẾ HOẠCH
Rà soát hồ sơ chuyên môn năm 2026

I. NHIỆM VỤ
1. Tổ chức hội nghị triển khai
- Đơn vị chủ trì: Văn phòng Sở
- Thời gian thực hiện: Trước ngày 30/4/2026
2. Rà soát quy chế chuyên môn
- Thời gian thực hiện: Trong quý II/2026
`,
    );
    await officer.getByLabel("Nhập kế hoạch (.txt, .doc, .docx, .pdf, .html, .md)").setInputFiles(file);
    await officer.getByRole("heading", { name: /Rà soát trước khi công bố/ }).waitFor();
    // The task list is edited on the review screen: a task deleted and the deletion undone …
    await officer.getByRole("button", { name: "Xóa nhiệm vụ I.2", exact: true }).click();
    await officer.getByText("Đã xóa nhiệm vụ I.2.").waitFor();
    const deleteI2 = officer.getByRole("button", { name: "Xóa nhiệm vụ I.2", exact: true });
    await expect.poll(() => deleteI2.count()).toBe(0);
    await officer.getByRole("button", { name: /^Hoàn tác: Xóa nhiệm vụ I\.2/ }).click();
    await officer.getByText("Đã hoàn tác.").waitFor();
    await deleteI2.waitFor();
    // … and a task added from a passage selected in the source text.
    // (run in the page: the selection a person makes by dragging over the passage)
    await officer.evaluate(`(() => {
      const passage = "Rà soát hồ sơ chuyên môn năm 2026";
      const node = document.getElementById("source-text").firstChild;
      const at = node.textContent.indexOf(passage);
      if (at < 0) throw new Error("passage not in the source pane");
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + passage.length);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    })()`);
    await officer.getByRole("button", { name: "Lấy đoạn đang chọn trong văn bản nguồn" }).click();
    await officer.getByText("Đã lấy đoạn 33 ký tự làm nội dung nhiệm vụ.").waitFor();
    expect(await officer.getByLabel("Tên nhiệm vụ thêm").inputValue()).toBe(
      "Rà soát hồ sơ chuyên môn năm 2026",
    );
    await officer.getByRole("button", { name: "Thêm nhiệm vụ" }).click();
    await officer.getByText("Đã thêm nhiệm vụ.").waitFor();
    await officer.getByRole("button", { name: /^BS1 Rà soát hồ sơ chuyên môn năm 2026/ }).waitFor();
    // Moved up a place, and back by undoing it.
    const order = () => officer.locator("article strong").allTextContents();
    expect(await order()).toEqual(["I.1", "I.2", "BS1"]);
    await officer.getByRole("button", { name: "Chuyển nhiệm vụ BS1 lên" }).click();
    await expect.poll(order).toEqual(["I.1", "BS1", "I.2"]);
    await officer.getByRole("button", { name: /^Hoàn tác: Chuyển nhiệm vụ BS1 lên trên I\.2/ }).click();
    await expect.poll(order).toEqual(["I.1", "I.2", "BS1"]);
    const confirms = officer.getByRole("button", { name: /^Xác nhận: / });
    for (let left = await confirms.count(); left > 0; left--) {
      await confirms.first().click();
      await expect.poll(() => confirms.count()).toBe(left - 1);
    }
    // Every flag is settled, yet I.2 and the added BS1 have no lead: publication is held, and says why.
    await officer.getByText("2 nhiệm vụ chưa có đơn vị chủ trì: chưa công bố được.").waitFor();
    expect(await officer.getByRole("button", { name: "Công bố" }).isDisabled()).toBe(true);
    await officer
      .getByRole("button", { name: "Ghi nhận 2 nhiệm vụ này là việc của cơ quan ban hành" })
      .click();
    await officer.getByText("Đã giao các nhiệm vụ cho cơ quan ban hành.").waitFor();
    await officer.getByText(/^Sẽ theo dõi 3 nhiệm vụ: 3 phần việc của 2 đơn vị/).waitFor();
    await shot(officer, "19-review-own-work");
    await officer.getByRole("button", { name: "Công bố" }).click();
    await officer.getByText("Đã công bố").first().waitFor();
    await officer.close();
  }, 120_000);
});
