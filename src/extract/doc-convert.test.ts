// Old Word files: a plan saved as .doc (Word 97–2003) by LibreOffice at test time, with its task
// table, is read back like the .docx it is converted to. Skipped with a notice without LibreOffice.

import { describe, expect, it } from "vitest";
import { parsePlan } from "../parse/parse-plan.js";
import { docConversionAvailable } from "./doc-convert.js";
import { extractText } from "./extract.js";
import { DOC_PLAN_HTML, saveAsDoc } from "./test-files.js";

const SOFFICE = await docConversionAvailable();
if (!SOFFICE) console.warn("[kehoach] LibreOffice (soffice) not found: the .doc tests are skipped.");

describe.skipIf(!SOFFICE)("old Word files (.doc)", () => {
  it("reads a .doc plan, its header and its task table", async () => {
    const doc = await saveAsDoc(DOC_PLAN_HTML);
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
