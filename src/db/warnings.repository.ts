// The overview's warnings at province scale: how much work warrants each warning, summed from the
// units' kept rows, and the most pressing warned work found by walking deadlines in due order rather
// than stating the warnings of every piece of work within reach.

import { sql } from "kysely";
import { isNarrowView } from "./progress-tally.repository.js";
import type { Db } from "./schema.js";
import { WARNED, WARNING_FACTS, WARNING_KINDS } from "./state-rules.js";

export type WarningCounts = Record<(typeof WARNING_KINDS)[number], number>;

/** How much work of the units within `reach` (null: all) warrants each warning today. */
export async function warningCounts(db: Db, reach: string | null): Promise<WarningCounts> {
  const rows = await sql<WarningCounts>`
    select ${sql.join(WARNING_KINDS.map((k) => sql`coalesce(sum(ur.${sql.ref(`w_${k}`)}), 0)::int as ${sql.ref(k)}`))}
    from unit_rollup ur
    ${reach === null ? sql`` : sql`join unit u on u.id = ur.unit_id where u.path <@ ${reach}::ltree`}`.execute(
    db,
  );
  const r = rows.rows[0];
  return Object.fromEntries(WARNING_KINDS.map((k) => [k, Number(r?.[k] ?? 0)])) as WarningCounts;
}

/**
 * Up to `limit` pieces of warned work of the units within `reach`, the most pressing first:
 * overdue work, longest overdue first; then work falling due within the week, soonest first; then,
 * if there is still room, the rest (not started, behind, not reported on). Returns work item ids.
 */
export async function mostPressingWarned(
  db: Db,
  reach: string | null,
  today: string,
  limit: number,
): Promise<string[]> {
  const narrow = await isNarrowView(db, reach);
  const deadlines = narrow
    ? sql`(select d.* from unit x join work_item xw on xw.unit_id = x.id join deadline d on d.work_item_id = xw.id
           where x.path <@ ${reach}::ltree)`
    : sql`deadline`;
  const live = sql`
    join work_item w on w.id = d.work_item_id
    join task t on t.id = w.task_id and t.removed_at is null
    join plan p on p.id = t.plan_id and p.status in ('published', 'closed')
    join unit u on u.id = w.unit_id
    left join work_item_progress g on g.work_item_id = w.id`;
  const within = reach === null ? sql`true` : sql`u.path <@ ${reach}::ltree`;
  // Overdue: each item at its first deadline, earliest first.
  const overdue = await sql<{ id: string }>`
    select w.id from ${deadlines} d ${live}
    where d.due < ${today}::date and coalesce(g.status, 'not_started') <> 'done' and ${within}
      and not exists (select 1 from deadline e where e.work_item_id = w.id and e.due < d.due)
    order by d.due, d.work_item_id
    limit ${limit}`.execute(db);
  const ids = overdue.rows.map((r) => String(r.id));
  if (ids.length >= limit) return ids;
  // Due within the week: each item at its next deadline, soonest first.
  const soon = await sql<{ id: string }>`
    select w.id from ${deadlines} d ${live}
    where d.due between ${today}::date and ${today}::date + 7
      and coalesce(g.status, 'not_started') <> 'done' and ${within}
      and not exists (select 1 from deadline e where e.work_item_id = w.id and e.due < d.due)
    order by d.due, d.work_item_id
    limit ${limit - ids.length}`.execute(db);
  ids.push(...soon.rows.map((r) => String(r.id)));
  if (ids.length >= limit) return ids;
  // The rest: the work within reach is read (the view has little overdue or near work), ranked as
  // the overview ranks it: not started, then behind, then not reported on; the larger figure first.
  const warned = WARNED(today);
  const share = sql`round(100.0 * (${today}::date - p.published_on) / nullif(fd.first_due - p.published_on, 0))`;
  const rest = await sql<{ id: string }>`
    select w.id from work_item w
    join task t on t.id = w.task_id and t.removed_at is null
    join plan p on p.id = t.plan_id and p.status in ('published', 'closed')
    join unit u on u.id = w.unit_id
    left join work_item_progress g on g.work_item_id = w.id
    ${WARNING_FACTS(today)}
    where ${within} and not ${warned.overdue} and not ${warned.due_soon}
      and (${warned.not_started} or ${warned.behind} or ${warned.no_update})
    order by case when ${warned.not_started} then 2 when ${warned.behind} then 3 else 4 end,
             case when ${warned.not_started} or ${warned.behind} then ${share}
                  else ${today}::date - coalesce(up.day, p.published_on) end desc,
             w.id
    limit ${limit - ids.length}`.execute(db);
  ids.push(...rest.rows.map((r) => String(r.id)));
  return ids;
}
