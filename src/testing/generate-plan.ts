// Plans made up for load tests and benchmarks (used by tests and bench/, not by the product): realistic shape, any size, never copies of real ones.

const UNITS = [
  "Văn phòng Sở",
  "Phòng Giáo dục Tiểu học",
  "Phòng Giáo dục Trung học",
  "Phòng Tổ chức cán bộ",
  "Thanh tra Sở",
];
const TIMES = [
  "Thường xuyên",
  "Quý II/2026",
  "Trước ngày 30/6/2026",
  "Định kỳ trước ngày 15/6 và 15/12 hằng năm",
  "Tháng 11/2026",
];
const TOPICS = [
  "chuyển đổi số",
  "an toàn trường học",
  "giáo dục thể chất",
  "hội nhập quốc tế",
  "phòng chống dịch bệnh",
  "xây dựng trường chuẩn",
];

/** A plan with `tasks` tasks; `seed` makes it unique (number, title, wording). */
export function generatePlan(seed: number, tasks: number): string {
  const topic = TOPICS[seed % TOPICS.length] ?? "công tác";
  const lines = [
    "UBND TỈNH AN BÌNH                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO                       Độc lập - Tự do - Hạnh phúc",
    "",
    `Số: ${1000 + seed}/KH-SGDĐT                  An Bình, ngày ${1 + (seed % 28)} tháng ${1 + (seed % 12)} năm 2026`,
    "",
    "KẾ HOẠCH",
    `Triển khai ${topic} năm 2026, đợt ${seed}`,
    "",
    `Thực hiện Kế hoạch số ${seed % 90}/KH-UBND ngày 15/01/2026 của Ủy ban nhân dân tỉnh An Bình;`,
    "",
    "I. MỤC ĐÍCH, YÊU CẦU",
    `- Triển khai hiệu quả ${topic} trong toàn ngành.`,
    "",
    "II. NHIỆM VỤ",
  ];
  for (let i = 1; i <= tasks; i++) {
    lines.push(
      `${i}. Nhiệm vụ ${i} về ${topic} (đợt ${seed})`,
      `- Nội dung: Tổ chức thực hiện nội dung ${i} của kế hoạch ${topic}, báo cáo kết quả.`,
      `- Đơn vị chủ trì: ${UNITS[i % UNITS.length]}`,
      `- Đơn vị phối hợp: ${UNITS[(i + 1) % UNITS.length]}; ${UNITS[(i + 2) % UNITS.length]}`,
      `- Thời gian thực hiện: ${TIMES[i % TIMES.length]}`,
      "",
    );
  }
  lines.push(
    "III. TỔ CHỨC THỰC HIỆN",
    "1. Văn phòng Sở",
    "Theo dõi, tổng hợp, báo cáo Giám đốc Sở trước ngày 20/12/2026.",
    "",
    "Nơi nhận:",
    "- Như trên;",
    "- Lưu: VT.",
    "",
    "KT. GIÁM ĐỐC",
    "PHÓ GIÁM ĐỐC",
    "",
    "Nguyễn Văn An",
  );
  return lines.join("\n");
}
