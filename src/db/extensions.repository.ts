// Extension requests and what an approval changes: the deadline it extends replaced by the approved
// date (the request keeps the date it replaced, so the original is never lost).

import { sql } from "kysely";
import type { Db } from "./schema.js";

export interface ExtensionRow {
  id: string;
  workItemId: string;
  planId: string;
  planNumber: string | null;
  taskKey: string;
  taskTitle: string;
  unitId: string;
  unitName: string;
  unitPath: string;
  fromDue: string;
  requestedDue: string;
  reason: string;
  basis: string | null;
  status: "pending" | "approved" | "refused";
  requestedAt: string;
  decidedAt: string | null;
  comment: string | null;
}

const SELECT = sql`
  select e.id, e.work_item_id, t.plan_id, p.number, t.key, t.title, w.unit_id, u.name as unit_name,
         u.path::text as unit_path, e.from_due::text as from_due, e.requested_due::text as requested_due,
         e.reason, e.basis, e.status, e.requested_at, e.decided_at, e.comment
  from extension_request e
  join work_item w on w.id = e.work_item_id
  join task t on t.id = w.task_id
  join plan p on p.id = t.plan_id
  join unit u on u.id = w.unit_id`;

type Row = {
  id: string;
  work_item_id: string;
  plan_id: string;
  number: string | null;
  key: string;
  title: string;
  unit_id: string;
  unit_name: string;
  unit_path: string;
  from_due: string;
  requested_due: string;
  reason: string;
  basis: string | null;
  status: ExtensionRow["status"];
  requested_at: Date;
  decided_at: Date | null;
  comment: string | null;
};

const toRow = (r: Row): ExtensionRow => ({
  id: String(r.id),
  workItemId: String(r.work_item_id),
  planId: String(r.plan_id),
  planNumber: r.number,
  taskKey: r.key,
  taskTitle: r.title,
  unitId: String(r.unit_id),
  unitName: r.unit_name,
  unitPath: r.unit_path,
  fromDue: r.from_due,
  requestedDue: r.requested_due,
  reason: r.reason,
  basis: r.basis,
  status: r.status,
  requestedAt: new Date(r.requested_at).toISOString(),
  decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
  comment: r.comment,
});

/** A work item as an extension needs it: its plan, unit, role and open deadlines. */
export async function workItemForExtension(
  db: Db,
  workItemId: string,
): Promise<{ planId: string; unitId: string; role: string; deadlines: string[]; done: boolean } | null> {
  if (!/^\d{1,18}$/.test(workItemId)) return null;
  const r = await sql<{
    plan_id: string;
    unit_id: string;
    role: string;
    deadlines: string[];
    status: string | null;
  }>`
    select t.plan_id, w.unit_id, w.role, g.status,
      coalesce((select array_agg(d.due::text order by d.due) from deadline d where d.work_item_id = w.id), '{}') as deadlines
    from work_item w join task t on t.id = w.task_id and t.removed_at is null
    join plan p on p.id = t.plan_id and p.status = 'published'
    left join work_item_progress g on g.work_item_id = w.id
    where w.id = ${workItemId}`.execute(db);
  const row = r.rows[0];
  return row
    ? {
        planId: String(row.plan_id),
        unitId: String(row.unit_id),
        role: row.role,
        deadlines: row.deadlines,
        done: row.status === "done",
      }
    : null;
}

export async function insertExtension(
  db: Db,
  e: {
    workItemId: string;
    fromDue: string;
    requestedDue: string;
    reason: string;
    basis: string | null;
    by: string;
    at: Date;
  },
): Promise<string> {
  const r = await db
    .insertInto("extension_request")
    .values({
      work_item_id: e.workItemId,
      from_due: e.fromDue,
      requested_due: e.requestedDue,
      reason: e.reason,
      basis: e.basis,
      requested_by: e.by,
      requested_at: e.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return String(r.id);
}

export async function extensionById(db: Db, id: string): Promise<ExtensionRow | null> {
  if (!/^\d{1,18}$/.test(id)) return null;
  const r = await sql<Row>`${SELECT} where e.id = ${id}`.execute(db);
  return r.rows[0] ? toRow(r.rows[0]) : null;
}

/** A plan's extension requests, pending first, then newest. */
export async function extensionsOfPlan(db: Db, planId: string): Promise<ExtensionRow[]> {
  const r = await sql<Row>`${SELECT} where t.plan_id = ${planId}
    order by (e.status = 'pending') desc, e.id desc`.execute(db);
  return r.rows.map(toRow);
}

/** Records a decision on a pending request; false when it was decided meanwhile. */
export async function decideExtension(
  db: Db,
  id: string,
  d: { approve: boolean; by: string; at: Date; comment: string | null },
): Promise<boolean> {
  const r = await db
    .updateTable("extension_request")
    .set({
      status: d.approve ? "approved" : "refused",
      decided_by: d.by,
      decided_at: d.at,
      comment: d.comment,
    })
    .where("id", "=", id)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The approved date replaces the deadline it extends. */
export async function moveDeadline(db: Db, workItemId: string, from: string, to: string): Promise<void> {
  await db.deleteFrom("deadline").where("work_item_id", "=", workItemId).where("due", "=", from).execute();
  await db
    .insertInto("deadline")
    .values({ work_item_id: workItemId, due: to, original: false })
    .onConflict((oc) => oc.columns(["work_item_id", "due"]).doNothing())
    .execute();
}
