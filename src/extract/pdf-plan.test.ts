// A plan printed to PDF the way an office prints one (a header table, wrapped lines), by Debian's
// Chromium at test time, read back through the PDF path: the text layer a PDF printer makes is
// what agencies send when they do not scan. Skipped with a notice where Chromium is missing.
//
// Printed in each of several named faces, never the machine's default: what PDF.js makes of a
// page (runs of text, where they start and end) depends on the face, and the reading must not.

import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";
import { getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPlan } from "../parse/is-plan.js";
import { parsePlan } from "../parse/parse-plan.js";
import { extractText, OCR_NOTE } from "./extract.js";
import { ocrAvailable } from "./ocr.js";

const CHROMIUM = "/usr/bin/chromium";
const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM) console.warn("[kehoach] /usr/bin/chromium not found: the printed-PDF test is skipped.");

// The faces, each installed by .ci/run from the Debian package named, each for what it does to
// the runs PDF.js reads from the PDF:
const FACES = [
  // Times New Roman's widths, which most plans are set in; Chromium prints `serif` in it where
  // fonts-liberation is installed (chromium-common recommends it). Its first version, that one,
  // has no Vietnamese letters: "ộ" comes from a fallback face, and PDF.js starts a run at each
  // change of face ("N" | "ộ" | "i dung"). Printed in it, the 45-row table below read as 0 tasks.
  { family: "Liberation Serif", debian: "fonts-liberation", fragments: false },
  // Wide: cells wrap onto more lines.
  { family: "DejaVu Serif", debian: "fonts-dejavu-core", fragments: false },
  // A cell's text comes within 0.6 of the type size of the next cell's, and PDF.js joins the two
  // into one run ("Trung tâm Y tế huyện 10 Văn phòng Sở"): 36 of 45 rows read wrong.
  { family: "FreeSans", debian: "fonts-freefont-ttf", fragments: false },
  // Helvetica's widths (URW's, which ghostscript brings along), and no Vietnamese letters in any
  // version: the pieces asserted below.
  { family: "Nimbus Sans", debian: "fonts-urw-base35", fragments: true },
];

// Written for kehoach after the layout of Decree 30/2020/NĐ-CP.
const planHtml = (family: string) => `<html><body style="font-family: '${family}'; font-size: 13pt">
<table style="width:100%"><tr>
  <td style="text-align:center"><b>UBND TỈNH AN BÌNH<br>SỞ Y TẾ</b></td>
  <td style="text-align:center"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><b>Độc lập - Tự do - Hạnh phúc</b></td>
</tr><tr>
  <td style="text-align:center">Số: 77/KH-SYT</td>
  <td style="text-align:center"><i>An Bình, ngày 2 tháng 2 năm 2026</i></td>
</tr></table>
<p style="text-align:center"><b>KẾ HOẠCH</b><br><b>Phòng, chống dịch bệnh mùa hè năm 2026</b></p>
<p><b>I. NHIỆM VỤ</b></p>
<p>1. Giám sát dịch bệnh</p>
<p>- Đơn vị chủ trì: Trung tâm Kiểm soát bệnh tật</p>
<p>- Thời gian thực hiện: Quý II/2026</p>
<p>2. Truyền thông phòng, chống dịch bệnh trên các phương tiện thông tin đại chúng của tỉnh, tập trung
vào các nhóm nguy cơ cao và các địa bàn có nhiều ca bệnh trong năm trước</p>
<p>- Đơn vị chủ trì: Phòng Nghiệp vụ Y</p>
<p>- Đơn vị phối hợp: Trung tâm Kiểm soát bệnh tật, Văn phòng Sở</p>
<p>- Thời gian thực hiện: Trước ngày 30/4/2026</p>
</body></html>`;

let browser: Browser | undefined;
beforeAll(async () => {
  if (HAS_CHROMIUM) browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

/** Prints a page to PDF in Chromium, as an office prints a plan. */
async function printToPdf(html: string): Promise<Buffer> {
  const page = await (browser as Browser).newPage();
  try {
    await page.setContent(html);
    return await page.pdf({ format: "A4" });
  } finally {
    await page.close();
  }
}

/** True when Chromium has the face: text set in it measures otherwise than in its fallback. */
async function hasFace(family: string): Promise<boolean> {
  const page = await (browser as Browser).newPage();
  try {
    // (A string: the page's DOM is not among the types the tests are compiled with.)
    const measure = `(() => {
      const context = document.createElement("canvas").getContext("2d");
      const width = (font) => {
        context.font = "40px " + font;
        return context.measureText("Kế hoạch mmmwww iiilll 0123").width;
      };
      return width(${JSON.stringify(`'${family}', monospace`)}) !== width("monospace");
    })()`;
    return (await page.evaluate(measure)) === true;
  } finally {
    await page.close();
  }
}

/** The runs of text PDF.js reads from the printed PDF, as it gives them. */
async function runsOf(pdf: Buffer): Promise<string[]> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const runs: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    for (const item of content.items) if ("str" in item && item.str.trim()) runs.push(item.str);
  }
  return runs;
}

describe.skipIf(!HAS_CHROMIUM).each(FACES)(
  "a plan printed to PDF in $family",
  ({ family, debian, fragments }) => {
    it(`has the face to print in (Debian package ${debian}, installed by .ci/run)`, async () => {
      expect(await hasFace(family), `${family} is not installed: apt-get install ${debian}`).toBe(true);
    });

    it("reads its header, its wrapped task title, its units and deadlines", async () => {
      const pdf = await printToPdf(planHtml(family));
      const { format, text, repaired } = await extractText(pdf);
      expect(format).toBe("pdf");
      expect(repaired).toBeUndefined();
      const plan = parsePlan(text);
      expect(isPlan(plan).ok).toBe(true);
      expect(plan.document).toMatchObject({
        number: "77/KH-SYT",
        issuer: "Sở Y tế",
        parentIssuer: "UBND tỉnh An Bình",
        date: "2026-02-02",
        title: "Phòng, chống dịch bệnh mùa hè năm 2026",
      });
      expect(plan.tasks.map((t) => [t.id, t.leads, t.cooperators, t.timeframe?.due])).toEqual([
        ["I.1", ["Trung tâm Kiểm soát bệnh tật"], [], "2026-06-30"],
        ["I.2", ["Phòng Nghiệp vụ Y"], ["Trung tâm Kiểm soát bệnh tật", "Văn phòng Sở"], "2026-04-30"],
      ]);
      expect(plan.tasks[1]?.title).toMatch(/^Truyền thông phòng, chống dịch bệnh .* trong năm trước$/);
    }, 60_000);

    it("reads a task table (Phụ lục) whose cells wrap, one task per row", async () => {
      const html = `<html><body style="font-family: '${family}'; font-size: 12pt">
      <p><b>SỞ Y TẾ</b></p><p>Số: 78/KH-SYT</p><p>An Bình, ngày 3 tháng 2 năm 2026</p>
      <p style="text-align:center"><b>KẾ HOẠCH</b><br><b>Tiêm chủng mở rộng năm 2026</b></p>
      <p><b>I. NHIỆM VỤ</b></p><p>Chi tiết tại Phụ lục kèm theo.</p>
      <p style="text-align:center"><b>PHỤ LỤC</b></p>
      <table border="1" style="border-collapse:collapse;width:100%">
        <tr><th>STT</th><th>Nội dung</th><th>Đơn vị chủ trì</th><th>Đơn vị phối hợp</th><th>Thời gian</th></tr>
        <tr><td>1</td><td>Tập huấn cán bộ y tế xã về tiêm chủng an toàn</td><td>Trung tâm Kiểm soát bệnh tật</td>
            <td>Trung tâm Y tế các huyện</td><td>Quý I/2026</td></tr>
        <tr><td>2</td><td>Kiểm tra, giám sát</td><td>Phòng Nghiệp vụ Y</td><td>Văn phòng Sở</td><td>Tháng 10/2026</td></tr>
      </table></body></html>`;
      const pdf = await printToPdf(html);
      const plan = parsePlan((await extractText(pdf)).text);
      expect(plan.tasks.map((t) => [t.title, t.leads, t.cooperators, t.timeframe?.due])).toEqual([
        [
          "Tập huấn cán bộ y tế xã về tiêm chủng an toàn",
          ["Trung tâm Kiểm soát bệnh tật"],
          ["Trung tâm Y tế các huyện"],
          "2026-03-31",
        ],
        ["Kiểm tra, giám sát", ["Phòng Nghiệp vụ Y"], ["Văn phòng Sở"], "2026-10-31"],
      ]);
    }, 60_000);

    it("reads a table that runs over several pages, with a heading that wraps", async () => {
      const pdf = await printToPdf(longTableHtml(family));
      if (fragments) {
        // What this face is here for: the heading's words come in pieces, a piece to each face.
        expect(await runsOf(pdf)).not.toContain("Nội dung");
      }
      const plan = parsePlan((await extractText(pdf)).text);
      expect(plan.tasks).toHaveLength(45);
      for (const i of [1, 30, 45]) {
        const task = plan.tasks[i - 1];
        expect(task?.leads).toEqual([`Trung tâm Y tế huyện ${i}`]);
        expect(task?.cooperators).toEqual(["Văn phòng Sở"]);
        expect(task?.timeframe?.text).toBe(`Quý ${QUARTERS[i % 4]}/2026`);
      }
    }, 60_000);

    it("reads a table whose neighbouring cells PDF.js gives as one run, cell by cell", async () => {
      // Cells on one line each, as wide as their widest text: where a unit's name fills its column,
      // the next cell's text follows within 0.6 of the type size and PDF.js joins the two
      // ("Trung tâm Y tế huyện 12 Văn phòng Sở"), in every face.
      const pdf = await printToPdf(longTableHtml(family, true));
      expect((await runsOf(pdf)).some((run) => /\d Văn phòng S/.test(run))).toBe(true);
      const plan = parsePlan((await extractText(pdf)).text);
      expect(plan.tasks).toHaveLength(45);
      for (const i of [1, 12, 30, 45]) {
        const task = plan.tasks[i - 1];
        expect(task?.leads).toEqual([`Trung tâm Y tế huyện ${i}`]);
        expect(task?.cooperators).toEqual(["Văn phòng Sở"]);
        expect(task?.timeframe?.text).toBe(`Quý ${QUARTERS[i % 4]}/2026`);
      }
    }, 60_000);
  },
);

const QUARTERS = ["I", "II", "III", "IV"];

/**
 * A plan whose task table of 45 rows runs over two pages; `tight`: its cells one line each, with
 * Chromium's least padding (a pixel), the table as wide as they make it, in 10 points.
 */
function longTableHtml(family: string, tight = false): string {
  let rows = "";
  for (let i = 1; i <= 45; i++)
    rows += `<tr><td>${i}</td><td>Nhiệm vụ số ${i} về công tác tiêm chủng tại cơ sở</td><td>Trung tâm Y tế huyện ${i}</td><td>Văn phòng Sở</td><td>Quý ${QUARTERS[i % 4]}/2026</td></tr>`;
  const table = tight ? "border-collapse:collapse;font-size:10pt" : "border-collapse:collapse;width:100%";
  const cells = tight ? "td { padding: 0 1px; white-space: nowrap }" : "";
  return `<html><head><style>${cells}</style></head><body style="font-family: '${family}'; font-size: 12pt">
      <p><b>SỞ Y TẾ</b></p><p>Số: 79/KH-SYT</p><p>An Bình, ngày 3 tháng 2 năm 2026</p>
      <p style="text-align:center"><b>KẾ HOẠCH</b><br><b>Tiêm chủng năm 2026</b></p>
      <p><b>I. NHIỆM VỤ</b></p><p>Chi tiết tại Phụ lục.</p><p style="text-align:center"><b>PHỤ LỤC</b></p>
      <table border="1" style="${table}">
        <tr><th>STT</th><th>Nội dung</th><th>Đơn vị chủ trì</th><th>Đơn vị phối hợp</th><th>Thời gian</th></tr>
        ${rows}
      </table></body></html>`;
}

const OCR = HAS_CHROMIUM && (await ocrAvailable());

describe.skipIf(!OCR).each(FACES)("a plan in $family scanned to PDF", ({ family }) => {
  it("reads a page that is only a picture of the plan by OCR, and says so", async () => {
    // The printed page as a picture (as an office copier makes it), then a PDF of only that picture.
    const page = await (browser as Browser).newPage({
      viewport: { width: 900, height: 1100 },
      deviceScaleFactor: 2,
    });
    let pdf: Buffer;
    try {
      await page.setContent(planHtml(family));
      const picture = (await page.screenshot({ fullPage: true })).toString("base64");
      await page.setContent(
        `<html><body style="margin:0"><img style="width:100%" src="data:image/png;base64,${picture}"></body></html>`,
      );
      pdf = await page.pdf({ format: "A4" });
    } finally {
      await page.close();
    }
    const { text, ocr, notes } = await extractText(pdf);
    expect(ocr).toBe(true);
    expect(notes).toContain(OCR_NOTE);
    const plan = parsePlan(text);
    expect(isPlan(plan).ok).toBe(true);
    expect(plan.document).toMatchObject({ number: "77/KH-SYT", date: "2026-02-02" });
    expect(plan.tasks.map((t) => [t.leads, t.timeframe?.due])).toEqual([
      [["Trung tâm Kiểm soát bệnh tật"], "2026-06-30"],
      [["Phòng Nghiệp vụ Y"], "2026-04-30"],
    ]);
  }, 120_000);
});
