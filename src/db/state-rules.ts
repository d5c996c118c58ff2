// The rules of the four states and of a report's standing as SQL: the one SQL copy of
// domain/progress.ts and domain/report-standing.ts, held to them case by case by rules-in-sql.test.ts.

import { type RawBuilder, sql } from "kysely";
import type { ProgressState } from "../domain/progress.js";
import { SENT_STATUSES } from "../domain/report-standing.js";

/**
 * The rule of domain/progress.ts classify() as SQL over one work item (g: its accepted progress,
 * fd: its first deadline) on the day ${today}. The one SQL copy of that rule: every count and list
 * of the four states uses it, and a test holds it to classify() case by case.
 */
export const STATE_OF = (today: string) => sql<ProgressState>`
  case when coalesce(g.status, 'not_started') = 'done' then
         case when g.done_on is null or fd.first_due is null or g.done_on <= fd.first_due
              then 'done_on_time' else 'done_late' end
       when fd.first_due < ${today}::date then 'overdue'
       else 'in_progress' end`;

/**
 * The rule of domain/report-standing.ts reportStanding() as SQL, over a report row (left-joined:
 * null when the unit has none) and its period's due date: sent, and sent by the due date. The day of
 * a submission is the UTC day, as in reportStanding().
 */
export const REPORT_SENT = (r: RawBuilder<unknown>) =>
  sql<boolean>`coalesce(${r}.status in (${sql.join(SENT_STATUSES.map((s) => sql.lit(s)))}) and ${r}.submitted_at is not null, false)`;
export const REPORT_SENT_ON_TIME = (r: RawBuilder<unknown>, due: RawBuilder<unknown>) =>
  sql<boolean>`(${REPORT_SENT(r)} and (${r}.submitted_at at time zone 'UTC')::date <= ${due})`;
