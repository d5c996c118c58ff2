// Reporting periods: a plan's own reporting obligations set them; a plan that orders no datable
// report follows the issuing unit's default regime — out of the box half-yearly with the cut-offs
// of Decree 09/2019/NĐ-CP (data to 14/6 due 15/6, data to 14/12 due 15/12).

import { expandDeadlines } from "../time/expand.js";
import type { Reporting } from "./plan.js";

export const DEFAULT_REGIME = ["06-15", "12-15"];

/** The due dates of a plan's reports in `year`: `reportingDueDates(plan.reporting, 2026)`. */
export function reportingDueDates(
  obligations: readonly Reporting[],
  year: number,
  regime: readonly string[] = DEFAULT_REGIME,
): string[] {
  const dates = new Set<string>();
  for (const o of obligations)
    for (const d of expandDeadlines(o.timeframe, year)) if (d.startsWith(String(year))) dates.add(d);
  if (!dates.size) for (const md of regime) dates.add(`${year}-${md}`);
  return [...dates].sort();
}

/**
 * The period open on `today`: the first due date not yet past by more than `graceDays`, else the
 * last one. A period stays open a few days after its due date, so that the units that have not
 * reported show as missing and a late report still counts for the period it is late for.
 */
export function openPeriod(dueDates: readonly string[], today: string, graceDays = 0): string | null {
  const from = addDays(today, -graceDays);
  return dueDates.find((d) => d >= from) ?? dueDates[dueDates.length - 1] ?? null;
}

/** Days after its due date that a period stays open for late reports. */
export const GRACE_DAYS = 10;

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The due dates of a plan's reports around `today`: last year's, this year's and next year's. */
function duesAround(
  obligations: readonly Reporting[],
  regime: readonly string[] | null,
  today: string,
): string[] {
  const year = Number(today.slice(0, 4));
  return [year - 1, year, year + 1].flatMap((y) =>
    reportingDueDates(obligations, y, regime ?? DEFAULT_REGIME),
  );
}

/**
 * The period open on `today` for a plan: from its reporting obligations, else from the regime.
 * `planPeriod(plan.reporting, ["06-15", "12-15"], "2026-11-23")` → "2026-12-15";
 * on "2026-12-20" still "2026-12-15" (late reports), on "2026-12-26" "2027-06-15".
 */
export function planPeriod(
  obligations: readonly Reporting[],
  regime: readonly string[] | null,
  today: string,
  graceDays = GRACE_DAYS,
): string {
  return openPeriod(duesAround(obligations, regime, today), today, graceDays) ?? `${today.slice(0, 4)}-12-15`;
}

/** The first day a period is locked: the day after its grace days. `lockedFrom("2026-06-15", 10)` → "2026-06-26". */
export function lockedFrom(periodDue: string, graceDays: number): string {
  return addDays(periodDue, graceDays + 1);
}

/** True once a period's grace days have passed: no report of it is saved or sent unless it is reopened. */
export function isLocked(periodDue: string, today: string, graceDays: number): boolean {
  return lockedFrom(periodDue, graceDays) <= today;
}

/**
 * The latest period locked on `today`, the one a unit that missed it asks to reopen:
 * `lastLockedPeriod([], null, "2026-07-01", 10)` → "2026-06-15"; none before the first: null.
 */
export function lastLockedPeriod(
  obligations: readonly Reporting[],
  regime: readonly string[] | null,
  today: string,
  graceDays = GRACE_DAYS,
): string | null {
  const locked = duesAround(obligations, regime, today).filter((d) => isLocked(d, today, graceDays));
  return locked[locked.length - 1] ?? null;
}

// A regime as an administrator types it: "15/6, 15/12" or "06-15,12-15".
const DAY_MONTH = /^(\d{1,2})\s*\/\s*(\d{1,2})$/;
const MONTH_DAY = /^(\d{2})-(\d{2})$/;

/** Reads "15/6, 15/12" into ["06-15", "12-15"]; null with the reason when a day is not a real one. */
export function readRegime(text: string): { days: string[] } | { error: string } {
  const parts = text
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (!parts.length) return { error: "cần ít nhất một ngày (ví dụ 15/6, 15/12)" };
  if (parts.length > 12) return { error: "nhiều nhất 12 kỳ một năm" };
  const days = new Set<string>();
  for (const p of parts) {
    const dm = DAY_MONTH.exec(p);
    const md = MONTH_DAY.exec(p);
    const [day, month] = dm ? [Number(dm[1]), Number(dm[2])] : md ? [Number(md[2]), Number(md[1])] : [0, 0];
    // Checked against a common year: a due day must exist every year, so 29/2 is refused.
    const d = new Date(Date.UTC(2023, month - 1, day));
    if (!day || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
      return { error: `«${p}» không phải ngày/tháng có thật` };
    days.add(`${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
  }
  return { days: [...days].sort() };
}

export interface ReportReminder {
  /** The period's due date. */
  due: string;
  /** Days from `day` to the due date: 7, 3, 1 before; 0 on the day; −grace on the last day a late report is taken. */
  left: number;
}

/**
 * The report reminders a plan gives on `day`: a period whose due date is one of the plan's reminder
 * days away, due today, or whose grace days end today (the last day before it locks). A period due
 * before the plan was published is none of its business. For half-yearly reports and reminder days
 * 7, 3, 1: `reportRemindersOn([], null, "2026-06-08", [7, 3, 1], 10, "2026-03-01")` →
 * `[{ due: "2026-06-15", left: 7 }]`; on "2026-06-25" `[{ due: "2026-06-15", left: -10 }]`.
 */
export function reportRemindersOn(
  obligations: readonly Reporting[],
  regime: readonly string[] | null,
  day: string,
  reminderDays: readonly number[],
  graceDays: number,
  publishedOn: string | null,
): ReportReminder[] {
  const dues = new Set(duesAround(obligations, regime, day));
  const offsets = new Set([...reminderDays.filter((n) => n > 0), 0, -Math.max(graceDays, 0)]);
  const found: ReportReminder[] = [];
  for (const left of [...offsets].sort((a, b) => b - a)) {
    const due = addDays(day, left);
    if (dues.has(due) && (!publishedOn || publishedOn <= due)) found.push({ due, left });
  }
  return found;
}
