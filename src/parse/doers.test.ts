import { describe, expect, it } from "vitest";
import { doerKind, doersOf } from "./doers.js";

describe("doerKind", () => {
  it("reads a name in a 'Người thực hiện' column as a person, with or without an honorific", () => {
    for (const name of [
      "Vũ Việt Linh",
      "Nguyễn Thị Loan",
      "Đỗ Mạnh Cường",
      "Nguyễn Thị thúy Nhung",
      "Ông. Lê Văn Tâm",
      "Bà Hoàng Thị Hoa",
      "Đồng chí Trần Quốc Việt",
    ])
      expect([name, doerKind(name)]).toEqual([name, "person"]);
  });

  it("reads a family name that is also a unit word as a person only where a middle name follows", () => {
    expect(doerKind("Trương Văn Nam")).toBe("person");
    expect(doerKind("Đoàn Thị Hoa")).toBe("person");
    expect(doerKind("Trường Tiểu học Kim Đồng")).toBe("unit");
    expect(doerKind("Đoàn Thanh niên")).toBe("unit");
  });

  it("reads a post given work as a post, before the unit it names", () => {
    for (const name of [
      "Phó Giám đốc Sở",
      "Các đồng chí Phó Giám đốc Sở",
      "Giám đốc",
      "Trưởng phòng Kế hoạch - Tài chính",
      "Hiệu trưởng các trường THCS",
      "Thủ trưởng các đơn vị",
      "Lãnh đạo Sở",
      "Chủ tịch UBND các huyện",
    ])
      expect([name, doerKind(name)]).toEqual([name, "post"]);
  });

  it("reads units, named or collective", () => {
    for (const name of [
      "Phòng Quản lý Công nghiệp",
      "Văn phòng Sở",
      "UBND các huyện, thành phố",
      "Sở Lao động Thương binh và Xã hội",
      "các đơn vị có liên quan",
      "Công an tỉnh",
      "Bộ Xây dựng",
      "Tổ công tác",
    ])
      expect([name, doerKind(name)]).toEqual([name, "unit"]);
  });

  it("says nothing where the text does not tell", () => {
    for (const name of ["Hà Nội", "Xyz", "", "Hồ sơ dự thi"])
      expect([name, doerKind(name)]).toEqual([name, null]);
  });
});

describe("doersOf", () => {
  it("lists each name once, in order, leaving out what it cannot tell", () => {
    expect(doersOf(["Vũ Việt Linh", "Văn phòng Sở", "Vũ Việt Linh", "Xyz"])).toEqual([
      { name: "Vũ Việt Linh", kind: "person" },
      { name: "Văn phòng Sở", kind: "unit" },
    ]);
  });
});
