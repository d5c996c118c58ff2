// The XLSX writers, read back through a fresh exceljs workbook: the matrix (sheets, frozen panes,
// filter, colours and legend, bold leads, blanks), report completeness, the work list, the
// assignment table.

import type ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { cellText, fillOf, readXlsx, rowsOf } from "../../test/office-files.js";
import { assignmentsXlsx } from "./xlsx-assignments.js";
import { STATE_COLOURS, UNREPORTED } from "./xlsx-common.js";
import { matrixXlsx } from "./xlsx-matrix.js";
import { reportingXlsx } from "./xlsx-reporting.js";
import { workXlsx } from "./xlsx-work.js";

const sheet = (wb: ExcelJS.Workbook, name: string) => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};

describe("matrixXlsx", () => {
  const matrix = {
    asOf: "2027-01-05",
    title: "Kế hoạch số 901/KH-SGDĐT: Bảo đảm an toàn trường học",
    tasks: [
      { key: "II.1", title: "Rà soát cơ sở vật chất" },
      { key: "II.2", title: '=HYPERLINK("http://x","y")' },
      { key: "PC-III.1", title: "Văn phòng Sở theo dõi, tổng hợp" },
    ],
    units: [{ name: "Phòng Kế hoạch – Tài chính" }, { name: "Phòng Giáo dục Trung học" }],
    sheets: [
      {
        name: "Hiện tại",
        heading: "Tình trạng ngày 05/01/2027",
        fromReports: false,
        cells: [
          [
            { state: "overdue" as const, lead: true },
            { state: "done_on_time" as const, lead: false },
          ],
          [null, { state: "done_late" as const, lead: true }],
          [{ state: "in_progress" as const, lead: true }, null],
        ],
      },
      {
        name: "Kỳ 15.12.2026",
        heading: "Kỳ báo cáo hạn 15/12/2026",
        fromReports: true,
        cells: [
          [
            { state: null, lead: true },
            { state: "done_on_time" as const, lead: false },
          ],
          [null, null],
          [null, null],
        ],
      },
    ],
  };

  it("writes a sheet a view, tasks down, units across, each state in its words and colour", async () => {
    const wb = await readXlsx(await matrixXlsx(matrix));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Hiện tại", "Kỳ 15.12.2026"]);
    const ws = sheet(wb, "Hiện tại");
    expect(cellText(ws.getCell("A1"))).toBe(matrix.title);
    expect(cellText(ws.getCell("A2"))).toBe("Tình trạng ngày 05/01/2027");
    expect(rowsOf(ws, 4, 7, 4)).toEqual([
      ["STT", "Nhiệm vụ", "Phòng Kế hoạch – Tài chính", "Phòng Giáo dục Trung học"],
      ["II.1", "Rà soát cơ sở vật chất", "Quá hạn", "Hoàn thành đúng hạn"],
      // A title that looks like a formula stays text.
      ["II.2", '=HYPERLINK("http://x","y")', "", "Hoàn thành trễ hạn"],
      ["PC-III.1", "Văn phòng Sở theo dõi, tổng hợp", "Đang thực hiện trong hạn", ""],
    ]);
    expect(ws.getCell("B6").type).toBe(3); // ValueType.String: never a formula
    expect(fillOf(ws.getCell("C5"))).toBe(STATE_COLOURS.overdue.fill);
    expect(fillOf(ws.getCell("D5"))).toBe(STATE_COLOURS.done_on_time.fill);
    expect(fillOf(ws.getCell("D6"))).toBe(STATE_COLOURS.done_late.fill);
    expect(fillOf(ws.getCell("C7"))).toBe(STATE_COLOURS.in_progress.fill);
    expect(fillOf(ws.getCell("C6"))).toBeNull();
    // Bold: the unit leads the task.
    expect(["C5", "D5", "D6"].map((a) => !!ws.getCell(a).font?.bold)).toEqual([true, false, true]);
  });

  it("keeps the headings and the task columns in view, filters the heading row, and explains the colours", async () => {
    const wb = await readXlsx(await matrixXlsx(matrix));
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 4 });
      expect(ws.autoFilter).toBe("A4:D7");
    }
    const now = sheet(wb, "Hiện tại");
    const legend = rowsOf(now, 3, 3, 7)[0];
    expect(legend).toEqual([
      "Chú giải:",
      "chữ đậm: đơn vị chủ trì; ô trống: đơn vị không có việc ở nhiệm vụ đó",
      "Hoàn thành đúng hạn",
      "Hoàn thành trễ hạn",
      "Đang thực hiện trong hạn",
      "Quá hạn",
      "",
    ]);
    expect(["C3", "D3", "E3", "F3"].map((a) => fillOf(now.getCell(a)))).toEqual([
      STATE_COLOURS.done_on_time.fill,
      STATE_COLOURS.done_late.fill,
      STATE_COLOURS.in_progress.fill,
      STATE_COLOURS.overdue.fill,
    ]);
    // A period's sheet: "Chưa báo cáo" where no sent report holds the work, in the legend too.
    const period = sheet(wb, "Kỳ 15.12.2026");
    expect(cellText(period.getCell("G3"))).toBe("Chưa báo cáo");
    expect(rowsOf(period, 5, 5, 4)).toEqual([
      ["II.1", "Rà soát cơ sở vật chất", "Chưa báo cáo", "Hoàn thành đúng hạn"],
    ]);
    expect(fillOf(period.getCell("C5"))).toBe(UNREPORTED.fill);
  });
});

describe("reportingXlsx", () => {
  it("writes by unit and by plan, with totals, the state columns in their colours", async () => {
    const counts = { done_on_time: 1, done_late: 2, in_progress: 3, overdue: 4 };
    const wb = await readXlsx(
      await reportingXlsx({
        asOf: "2026-12-20",
        units: [
          {
            unitName: "Phòng Giáo dục Trung học",
            expected: 2,
            sent: 1,
            onTime: 1,
            late: 0,
            missing: 1,
            counts,
          },
          { unitName: "Văn phòng Sở", expected: 1, sent: 1, onTime: 0, late: 1, missing: 0, counts },
        ],
        plans: [
          { number: "901/KH-SGDĐT", title: "An toàn", periodDue: "2026-12-15", expected: 3, sent: 2, counts },
        ],
      }),
    );
    const units = sheet(wb, "Theo đơn vị");
    expect(rowsOf(units, 3, 6, 10)).toEqual([
      [
        "Đơn vị",
        "Số báo cáo phải gửi",
        "Đã gửi",
        "Đúng hạn",
        "Trễ hạn",
        "Chưa gửi, đã quá hạn",
        "Hoàn thành đúng hạn",
        "Hoàn thành trễ hạn",
        "Đang thực hiện trong hạn",
        "Quá hạn",
      ],
      ["Phòng Giáo dục Trung học", "2", "1", "1", "0", "1", "1", "2", "3", "4"],
      ["Văn phòng Sở", "1", "1", "0", "1", "0", "1", "2", "3", "4"],
      ["Tổng cộng", "3", "2", "1", "1", "1", "2", "4", "6", "8"],
    ]);
    expect(fillOf(units.getCell("J3"))).toBe(STATE_COLOURS.overdue.fill);
    expect(units.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 3 });
    const plans = sheet(wb, "Theo kế hoạch");
    expect(rowsOf(plans, 4, 5, 9)).toEqual([
      ["901/KH-SGDĐT", "An toàn", "15/12/2026", "3", "2", "1", "2", "3", "4"],
      ["Tổng cộng", "", "", "3", "2", "1", "2", "3", "4"],
    ]);
    expect(plans.getCell("C4").value).toBeInstanceOf(Date);
  });
});

describe("workXlsx", () => {
  it("writes the CSV's columns, with dates as dates and day counts as numbers", async () => {
    const wb = await readXlsx(
      await workXlsx(
        {
          state: "overdue",
          items: [
            {
              planNumber: "12/KH-SYT",
              taskKey: "I.1",
              taskTitle: "Rà soát hồ sơ",
              unitName: "Văn phòng Sở",
              role: "lead",
              firstDue: "2026-06-30",
              overdueDays: 12,
              doneOn: null,
            },
          ],
        },
        "2026-07-12",
      ),
    );
    const ws = sheet(wb, "Quá hạn");
    expect(rowsOf(ws, 1, 2, 9)).toEqual([
      [
        "Kế hoạch",
        "Nhiệm vụ",
        "Tên nhiệm vụ",
        "Đơn vị",
        "Vai trò",
        "Hạn",
        "Tình trạng",
        "Số ngày quá hạn",
        "Ngày hoàn thành",
      ],
      ["12/KH-SYT", "I.1", "Rà soát hồ sơ", "Văn phòng Sở", "Chủ trì", "30/06/2026", "Quá hạn", "12", ""],
    ]);
    expect(ws.getCell("F2").value).toBeInstanceOf(Date);
    expect(ws.getCell("H2").value).toBe(12);
    expect(ws.autoFilter).toBe("A1:I2");
  });
});

describe("assignmentsXlsx", () => {
  it("writes the title, the caption and the table in Times New Roman 13, its heading row printed on every page", async () => {
    const wb = await readXlsx(
      await assignmentsXlsx(
        {
          plan: {
            number: "901/KH-SGDĐT",
            issuedOn: "2026-02-05",
            issuer: "Sở Giáo dục và Đào tạo",
            title: "An toàn",
          },
          rows: [
            {
              task: "Rà soát cơ sở vật chất",
              leads: ["Phòng Kế hoạch – Tài chính"],
              cooperators: ["Phòng Giáo dục Trung học", "Văn phòng Sở"],
              time: "Trong quý IV/2026",
              products: ["Báo cáo rà soát"],
            },
          ],
        },
        "2026-09-10",
      ),
    );
    const ws = sheet(wb, "Phân công nhiệm vụ");
    expect(cellText(ws.getCell("A1"))).toBe("PHỤ LỤC PHÂN CÔNG NHIỆM VỤ");
    expect(cellText(ws.getCell("A2"))).toBe(
      "(Kèm theo Kế hoạch số 901/KH-SGDĐT ngày 05 tháng 02 năm 2026 của Sở Giáo dục và Đào tạo)",
    );
    expect(rowsOf(ws, 4, 5, 6)).toEqual([
      ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện", "Sản phẩm"],
      [
        "1",
        "Rà soát cơ sở vật chất",
        "Phòng Kế hoạch – Tài chính",
        "Phòng Giáo dục Trung học\nVăn phòng Sở",
        "Trong quý IV/2026",
        "Báo cáo rà soát",
      ],
    ]);
    expect(ws.getCell("B5").font).toMatchObject({ name: "Times New Roman", size: 13 });
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9 });
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
  });
});
