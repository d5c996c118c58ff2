import { describe, expect, it } from "vitest";
import { type ComparedTask, diffAmendment, titleLikeness } from "./amendment.js";

const task = (key: string, title: string, due: string | null, lead: string): ComparedTask => ({
  key,
  title,
  timeframe: due ? { text: `Trước ngày ${due}`, kind: "deadline", due } : null,
  deadlines: due ? [due] : [],
  leadIds: lead ? [lead] : [],
  leadNames: lead ? [`Đơn vị ${lead}`] : [],
});

const PLAN = [
  task("II.1", "Tổ chức tập huấn chuyển đổi số cho cán bộ quản lý", "2026-06-30", "7"),
  task("II.2", "Xây dựng kho học liệu số dùng chung", "2026-09-30", "8"),
  task("II.3", "Khảo sát hạ tầng công nghệ thông tin của các trường", "2026-10-31", "7"),
  task("II.4", "Tổng kết, đánh giá kết quả thực hiện", "2026-12-15", "9"),
];

describe("what an amendment changes", () => {
  it("pairs restated tasks by their titles, whatever their numbering", () => {
    expect(
      titleLikeness("Xây dựng kho học liệu số dùng chung", "Xây dựng kho học liệu số dùng chung toàn ngành"),
    ).toBeGreaterThan(0.6);
    expect(titleLikeness("Xây dựng kho học liệu số", "Tổng kết, đánh giá kết quả")).toBe(0);
  });

  it("reads a restated plan as its new list: a new date, a new lead, a task left out removed", () => {
    const diff = diffAmendment(PLAN, [
      task("1", "Tổ chức tập huấn chuyển đổi số cho cán bộ quản lý", "2026-08-31", "7"),
      task("2", "Xây dựng kho học liệu số dùng chung", "2026-09-30", "10"),
      task("3", "Tổng kết, đánh giá kết quả thực hiện", "2026-12-15", "9"),
      task("4", "Tổ chức cuộc thi giáo viên sáng tạo", "2026-11-30", "8"),
    ]);
    expect(diff.mode).toBe("full");
    expect(diff.unchanged).toBe(1);
    expect(diff.changes).toEqual([
      expect.objectContaining({
        kind: "changed",
        key: "1",
        target: "II.1",
        lead: null,
        deadline: expect.objectContaining({ from: ["2026-06-30"], to: ["2026-08-31"] }),
      }),
      expect.objectContaining({
        kind: "changed",
        key: "2",
        target: "II.2",
        deadline: null,
        lead: { from: ["Đơn vị 8"], to: ["Đơn vị 10"], toIds: ["10"] },
      }),
      { kind: "added", key: "4", title: "Tổ chức cuộc thi giáo viên sáng tạo" },
      { kind: "removed", target: "II.3", title: "Khảo sát hạ tầng công nghệ thông tin của các trường" },
    ]);
  });

  it("reads an amendment naming one task as a change to that task alone; a task without date or lead keeps the plan's", () => {
    const diff = diffAmendment(PLAN, [
      task("1", "Khảo sát hạ tầng công nghệ thông tin của các trường", "2026-11-30", ""),
      task("2", "Tổ chức tập huấn chuyển đổi số cho cán bộ quản lý", null, ""),
    ]);
    expect(diff.mode).toBe("partial");
    expect(diff.changes).toEqual([
      expect.objectContaining({
        kind: "changed",
        target: "II.3",
        lead: null,
        deadline: expect.objectContaining({ to: ["2026-11-30"] }),
      }),
    ]);
    expect(diff.unchanged).toBe(1);
  });
});
