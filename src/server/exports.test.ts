// The exports end to end through the API, on the demo plans: the units report through the API with
// a walking clock, and each file is read back (XLSX with a fresh exceljs workbook, DOCX unzipped by
// fflate) and held to what the JSON views say — the plan's page for the matrix, the overview for
// report completeness, the drill-down list for the work file — for each reader, within their reach.

import type ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoApi, demoApi } from "../../test/api-client.js";
import { cellText, fillOf, readXlsx, rowsOf, tableRows, unzipText } from "../../test/office-files.js";
import { STORES } from "../../test/stores.js";
import { STATE_COLOURS } from "../render/xlsx-common.js";

const STATE_NAMES: Record<string, string> = {
  done_on_time: "Hoàn thành đúng hạn",
  done_late: "Hoàn thành trễ hạn",
  in_progress: "Đang thực hiện trong hạn",
  overdue: "Quá hạn",
};

// A plan whose duties of "Tổ chức thực hiện" are work beside its task.
const DUTY_PLAN = `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 952/KH-SGDĐT                     Hải Phòng, ngày 01 tháng 9 năm 2026

KẾ HOẠCH
Bồi dưỡng giáo viên trung học năm 2026

I. NHIỆM VỤ
1. Tổ chức hội thảo chuyên môn
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Đơn vị phối hợp: Văn phòng Sở
- Thời gian thực hiện: Trước ngày 30/11/2026
- Sản phẩm: Kỷ yếu hội thảo

II. TỔ CHỨC THỰC HIỆN
1. Phòng Giáo dục Trung học
- Hướng dẫn các trường xây dựng kế hoạch bồi dưỡng; hoàn thành trước ngày 30/10/2026.
2. Văn phòng Sở
Theo dõi, đôn đốc các phòng, đơn vị thực hiện Kế hoạch này.
`;

interface PlanJson {
  id: string;
  number: string;
  tasksDetail: Array<{
    key: string;
    title: string;
    kind: string;
    removed: boolean;
    units: Array<{ role: string; text: string }>;
    timeframe: { text: string } | null;
  }>;
  work: Array<{
    workItemId: string;
    taskKey: string;
    unitId: string;
    unitName: string;
    role: string;
    state: string;
  }>;
}

/** The matrix's columns: the units in the order the plan first gives them work, a task's leads first. */
function unitColumns(view: PlanJson): string[] {
  const order = new Map(view.tasksDetail.map((t, i) => [t.key, i]));
  const sorted = [...view.work].sort(
    (a, b) =>
      (order.get(a.taskKey) ?? 0) - (order.get(b.taskKey) ?? 0) ||
      Number(b.role === "lead") - Number(a.role === "lead"),
  );
  return [...new Set(sorted.map((w) => w.unitName))];
}

describe.each(STORES.map((s) => [s.name, s] as const))("exports (%s)", (_name, kind) => {
  let api: DemoApi;
  let now = new Date("2026-09-10T01:00:00Z");
  let planId = "";
  let dutyPlanId = "";
  const call: DemoApi["call"] = (...args) => api.call(...args);
  const walk = async (iso: string) => {
    now = new Date(`${iso}T01:00:00Z`);
    await api.signInAgain();
  };
  const plan = async (who: string): Promise<PlanJson> =>
    (await call(who, "GET", `/api/v1/plans/${planId}`)).json();
  const file = async (who: string, url: string) => {
    const r = await call(who, "GET", url);
    if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
    return r;
  };
  const workbook = async (who: string, url: string) => readXlsx((await file(who, url)).rawPayload);
  const sheet = (wb: ExcelJS.Workbook, name: string) => {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}: ${wb.worksheets.map((w) => w.name)}`);
    return ws;
  };
  /** The unit officer of Phòng Giáo dục Trung học reports its work in the plan, then sends it; the plan officer accepts. */
  const report = async (items: Array<{ key: string; status: string; doneOn?: string }>) => {
    const mine = (await call("phongtrunghoc", "GET", "/api/v1/workspace")).json().items as Array<{
      workItemId: string;
      planId: string;
      taskKey: string;
    }>;
    const body = {
      items: items.map((i) => ({
        workItemId: mine.find((m) => m.planId === planId && m.taskKey === i.key)?.workItemId,
        status: i.status,
        results: `Kết quả ${i.key}`,
        ...(i.status === "done"
          ? { evidence: `Báo cáo số ${i.key} ngày ${i.doneOn}`, doneOn: i.doneOn }
          : {}),
      })),
    };
    const saved = await call("phongtrunghoc", "PUT", `/api/v1/reports/plans/${planId}`, body);
    expect(saved.statusCode, saved.body).toBe(200);
    const id = saved.json().id as string;
    expect((await call("phongtrunghoc", "POST", `/api/v1/reports/${id}/submit`)).statusCode).toBe(204);
    expect(
      (await call("vanthu", "POST", `/api/v1/reports/${id}/decision`, { accept: true })).statusCode,
    ).toBe(204);
  };

  beforeAll(async () => {
    api = await demoApi(kind, { now: () => new Date(now) });
    const plans = (await call("vanthu", "GET", "/api/v1/plans")).json().plans as Array<{
      id: string;
      number: string;
    }>;
    planId = plans.find((p) => p.number === "901/KH-SGDĐT")?.id ?? "";
    dutyPlanId = await api.importText("vanthu", "ke-hoach-952.txt", DUTY_PLAN);
    expect((await api.confirmAndPublish("vanthu", dutyPlanId)).statusCode).toBe(204);
    // The plan reports before 15/12 and 15/5. Phòng Giáo dục Trung học cooperates on II.1 (due in
    // quarter IV/2026) and II.3 (April 2027): it reports II.1 done in time for December's period,
    // II.3 done late in May's.
    await walk("2026-12-10");
    await report([
      { key: "II.1", status: "done", doneOn: "2026-12-05" },
      { key: "II.3", status: "in_progress" },
    ]);
    await walk("2027-05-10");
    await report([{ key: "II.3", status: "done", doneOn: "2027-05-05" }]);
    await walk("2027-05-12");
  }, 120_000);
  afterAll(async () => api?.close());

  it("writes the plan's matrix: today's states as its page gives them, a column per unit, a row per task", async () => {
    const view = await plan("vanthu");
    const r = await file("vanthu", `/api/v1/exports/plans/${planId}/matrix.xlsx`);
    expect(r.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(r.headers["content-disposition"]).toBe(
      `attachment; filename="tinh-trang-thuc-hien-901-KH-SGDDT.xlsx"; filename*=UTF-8''tinh-trang-thuc-hien-901-KH-SGD%C4%90T.xlsx`,
    );
    const wb = await readXlsx(r.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Hiện tại", "Kỳ 15.05.2027", "Kỳ 15.12.2026"]);
    const ws = sheet(wb, "Hiện tại");
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 4 });
    expect(cellText(ws.getCell("A2"))).toBe("Tình trạng ngày 12/05/2027");

    const units = unitColumns(view);
    const tasks = view.tasksDetail.filter((t) => !t.removed);
    expect(units.length).toBeGreaterThan(3);
    const [heading = [], ...rows] = rowsOf(ws, 4, 4 + tasks.length, 2 + units.length);
    expect(heading).toEqual(["STT", "Nhiệm vụ", ...units]);
    expect(rows.map((row) => row.slice(0, 2))).toEqual(tasks.map((t) => [t.key, t.title]));
    expect(ws.autoFilter).toBe(
      `A4:${ws
        .getRow(4)
        .getCell(2 + units.length)
        .address.replace(/\d+/, "")}${4 + tasks.length}`,
    );
    // Every cell: the state of the unit's work in the task, in its colour, bold where it leads; blank where it has none.
    for (const [t, task] of tasks.entries())
      for (const [u, unit] of units.entries()) {
        const work = view.work.filter((w) => w.taskKey === task.key && w.unitName === unit);
        const lead = work.find((w) => w.role === "lead");
        const cell = ws.getRow(5 + t).getCell(3 + u);
        const expected = lead ?? work[0];
        expect(cellText(cell), `${task.key} × ${unit}`).toBe(expected ? STATE_NAMES[expected.state] : "");
        if (expected) {
          expect(fillOf(cell)).toBe(STATE_COLOURS[expected.state as keyof typeof STATE_COLOURS].fill);
          expect(!!cell.font?.bold).toBe(!!lead);
        }
      }
    // The four states all stand in this plan by now.
    expect(new Set(view.work.map((w) => w.state))).toEqual(
      new Set(["done_on_time", "done_late", "in_progress", "overdue"]),
    );
    const gdtrh = 3 + units.indexOf("Phòng Giáo dục Trung học");
    const row = (key: string) => 5 + tasks.findIndex((t) => t.key === key);
    expect(cellText(ws.getRow(row("II.1")).getCell(gdtrh))).toBe("Hoàn thành đúng hạn");
    expect(cellText(ws.getRow(row("II.3")).getCell(gdtrh))).toBe("Hoàn thành trễ hạn");
    expect(cellText(ws.getRow(row("II.1")).getCell(3 + units.indexOf("Phòng Kế hoạch – Tài chính")))).toBe(
      "Quá hạn",
    );
  });

  it("gives a sheet per reporting period: what the units' sent reports said, 'Chưa báo cáo' where none", async () => {
    const view = await plan("vanthu");
    const wb = await workbook("vanthu", `/api/v1/exports/plans/${planId}/matrix.xlsx`);
    const units = unitColumns(view);
    const tasks = view.tasksDetail.filter((t) => !t.removed);
    const gdtrh = units.indexOf("Phòng Giáo dục Trung học");
    const cellOf = (ws: ExcelJS.Worksheet, key: string, u: number) =>
      cellText(ws.getRow(5 + tasks.findIndex((t) => t.key === key)).getCell(3 + u));
    const december = sheet(wb, "Kỳ 15.12.2026");
    expect(cellText(december.getCell("A2"))).toBe(
      "Kỳ báo cáo hạn 15/12/2026: tình trạng theo báo cáo các đơn vị đã gửi",
    );
    expect(cellOf(december, "II.1", gdtrh)).toBe("Hoàn thành đúng hạn");
    expect(cellOf(december, "II.3", gdtrh)).toBe("Đang thực hiện trong hạn");
    const may = sheet(wb, "Kỳ 15.05.2027");
    expect(cellOf(may, "II.3", gdtrh)).toBe("Hoàn thành trễ hạn");
    // Its II.1 was reported in December, not in May.
    expect(cellOf(may, "II.1", gdtrh)).toBe("Chưa báo cáo");
    // Every other unit sent nothing: each of its work cells says so, and a cell without work stays blank.
    for (const ws of [december, may])
      for (const [t, task] of tasks.entries())
        for (const [u, unit] of units.entries()) {
          if (u === gdtrh) continue;
          const has = view.work.some((w) => w.taskKey === task.key && w.unitName === unit);
          expect(cellText(ws.getRow(5 + t).getCell(3 + u))).toBe(has ? "Chưa báo cáo" : "");
        }
  });

  it("writes the duties tracked as work as rows beside the tasks, in the matrix and the assignment table", async () => {
    const wb = await workbook("vanthu", `/api/v1/exports/plans/${dutyPlanId}/matrix.xlsx`);
    expect(rowsOf(sheet(wb, "Hiện tại"), 4, 7, 4)).toEqual([
      ["STT", "Nhiệm vụ", "Phòng Giáo dục Trung học", "Văn phòng Sở"],
      ["I.1", "Tổ chức hội thảo chuyên môn", "Quá hạn", "Quá hạn"],
      ["PC-II.1", "Hướng dẫn các trường xây dựng kế hoạch bồi dưỡng", "Quá hạn", ""],
      // Due when the plan's year ends.
      ["PC-II.2", "Theo dõi, đôn đốc các phòng, đơn vị thực hiện Kế hoạch này", "", "Quá hạn"],
    ]);
    const xml = unzipText(
      (await file("vanthu", `/api/v1/exports/plans/${dutyPlanId}/assignments.docx`)).rawPayload,
    )["word/document.xml"];
    expect(tableRows(xml ?? "").map((r) => r.cells)).toEqual([
      ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện", "Sản phẩm"],
      [
        "1",
        "Tổ chức hội thảo chuyên môn",
        "Phòng Giáo dục Trung học",
        "Văn phòng Sở",
        "Trước ngày 30/11/2026",
        "Kỷ yếu hội thảo",
      ],
      [
        "2",
        "Hướng dẫn các trường xây dựng kế hoạch bồi dưỡng",
        "Phòng Giáo dục Trung học",
        "",
        "Hoàn thành trước ngày 30/10/2026",
        "",
      ],
      ["3", "Theo dõi, đôn đốc các phòng, đơn vị thực hiện Kế hoạch này", "Văn phòng Sở", "", "Năm 2026", ""],
    ]);
  });

  it("shows a unit officer the work its unit has, as the plan's page does; nobody outside reach gets the file", async () => {
    const view = await plan("phongtrunghoc");
    const units = [...new Set(view.work.map((w) => w.unitName))];
    expect(units).toEqual(["Phòng Giáo dục Trung học"]);
    const wb = await workbook("phongtrunghoc", `/api/v1/exports/plans/${planId}/matrix.xlsx`);
    expect(rowsOf(sheet(wb, "Hiện tại"), 4, 4, 4)[0]).toEqual([
      "STT",
      "Nhiệm vụ",
      "Phòng Giáo dục Trung học",
      "",
    ]);
    for (const url of ["matrix.xlsx", "assignments.docx", "assignments.xlsx"]) {
      const r = await call("vanthukhac", "GET", `/api/v1/exports/plans/${planId}/${url}`);
      expect(r.statusCode).toBe(404);
      expect(r.json().error).toBe("plan.not_found");
    }
    expect((await call("nobody", "GET", `/api/v1/exports/plans/${planId}/matrix.xlsx`)).statusCode).toBe(401);
    expect((await call("vanthu", "GET", "/api/v1/exports/plans/99999/matrix.xlsx")).statusCode).toBe(404);
    expect((await call("vanthu", "GET", "/api/v1/exports/plans/abc/matrix.xlsx")).statusCode).toBe(400);
  });

  it("writes the plan's assignment table as DOCX and XLSX: every task, its units, its time and product", async () => {
    const tasks = (await plan("vanthu")).tasksDetail.filter((t) => !t.removed);
    const expected = tasks.map((t, i) => [
      String(i + 1),
      t.title,
      t.units
        .filter((u) => u.role === "lead")
        .map((u) => u.text)
        .join("\n"),
      t.units
        .filter((u) => u.role === "cooperate")
        .map((u) => u.text)
        .join("\n"),
      (t.timeframe?.text ?? "").replace(/^h/, "H"),
      t.key === "II.1" ? "Báo cáo rà soát cơ sở vật chất" : "",
    ]);
    const heading = [
      "STT",
      "Nội dung nhiệm vụ",
      "Đơn vị chủ trì",
      "Đơn vị phối hợp",
      "Thời gian thực hiện",
      "Sản phẩm",
    ];

    const docx = await file("giamdoc", `/api/v1/exports/plans/${planId}/assignments.docx`);
    expect(docx.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(docx.headers["content-disposition"]).toContain(
      `filename*=UTF-8''phu-luc-phan-cong-901-KH-SGD%C4%90T.docx`,
    );
    const xml = unzipText(docx.rawPayload)["word/document.xml"] ?? "";
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toContain("PHỤ LỤC PHÂN CÔNG NHIỆM VỤ");
    expect(xml).toContain("(Kèm theo Kế hoạch số 901/KH-SGDĐT ngày 05 tháng 9 năm 2026");
    const rows = tableRows(xml);
    expect(rows.map((r) => r.cells)).toEqual([heading, ...expected]);
    expect(rows[0]?.xml).toContain("<w:tblHeader/>");
    // The plan's own words: its leads, and the product its task I.1 names.
    expect(rows[1]?.cells[2]).toBe("Phòng Kế hoạch – Tài chính");

    const wb = await workbook("phongtrunghoc", `/api/v1/exports/plans/${planId}/assignments.xlsx`);
    const ws = sheet(wb, "Phân công nhiệm vụ");
    expect(rowsOf(ws, 4, 4 + tasks.length, 6)).toEqual([heading, ...expected]);
  });

  it("writes report completeness by unit as the overview counts it, each reader within reach", async () => {
    for (const who of ["giamdoc", "vanthu", "phongtrunghoc"]) {
      // The workbook lists every unit and plan, not the overview's first page of each.
      const o = (await call(who, "GET", "/api/v1/overview?unitsLimit=1000&plansLimit=1000")).json() as {
        unitsTotal: number;
        plansTotal: number;
        units: Array<{
          unitName: string;
          expected: number;
          sent: number;
          onTime: number;
          late: number;
          missing: number;
          counts: Record<string, number>;
        }>;
        plans: Array<{ number: string; title: string; reportsExpected: number; reportsIn: number }>;
      };
      const r = await file(who, "/api/v1/exports/reporting.xlsx");
      expect(r.headers["content-disposition"]).toContain('filename="bao-cao-cac-don-vi-2027-05-12.xlsx"');
      const wb = await readXlsx(r.rawPayload);
      const byUnit = sheet(wb, "Theo đơn vị");
      const n = o.units.length;
      expect(n).toBeGreaterThan(0);
      expect([n, o.plans.length]).toEqual([o.unitsTotal, o.plansTotal]);
      const rows = rowsOf(byUnit, 4, 4 + n, 10);
      expect(rows.slice(0, n), who).toEqual(
        o.units.map((u) =>
          [
            u.unitName,
            u.expected,
            u.sent,
            u.onTime,
            u.late,
            u.missing,
            u.counts.done_on_time,
            u.counts.done_late,
            u.counts.in_progress,
            u.counts.overdue,
          ].map(String),
        ),
      );
      expect(rows[n]?.[0]).toBe("Tổng cộng");
      expect(rows[n]?.[2]).toBe(String(o.units.reduce((s, u) => s + u.sent, 0)));
      const byPlan = rowsOf(sheet(wb, "Theo kế hoạch"), 4, 3 + o.plans.length, 5);
      expect(byPlan.map((p) => [p[0], p[3], p[4]])).toEqual(
        o.plans.map((p) => [p.number, String(p.reportsExpected), String(p.reportsIn)]),
      );
      if (who === "phongtrunghoc")
        expect(o.units.map((u) => u.unitName)).toEqual(["Phòng Giáo dục Trung học"]);
    }
    // May's period of plan 901 is open: Phòng Giáo dục Trung học has sent its report, on time.
    const wb = await workbook("giamdoc", "/api/v1/exports/reporting.xlsx");
    const row = rowsOf(sheet(wb, "Theo đơn vị"), 4, 40, 6).find((x) => x[0] === "Phòng Giáo dục Trung học");
    expect(row?.slice(2, 4)).toEqual(["1", "1"]);
  });

  it("writes the overview's drill-down list as XLSX: the CSV's rows, with the same filters", async () => {
    for (const [who, query] of [
      ["giamdoc", "state=overdue"],
      ["giamdoc", "state=done_on_time"],
      ["vanthu", "state=in_progress"],
      ["phongtrunghoc", "state=done_late"],
    ] as const) {
      const csv = (await file(who, `/api/v1/overview/work.csv?${query}`)).body.replace(/^\uFEFF/, "");
      const csvRows = csv
        .trim()
        .split("\r\n")
        .map((line) =>
          [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].map((m) =>
            (m[1] ?? "").replace(/^"|"$/g, "").replace(/""/g, '"'),
          ),
        )
        .map((cells) => cells.slice(0, 9));
      const r = await file(who, `/api/v1/overview/work.xlsx?${query}`);
      expect(r.headers["content-disposition"]).toMatch(/filename="cong-viec-[a-z-]+\.xlsx"/);
      const ws = (await readXlsx(r.rawPayload)).worksheets[0] as ExcelJS.Worksheet;
      const rows = rowsOf(ws, 1, csvRows.length, 9);
      expect(csvRows.length, `${who} ${query}`).toBeGreaterThan(1);
      expect(rows, `${who} ${query}`).toEqual(csvRows);
      expect(ws.rowCount).toBe(csvRows.length);
    }
    const unit = (await call("giamdoc", "GET", "/api/v1/units")).json().units as Array<{
      id: string;
      name: string;
    }>;
    const khtc = unit.find((u) => u.name === "Phòng Kế hoạch – Tài chính")?.id;
    const ws = (await workbook("giamdoc", `/api/v1/overview/work.xlsx?state=overdue&unitId=${khtc}`))
      .worksheets[0] as ExcelJS.Worksheet;
    const units = rowsOf(ws, 2, ws.rowCount, 9).map((r) => r[3]);
    expect(units.length).toBeGreaterThan(0);
    expect(new Set(units)).toEqual(new Set(["Phòng Kế hoạch – Tài chính"]));
    expect((await call("giamdoc", "GET", "/api/v1/overview/work.xlsx?state=nope")).statusCode).toBe(400);
  });
});
