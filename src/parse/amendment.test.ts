import { describe, expect, it } from "vitest";
import { amendedPlanNumber } from "./amendment.js";
import { parsePlanWithText } from "./parse-plan.js";

const head = (title: string, basis: string) => `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 20/KH-SGDĐT                     Hải Phòng, ngày 02 tháng 3 năm 2026

KẾ HOẠCH
${title}

${basis}

I. NHIỆM VỤ
1. Tổ chức tập huấn
- Đơn vị chủ trì: Văn phòng Sở
`;

describe("the plan a plan amends", () => {
  it.each([
    [
      "Điều chỉnh, bổ sung Kế hoạch số 88/KH-UBND ngày 20/02/2026 của UBND tỉnh về chuyển đổi số",
      "Căn cứ Kế hoạch số 88/KH-UBND ngày 20/02/2026 của Ủy ban nhân dân tỉnh;",
      "88/KH-UBND",
    ],
    [
      "Sửa đổi Kế hoạch số 145/KH-SGDĐT ngày 05/01/2026 về bồi dưỡng giáo viên",
      "Căn cứ Kế hoạch số 145/KH-SGDĐT ngày 05/01/2026 của Sở Giáo dục và Đào tạo;",
      "145/KH-SGDĐT",
    ],
  ])("%s", (title, basis, number) => {
    expect(amendedPlanNumber(parsePlanWithText(head(title, basis)).plan)).toBe(number);
  });

  it("is none for a plan that implements another", () => {
    const plan = parsePlanWithText(
      head(
        "Thực hiện Kế hoạch số 88/KH-UBND ngày 20/02/2026 của UBND tỉnh về chuyển đổi số",
        "Căn cứ Kế hoạch số 88/KH-UBND ngày 20/02/2026 của Ủy ban nhân dân tỉnh;",
      ),
    ).plan;
    expect(amendedPlanNumber(plan)).toBeNull();
  });
});
