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
  // Both orders are one: by the work's first deadline (work overdue longest has the earliest; work
  // not yet due has its next deadline first), ties by the next deadline, then the id. So the unit's
  // deadlines are walked in date order (deadline_unit_due, migration 0027), each piece of work taken
  // at its first deadline if it is open and its task and plan live, and the walk stops at `limit`:
  // a few dozen rows instead of the unit's ~1,000 pieces of work, each with its deadlines.
  const rows = await sql<{ id: string }>`
    select w.id
    from deadline d
    join work_item w on w.id = d.work_item_id
    left join work_item_progress g on g.work_item_id = w.id
    cross join lateral (
      select 1 from task t join plan p on p.id = t.plan_id and p.status in ('published', 'closed')
      where t.id = w.task_id and t.removed_at is null offset 0) live
    cross join lateral (
      select min(n.due) as next_due from deadline n where n.work_item_id = w.id and n.due >= ${today}::date) nd
    where d.unit_id = ${unitId}
      and not exists (select 1 from deadline e where e.work_item_id = d.work_item_id and e.due < d.due)
      and coalesce(g.status, 'not_started') <> 'done'
    order by d.due, nd.next_due, w.id
    limit ${limit}`.execute(db);
  return rows.rows.map((r) => String(r.id));
}
