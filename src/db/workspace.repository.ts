// What a unit's workspace pages over: the plans the unit has work in, from the kept pair tally (a
// few rows per plan, however much work), and the unit's most pressing open work across all of them.

import { sql } from "kysely";
import type { ProgressState } from "../domain/progress.js";
import type { Db } from "./schema.js";

export interface UnitPlanTally {
  planId: string;
  counts: Record<ProgressState, number>;
}

/**
 * The published plans `unitId` has work in, those with the most overdue work first, then the
 * newest: `[{ planId, counts }]`. Read from the pair tally, which the day's first reader or the
 * scheduler has brought to today.
 */
export async function unitPlanTallies(db: Db, unitId: string): Promise<UnitPlanTally[]> {
  const rows = await sql<{
    plan_id: string;
    done_on_time: number;
    done_late: number;
    in_progress: number;
    overdue: number;
  }>`
    select pt.plan_id,
           coalesce(sum(pt.n) filter (where pt.state = 'done_on_time'), 0)::int as done_on_time,
           coalesce(sum(pt.n) filter (where pt.state = 'done_late'), 0)::int as done_late,
           coalesce(sum(pt.n) filter (where pt.state = 'in_progress'), 0)::int as in_progress,
           coalesce(sum(pt.n) filter (where pt.state = 'overdue'), 0)::int as overdue
    from progress_tally pt join plan p on p.id = pt.plan_id
    where pt.unit_id = ${unitId} and p.status in ('published', 'closed')
    group by pt.plan_id
    order by overdue desc, pt.plan_id desc`.execute(db);
  return rows.rows.map((r) => ({
    planId: String(r.plan_id),
    counts: {
      done_on_time: Number(r.done_on_time),
      done_late: Number(r.done_late),
      in_progress: Number(r.in_progress),
      overdue: Number(r.overdue),
    },
  }));
}

/**
 * The unit's open work that presses most on `today`, at most `limit`: overdue work, longest overdue
 * first, then what falls due soonest. Returns work item ids.
 */
export async function pressingWork(db: Db, unitId: string, today: string, limit = 10): Promise<string[]> {
  // The task and plan are looked up per work item (the lateral subquery with OFFSET 0 is not
  // flattened): a unit has hundreds of pieces of work, the province a hundred thousand tasks, and a
  // hash join would read them all to keep the unit's few (13 ms instead of 55 over 1,000,000 work items).
  const rows = await sql<{ id: string }>`
    select w.id
    from work_item w
    cross join lateral (
      select 1 from task t join plan p on p.id = t.plan_id and p.status in ('published', 'closed')
      where t.id = w.task_id and t.removed_at is null offset 0) live
    left join work_item_progress g on g.work_item_id = w.id
    cross join lateral (
      select min(d.due) as first_due, min(d.due) filter (where d.due >= ${today}::date) as next_due
      from deadline d where d.work_item_id = w.id) fd
    where w.unit_id = ${unitId} and coalesce(g.status, 'not_started') <> 'done'
      and (fd.first_due < ${today}::date or fd.next_due is not null)
    order by fd.first_due < ${today}::date desc,
             case when fd.first_due < ${today}::date then fd.first_due end,
             fd.next_due, w.id
    limit ${limit}`.execute(db);
  return rows.rows.map((r) => String(r.id));
}
