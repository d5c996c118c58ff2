// Implementing plans that cascade, in SQL: the work a plan gives a unit (to carry down into the
// unit's own plan), the links plan → parent plan and task → parent task, the progress a parent task
// derives from the tasks carrying it down, and the tree of plans implementing a plan with what each
// leaves uncovered.

import { sql } from "kysely";
import type { Timeframe } from "../domain/plan.js";
import type { ProgressState } from "../domain/progress.js";
import type { UnitKind } from "../domain/unit.js";
import type { Db } from "./schema.js";

/** A unit as the cascade needs it: its name, kind, ltree path and its parent's name. */
export interface CascadeUnit {
  id: string;
  name: string;
  kind: UnitKind;
  path: string;
  parentName: string | null;
}

/** These units, by id. */
export async function unitsByIds(db: Db, ids: readonly string[]): Promise<Map<string, CascadeUnit>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom("unit as u")
    .leftJoin("unit as up", "up.id", "u.parent_id")
    .select(["u.id", "u.name", "u.kind", sql<string>`u.path::text`.as("path"), "up.name as parent_name"])
    .where("u.id", "in", [...new Set(ids)])
    .execute();
  return new Map(
    rows.map((r) => [
      String(r.id),
      { id: String(r.id), name: r.name, kind: r.kind, path: r.path, parentName: r.parent_name ?? null },
    ]),
  );
}

/** The units among these that have work (lead or cooperating) in a plan's tasks still counted. */
export async function unitsWithWorkIn(
  db: Db,
  planId: string,
  unitIds: readonly string[],
): Promise<Set<string>> {
  if (!unitIds.length) return new Set();
  const rows = await db
    .selectFrom("work_item as w")
    .innerJoin("task as t", "t.id", "w.task_id")
    .select("w.unit_id")
    .distinct()
    .where("t.plan_id", "=", planId)
    .where("t.removed_at", "is", null)
    .where("w.unit_id", "in", [...unitIds])
    .execute();
  return new Set(rows.map((r) => String(r.unit_id)));
}

/** The implementing plan a unit has drawn up (or imported) for a plan, draft or published, if any. */
export async function implementingPlanOf(
  db: Db,
  parentPlanId: string,
  unitId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom("plan")
    .select("id")
    .where("parent_plan_id", "=", parentPlanId)
    .where("issuer_unit_id", "=", unitId)
    .orderBy("id")
    .executeTakeFirst();
  return row ? String(row.id) : null;
}

/** A task a plan gives a unit, to be carried down into the unit's implementing plan. */
export interface WorkToCarry {
  taskId: string;
  key: string;
  title: string;
  content: string;
  timeframe: Timeframe | null;
  /** The unit's deadlines of it as they stand (an approved extension's date included). */
  deadlines: string[];
}

/** The tasks (and duties) of a plan that give a unit work, in the plan's order. */
export async function workToCarry(db: Db, planId: string, unitId: string): Promise<WorkToCarry[]> {
  const rows = await sql<{
    id: string;
    key: string;
    title: string;
    content: string;
    timeframe: Timeframe | null;
    deadlines: string[];
  }>`
    select t.id, t.key, t.title, t.content, t.timeframe,
           coalesce((select array_agg(distinct d.due::text) from deadline d join work_item w on w.id = d.work_item_id
                     where w.task_id = t.id and w.unit_id = ${unitId}), '{}') as deadlines
    from task t
    where t.plan_id = ${planId} and t.removed_at is null
      and exists (select 1 from work_item w where w.task_id = t.id and w.unit_id = ${unitId})
    order by t.position`.execute(db);
  return rows.rows.map((r) => ({
    taskId: String(r.id),
    key: r.key,
    title: r.title,
    content: r.content,
    timeframe: r.timeframe,
    deadlines: [...r.deadlines].sort(),
  }));
}

/** Links a plan to the plan it implements, and its tasks (by key) to the parent tasks they carry down. */
export async function linkToParent(
  db: Db,
  planId: string,
  parentPlanId: string,
  tasks: ReadonlyArray<{ key: string; parentTaskId: string }>,
): Promise<void> {
  await db.updateTable("plan").set({ parent_plan_id: parentPlanId }).where("id", "=", planId).execute();
  for (const t of tasks)
    await db
      .updateTable("task")
      .set({ parent_task_id: t.parentTaskId })
      .where("plan_id", "=", planId)
      .where("key", "=", t.key)
      .execute();
}

/**
 * The published plan an imported plan says it implements ("Thực hiện Kế hoạch số 88/KH-UBND …",
 * its reference linked to a plan of the system), where the plan has no parent yet; null otherwise.
 */
export async function implementedTarget(db: Db, planId: string): Promise<string | null> {
  const row = await sql<{ target: string }>`
    select r.target_plan_id as target
    from plan_reference r
    join plan me on me.id = r.plan_id and me.parent_plan_id is null
    join plan p on p.id = r.target_plan_id and p.status <> 'draft'
    where r.plan_id = ${planId} and r.relation = 'implements' and r.target_plan_id <> ${planId}
    order by r.position limit 1`.execute(db);
  return row.rows[0] ? String(row.rows[0].target) : null;
}

/** A plan's tasks still counted, with the parent task each carries down (null: none). */
export async function tasksWithParents(
  db: Db,
  planId: string,
): Promise<Array<{ id: string; key: string; title: string; parentTaskId: string | null }>> {
  const rows = await db
    .selectFrom("task")
    .select(["id", "key", "title", "parent_task_id"])
    .where("plan_id", "=", planId)
    .where("removed_at", "is", null)
    .orderBy("position")
    .execute();
  return rows.map((r) => ({
    id: String(r.id),
    key: r.key,
    title: r.title,
    parentTaskId: r.parent_task_id === null ? null : String(r.parent_task_id),
  }));
}

/**
 * Derives, from what an implementing plan's units have done, the progress of the parent tasks it
 * carries down, for the unit that issued it: a parent task's work of that unit is done when the lead
 * work of every task carrying it down (in that unit's published implementing plans) is done — on the
 * last day one was done — in progress when any is started or done, not started otherwise. Parent
 * tasks no task carries down keep what the unit reported on them itself. Returns the parent plan
 * and the unit whose work changed (for its tally), or null when the plan implements none.
 */
export async function deriveParentProgress(
  db: Db,
  planId: string,
): Promise<{ planId: string; unitId: string } | null> {
  const me = await db
    .selectFrom("plan")
    .select(["parent_plan_id", "issuer_unit_id", "status"])
    .where("id", "=", planId)
    .executeTakeFirst();
  if (!me || me.status === "draft" || me.parent_plan_id === null || me.issuer_unit_id === null) return null;
  const unitId = String(me.issuer_unit_id);
  const parentId = String(me.parent_plan_id);
  await sql`
    with covered as (
      select distinct t.parent_task_id as pt from task t
      where t.plan_id = ${planId} and t.parent_task_id is not null and t.removed_at is null
    ),
    derived as (
      select c.pt,
             count(w.id) as n,
             count(w.id) filter (where g.status = 'done') as done,
             count(w.id) filter (where g.status in ('in_progress', 'done')) as started,
             max(g.done_on) as last_done
      from covered c
      join task t on t.parent_task_id = c.pt and t.removed_at is null
      join plan p on p.id = t.plan_id and p.status <> 'draft' and p.issuer_unit_id = ${unitId}
      join work_item w on w.task_id = t.id and w.role = 'lead'
      left join work_item_progress g on g.work_item_id = w.id
      group by c.pt
    )
    insert into work_item_progress (work_item_id, status, done_on, report_id)
    select pw.id,
           case when d.done = d.n then 'done' when d.started > 0 then 'in_progress' else 'not_started' end,
           case when d.done = d.n then d.last_done end,
           null
    from derived d
    join task pt on pt.id = d.pt and pt.plan_id = ${parentId}
    join work_item pw on pw.task_id = pt.id and pw.unit_id = ${unitId}
    where d.n > 0
    on conflict (work_item_id) do update
      set status = excluded.status, done_on = excluded.done_on, report_id = null, updated_at = now()`.execute(
    db,
  );
  return { planId: parentId, unitId };
}

/** A plan of the cascade below a plan: one node of the tree. */
export interface CascadeRow {
  id: string;
  parentId: string | null;
  depth: number;
  number: string | null;
  title: string | null;
  status: "draft" | "published" | "closed";
  issuerUnitId: string | null;
  issuerName: string | null;
}

/** The plan and every plan implementing it, down the levels (school → …), depth first by id. */
export async function cascadeBelow(db: Db, rootId: string, maxDepth = 8): Promise<CascadeRow[]> {
  const rows = await sql<{
    id: string;
    parent_id: string | null;
    depth: number;
    number: string | null;
    title: string | null;
    status: CascadeRow["status"];
    issuer_unit_id: string | null;
    issuer_name: string | null;
  }>`
    with recursive tree (id, parent_id, depth, trail) as (
      select p.id, null::bigint, 0, array[p.id] from plan p where p.id = ${rootId}
      union all
      select c.id, c.parent_plan_id, tree.depth + 1, tree.trail || c.id
      from plan c join tree on c.parent_plan_id = tree.id
      where tree.depth < ${maxDepth} and not c.id = any(tree.trail)
    )
    select tree.id, tree.parent_id, tree.depth, p.number, p.title, p.status, p.issuer_unit_id,
           coalesce(u.name, p.issuer) as issuer_name
    from tree join plan p on p.id = tree.id left join unit u on u.id = p.issuer_unit_id
    order by tree.trail`.execute(db);
  return rows.rows.map((r) => ({
    id: String(r.id),
    parentId: r.parent_id === null ? null : String(r.parent_id),
    depth: Number(r.depth),
    number: r.number,
    title: r.title,
    status: r.status,
    issuerUnitId: r.issuer_unit_id === null ? null : String(r.issuer_unit_id),
    issuerName: r.issuer_name,
  }));
}

/** The kept four-state counts (progress_tally) of each of these plans, all units together. */
export async function tallyOfPlans(
  db: Db,
  planIds: readonly string[],
): Promise<Map<string, Record<ProgressState, number>>> {
  const out = new Map<string, Record<ProgressState, number>>();
  if (!planIds.length) return out;
  const rows = await db
    .selectFrom("progress_tally")
    .select(["plan_id", "state", (eb) => eb.fn.sum<number>("n").as("n")])
    .where("plan_id", "in", [...planIds])
    .groupBy(["plan_id", "state"])
    .execute();
  for (const r of rows) {
    const counts = out.get(String(r.plan_id)) ?? {
      done_on_time: 0,
      done_late: 0,
      in_progress: 0,
      overdue: 0,
    };
    counts[r.state] = Number(r.n);
    out.set(String(r.plan_id), counts);
  }
  return out;
}

/** Work a plan gives a unit that no published plan of that unit carries down ("chưa có đơn vị triển khai"). */
export interface UncoveredRow {
  planId: string;
  taskKey: string;
  taskTitle: string;
  unitId: string;
  unitName: string;
  unitPath: string;
}

/**
 * The work of these plans given to units other than their issuers that no published implementing
 * plan of that unit carries down (no task of it names the task as its parent), in task order.
 */
export async function uncoveredWork(db: Db, planIds: readonly string[]): Promise<UncoveredRow[]> {
  if (!planIds.length) return [];
  const rows = await sql<{
    plan_id: string;
    key: string;
    title: string;
    unit_id: string;
    name: string;
    path: string;
  }>`
    select distinct t.plan_id, t.key, t.title, t.position, u.id as unit_id, u.name, u.path::text as path
    from task t
    join plan p on p.id = t.plan_id
    join work_item w on w.task_id = t.id
    join unit u on u.id = w.unit_id
    where t.plan_id = any(${[...planIds]}::bigint[]) and t.removed_at is null
      and w.unit_id is distinct from p.issuer_unit_id
      and not exists (
        select 1 from task c join plan cp on cp.id = c.plan_id
        where c.parent_task_id = t.id and c.removed_at is null
          and cp.status <> 'draft' and cp.issuer_unit_id = w.unit_id)
    order by plan_id, position, path`.execute(db);
  return rows.rows.map((r) => ({
    planId: String(r.plan_id),
    taskKey: r.key,
    taskTitle: r.title,
    unitId: String(r.unit_id),
    unitName: r.name,
    unitPath: r.path,
  }));
}
