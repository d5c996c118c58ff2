// Calendar feeds as ICS files (ical-generator): each deadline an all-day event whose UID stays the
// same for the same work and day, so a calendar app that fetches the feed again updates its events
// instead of adding them twice; each event names the plan and the task, and links back to the plan.

import ical, { ICalEventTransparency } from "ical-generator";
import { addDays } from "../domain/clock.js";
import { viDate } from "../domain/dates.js";

/** One work item as a feed needs it (the shape `workItems` reads). */
export interface CalendarWork {
  workItemId: string;
  unitId: string;
  planId: string;
  planNumber: string | null;
  planTitle: string | null;
  taskKey: string;
  taskKind?: "task" | "duty";
  taskTitle: string;
  role: "lead" | "cooperate";
  /** The staff the work names; empty: the unit's as a whole. */
  persons: string[];
  /** The deadlines as they stand (an approved extension's date in place of the one it replaced). */
  deadlines: string[];
  status: "not_started" | "in_progress" | "done";
  extended?: { count: number; originalDue: string } | null;
}

/** One all-day event. */
export interface CalendarEvent {
  uid: string;
  /** "2026-06-30" */
  day: string;
  summary: string;
  description: string;
  url: string;
}

/** The plan a feed's reporting due dates belong to. */
export interface CalendarPlan {
  id: string;
  number: string | null;
  title: string | null;
}

const ZONE = "Asia/Ho_Chi_Minh";
const TITLE_CHARS = 80;
const ROLE = { lead: "chủ trì", cooperate: "phối hợp" } as const;
const STATUS = { not_started: "chưa triển khai", in_progress: "đang thực hiện", done: "hoàn thành" } as const;

/** The names of the feeds, as a calendar app lists them. */
export const FEED_NAMES = {
  person: (name: string) => `Công việc của ${name} (kehoach)`,
  unit: (unit: string) => `Công việc của ${unit} (kehoach)`,
  plan: (p: CalendarPlan) => `Kế hoạch ${p.number ?? "(không số)"} (kehoach)`,
};

const shorten = (text: string) =>
  text.length > TITLE_CHARS ? `${text.slice(0, TITLE_CHARS - 1).trimEnd()}…` : text;
const numberOf = (n: string | null) => `KH ${n ?? "(không số)"}`;
const planLine = (number: string | null, title: string | null) =>
  `Kế hoạch số ${number ?? "(không số)"}${title ? `: ${title}` : ""}`;
const taskLine = (w: Pick<CalendarWork, "taskKind" | "taskKey" | "taskTitle">) =>
  `${w.taskKind === "duty" ? "Nhiệm vụ phân công" : "Nhiệm vụ"} ${w.taskKey}: ${w.taskTitle}`;
const safe = (part: string) => encodeURIComponent(part).replace(/%/g, "");
/** The app's page of a plan: `planLink("https://kehoach.example/", "12")` → "https://kehoach.example/#/plans/12". */
export const planLink = (base: string, planId: string) => `${base}#/plans/${planId}`;
const summaryOf = (w: Pick<CalendarWork, "taskKey" | "taskTitle" | "planNumber">) =>
  `Hạn: ${w.taskKey} ${shorten(w.taskTitle)} (${numberOf(w.planNumber)})`;

/**
 * One event per deadline of each work item, for a person's or a unit's feed:
 * "Hạn: I.1 Kiểm tra thư viện các trường THPT (KH 997/KH-SGDĐT)" on 30/06/2026.
 */
export function workEvents(
  work: readonly CalendarWork[],
  unitName: (unitId: string) => string,
  base: string,
): CalendarEvent[] {
  return work.flatMap((w) =>
    w.deadlines.map((day) => {
      const url = planLink(base, w.planId);
      const lines = [
        planLine(w.planNumber, w.planTitle),
        taskLine(w),
        `Đơn vị: ${unitName(w.unitId)} (${ROLE[w.role]})`,
        w.persons.length ? `Người thực hiện: ${w.persons.join(", ")}` : "",
        w.extended ? `Gia hạn ${w.extended.count} lần, hạn gốc ${viDate(w.extended.originalDue)}` : "",
        `Tình trạng: ${STATUS[w.status]}`,
        `Xem: ${url}`,
      ];
      return {
        uid: `work-${w.workItemId}-${day}@kehoach`,
        day,
        summary: summaryOf(w),
        description: lines.filter(Boolean).join("\n"),
        url,
      };
    }),
  );
}

/**
 * One event per task and deadline day, for a plan's feed: the units that lead it and cooperate on
 * it that day listed in the event, rather than one event per unit.
 */
export function taskEvents(
  work: readonly CalendarWork[],
  unitName: (unitId: string) => string,
  base: string,
): CalendarEvent[] {
  const groups = new Map<string, { first: CalendarWork; day: string; lead: string[]; cooperate: string[] }>();
  for (const w of work)
    for (const day of w.deadlines) {
      const key = `${w.planId}|${w.taskKey}|${day}`;
      const group = groups.get(key) ?? { first: w, day, lead: [], cooperate: [] };
      const name = unitName(w.unitId);
      if (!group[w.role].includes(name)) group[w.role].push(name);
      groups.set(key, group);
    }
  return [...groups.values()].map(({ first: w, day, lead, cooperate }) => {
    const url = planLink(base, w.planId);
    const lines = [
      planLine(w.planNumber, w.planTitle),
      taskLine(w),
      lead.length ? `Đơn vị chủ trì: ${lead.join(", ")}` : "",
      cooperate.length ? `Đơn vị phối hợp: ${cooperate.join(", ")}` : "",
      `Xem: ${url}`,
    ];
    return {
      uid: `task-${w.planId}-${safe(w.taskKey)}-${day}@kehoach`,
      day,
      summary: summaryOf(w),
      description: lines.filter(Boolean).join("\n"),
      url,
    };
  });
}

/** The plan's reporting due dates: "Hạn báo cáo kỳ 15/06/2026 (KH 997/KH-SGDĐT)". */
export function reportingEvents(plan: CalendarPlan, days: readonly string[], base: string): CalendarEvent[] {
  const url = planLink(base, plan.id);
  return days.map((day) => ({
    uid: `report-${plan.id}-${day}@kehoach`,
    day,
    summary: `Hạn báo cáo kỳ ${viDate(day)} (${numberOf(plan.number)})`,
    description: [
      planLine(plan.number, plan.title),
      "Các đơn vị được giao nhiệm vụ gửi báo cáo kết quả thực hiện của kỳ.",
      `Xem: ${url}`,
    ].join("\n"),
    url,
  }));
}

/**
 * The ICS text of a feed: `calendarIcs({ name: FEED_NAMES.unit("Phòng GDTrH"), stamp, events })`.
 * `stamp` is when it was made (DTSTAMP of every event), given so that the file depends on its input alone.
 */
export function calendarIcs(feed: { name: string; stamp: Date; events: readonly CalendarEvent[] }): string {
  const calendar = ical({
    name: feed.name,
    prodId: { company: "kehoach", product: "kehoach", language: "VI" },
    // Calendar apps fetch a subscribed feed again about this often (seconds).
    ttl: 3600,
  });
  // Every event is a whole day, which no time zone shifts; the zone says where the days are.
  calendar.x("X-WR-TIMEZONE", ZONE);
  const events = [...feed.events].sort((a, b) => a.day.localeCompare(b.day) || a.uid.localeCompare(b.uid));
  for (const e of events)
    calendar.createEvent({
      id: e.uid,
      start: e.day,
      end: addDays(e.day, 1),
      allDay: true,
      stamp: feed.stamp,
      summary: e.summary,
      description: e.description,
      url: e.url,
      // A deadline does not make anyone busy that day.
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  return calendar.toString();
}
