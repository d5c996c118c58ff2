import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../test/shared-corpus.js";
import { dutiesAsWork, planPeriod } from "./duty-work.js";
import { parsePlanWithText } from "./parse-plan.js";

const duties = (text: string) => {
  const { plan, text: read } = parsePlanWithText(text);
  return dutiesAsWork(plan, read);
};
const project = (path: string) => readFileSync(join(PROJECT_ROOT, path), "utf8");

describe("the time a plan runs, from its title", () => {
  it.each([
    [
      "Hội nhập quốc tế ngành Giáo dục và Đào tạo Hải Phòng năm 2022",
      { kind: "deadline", due: "2022-12-31" },
    ],
    ["Kế hoạch thực hiện nhiệm vụ năm học 2025-2026", { kind: "range", end: "2026-05-31" }],
    [
      "Nâng cao chất lượng giáo dục mầm non giai đoạn 2025 - 2035, tầm nhìn đến năm 2045",
      { kind: "range", end: "2035-12-31" },
    ],
    ["Thuc hien chuyen doi so nam 2026", { kind: "deadline", due: "2026-12-31" }],
  ])("%s", (title, expected) => {
    expect(planPeriod(title, { year: null })).toMatchObject(expected);
  });

  it("names no time where the title names none", () => {
    expect(
      planPeriod("Triển khai Nghị quyết số 1035/NQ-UBTVQH15 ngày 10/02/2022", { year: 2022 }),
    ).toBeNull();
    expect(planPeriod(null, { year: 2022 })).toBeNull();
  });
});

describe("duties of 'Tổ chức thực hiện' as work", () => {
  it("gives each duty of the sample plan to its units, dated by the plan's year, with its source", () => {
    const text = project("examples/ke-hoach-mau.txt");
    const { text: read } = parsePlanWithText(text);
    const found = duties(text);
    expect(
      found.map((d) => [d.key, d.leads, d.timeframe?.kind === "deadline" ? d.timeframe.due : null]),
    ).toEqual([
      ["PC-IV.1", ["Văn phòng Sở"], "2026-12-31"],
      ["PC-IV.2", ["Các phòng thuộc Sở", "các đơn vị trực thuộc"], "2026-12-31"],
    ]);
    expect(found[0]?.title).toBe("Là đầu mối theo dõi, đôn đốc việc thực hiện Kế hoạch");
    // The duty's text is found where the plan prints it.
    const [start, end] = found[0]?.span ?? [0, 0];
    expect(read.slice(start, end)).toContain("Là đầu mối theo dõi");
  });

  it("takes a duty's own completion clause over the plan's period, and drops list marks from titles", () => {
    const found = duties(`SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 12/KH-SGDĐT
KẾ HOẠCH
Bồi dưỡng giáo viên năm 2026
I. NHIỆM VỤ
1. Tổ chức tập huấn
- Đơn vị chủ trì: Phòng Giáo dục Trung học
II. TỔ CHỨC THỰC HIỆN
1. Phòng Giáo dục Trung học
a) Hướng dẫn các trường xây dựng kế hoạch bồi dưỡng; hoàn thành trước ngày 30/9/2026.
b) Tổng hợp kết quả bồi dưỡng của các trường.
2. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị phản ánh về Văn phòng Sở để được hướng dẫn.
`);
    expect(found.map((d) => [d.key, d.title, d.timeframe?.due])).toEqual([
      ["PC-II.1-1", "Hướng dẫn các trường xây dựng kế hoạch bồi dưỡng", "2026-09-30"],
      ["PC-II.1-2", "Tổng hợp kết quả bồi dưỡng của các trường", "2026-12-31"],
    ]);
  });

  it("leaves a duty that only reports to the plan's reporting duty", () => {
    expect(duties(project("test/fixtures/ke-hoach-ubnd-tinh.txt"))).toEqual([]);
  });

  it("tracks once a piece of work the task list already holds", () => {
    const found = duties(`UBND TỈNH AN BÌNH
Số: 5/KH-UBND
KẾ HOẠCH
Phòng chống thiên tai năm 2026
I. NHIỆM VỤ
1. Sở Xây dựng rà soát các công trình xung yếu trước mùa mưa bão.
II. TỔ CHỨC THỰC HIỆN
1. Sở Xây dựng
Sở Xây dựng rà soát các công trình xung yếu trước mùa mưa bão.
2. Sở Tài chính
Bố trí kinh phí thực hiện Kế hoạch.
`);
    expect(found.map((d) => d.key)).toEqual(["PC-II.2"]);
  });
});
