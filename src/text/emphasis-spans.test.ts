import { describe, expect, it } from "vitest";
import { joinEmphasisSpans } from "./emphasis-spans.js";

describe("joinEmphasisSpans", () => {
  it("joins a bold or italic run that a web page's source wrapped over lines", () => {
    expect(joinEmphasisSpans("|\n**UỶ BAN NHÂN\nDÂN**\nTỈNH LAI CHÂU\n--------")).toBe(
      "|\n**UỶ BAN NHÂN DÂN**\nTỈNH LAI CHÂU\n--------",
    );
    expect(joinEmphasisSpans("**I. MỤC\nĐÍCH, YÊU CẦU**\n\n**1. Mục đích**")).toBe(
      "**I. MỤC ĐÍCH, YÊU CẦU**\n\n**1. Mục đích**",
    );
    expect(joinEmphasisSpans("*Lai Châu, ngày\n19 tháng 11 năm 2025*\n|")).toBe(
      "*Lai Châu, ngày 19 tháng 11 năm 2025*\n|",
    );
  });

  it("keeps a signature's lines set in bold, split by the closed set of posts", () => {
    expect(joinEmphasisSpans("**KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC**\n\nĐỗ Thị Hòa")).toBe(
      "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nĐỗ Thị Hòa",
    );
    expect(joinEmphasisSpans("**TM. ỦY BAN\nNHÂN DÂN**\nKT. CHỦ TỊCH")).toBe(
      "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH",
    );
  });

  it("joins nothing where a run closes on its own line, never closes, or a blank line comes first", () => {
    for (const text of [
      "**2. **Đối với các nhiệm\nvụ triển khai trong năm 2025",
      "**KẾ HOẠCH\nTriển khai\nthực hiện\nnăm 2026\nvà các năm sau",
      "**Mở\n\nĐóng**",
      "* Nội dung một\n* Nội dung hai*",
      "Không có dấu nhấn\nở dòng nào",
    ])
      expect(joinEmphasisSpans(text)).toBe(text);
  });
});
