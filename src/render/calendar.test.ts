// The ICS feeds read back by a calendar library (node-ical): one all-day event per deadline on its
// day, whatever the machine's time zone, with stable UIDs, the plan and task named, a link back.

import ical, { type VEvent } from "node-ical";
import { describe, expect, it } from "vitest";
import {
  type CalendarWork,
  calendarIcs,
  FEED_NAMES,
  reportingEvents,
  taskEvents,
  workEvents,
} from "./calendar.js";

const BASE = "https://kehoach.example/";
const stamp = new Date("2026-06-01T00:00:00Z");

const work = (over: Partial<CalendarWork>): CalendarWork => ({
  workItemId: "41",
  unitId: "7",
  planId: "12",
  planNumber: "997/KH-SGDĐT",
  planTitle: "Kiểm tra thư viện trường học năm 2026",
  taskKey: "I.1",
  taskKind: "task",
  taskTitle: "Kiểm tra thư viện các trường THPT",
  role: "lead",
  persons: [],
  deadlines: ["2026-06-30"],
  status: "in_progress",
  extended: null,
  ...over,
});
const UNITS: Record<string, string> = { "7": "Phòng Giáo dục Trung học", "8": "Văn phòng Sở" };
const unitName = (id: string) => UNITS[id] ?? "";

/** The local day a parsed all-day start stands for (node-ical gives local midnight). */
const dayOf = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
const urlOf = (u: unknown) => (typeof u === "string" ? u : (u as { val: string }).val);

function events(text: string): VEvent[] {
  return Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === "VEVENT");
}

describe("calendar feeds as ICS", () => {
  it("puts each deadline of each work item on its day, all day, with the plan, task, unit and link", () => {
    const text = calendarIcs({
      name: FEED_NAMES.unit("Phòng Giáo dục Trung học"),
      stamp,
      events: workEvents(
        [
          work({ deadlines: ["2026-06-30", "2026-12-15"], persons: ["Vũ Việt Linh"] }),
          work({
            workItemId: "42",
            taskKey: "PC-IV.2",
            taskKind: "duty",
            taskTitle: "x".repeat(120),
            role: "cooperate",
            deadlines: ["2026-09-30"],
            status: "done",
            extended: { count: 1, originalDue: "2026-08-31" },
          }),
        ],
        unitName,
        BASE,
      ),
    });
    expect(text).toContain("X-WR-CALNAME:Công việc của Phòng Giáo dục Trung học (kehoach)");
    expect(text).toContain("X-WR-TIMEZONE:Asia/Ho_Chi_Minh");
    const parsed = events(text);
    expect(parsed.map((e) => [e.uid, dayOf(e.start), e.start.dateOnly, dayOf(e.end as Date)])).toEqual([
      ["work-41-2026-06-30@kehoach", "2026-06-30", true, "2026-07-01"],
      ["work-42-2026-09-30@kehoach", "2026-09-30", true, "2026-10-01"],
      ["work-41-2026-12-15@kehoach", "2026-12-15", true, "2026-12-16"],
    ]);
    const [first, duty] = parsed as [VEvent, VEvent];
    expect(first.summary).toBe("Hạn: I.1 Kiểm tra thư viện các trường THPT (KH 997/KH-SGDĐT)");
    expect(first.description).toBe(
      [
        "Kế hoạch số 997/KH-SGDĐT: Kiểm tra thư viện trường học năm 2026",
        "Nhiệm vụ I.1: Kiểm tra thư viện các trường THPT",
        "Đơn vị: Phòng Giáo dục Trung học (chủ trì)",
        "Người thực hiện: Vũ Việt Linh",
        "Tình trạng: đang thực hiện",
        "Xem: https://kehoach.example/#/plans/12",
      ].join("\n"),
    );
    expect(urlOf(first.url)).toBe("https://kehoach.example/#/plans/12");
    // A long title is shortened in the summary, whole in the description.
    expect(duty.summary).toBe(`Hạn: PC-IV.2 ${"x".repeat(79)}… (KH 997/KH-SGDĐT)`);
    expect(duty.description).toContain(`Nhiệm vụ phân công PC-IV.2: ${"x".repeat(120)}`);
    expect(duty.description).toContain("Đơn vị: Phòng Giáo dục Trung học (phối hợp)");
    expect(duty.description).toContain("Gia hạn 1 lần, hạn gốc 31/08/2026");
    expect(duty.description).toContain("Tình trạng: hoàn thành");
  });

  it("gives the same file, UIDs included, for the same work: a calendar app updates, never doubles", () => {
    const make = () => calendarIcs({ name: "x", stamp, events: workEvents([work({})], unitName, BASE) });
    expect(make()).toBe(make());
  });

  it("lists a plan's task once a day with its lead and cooperating units, and its reporting due dates", () => {
    const plan = { id: "12", number: "997/KH-SGDĐT", title: "Kiểm tra thư viện trường học năm 2026" };
    const text = calendarIcs({
      name: FEED_NAMES.plan(plan),
      stamp,
      events: [
        ...taskEvents([work({}), work({ workItemId: "43", unitId: "8", role: "cooperate" })], unitName, BASE),
        ...reportingEvents(plan, ["2026-06-15", "2026-12-15"], BASE),
      ],
    });
    expect(text).toContain("X-WR-CALNAME:Kế hoạch 997/KH-SGDĐT (kehoach)");
    const parsed = events(text);
    expect(parsed.map((e) => [dayOf(e.start), e.summary])).toEqual([
      ["2026-06-15", "Hạn báo cáo kỳ 15/06/2026 (KH 997/KH-SGDĐT)"],
      ["2026-06-30", "Hạn: I.1 Kiểm tra thư viện các trường THPT (KH 997/KH-SGDĐT)"],
      ["2026-12-15", "Hạn báo cáo kỳ 15/12/2026 (KH 997/KH-SGDĐT)"],
    ]);
    const task = parsed[1] as VEvent;
    expect(task.uid).toBe("task-12-I.1-2026-06-30@kehoach");
    expect(task.description).toContain("Đơn vị chủ trì: Phòng Giáo dục Trung học");
    expect(task.description).toContain("Đơn vị phối hợp: Văn phòng Sở");
    expect(urlOf(parsed[0]?.url)).toBe("https://kehoach.example/#/plans/12");
  });

  it("is a calendar with no events where there is no work", () => {
    const text = calendarIcs({ name: FEED_NAMES.person("Nguyễn Văn A"), stamp, events: [] });
    expect(text).toContain("BEGIN:VCALENDAR");
    expect(events(text)).toEqual([]);
  });
});
