import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ocrAvailable } from "./ocr.js";
import { fillStampedHeader, headerHasBlanks } from "./pdf-stamps.js";
import { pdfText } from "./pdf-text.js";

// What PDF.js and pdftotext read of the first page of 362/KH-SGDĐT (Sở GD&ĐT Đồng Tháp, 2026):
// the numeral and the day are the appearances of the signature's fields.
const PDFJS = "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: /KH-SGDĐT Đồng Tháp, ngày tháng 4 năm 2026\nKẾ HOẠCH";
const POPPLER =
  "SỞ GIÁO DỤC VÀ ĐÀO TẠO\n\nSố: 362 /KH-SGDĐT\n\nĐồng Tháp, ngày 14 tháng 4 năm 2026\n\nKẾ HOẠCH";

describe("fillStampedHeader", () => {
  it("fills the blank numeral and day from the stamped reading", () => {
    expect(headerHasBlanks(PDFJS)).toBe(true);
    expect(fillStampedHeader(PDFJS, POPPLER)).toBe(
      "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 362/KH-SGDĐT Đồng Tháp, ngày 14 tháng 4 năm 2026\nKẾ HOẠCH",
    );
  });

  it("fills nothing from a reading whose code, month or year is not the page's", () => {
    expect(
      fillStampedHeader(PDFJS, POPPLER.replace("/KH-SGDĐT", "/TB-SGDĐT").replace("tháng 4", "tháng 5")),
    ).toBe(PDFJS);
    expect(fillStampedHeader(PDFJS, POPPLER.replace("năm 2026", "năm 2025")).includes("ngày 14")).toBe(false);
  });

  it("leaves a header with nothing blank as it is", () => {
    const full = "Số: 12/KH-UBND Hà Nội, ngày 3 tháng 5 năm 2026";
    expect(headerHasBlanks(full)).toBe(false);
    expect(fillStampedHeader(full, POPPLER)).toBe(full);
  });
});

// A signed PDF from the project's own corpus (test/corpus/SOURCES.md, document 31).
const corpus = join(import.meta.dirname, "../../test/corpus/docs");
const signed = readdirSync(corpus).find((f) => f.startsWith("31_") && f.endsWith(".pdf"));
const poppler = await ocrAvailable();
if (!poppler)
  console.warn(
    "pdf-stamps.test: poppler-utils not installed (.ci/run installs it): the signed PDF is not read",
  );

describe.skipIf(!poppler || !signed)("pdfText on a plan signed with the State's signing service", () => {
  it("reads the number and date the signature stamps over the blanks", async () => {
    const { text } = await pdfText(new Uint8Array(readFileSync(join(corpus, signed ?? ""))));
    expect(text.slice(0, 400)).toContain("362/KH-SGDĐT");
    expect(text.slice(0, 400)).toContain("ngày 14 tháng 4 năm 2026");
  });
});
