// A plan typed without diacritics, in the browser: uploaded, its review says the marks were restored,
// marks each word restored (and each to check) with what was done, and shows the text as it came
// beside the restored one.

import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../shared-corpus.js";
import { type DemoSite, HAS_CHROMIUM, startDemoSite } from "./harness.js";

const UNMARKED = join(PROJECT_ROOT, "test", "fixtures", "ke-hoach-khong-dau.txt");

describe.skipIf(!HAS_CHROMIUM)("a plan without diacritics in the browser", () => {
  let site: DemoSite;
  beforeAll(async () => {
    site = await startDemoSite();
  }, 90_000);
  afterAll(async () => site?.close());

  it("is reviewed restored, its changed words marked, the original beside it", async () => {
    const officer = await site.signIn("vanthu");
    await officer.getByLabel("Nhập kế hoạch (.txt, .doc, .docx, .pdf, .html, .md)").setInputFiles(UNMARKED);
    await officer.getByRole("heading", { name: /Rà soát trước khi công bố/ }).waitFor({ timeout: 60_000 });
    await officer
      .getByRole("note")
      .getByText(/^Văn bản không dấu đã được phục hồi dấu tự động: \d+ từ đã sửa, \d+ từ cần kiểm tra\.$/)
      .waitFor();
    const source = officer.locator("#source-text");
    expect(await source.textContent()).toContain("KẾ HOẠCH\nTriển khai công tác bồi dưỡng giáo viên");
    // Each restored word says what it was; a word to check says what else it might be.
    const hoach = source.locator("mark.word-restored", { hasText: /^HOẠCH$/ }).first();
    expect(await hoach.getAttribute("title")).toBe("đã phục hồi dấu: HOACH → HOẠCH");
    for (const title of await source
      .locator("mark.word-uncertain")
      .evaluateAll((marks) => marks.map((m) => m.getAttribute("title"))))
      expect(title).toMatch(/^chưa chắc chắn: \S+(?: hay \S+)?\?/);
    // The text as it was imported, beside the restored one.
    const beside = officer.getByRole("button", { name: "Xem bản không dấu bên cạnh" });
    await beside.click();
    expect(await beside.getAttribute("aria-pressed")).toBe("true");
    await officer.getByRole("heading", { name: "Bản gốc không dấu" }).waitFor();
    expect(await officer.locator("#original-text").textContent()).toContain(
      "KE HOACH\nTrien khai cong tac boi duong giao vien",
    );
    await site.shot(officer, "restored-text-review");
    await officer.close();
  }, 120_000);
});
