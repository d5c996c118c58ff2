import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FILES, HAS_FILES } from "../../test/shared-corpus.js";
import { extractText } from "../extract/extract.js";
import { ocrAvailable } from "../extract/ocr.js";
import { isPlan } from "./is-plan.js";
import { parsePlanWithText } from "./parse-plan.js";

// OCR (tesseract-ocr-vie, poppler-utils) is installed by .ci/run; elsewhere the scan is skipped.
const ocr = await ocrAvailable();

const verdict = (text: string) => {
  const { plan, text: read } = parsePlanWithText(text);
  return isPlan(plan, read);
};

// The head of a report as departments write one (Decree 30/2020's layout, type code BC).
const REPORT = `UBND THÀNH PHỐ HẢI PHÒNG
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 245/BC-SGDĐT                     Hải Phòng, ngày 20 tháng 12 năm 2025
BÁO CÁO
Kết quả thực hiện Kế hoạch số 193/KH-UBND năm 2025
I. KẾT QUẢ THỰC HIỆN
1. Công tác tuyên truyền
Sở đã tổ chức 12 hội nghị; các phòng chủ trì, phối hợp thực hiện trước ngày 30/6/2025.
II. NHIỆM VỤ NĂM 2026
1. Tiếp tục triển khai Kế hoạch`;

// A letter: no type code in its number, a subject line and an addressee.
const LETTER = `UBND TỈNH LÀO CAI
SỞ CÔNG THƯƠNG
Số: 3036/SCT-CN                     Lào Cai, ngày 28 tháng 5 năm 2026
V/v kế hoạch kiểm tra công tác nghiệm thu kho chứa vật liệu nổ công nghiệp
Kính gửi: Công ty cổ phần Năng lượng Bảo Long
Sở Công Thương thông báo kế hoạch kiểm tra như sau:
1. Thời gian: ngày 05/6/2026.
2. Thành phần đoàn kiểm tra: phòng Quản lý Công nghiệp chủ trì, phối hợp với Phòng Cảnh sát PCCC.`;

describe("isPlan", () => {
  it("names the kind of a document that is not a plan", () => {
    expect(verdict(REPORT)).toMatchObject({
      ok: false,
      kind: "báo cáo",
      reason: "Đây là báo cáo, không phải kế hoạch",
    });
    expect(verdict(LETTER)).toMatchObject({ ok: false, kind: "công văn" });
    expect(
      verdict(REPORT.replace("245/BC-SGDĐT", "245/TTr-SGDĐT").replace("BÁO CÁO", "TỜ TRÌNH")),
    ).toMatchObject({
      kind: "tờ trình",
    });
  });

  it("takes a plan for a plan, whether its number, its heading or the decision that issues it says so", () => {
    expect(verdict(REPORT.replace("245/BC-SGDĐT", "245/KH-SGDĐT").replace("BÁO CÁO", "KẾ HOẠCH")).ok).toBe(
      true,
    );
    // A plan whose number was left blank and which cites a report: its heading says what it is.
    expect(verdict(REPORT.replace("245/BC-SGDĐT", "/SGDĐT").replace("BÁO CÁO", "KẾ HOẠCH")).ok).toBe(true);
    const decision = `ỦY BAN NHÂN DÂN TỈNH SƠN LA
Số: 254/QĐ-UBND                     Sơn La, ngày 10 tháng 2 năm 2023
QUYẾT ĐỊNH
Ban hành Kế hoạch thực hiện công tác bảo vệ bí mật nhà nước
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện công tác bảo vệ bí mật nhà nước.
Điều 2. Quyết định có hiệu lực kể từ ngày ký.
KẾ HOẠCH
Thực hiện công tác bảo vệ bí mật nhà nước
(Ban hành kèm theo Quyết định số 254/QĐ-UBND ngày 10/02/2023)
I. NHIỆM VỤ
1. Tuyên truyền, phổ biến
- Đơn vị chủ trì: Công an tỉnh`;
    expect(verdict(decision).ok).toBe(true);
  });

  it.skipIf(!HAS_FILES)(
    "refuses the real letter 3036/SCT-CN (PDF with shifted glyph codes) as a letter",
    async () => {
      const file = join(FILES, "3036_SCT-CN_KHKTNT_kho-VLNCN_MongSen1_3.6.2026.pdf");
      const { text } = await extractText(new Uint8Array(readFileSync(file)), { fileName: file });
      expect(verdict(text)).toMatchObject({ ok: false, kind: "công văn" });
    },
  );

  it.skipIf(!HAS_FILES || !ocr)(
    "refuses the real scanned letter CV-813 (read by OCR) as a letter",
    async () => {
      const file = join(FILES, "CV-813-CucHoaChat-scan.pdf");
      const { text } = await extractText(new Uint8Array(readFileSync(file)), { fileName: file });
      expect(verdict(text)).toMatchObject({ ok: false, kind: "công văn" });
    },
  );
});
