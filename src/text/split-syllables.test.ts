import { describe, expect, it } from "vitest";
import { joinSplitSyllables } from "./split-syllables.js";

describe("joinSplitSyllables", () => {
  it("joins a syllable a text layer broke with spaces", () => {
    expect(joinSplitSyllables("- Các Bộ: Quốc phòng, Công an, Ng o ại giao;")).toBe(
      "- Các Bộ: Quốc phòng, Công an, Ngoại giao;",
    );
    expect(joinSplitSyllables("- UBND các t ỉ nh, thành phố")).toBe("- UBND các tỉnh, thành phố");
    expect(joinSplitSyllables("Trợ l ý TTCP")).toBe("Trợ lý TTCP");
  });

  it("joins a syllable in capitals broken among words in capitals", () => {
    expect(joinSplitSyllables("CỘNG HÒA XÃ H ỘI CHỦ NGHĨA VIỆT NAM")).toBe(
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    );
    expect(joinSplitSyllables("TRƯỜNG THPT CAO L ÃNH 2")).toBe("TRƯỜNG THPT CAO LÃNH 2");
  });

  it("leaves words that are each a syllable, abbreviations, list marks and layout spaces alone", () => {
    for (const line of [
      "Lao động -Thương binh và Xã hộ i",
      "VPCP: BTCN, các PCN, TGĐ Cổng TTĐT, các Vụ: TH, KTTH, NC",
      "a) Tổ chức kiểm tra; điểm đ khoản 1 Điều 5",
      "Số: 12/KH-UBND          Hà Nội, ngày 3 tháng 5 năm 2026",
      "Nhóm B và nhóm C",
      "Ng Anh Tuấn",
    ])
      expect(joinSplitSyllables(line)).toBe(line);
  });
});
