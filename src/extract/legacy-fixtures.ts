// Files in the legacy Vietnamese encodings, written at test time: a plan written for kehoach in
// Unicode, and Word files whose runs are typed in .VnTime, .VnTimeH and VNI-Times as an office's
// old machine typed them. Nothing here is used outside tests.

import { Document, Packer, Paragraph, TextRun } from "docx";
import { TCVN3, TCVN3_CAPITALS } from "../text/legacy/tcvn3.js";
import { VNI } from "../text/legacy/vni.js";

// Written for kehoach, on the model of a Sở's plan. TCVN3 has no code for a capital with a tone
// outside the capitals font: no mixed-case line opens a word on one ("Ủy ban" is written in VNI).
export const LEGACY_PLAN = `UBND TỈNH AN BÌNH
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 12/KH-SGDĐT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
An Bình, ngày 05 tháng 9 năm 2024

KẾ HOẠCH
Triển khai công tác chuyển đổi số năm học 2024-2025

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao hiệu quả quản lý, dạy và học bằng công nghệ số.
2. Yêu cầu
Các đơn vị triển khai đúng tiến độ, bảo đảm an toàn thông tin.

II. NỘI DUNG
1. Xây dựng cơ sở dữ liệu ngành giáo dục
Đơn vị chủ trì: Phòng Kế hoạch - Tài chính
Đơn vị phối hợp: Văn phòng Sở
Thời gian: Tháng 10/2024
2. Tập huấn kỹ năng số cho giáo viên
Đơn vị chủ trì: Phòng Giáo dục Trung học
Thời gian: Quý IV/2024
3. Kiểm tra việc ứng dụng học bạ số tại các trường
Đơn vị chủ trì: Thanh tra Sở
Đơn vị phối hợp: Phòng Giáo dục Tiểu học
Thời gian: Trước ngày 31/12/2024

III. TỔ CHỨC THỰC HIỆN
Các đơn vị báo cáo kết quả về Sở (qua Văn phòng) trước ngày 20/12/2024.

Nơi nhận:
- Như mục II;
- Lưu: VT.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Nguyễn Văn An
`;

/** A run of a test Word file: its text as stored, and the font it is typed in. */
export interface TypedRun {
  text: string;
  font?: string;
}

/** A Word file, one paragraph a list of runs: `await wordFile([[{ text: "KÕ ho¹ch", font: ".VnTime" }]])`. */
export async function wordFile(
  paragraphs: ReadonlyArray<ReadonlyArray<TypedRun>>,
  options: { defaultFont?: string } = {},
): Promise<Uint8Array> {
  const document = new Document({
    ...(options.defaultFont
      ? { styles: { default: { document: { run: { font: options.defaultFont } } } } }
      : {}),
    sections: [
      {
        children: paragraphs.map(
          (runs) =>
            new Paragraph({
              children: runs.map(
                (run) => new TextRun({ text: run.text, ...(run.font ? { font: run.font } : {}) }),
              ),
            }),
        ),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

const isCapitals = (line: string) => /\p{Lu}/u.test(line) && line === line.toUpperCase();

/** Text typed in TCVN3: capitals lines in .VnTimeH (lower-case codes), the rest in .VnTime. */
export function tcvn3Runs(line: string): TypedRun[] {
  if (isCapitals(line)) return [{ text: TCVN3_CAPITALS.encode(line), font: ".VnTimeH" }];
  return [{ text: TCVN3.encode(line), font: ".VnTime" }];
}

/** Text typed in VNI-Times. */
export function vniRuns(line: string): TypedRun[] {
  return [{ text: VNI.encode(line), font: "VNI-Times" }];
}
