// The rules of the four states and of a report's standing as SQL: the one SQL copy of
// domain/progress.ts and domain/report-standing.ts, held to them case by case by rules-in-sql.test.ts.

import { type RawBuilder, sql } from "kysely";
import { DEFAULT_ZONE } from "../domain/clock.js";
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

/** The kinds of warning, in domain/warnings.ts WARNING_ORDER. */
export const WARNING_KINDS = ["overdue", "due_soon", "not_started", "behind", "no_update"] as const;

/**
 * The rule of domain/warnings.ts warningsOf() as SQL: for one work item (g: its accepted progress,
 * fd: its first_due and next_due — the first deadline on or after the day —, p: its plan, whose
 * publication starts its time, up.day: the day it was last reported on, in the installation's default zone) on ${today},
 * whether it warrants each kind of warning. Shares of time are compared in whole days
 * (3 × gone ≥ total for a third, 5 × gone ≥ 4 × total for 80%), as the fractions compare.
 */
export const WARNED = (today: string): Record<(typeof WARNING_KINDS)[number], RawBuilder<boolean>> => {
  const open = sql`coalesce(g.status, 'not_started') <> 'done'`;
  const overdue = sql`(${open} and fd.first_due < ${today}::date)`;
  const timed = sql`(not ${overdue} and fd.first_due is not null and p.published_on is not null
    and p.published_on < fd.first_due and p.published_on <= ${today}::date)`;
  const gone = sql`(${today}::date - p.published_on)`;
  const span = sql`(fd.first_due - p.published_on)`;
  const since = sql`coalesce(up.day, p.published_on)`;
  return {
    overdue: sql<boolean>`${overdue}`,
    due_soon: sql<boolean>`(${open} and not ${overdue} and fd.next_due <= ${today}::date + 7)`,
    not_started: sql<boolean>`(coalesce(g.status, 'not_started') = 'not_started' and ${timed} and 3 * ${gone} >= ${span})`,
    behind: sql<boolean>`(g.status = 'in_progress' and ${timed} and 5 * ${gone} >= 4 * ${span})`,
    no_update: sql<boolean>`(${open} and ${since} is not null and ${today}::date - ${since} >= 30)`,
  };
};

/** The columns fd (first_due, next_due) and up (day) that WARNED reads, for work item w on ${today}. */
export const WARNING_FACTS = (today: string) => sql`
  cross join lateral (select min(d.due) as first_due, min(d.due) filter (where d.due >= ${today}::date) as next_due
                      from deadline d where d.work_item_id = w.id) fd
  cross join lateral (select (max(r.submitted_at) at time zone ${sql.lit(DEFAULT_ZONE)})::date as day
                      from report_item ri join report r on r.id = ri.report_id
                      where ri.work_item_id = w.id and r.status in ('submitted', 'accepted')) up`;
