// What the exports read that no other view does: the items of the reports units sent for a plan's
// periods (the matrix's sheet per period), and a plan's tasks with their units as the plan writes them
// (its assignment table, "Phụ lục phân công nhiệm vụ").

import { sql } from "kysely";
import type { Timeframe } from "../domain/plan.js";
import type { Db, ItemStatus } from "./schema.js";
import { REPORT_SENT } from "./state-rules.js";

/** One work item as a sent report of one period gave it. */
export interface ReportedItem {
  periodDue: string;
  workItemId: string;
  status: ItemStatus;
  doneOn: string | null;
}

/**
 * The items of the reports sent (submitted or accepted; a returned one is not sent) for a plan's
 * periods: `await reportedItems(db, "12", ["2026-06-15", "2026-12-15"])`.
 */
export async function reportedItems(
  db: Db,
  planId: string,
  periodDues: readonly string[],
): Promise<ReportedItem[]> {
  if (!periodDues.length || !/^\d{1,18}$/.test(planId)) return [];
  const rows = await sql<{
    period_due: string;
    work_item_id: string;
    status: ItemStatus;
    done_on: string | null;
  }>`
    select r.period_due::text as period_due, ri.work_item_id, ri.status, ri.done_on::text as done_on
    from report r join report_item ri on ri.report_id = r.id
    where r.plan_id = ${planId} and r.period_due = any(${[...periodDues]}::date[]) and ${REPORT_SENT(sql`r`)}`.execute(
    db,
  );
  return rows.rows.map((r) => ({
    periodDue: r.period_due,
    workItemId: String(r.work_item_id),
    status: r.status,
    doneOn: r.done_on,
  }));
}

/** A unit a task names, as the plan writes it, with the directory units it was resolved to. */
export interface AssignedUnit {
  role: "lead" | "cooperate";
  /** The name as the plan (or the reviewer's correction) writes it. */
  text: string;
  /** The directory's names of the units it stands for. */
  names: string[];
}

/** A task (or a duty tracked as work) of a plan with its units, time and products. */
export interface AssignmentTask {
  key: string;
  kind: "task" | "duty";
  title: string;
  timeframe: Timeframe | null;
  products: string[];
  units: AssignedUnit[];
}

/** The tasks of a plan that still count (an amendment's removed ones left out), in the plan's order. */
export async function assignmentTasks(db: Db, planId: string): Promise<AssignmentTask[]> {
  if (!/^\d{1,18}$/.test(planId)) return [];
  const rows = await sql<{
    key: string;
    kind: "task" | "duty";
    title: string;
    timeframe: Timeframe | null;
    products: unknown;
    units: AssignedUnit[];
  }>`
    select t.key, t.kind, t.title, t.timeframe, t.products,
           coalesce((select jsonb_agg(jsonb_build_object(
                       'role', tu.role, 'text', tu.unit_text,
                       'names', coalesce((select jsonb_agg(u.name order by u.name) from unit u
                                          where u.id = any(tu.unit_ids)), '[]'::jsonb))
                     order by tu.position)
                     from task_unit tu where tu.task_id = t.id), '[]'::jsonb) as units
    from task t
    where t.plan_id = ${planId} and t.removed_at is null
    order by t.position`.execute(db);
  return rows.rows.map((r) => ({
    key: r.key,
    kind: r.kind,
    title: r.title,
    timeframe: r.timeframe,
    products: Array.isArray(r.products) ? r.products.filter((p): p is string => typeof p === "string") : [],
    units: r.units,
  }));
}

/** The plan's heading as its appendix cites it: number, date, issuer, title; null when there is no such plan. */
export async function planHeading(
  db: Db,
  planId: string,
): Promise<{
  number: string | null;
  issuedOn: string | null;
  issuer: string | null;
  title: string | null;
} | null> {
  if (!/^\d{1,18}$/.test(planId)) return null;
  const p = await db
    .selectFrom("plan")
    .select(["number", sql<string | null>`issued_on::text`.as("issued_on"), "issuer", "title"])
    .where("id", "=", planId)
    .executeTakeFirst();
  return p ? { number: p.number, issuedOn: p.issued_on, issuer: p.issuer, title: p.title } : null;
}
