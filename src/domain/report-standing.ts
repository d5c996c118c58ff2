// Where a unit's report of one period stands, decided once for every view that counts reports
// (the leaders' overview, a plan's page, the unit's workspace, the exports). A report returned
// for correction is not sent: it counts again when it is resubmitted, and a resubmission after
// the due date is late whatever the first submission's date was.

export type ReportStatus = "draft" | "submitted" | "returned" | "accepted";

/** The statuses in which a report counts as sent. */
export const SENT_STATUSES: readonly ReportStatus[] = ["submitted", "accepted"];

export type ReportStanding =
  /** Nothing sent yet and the due date has not passed. */
  | "not_sent"
  /** Returned for correction and not yet resubmitted, the due date not passed. */
  | "returned"
  /** Nothing sent (or returned and not resubmitted) though the due date has passed. */
  | "missing"
  | "sent_on_time"
  | "sent_late";

export interface ReportOfPeriod {
  status: ReportStatus;
  /** When it was last submitted (an ISO instant), null before the first submission. */
  submittedAt: string | null;
}

/**
 * `reportStanding({ status: "submitted", submittedAt: "2026-06-16T03:00:00Z" }, "2026-06-15", "2026-06-20")`
 * → "sent_late"; no report at all is `null`: `reportStanding(null, "2026-06-15", "2026-06-10")` → "not_sent".
 */
export function reportStanding(
  report: ReportOfPeriod | null,
  periodDue: string,
  today: string,
): ReportStanding {
  if (report && SENT_STATUSES.includes(report.status) && report.submittedAt)
    return report.submittedAt.slice(0, 10) <= periodDue ? "sent_on_time" : "sent_late";
  if (periodDue < today) return "missing";
  return report?.status === "returned" ? "returned" : "not_sent";
}

/** True for the standings that count as a report in: `isSent("sent_late")` → true. */
export function isSent(standing: ReportStanding): boolean {
  return standing === "sent_on_time" || standing === "sent_late";
}
