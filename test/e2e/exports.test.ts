// A download in the browser: on a demo plan's page the plan officer downloads its task × unit
// matrix; the file the browser saves is read back with exceljs.

import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cellText, readXlsx, rowsOf } from "../office-files.js";
import { type DemoSite, HAS_CHROMIUM, startDemoSite } from "./harness.js";

describe.skipIf(!HAS_CHROMIUM)("exports in the browser", () => {
  let site: DemoSite;
  beforeAll(async () => {
    site = await startDemoSite();
  }, 90_000);
  afterAll(async () => site?.close());

  it("downloads the plan's matrix from its page, a file Excel opens with every task and unit", async () => {
    const page = await site.signIn("vanthu");
    const plans = (await (await page.request.get(`${site.base}api/v1/plans`)).json()).plans as Array<{
      id: string;
      number: string;
    }>;
    const id = plans.find((p) => p.number === "901/KH-SGDĐT")?.id;
    await page.goto(`${site.base}#/plans/${id}`);
    const downloads = page.getByRole("navigation", { name: "Tải về" });
    await downloads.getByRole("link", { name: "Phụ lục phân công nhiệm vụ (DOCX)" }).waitFor();
    await site.shot(page, "30-plan-downloads");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      downloads.getByRole("link", { name: /^Tình trạng nhiệm vụ × đơn vị/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("tinh-trang-thuc-hien-901-KH-SGDĐT.xlsx");
    const wb = await readXlsx(readFileSync(await download.path()));
    const ws = wb.getWorksheet("Hiện tại");
    if (!ws) throw new Error(`sheets: ${wb.worksheets.map((w) => w.name)}`);
    expect(cellText(ws.getCell("A1"))).toBe(
      "Kế hoạch số 901/KH-SGDĐT: Bảo đảm an toàn trường học năm học 2026-2027 (Bản mẫu của kehoach, không phải văn bản thật)",
    );
    const [heading = []] = rowsOf(ws, 4, 4, 4);
    expect(heading).toEqual(["STT", "Nhiệm vụ", "Phòng Kế hoạch – Tài chính", "Phòng Giáo dục Trung học"]);
    expect(rowsOf(ws, 5, 8, 2)).toEqual([
      ["II.1", "Rà soát cơ sở vật chất trường học"],
      ["II.2", "Tập huấn kỹ năng an toàn cho học sinh"],
      ["II.3", "Kiểm tra công tác an toàn trường học"],
      ["II.4", "Tuyên truyền phòng chống bạo lực học đường"],
    ]);
    // Today's demo: nothing reported yet, every piece of work under way or overdue by the clock.
    expect(["Đang thực hiện trong hạn", "Quá hạn"]).toContain(cellText(ws.getCell("C5")));
    await page.close();
  }, 120_000);
});
