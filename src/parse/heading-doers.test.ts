import { describe, expect, it } from "vitest";
import type { Task } from "../domain/plan.js";
import { leadsFromHeadings, unitsNamedByHeading } from "./heading-doers.js";

function task(id: string, title: string, leads: string[] = []): Task {
  return { id, title, content: title, leads, cooperators: [], timeframe: null, span: [0, 0] };
}

describe("unitsNamedByHeading", () => {
  it("reads a unit, a post, a unit with its role in the plan, and who a responsibility is of", () => {
    expect(unitsNamedByHeading("Trưởng Ban Chỉ đạo")).toEqual(["Trưởng Ban Chỉ đạo"]);
    expect(unitsNamedByHeading("Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo")).toEqual(["Sở Tài chính"]);
    expect(unitsNamedByHeading("Ủy ban nhân dân các phường, xã, đặc khu")).toEqual([
      "Ủy ban nhân dân các phường, xã, đặc khu",
    ]);
    expect(unitsNamedByHeading("Trách nhiệm của đối tượng thực hiện kiểm kê:")).toEqual([
      "đối tượng thực hiện kiểm kê",
    ]);
    expect(
      unitsNamedByHeading(
        "Trách nhiệm của các cơ quan quản lý cấp trên (bao gồm cả cơ quan đại diện chủ sở hữu):",
      ),
    ).toEqual(["các cơ quan quản lý cấp trên"]);
  });

  it("reads a collective heading as the bodies it says it is made of", () => {
    expect(
      unitsNamedByHeading(
        "Các cơ quan tham mưu quản lý ngành, lĩnh vực (gồm các Sở: Xây dựng, Nông nghiệp và Môi trường, Khoa học và Công nghệ, Văn hóa, Thể thao và Du lịch)*",
      ),
    ).toEqual([
      "Sở Xây dựng",
      "Sở Nông nghiệp và Môi trường",
      "Sở Khoa học và Công nghệ",
      "Sở Văn hóa, Thể thao và Du lịch",
    ]);
  });

  it("reads no unit in a heading that is work", () => {
    expect(unitsNamedByHeading("Ban hành quy chế làm việc")).toBeNull();
    expect(unitsNamedByHeading("Tổ chức kiểm tra việc thực hiện")).toBeNull();
    expect(unitsNamedByHeading("Tuyên truyền, phổ biến Luật")).toBeNull();
    expect(unitsNamedByHeading("Sở Nội vụ chủ trì rà soát, sắp xếp tổ chức bộ máy")).toBeNull();
  });
});

describe("leadsFromHeadings", () => {
  it("gives the lead-less tasks of a part headed unit by unit the units their headings name", () => {
    const tasks = [
      task("IV.1.1", "Trưởng Ban Chỉ đạo"),
      task("IV.1.2", "Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo"),
      task("IV.1.3", "Ủy ban nhân dân các xã", ["Chủ tịch UBND xã"]),
    ];
    leadsFromHeadings(tasks);
    expect(tasks.map((t) => t.leads)).toEqual([
      ["Trưởng Ban Chỉ đạo"],
      ["Sở Tài chính"],
      ["Chủ tịch UBND xã"],
    ]);
  });

  it("leaves a part alone where a unit-like heading is the exception", () => {
    const tasks = [
      task("II.1", "Ban Quản lý dự án"),
      task("II.2", "Rà soát quy hoạch"),
      task("II.3", "Xây dựng cơ sở dữ liệu"),
      task("III.1", "Ban hành quy chế"),
    ];
    leadsFromHeadings(tasks);
    expect(tasks.map((t) => t.leads)).toEqual([[], [], [], []]);
  });
});
