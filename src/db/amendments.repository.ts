// Storage of amendments: which plan a plan amends, the tasks compared, the changes applied to the
// amended plan's tracked work, and their history.

import { sql } from "kysely";
import type { Timeframe } from "../domain/plan.js";
import type { Db } from "./schema.js";

export interface StoredTask {
  id: string;
  key: string;
  title: string;
  timeframe: Timeframe | null;
  leadIds: string[];
  leadNames: string[];
  /** The lead references as stored: the text as written, the units it was resolved to. */
  leads: Array<{ text: string; unitIds: string[] }>;
}

/** A plan's tasks still in force, with their leads, in list order. */
export async function tasksInForce(db: Db, planId: string): Promise<StoredTask[]> {
  const rows = await sql<{
    id: string;
    key: string;
    title: string;
    timeframe: Timeframe | null;
    lead_ids: string[] | null;
    lead_names: string[] | null;
    leads: Array<{ text: string; unitIds: string[] }> | null;
  }>`
    select t.id, t.key, t.title, t.timeframe,
      (select array_agg(distinct uid::text) from task_unit tu, unnest(tu.unit_ids) uid
        where tu.task_id = t.id and tu.role = 'lead') as lead_ids,
      (select array_agg(tu.unit_text order by tu.position) from task_unit tu
        where tu.task_id = t.id and tu.role = 'lead') as lead_names,
      (select jsonb_agg(jsonb_build_object('text', tu.unit_text, 'unitIds', to_jsonb(tu.unit_ids::text[]))
        order by tu.position) from task_unit tu where tu.task_id = t.id and tu.role = 'lead') as leads
    from task t where t.plan_id = ${planId} and t.removed_at is null order by t.position`.execute(db);
  return rows.rows.map((r) => ({
    id: String(r.id),
    key: r.key,
    title: r.title,
    timeframe: r.timeframe,
    leadIds: r.lead_ids ?? [],
    leadNames: r.lead_names ?? [],
    leads: r.leads ?? [],
  }));
}

/** The plan a plan amends, if it names one. */
export async function amendedPlanId(db: Db, planId: string): Promise<string | null> {
  const r = await db.selectFrom("plan").select("amends_plan_id").where("id", "=", planId).executeTakeFirst();
  return r?.amends_plan_id ? String(r.amends_plan_id) : null;
}

/** Copies a task (its units, not its work) into another plan at the end of its list; returns the new id. */
export async function copyTaskInto(db: Db, taskId: string, planId: string, key: string): Promise<string> {
  const r = await sql<{ id: string }>`
    insert into task (plan_id, kind, key, position, title, content, timeframe, products, search_text)
    select ${planId}, t.kind, ${key}, coalesce((select max(position) + 1 from task where plan_id = ${planId}), 0),
           t.title, t.content, t.timeframe, t.products, t.search_text
    from task t where t.id = ${taskId}
    returning id`.execute(db);
  const id = String(r.rows[0]?.id);
  await sql`
    insert into task_unit (task_id, role, position, unit_text, method, unit_ids, staff_ids, candidates)
    select ${id}, role, position, unit_text, method, unit_ids, staff_ids, candidates
    from task_unit where task_id = ${taskId}`.execute(db);
  await sql`
    insert into work_item (task_id, unit_id, role)
    select distinct ${id}::bigint, uid, tu.role from task_unit tu, unnest(tu.unit_ids) uid where tu.task_id = ${id}
    on conflict (task_id, unit_id, role) do nothing`.execute(db);
  return id;
}

/** Whether a plan already uses a task key. */
export async function keyTaken(db: Db, planId: string, key: string): Promise<boolean> {
  const r = await db
    .selectFrom("task")
    .select("id")
    .where("plan_id", "=", planId)
    .where("key", "=", key)
    .executeTakeFirst();
  return !!r;
}

/** Marks a task removed: its work stops counting; its reports stay. */
export async function markRemoved(db: Db, taskId: string): Promise<void> {
  await db.updateTable("task").set({ removed_at: sql`now()` }).where("id", "=", taskId).execute();
}

/** A task's timeframe as it now stands. */
export async function setTimeframe(db: Db, taskId: string, timeframe: Timeframe | null): Promise<void> {
  await db
    .updateTable("task")
    .set({ timeframe: timeframe ? JSON.stringify(timeframe) : null })
    .where("id", "=", taskId)
    .execute();
}

/**
 * Gives a task new leads: the lead references become the amendment's, a work item for each new lead
 * unit; a former lead's work item goes unless its unit has reported on it (then it stays, as work done).
 */
export async function replaceLeads(
  db: Db,
  taskId: string,
  leads: ReadonlyArray<{ text: string; unitIds: string[] }>,
): Promise<void> {
  await db.deleteFrom("task_unit").where("task_id", "=", taskId).where("role", "=", "lead").execute();
  if (leads.length)
    await db
      .insertInto("task_unit")
      .values(
        leads.map((l, i) => ({
          task_id: taskId,
          role: "lead" as const,
          position: -leads.length + i,
          unit_text: l.text,
          method: l.unitIds.length ? ("exact" as const) : ("review" as const),
          unit_ids: l.unitIds,
          candidates: "[]",
        })),
      )
      .execute();
  const ids = [...new Set(leads.flatMap((l) => l.unitIds))];
  await sql`
    delete from work_item w where w.task_id = ${taskId} and w.role = 'lead'
      ${ids.length ? sql`and w.unit_id <> all(${ids}::bigint[])` : sql``}
      and not exists (select 1 from report_item i where i.work_item_id = w.id)`.execute(db);
  if (ids.length)
    await db
      .insertInto("work_item")
      .values(ids.map((unitId) => ({ task_id: taskId, unit_id: unitId, role: "lead" as const })))
      .onConflict((oc) => oc.columns(["task_id", "unit_id", "role"]).doNothing())
      .execute();
}

/** The units with work on these tasks (for telling them of the change). */
export async function unitsWithWork(db: Db, taskIds: readonly string[]): Promise<string[]> {
  if (!taskIds.length) return [];
  const rows = await db
    .selectFrom("work_item")
    .select("unit_id")
    .distinct()
    .where("task_id", "in", [...taskIds])
    .execute();
  return rows.map((r) => String(r.unit_id));
}

/** Drops the tracked work of a plan's own tasks (an amendment's work lives in the plan it amends). */
export async function dropOwnWork(db: Db, planId: string): Promise<void> {
  await sql`delete from work_item w using task t where w.task_id = t.id and t.plan_id = ${planId}`.execute(
    db,
  );
}

export interface ChangeRecord {
  taskId: string;
  amendmentPlanId: string;
  change: "added" | "removed" | "deadline" | "lead";
  before: unknown;
  after: unknown;
  /** "Kế hoạch số 12/KH-SGDĐT ngày 01/3/2026". */
  basis: string;
}

export async function recordChange(db: Db, c: ChangeRecord): Promise<void> {
  await db
    .insertInto("task_change")
    .values({
      task_id: c.taskId,
      amendment_plan_id: c.amendmentPlanId,
      change: c.change,
      before: c.before === null ? null : JSON.stringify(c.before),
      after: c.after === null ? null : JSON.stringify(c.after),
      basis: c.basis,
    })
    .execute();
}

export interface TaskChangeRow {
  taskKey: string;
  change: ChangeRecord["change"];
  before: unknown;
  after: unknown;
  basis: string;
  amendmentPlanId: string | null;
  at: string;
}

/** The changes amendments made to a plan's tasks, oldest first. */
export async function changesOfPlan(db: Db, planId: string): Promise<TaskChangeRow[]> {
  const rows = await db
    .selectFrom("task_change as c")
    .innerJoin("task as t", "t.id", "c.task_id")
    .select(["t.key", "c.change", "c.before", "c.after", "c.basis", "c.amendment_plan_id", "c.at"])
    .where("t.plan_id", "=", planId)
    .orderBy("c.id")
    .execute();
  return rows.map((r) => ({
    taskKey: r.key,
    change: r.change,
    before: r.before,
    after: r.after,
    basis: r.basis,
    amendmentPlanId: r.amendment_plan_id === null ? null : String(r.amendment_plan_id),
    at: new Date(r.at).toISOString(),
  }));
}
