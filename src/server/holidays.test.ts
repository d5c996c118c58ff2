// Working days and holidays through the API: the Labour Code's holidays by default (Tết from the
// lunar calendar), a year set by an administrator from the Government's notice with every bad line
// named, a due date on a day off shown as such, and — where the installation says so — moved to the
// next working day on publication, keeping the date the plan wrote.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoApi, demoApi } from "../../test/api-client.js";
import { STORES } from "../../test/stores.js";

const plan = (number: number, tasks: string) => `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: ${number}/KH-SGDĐT                     Hải Phòng, ngày 01 tháng 8 năm 2026

KẾ HOẠCH
Chuẩn bị năm học mới 2026-2027

I. NHIỆM VỤ
${tasks}`;

// 30/8/2026 is a Sunday; 2/9/2026 is Quốc khánh (1/9 too, by default), a Wednesday.
const TASKS = `1. Rà soát sách giáo khoa các trường THPT
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Thời gian thực hiện: Trước ngày 30/8/2026
2. Tổ chức khai giảng năm học mới
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Thời gian thực hiện: Trước ngày 02/9/2026
`;

const kind = STORES[0];
if (!kind) throw new Error("no store");

interface Item {
  planId: string;
  taskKey: string;
  deadlines: string[];
  nextDueOff: string | null;
  moved: Array<{ from: string; to: string }>;
}

describe("working days and holidays", () => {
  let api: DemoApi;
  const now = new Date("2026-08-01T01:00:00Z");
  let kept = "";
  const call: DemoApi["call"] = (...args) => api.call(...args);
  const work = async (planId: string) => {
    const items = (await call("phongtrunghoc", "GET", "/api/v1/workspace")).json().items as Item[];
    return items
      .filter((i) => i.planId === planId)
      .map((i) => ({ key: i.taskKey, deadlines: i.deadlines, off: i.nextDueOff, moved: i.moved }));
  };
  beforeAll(async () => {
    api = await demoApi(kind, { now: () => new Date(now) });
  });
  afterAll(async () => api.close());

  it("keeps the Labour Code's holidays by default, Tết from the lunar calendar", async () => {
    const r = await call("phongtrunghoc", "GET", "/api/v1/holidays?year=2027");
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ year: 2027, source: "default", setAt: null });
    const tet = (r.json().holidays as Array<{ date: string; name: string }>).filter(
      (h) => h.name === "Tết Nguyên đán",
    );
    // Tết Đinh Mùi falls on Saturday 6 February 2027.
    expect(tet.map((h) => h.date)).toEqual([
      "2027-02-05",
      "2027-02-06",
      "2027-02-07",
      "2027-02-08",
      "2027-02-09",
    ]);
  });

  it("takes a year's list from an administrator, naming each bad line", async () => {
    const put = (who: string, text: string) => call(who, "PUT", "/api/v1/holidays/2027", { text });
    expect((await put("vanthu", "2027-01-01 Tết Dương lịch")).statusCode).toBe(403);
    const bad = await put("quantri", "01/01/2027 Tết Dương lịch\n31/02/2027 Nghỉ bù\nngày Tết");
    expect(bad.statusCode).toBe(422);
    expect(bad.json().fields[0].field).toBe("text");
    expect(bad.json().fields[0].reason).toContain("dòng 2: «31/02/2027» không phải ngày có thật");
    expect(bad.json().fields[0].reason).toContain("dòng 3");
    expect((await put("quantri", "2028-01-01 Tết Dương lịch")).statusCode).toBe(422);
    const notice = [
      "# Thông báo của Bộ Lao động - Thương binh và Xã hội về lịch nghỉ Tết 2027",
      "01/01/2027 Tết Dương lịch",
      "04/02/2027 - Tết Nguyên đán",
      "05/02/2027 Tết Nguyên đán",
      "08/02/2027 Tết Nguyên đán",
      "09/02/2027 Tết Nguyên đán",
      "10/02/2027 Tết Nguyên đán",
    ].join("\n");
    const set = await put("quantri", notice);
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ year: 2027, source: "set" });
    expect(set.json().holidays.map((h: { date: string }) => h.date)).toEqual([
      "2027-01-01",
      "2027-02-04",
      "2027-02-05",
      "2027-02-08",
      "2027-02-09",
      "2027-02-10",
    ]);
    // An empty list returns the year to the defaults.
    expect((await put("quantri", "")).json()).toMatchObject({ source: "default" });
  });

  it("shows a due date on a day off as such, and keeps it where the setting says so", async () => {
    expect((await call("vanthu", "GET", "/api/v1/holidays/settings")).json()).toEqual({
      moveDueToWorkingDay: false,
      zone: "Asia/Ho_Chi_Minh",
    });
    kept = await api.importText("vanthu", "ke-hoach-992.txt", plan(992, TASKS));
    expect((await api.confirmAndPublish("vanthu", kept)).statusCode).toBe(204);
    expect(await work(kept)).toEqual([
      { key: "I.1", deadlines: ["2026-08-30"], off: "Chủ nhật", moved: [] },
      { key: "I.2", deadlines: ["2026-09-02"], off: "Quốc khánh", moved: [] },
    ]);
  });

  it("moves due dates off days off on publication once an administrator says so", async () => {
    const setting = (who: string, on: boolean) =>
      call(who, "PUT", "/api/v1/holidays/settings", { moveDueToWorkingDay: on });
    expect((await setting("vanthu", true)).statusCode).toBe(403);
    expect((await setting("quantri", true)).json()).toMatchObject({ moveDueToWorkingDay: true });
    const moved = await api.importText("vanthu", "ke-hoach-991.txt", plan(991, TASKS));
    expect((await api.confirmAndPublish("vanthu", moved)).statusCode).toBe(204);
    expect(await work(moved)).toEqual([
      { key: "I.1", deadlines: ["2026-08-31"], off: null, moved: [{ from: "2026-08-30", to: "2026-08-31" }] },
      { key: "I.2", deadlines: ["2026-09-03"], off: null, moved: [{ from: "2026-09-02", to: "2026-09-03" }] },
    ]);
    // A plan published before keeps its dates; the change of setting is in the audit log.
    expect((await work(kept)).map((w) => w.deadlines)).toEqual([["2026-08-30"], ["2026-09-02"]]);
    const audit = (await call("quantri", "GET", "/api/v1/audit?limit=20")).json();
    expect(JSON.stringify(audit)).toContain("setting.due_on_day_off");
  });
});
