import { describe, expect, it } from "vitest";
import { splitBareNames } from "./sector-names.js";

describe("splitBareNames", () => {
  it("keeps the names of sectors that hold 'và' or a comma whole", () => {
    expect(
      splitBareNames("Xây dựng, Nông nghiệp và Môi trường, Công Thương, Văn hóa, Thể thao và Du lịch; Y tế"),
    ).toEqual([
      "Xây dựng",
      "Nông nghiệp và Môi trường",
      "Công Thương",
      "Văn hóa, Thể thao và Du lịch",
      "Y tế",
    ]);
    expect(splitBareNames("Lao động - Thương binh và Xã hội và Kế hoạch và Đầu tư")).toEqual([
      "Lao động - Thương binh và Xã hội",
      "Kế hoạch và Đầu tư",
    ]);
  });

  it("cuts other names at every comma and 'và'", () => {
    expect(splitBareNames("Giáo dục Mầm non, Giáo dục Tiểu học và Giáo dục Trung học")).toEqual([
      "Giáo dục Mầm non",
      "Giáo dục Tiểu học",
      "Giáo dục Trung học",
    ]);
  });
});
