import { describe, expect, it } from "vitest";
import { workCsv } from "./work-csv.js";

describe("workCsv", () => {
  const item = {
    workItemId: "1",
    planId: "2",
    planNumber: "12/KH-SYT",
    taskKey: "I.1",
    taskTitle: "Rà soát hồ sơ",
    unitId: "3",
    unitName: "Văn phòng Sở",
    role: "lead",
    firstDue: "2026-06-30",
    doneOn: null,
    overdueDays: 12,
  };

  it("writes a file Excel opens as it is: BOM, Vietnamese headings, dd/mm/yyyy, Windows line ends", () => {
    const csv = workCsv({ state: "overdue", items: [item] });
    expect(csv.startsWith("\uFEFFKế hoạch,Nhiệm vụ,Tên nhiệm vụ,Đơn vị,Vai trò,Hạn,Tình trạng")).toBe(true);
    expect(csv.split("\r\n")[1]).toBe(
      "12/KH-SYT,I.1,Rà soát hồ sơ,Văn phòng Sở,Chủ trì,30/06/2026,Quá hạn,12,",
    );
  });

  it("writes a cell that starts like a formula as text", () => {
    const csv = workCsv({ state: "overdue", items: [{ ...item, taskTitle: '=HYPERLINK("http://x","y")' }] });
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
  });
});
