// The four states leaders watch, for one task × unit work item on a given day:
// done on time, done late, in progress within the deadline, overdue.

export type ProgressState = "done_on_time" | "done_late" | "in_progress" | "overdue";

export interface ItemProgress {
  status: "not_started" | "in_progress" | "done";
  doneOn: string | null;
  /** The work item's dated deadlines (empty for continuous work). */
  deadlines: readonly string[];
}

/**
 * `classify({ status: "done", doneOn: "2026-07-02", deadlines: ["2026-06-30"] }, "2026-08-01")` → "done_late".
 * Work with no deadline of its own is never overdue; done work is on time when it was done by its first deadline.
 */
export function classify(item: ItemProgress, today: string): ProgressState {
  const first = [...item.deadlines].sort()[0];
  if (item.status === "done")
    return !first || !item.doneOn || item.doneOn <= first ? "done_on_time" : "done_late";
  return first && first < today ? "overdue" : "in_progress";
}

/** Days between two ISO dates: "quá hạn 12 ngày" states facts, not judgments. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
