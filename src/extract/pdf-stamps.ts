// The number and date a digital signature stamps on a plan. Plans signed with the State's signing
// service leave the numeral and the day blank in the page ("Số:      /KH-SGDĐT", "Đồng Tháp, ngày
// tháng 4 năm 2026") and print them as the appearance of signature fields laid over the blanks.
// PDF.js gives a page's text without those appearances; Poppler's pdftotext draws them into the
// text ("Số: 362 /KH-SGDĐT", "ngày 14 tháng 4 năm 2026"). So where the first page's number or day is
// blank and pdftotext is installed (poppler-utils, as for OCR), the blanks are filled from its
// reading of that page — only the blanks, and only where the rest of the line agrees.

import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runTool } from "./external-tool.js";

const TOOL = { memoryBytes: 512 * 1024 * 1024, timeoutMs: 20_000 };

// "Số:      /KH-SGDĐT" | "Số: /KH-THPT.PB": a number whose numeral is blank
const BLANK_NUMBER = /(Số\s*:?)[ \t]*(\/[ \t]*[\p{Lu}Đ][\p{L}\d.&\-–]*)/u;
// "Số: 362 /KH-SGDĐT": the same number as the stamp draws it
const STAMPED_NUMBER = /Số\s*:?[ \t]*(\d{1,6})[ \t]*\/[ \t]*([\p{Lu}Đ][\p{L}\d.&\-–]*)/u;
// "ngày      tháng 4 năm 2026" | "ngày   tháng   năm 2026": a day (and month) left blank
const BLANK_DATE = /ngày[ \t]*(\d{1,2})?[ \t]*tháng[ \t]*(\d{1,2})?[ \t]*năm[ \t]*(\d{4})/u;
const STAMPED_DATE = /ngày[ \t]*(\d{1,2})[ \t]*tháng[ \t]*(\d{1,2})[ \t]*năm[ \t]*(\d{4})/u;

/** Where the first page's header holds a blank numeral or day that a stamp may fill. */
export function headerHasBlanks(text: string): boolean {
  const head = text.slice(0, 1500);
  const date = BLANK_DATE.exec(head);
  return BLANK_NUMBER.test(head) || (date !== null && (!date[1] || !date[2]));
}

/**
 * Fills the header's blank numeral and day (and month) in `text` from `stamped`, the first page as
 * pdftotext reads it: "Số: /KH-SGDĐT" + "Số: 362 /KH-SGDĐT" → "Số: 362/KH-SGDĐT". A blank is filled
 * only from a reading whose code (or month and year) is the same; anything else is left as it was.
 */
export function fillStampedHeader(text: string, stamped: string): string {
  let out = text;
  const head = out.slice(0, 1500);
  const blank = BLANK_NUMBER.exec(head);
  const number = STAMPED_NUMBER.exec(stamped);
  if (blank && number && sameCode(blank[2] ?? "", number[2] ?? "")) {
    const at = blank.index;
    out = `${out.slice(0, at)}${blank[1]} ${number[1]}${(blank[2] ?? "").replace(/^\/[ \t]*/, "/")}${out.slice(at + blank[0].length)}`;
  }
  const date = BLANK_DATE.exec(out.slice(0, 1500));
  const stampedDate = STAMPED_DATE.exec(stamped);
  if (date && stampedDate && (!date[1] || !date[2])) {
    const [, day, month, year] = stampedDate;
    const agrees = date[3] === year && (!date[2] || Number(date[2]) === Number(month));
    if (agrees) {
      const at = date.index;
      out = `${out.slice(0, at)}ngày ${day} tháng ${date[2] ?? month} năm ${year}${out.slice(at + date[0].length)}`;
    }
  }
  return out;
}

function sameCode(a: string, b: string): boolean {
  const key = (s: string) => s.replace(/^\//, "").replace(/\s+/g, "").toUpperCase();
  return key(a) === key(b);
}

/** The first page as pdftotext reads it, signature appearances included; null where it cannot. */
export async function firstPageWithStamps(bytes: Uint8Array, workDir?: string): Promise<string | null> {
  const dir = await mkdtemp(join(workDir ?? tmpdir(), "kehoach-stamps-"));
  try {
    const pdf = join(dir, "plan.pdf");
    await writeFile(pdf, bytes);
    return await runTool("pdftotext", ["-f", "1", "-l", "1", "-enc", "UTF-8", pdf, "-"], TOOL);
  } catch {
    // No poppler-utils here, or a file it cannot read: the blanks stay blank (and are warned about).
    return null;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
