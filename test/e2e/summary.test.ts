// The summary report in the browser: a Phòng's report on the demo plan on school safety is accepted;
// the plan officer opens "Báo cáo tổng hợp" on the plan's page, sees the unit's sentence with its
// source, edits the report's number and subject, saves, and downloads the Word file, which carries
// the edits; the Giám đốc reads the report but cannot edit it.

import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoApi, demoApi } from "../api-client.js";
import { PROJECT_ROOT } from "../shared-corpus.js";
import { STORES } from "../stores.js";
import { HAS_CHROMIUM, launchChromium, shot, signInOn } from "./harness.js";

const WEB = join(PROJECT_ROOT, "dist", "web");
const kind = STORES[0];
if (!kind) throw new Error("no store");

describe.skipIf(!HAS_CHROMIUM)("the summary report in the browser", () => {
  let api: DemoApi;
  let browser: Browser;
  let base = "";
  const now = new Date("2026-12-16T02:00:00Z");
  let planId = "";
  beforeAll(async () => {
    if (!existsSync(join(WEB, "index.html"))) throw new Error(`${WEB} is not built: run npm run build`);
    api = await demoApi(kind, { now: () => new Date(now) }, { webRoot: WEB });
    const plans = (await api.call("vanthu", "GET", "/api/v1/plans")).json();
    planId = (plans.plans as Array<{ id: string; number: string }>).find((p) => p.number === "901/KH-SGDĐT")
      ?.id as string;
    const ws = (await api.call("phongtrunghoc", "GET", "/api/v1/workspace")).json();
    const mine = (ws.items as Array<{ workItemId: string; planId: string }>).filter(
      (i) => i.planId === planId,
    );
    const saved = await api.call("phongtrunghoc", "PUT", `/api/v1/reports/plans/${planId}`, {
      items: mine.map((i) => ({
        workItemId: i.workItemId,
        status: "in_progress",
        results: "Đã kiểm tra 12 trường trung học phổ thông",
        proposals: "Đề nghị cấp kinh phí sửa chữa nhà đa năng",
      })),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const id = saved.json().id;
    expect((await api.call("phongtrunghoc", "POST", `/api/v1/reports/${id}/submit`)).statusCode).toBe(204);
    expect(
      (await api.call("vanthu", "POST", `/api/v1/reports/${id}/decision`, { accept: true })).statusCode,
    ).toBe(204);
    base = `${await api.app.listen({ host: "127.0.0.1", port: 0 })}/`;
    browser = await launchChromium();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it("is opened from the plan, edited, saved and downloaded as Word; a leader reads it", async () => {
    const officer = await signInOn(browser, base, "vanthu", api.passwords.vanthu ?? "");
    await officer.goto(`${base}#/plans/${planId}`);
    await officer.getByRole("link", { name: "Báo cáo tổng hợp" }).click();
    await officer.getByRole("heading", { name: "Báo cáo tổng hợp" }).waitFor();
    const sentence = officer.locator(".summary-paragraph", {
      has: officer.getByText("Đã kiểm tra 12 trường trung học phổ thông", { exact: false }),
    });
    await sentence.first().getByText("Nguồn:").waitFor();
    await expect(
      sentence.first().getByRole("link", { name: "Phòng Giáo dục Trung học" }).count(),
    ).resolves.toBe(1);
    await officer.getByText("Bản tổng hợp tự động từ các báo cáo đã chấp nhận (chưa lưu).").waitFor();

    await officer.getByLabel("Số", { exact: true }).fill("88/BC-SGDĐT");
    await officer.getByLabel("Trích yếu").fill("Kết quả bảo đảm an toàn trường học năm 2026");
    await officer.getByText("Có thay đổi chưa lưu").waitFor();
    await officer.getByRole("button", { name: "Lưu", exact: true }).click();
    await officer.getByText("Đã lưu báo cáo tổng hợp.").waitFor();
    await officer.getByText(/Bản đã sửa, lưu bởi Chuyên viên Văn phòng Sở/).waitFor();
    await shot(officer, "30-summary-report");

    const [download] = await Promise.all([
      officer.waitForEvent("download"),
      officer.getByRole("link", { name: "Tải tệp Word (DOCX)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("bao-cao-901-KH-SGDDT-2026-12-15.docx");
    const file = await readFile((await download.path()) ?? "");
    const xml = strFromU8(unzipSync(new Uint8Array(file))["word/document.xml"] ?? new Uint8Array());
    expect(xml).toContain("Số: 88/BC-SGDĐT");
    expect(xml).toContain("Kết quả bảo đảm an toàn trường học năm 2026");
    expect(xml).toContain("Đã kiểm tra 12 trường trung học phổ thông");
    expect(xml).toContain("Đề nghị cấp kinh phí sửa chữa nhà đa năng");

    const leader = await signInOn(browser, base, "giamdoc", api.passwords.giamdoc ?? "");
    await leader.goto(`${base}#/plans/${planId}/summary`);
    await leader.getByText("Trích yếu:").waitFor();
    await leader.getByText("Kết quả bảo đảm an toàn trường học năm 2026").waitFor();
    await expect(leader.getByRole("button", { name: "Lưu", exact: true }).count()).resolves.toBe(0);
  });
});
