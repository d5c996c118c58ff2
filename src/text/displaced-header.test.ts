import { describe, expect, it } from "vitest";
import { liftDisplacedHeader } from "./displaced-header.js";

const BODY = [
  "KẾ HOẠCH",
  "Triển khai thực hiện Chỉ thị số 30/CT-TTg ngày 29/8/2024 của Thủ tướng Chính phủ",
  "I. MỤC ĐÍCH, YÊU CẦU",
  "1. Mục đích",
  "- Nâng cao nhận thức của các cơ quan, tổ chức.",
];
const HEADER = [
  "ỦY BAN NHÂN DÂN",
  "TỈNH NINH BÌNH",
  "Số: /KH-UBND",
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "Độc lập - Tự do - Hạnh phúc",
  "Ninh Bình, ngày tháng 11 năm 2024",
];

describe("liftDisplacedHeader", () => {
  it("moves a header that a PDF's text layer put after the first page's body back to the top", () => {
    const text = [...BODY, ...HEADER, "", "II. NHIỆM VỤ, GIẢI PHÁP"].join("\n");
    expect(liftDisplacedHeader(text).split("\n")).toEqual([
      ...HEADER,
      "",
      ...BODY,
      "",
      "II. NHIỆM VỤ, GIẢI PHÁP",
    ]);
  });

  it("leaves a header already on top, and a decision whose plan follows it, as they are", () => {
    const onTop = [...HEADER, "", ...BODY].join("\n");
    expect(liftDisplacedHeader(onTop)).toBe(onTop);
    const decision = [...HEADER, "QUYẾT ĐỊNH", "Ban hành Kế hoạch", "Điều 1.", ...BODY].join("\n");
    expect(liftDisplacedHeader(decision)).toBe(decision);
  });

  it("moves no motto quoted in the body without a number or a date beside it", () => {
    const text = [...BODY, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "- Tiếp tục tuyên truyền."].join("\n");
    expect(liftDisplacedHeader(text)).toBe(text);
  });
});
