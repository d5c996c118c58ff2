// Old Word files: a plan saved as .doc (Word 97–2003) by LibreOffice at test time, with its task
// table, is read back like the .docx it is converted to. Skipped with a notice without LibreOffice.

import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parsePlan } from "../parse/parse-plan.js";
import { docConversionAvailable } from "./doc-convert.js";
import { extractText } from "./extract.js";

const SOFFICE = await docConversionAvailable();
if (!SOFFICE) console.warn("[kehoach] LibreOffice (soffice) not found: the .doc tests are skipped.");

// Written for kehoach: a plan with a header table and a task table, as offices lay them out.
const PLAN_HTML = `<html><head><meta charset="utf-8"></head><body>
<table><tr><td>SỞ Y TẾ</td><td>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</td></tr>
<tr><td>Số: 80/KH-SYT</td><td>An Bình, ngày 4 tháng 2 năm 2026</td></tr></table>
<p>KẾ HOẠCH</p><p>Phòng, chống sốt xuất huyết năm 2026</p>
<p>I. NHIỆM VỤ</p><p>Chi tiết tại Phụ lục.</p><p>PHỤ LỤC</p>
<table><tr><td>STT</td><td>Nội dung</td><td>Đơn vị chủ trì</td><td>Đơn vị phối hợp</td><td>Thời gian</td></tr>
<tr><td>1</td><td>Diệt lăng quăng tại các xã</td><td>Trung tâm Kiểm soát bệnh tật</td><td>Trung tâm Y tế các huyện</td><td>Quý II/2026</td></tr>
<tr><td>2</td><td>Truyền thông phòng bệnh</td><td>Phòng Nghiệp vụ Y</td><td>Văn phòng Sở</td><td>Tháng 7/2026</td></tr></table>
</body></html>`;

/** Saves HTML as a Word 97–2003 file with LibreOffice, as an office's old Word would have. */
async function saveAsDoc(html: string): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), "kehoach-doc-test-"));
  try {
    await writeFile(join(dir, "plan.html"), html);
    await promisify(execFile)(
      "soffice",
      [
        `-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`,
        "--headless",
        "--convert-to",
        "doc:MS Word 97",
        "--outdir",
        dir,
        join(dir, "plan.html"),
      ],
      { timeout: 120_000 },
    );
    return await readFile(join(dir, "plan.doc"));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!SOFFICE)("old Word files (.doc)", () => {
  it("reads a .doc plan, its header and its task table", async () => {
    const doc = await saveAsDoc(PLAN_HTML);
    expect(doc.subarray(0, 4)).toEqual(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    const { format, text } = await extractText(doc);
    expect(format).toBe("doc");
    const plan = parsePlan(text);
    expect(plan.document).toMatchObject({ number: "80/KH-SYT", issuer: "Sở Y tế", date: "2026-02-04" });
    expect(plan.tasks.map((t) => [t.title, t.leads, t.cooperators, t.timeframe?.due])).toEqual([
      [
        "Diệt lăng quăng tại các xã",
        ["Trung tâm Kiểm soát bệnh tật"],
        ["Trung tâm Y tế các huyện"],
        "2026-06-30",
      ],
      ["Truyền thông phòng bệnh", ["Phòng Nghiệp vụ Y"], ["Văn phòng Sở"], "2026-07-31"],
    ]);
  }, 120_000);
});

describe("old Word files without LibreOffice", () => {
  it("are refused with the package it takes", async () => {
    process.env.KEHOACH_SOFFICE = "off";
    try {
      await expect(
        extractText(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])),
      ).rejects.toMatchObject({
        id: "file.unsupported",
        message: expect.stringContaining("libreoffice-writer-nogui"),
      });
    } finally {
      delete process.env.KEHOACH_SOFFICE;
    }
  });
});
