// The whole story in Debian's Chromium, on a fresh instance of its own: the plan officer uploads
// sample plan 000, corrects one field and publishes; the unit officer reports with an attachment;
// the plan officer returns it with a comment; the unit fixes and resubmits; the plan officer
// accepts; the leader sees the plan's progress change. A screenshot of each screen goes to
// test-artifacts/. Skipped with a notice where Chromium or ../shared is missing.

import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HAS_SHARED, PROJECT_ROOT, SEEDS } from "../shared-corpus.js";

const CHROMIUM = "/usr/bin/chromium";
const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM)
  console.warn(
    "[kehoach] /usr/bin/chromium not found: the browser tests are skipped (apt-get install chromium).",
  );
const ARTIFACTS = join(PROJECT_ROOT, "test-artifacts");
const PLAN_000 = join(SEEDS, "000_8fa428da3b0cd451.txt");

describe.skipIf(!HAS_CHROMIUM || !HAS_SHARED)("the story in the browser", () => {
  let server: ChildProcess;
  let browser: Browser;
  let base = "";
  const passwords: Record<string, string> = {};

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const data = mkdtempSync(join(tmpdir(), "kehoach-e2e-"));
    const env: NodeJS.ProcessEnv = { ...process.env, KEHOACH_DATA: data };
    delete env.DATABASE_URL;
    server = spawn(
      process.execPath,
      [join(PROJECT_ROOT, "bin", "kehoach.js"), "serve", "--demo", "--port", "0"],
      { env, stdio: ["ignore", "pipe", "pipe"] },
    );
    await new Promise<void>((resolve, reject) => {
      let out = "";
      const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
      server.stdout?.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        for (const m of out.matchAll(/^\s+(\w+)\s+(\S+)\s+\(/gm)) passwords[m[1] ?? ""] = m[2] ?? "";
        const url = /http:\/\/[\d.]+:\d+\//.exec(out);
        if (url) {
          clearTimeout(timer);
          base = url[0];
          resolve();
        }
      });
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    server?.kill("SIGTERM");
  });

  async function signIn(login: string, viewport = { width: 1366, height: 768 }): Promise<Page> {
    const page = await browser.newPage({ viewport });
    await page.goto(base);
    await page.getByLabel("Tên đăng nhập").fill(login);
    await page.getByLabel("Mật khẩu").fill(passwords[login] ?? "");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByRole("button", { name: "Đăng xuất" }).waitFor();
    return page;
  }
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  it("runs from upload to the leader's dashboard", async () => {
    // 1. The plan officer uploads plan 000, corrects one field, confirms the flags, publishes.
    const officer = await signIn("vanthu");
    await shot(officer, "01-plans");
    await officer.getByLabel("Nhập kế hoạch (.txt, .docx, .pdf)").setInputFiles(PLAN_000);
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
    await officer.getByText("Đã lưu thời gian nhiệm vụ II.1.").waitFor();
    await shot(officer, "02-review");
    // Each flag confirmed in turn; the list shrinks by one every time.
    const confirms = officer.getByRole("button", { name: "Xác nhận" });
    for (let left = await confirms.count(); left > 0; left--) {
      await confirms.first().click();
      await expect.poll(() => confirms.count()).toBe(left - 1);
    }
    await officer.getByRole("button", { name: "Công bố" }).click();
    await officer.getByText("Đã công bố").first().waitFor();
    await shot(officer, "03-plan");

    // 2. The unit officer reports with an attachment.
    const unit = await signIn("phongtrunghoc");
    await unit.getByRole("heading", { name: "Nhiệm vụ của đơn vị" }).waitFor();
    const form = unit.locator("article", { hasText: "TRIỂN KHAI NGHỊ QUYẾT" });
    const first = form.locator("fieldset").first();
    await first.getByLabel("Tình trạng").selectOption("done");
    await first.getByLabel("Kết quả").fill("Đã phối hợp tuyên truyền tại 12 trường");
    const evidence = join(ARTIFACTS, "bien-ban.txt");
    writeFileSync(evidence, "Biên bản phối hợp tuyên truyền");
    await form.locator("input[type=file]").setInputFiles(evidence);
    await unit.getByText("Đã đính kèm bien-ban.txt.").waitFor();
    await form.getByRole("button", { name: "Gửi báo cáo" }).click();
    await unit.getByText("Đã gửi báo cáo.").waitFor();
    await shot(unit, "04-workspace-submitted");

    // 3. The plan officer returns it with a comment.
    await officer.goto(`${base}#/plans`);
    await officer.getByRole("link", { name: "/KH-SGDDĐT" }).click();
    await officer.getByRole("link", { name: "Báo cáo của các đơn vị" }).click();
    const review = officer.locator("article", { hasText: "Phòng Giáo dục Trung học" });
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
    const row = leader.locator("tr", { hasText: "/KH-SGDDĐT" });
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
      .poll(async () =>
        Number(await leader.locator("tr", { hasText: "/KH-SGDDĐT" }).locator("td").nth(2).textContent()),
      )
      .toBe(doneBefore + 1);
    await shot(leader, "07-dashboard");
    // Drill down from the number to the work behind it.
    await leader.locator("tr", { hasText: "/KH-SGDDĐT" }).locator("td").nth(2).getByRole("link").click();
    await leader.getByRole("heading", { name: /Tình hình theo đơn vị: Hoàn thành đúng hạn/ }).waitFor();
    await expect
      .poll(() => leader.locator("#work ~ .scroll tbody tr", { hasText: "Phòng Giáo dục Trung học" }).count())
      .toBe(1);
    await shot(leader, "07b-drill-down");

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
    await shot(phone, "08-dashboard-phone");

    // Every other screen on a phone: no page-wide horizontal scrolling (tables scroll inside).
    const planId = /#\/plans\/(\d+)/.exec(leader.url())?.[1] ?? "";
    const fits = (page: Page) =>
      page.evaluate(() => {
        const g = globalThis as unknown as {
          document: { documentElement: { scrollWidth: number } };
          innerWidth: number;
        };
        return g.document.documentElement.scrollWidth <= g.innerWidth + 1;
      });
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
});
