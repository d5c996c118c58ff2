// Warnings as facts: what the dates and the last report say about a piece of work on a day, stated
// as facts a unit can check ("quá hạn 12 ngày", "chưa triển khai, đã qua 40% thời gian"), never as a
// judgement of the unit ("đơn vị chậm trễ"). Computed afresh for the day asked, so they are never
// stale; done work has none.

import { addDays } from "./clock.js";
import { classify, daysBetween, type ItemProgress } from "./progress.js";

export type WarningKind = "overdue" | "due_soon" | "not_started" | "behind" | "no_update";

export interface Warning {
  kind: WarningKind;
  /** The number the fact turns on: days overdue, days left, percent of time gone, days without update. */
  value: number;
  /** The fact in Vietnamese: "quá hạn 12 ngày". */
  text: string;
}

export interface WarningFacts extends ItemProgress {
  /** The day the work began to count: the plan's publication (or its timeframe's start). */
  startOn: string | null;
  /** The day the unit last reported on the work; null: never. */
  updatedOn: string | null;
}

/** Days before a deadline that it counts as near. */
export const DUE_SOON_DAYS = 7;
/** Days without a report on work not done before it says so. */
export const NO_UPDATE_DAYS = 30;
/** Work not started once this share of its time is gone is said to be so. */
export const NOT_STARTED_SHARE = 1 / 3;
/** Work still in progress once this share of its time is gone is said to be so. */
export const BEHIND_SHARE = 0.8;

const viDay = (iso: string) => iso.split("-").reverse().join("/");

/** The order warnings are listed in: what is most pressing first. */
export const WARNING_ORDER: readonly WarningKind[] = [
  "overdue",
  "due_soon",
  "not_started",
  "behind",
  "no_update",
];

/**
 * The warnings of a piece of work on `today`, most pressing first:
 * `warningsOf({ status: "not_started", doneOn: null, deadlines: ["2026-06-30"], startOn: "2026-06-01",
 *   updatedOn: null }, "2026-06-25")` → due in 5 days; not started with 83% of its time gone.
 */
export function warningsOf(w: WarningFacts, today: string): Warning[] {
  if (w.status === "done") return [];
  const out: Warning[] = [];
  const first = [...w.deadlines].sort()[0];
  const overdue = classify(w, today) === "overdue";
  if (overdue && first) {
    const days = daysBetween(first, today);
    out.push({ kind: "overdue", value: days, text: `quá hạn ${days} ngày (hạn ${viDay(first)})` });
  }
  const next = [...w.deadlines].sort().find((d) => d >= today);
  if (!overdue && next && next <= addDays(today, DUE_SOON_DAYS)) {
    const days = daysBetween(today, next);
    out.push({
      kind: "due_soon",
      value: days,
      text: days === 0 ? `đến hạn hôm nay (${viDay(next)})` : `còn ${days} ngày đến hạn ${viDay(next)}`,
    });
  }
  // The share of the time between the start and the first deadline already gone.
  if (!overdue && first && w.startOn && w.startOn < first && w.startOn <= today) {
    const share = daysBetween(w.startOn, today) / daysBetween(w.startOn, first);
    const percent = Math.round(share * 100);
    if (w.status === "not_started" && share >= NOT_STARTED_SHARE)
      out.push({
        kind: "not_started",
        value: percent,
        text: `chưa triển khai, đã qua ${percent}% thời gian`,
      });
    else if (w.status === "in_progress" && share >= BEHIND_SHARE)
      out.push({ kind: "behind", value: percent, text: `đang thực hiện, đã qua ${percent}% thời gian` });
  }
  const since = w.updatedOn ?? w.startOn;
  if (since && daysBetween(since, today) >= NO_UPDATE_DAYS) {
    const days = daysBetween(since, today);
    out.push({
      kind: "no_update",
      value: days,
      text: w.updatedOn ? `không cập nhật ${days} ngày` : `chưa báo cáo lần nào sau ${days} ngày`,
    });
  }
  return out;
}
