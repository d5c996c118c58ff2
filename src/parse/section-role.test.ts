import { describe, expect, it } from "vitest";
import { sectionRole } from "./section-role.js";

describe("sectionRole", () => {
  it("reads the doc example", () => {
    expect(sectionRole("NỘI DUNG NHIỆM VỤ")).toBe("tasks");
  });

  it("reads purpose headings", () => {
    expect(sectionRole("MỤC ĐÍCH, YÊU CẦU")).toBe("purpose");
    expect(sectionRole("MỤC TIÊU")).toBe("purpose");
    expect(sectionRole("Yêu cầu")).toBe("purpose");
    expect(sectionRole("QUAN ĐIỂM")).toBe("purpose");
  });

  it("reads tasks headings", () => {
    expect(sectionRole("NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU")).toBe("tasks");
    expect(sectionRole("NỘI DUNG THỰC HIỆN")).toBe("tasks");
    expect(sectionRole("CÁC HOẠT ĐỘNG TRỌNG TÂM")).toBe("tasks");
    expect(sectionRole("TRIỂN KHAI NHIỆM VỤ")).toBe("tasks");
  });

  it("reads funding headings", () => {
    expect(sectionRole("KINH PHÍ")).toBe("funding");
    expect(sectionRole("KINH PHÍ THỰC HIỆN")).toBe("funding");
    expect(sectionRole("NGUỒN KINH PHÍ")).toBe("funding");
  });

  it("reads organization headings, over the 'thực hiện' of tasks", () => {
    expect(sectionRole("TỔ CHỨC THỰC HIỆN")).toBe("organization");
    expect(sectionRole("PHÂN CÔNG THỰC HIỆN")).toBe("organization");
    expect(sectionRole("TRÁCH NHIỆM THỰC HIỆN")).toBe("organization");
  });

  it("reads OCR headings", () => {
    expect(sectionRole("MUC PiCH, YEU CAU")).toBe("purpose");
    expect(sectionRole("NOI DUNG KE HOACH")).toBe("tasks");
    expect(sectionRole("TO CHUC THUC HIEN")).toBe("organization");
    expect(sectionRole("T6 CHUC THUC HIEN")).toBe("organization");
  });
});

describe("sectionRole negative cases", () => {
  it("gives 'other' to headings of no known role", () => {
    expect(sectionRole("CHẾ ĐỘ BÁO CÁO")).toBe("other");
    expect(sectionRole("KHEN THƯỞNG, KỶ LUẬT")).toBe("other");
    expect(sectionRole("ĐIỀU KHOẢN THI HÀNH")).toBe("other");
    expect(sectionRole("")).toBe("other");
  });

  it("does not take 'mục tiêu' inside a tasks heading for purpose", () => {
    expect(sectionRole("NHIỆM VỤ THỰC HIỆN MỤC TIÊU")).toBe("tasks");
  });
});
