// Requests to reopen a unit's report of a locked period, and their decisions: a granted one lets
// the unit save and send that period's report until its last day.

import { sql } from "kysely";
import type { Db } from "./schema.js";

export interface ReopenRow {
  id: string;
  planId: string;
  planNumber: string | null;
  unitId: string;
  unitName: string;
  unitPath: string;
  periodDue: string;
  reason: string;
  status: "pending" | "granted" | "refused";
  requestedAt: string;
  decidedAt: string | null;
  comment: string | null;
  /** The last day a granted request lets the unit save and send the period's report. */
  openUntil: string | null;
}

const SELECT = sql`
  select r.id, r.plan_id, p.number, r.unit_id, u.name as unit_name, u.path::text as unit_path,
         r.period_due::text as period_due, r.reason, r.status, r.requested_at, r.decided_at, r.comment,
         r.open_until::text as open_until
  from reopen_request r
  join plan p on p.id = r.plan_id
  join unit u on u.id = r.unit_id`;

type Row = {
  id: string;
  plan_id: string;
  number: string | null;
  unit_id: string;
  unit_name: string;
  unit_path: string;
  period_due: string;
  reason: string;
  status: ReopenRow["status"];
  requested_at: Date;
  decided_at: Date | null;
  comment: string | null;
  open_until: string | null;
};

const toRow = (r: Row): ReopenRow => ({
  id: String(r.id),
  planId: String(r.plan_id),
  planNumber: r.number,
  unitId: String(r.unit_id),
  unitName: r.unit_name,
  unitPath: r.unit_path,
  periodDue: r.period_due,
  reason: r.reason,
  status: r.status,
  requestedAt: new Date(r.requested_at).toISOString(),
  decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
  comment: r.comment,
  openUntil: r.open_until,
});

export async function insertReopen(
  db: Db,
  r: { planId: string; unitId: string; periodDue: string; reason: string; by: string; at: Date },
): Promise<string> {
  const row = await db
    .insertInto("reopen_request")
    .values({
      plan_id: r.planId,
      unit_id: r.unitId,
      period_due: r.periodDue,
      reason: r.reason,
      requested_by: r.by,
      requested_at: r.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return String(row.id);
}

export async function reopenById(db: Db, id: string): Promise<ReopenRow | null> {
  if (!/^\d{1,18}$/.test(id)) return null;
  const r = await sql<Row>`${SELECT} where r.id = ${id}`.execute(db);
  return r.rows[0] ? toRow(r.rows[0]) : null;
}

/** A plan's requests, pending first, then the newest. */
export async function reopensOfPlan(db: Db, planId: string): Promise<ReopenRow[]> {
  const r = await sql<Row>`${SELECT} where r.plan_id = ${planId}
    order by (r.status = 'pending') desc, r.id desc`.execute(db);
  return r.rows.map(toRow);
}

/** A unit's requests for the given plan periods, newest first, in one query. */
export async function reopensOfUnit(
  db: Db,
  unitId: string,
  periods: ReadonlyArray<{ planId: string; due: string }>,
): Promise<ReopenRow[]> {
  if (!periods.length) return [];
  const r = await sql<Row>`${SELECT}
    join unnest(${periods.map((p) => p.planId)}::bigint[], ${periods.map((p) => p.due)}::date[]) as q(plan_id, due)
      on q.plan_id = r.plan_id and q.due = r.period_due
    where r.unit_id = ${unitId}
    order by r.id desc`.execute(db);
  return r.rows.map(toRow);
}

/** Records a decision once: false when the request was decided already. */
export async function decideReopen(
  db: Db,
  id: string,
  d: { grant: boolean; by: string; at: Date; comment: string | null; openUntil: string | null },
): Promise<boolean> {
  const r = await db
    .updateTable("reopen_request")
    .set({
      status: d.grant ? "granted" : "refused",
      decided_by: d.by,
      decided_at: d.at,
      comment: d.comment,
      open_until: d.grant ? d.openUntil : null,
    })
    .where("id", "=", id)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The last day a granted request keeps the unit's report of a period open on `today`, or null. */
export async function reopenedUntil(
  db: Db,
  k: { planId: string; unitId: string; periodDue: string },
  today: string,
): Promise<string | null> {
  const r = await db
    .selectFrom("reopen_request")
    .select(sql<string>`max(open_until)::text`.as("until"))
    .where("plan_id", "=", k.planId)
    .where("unit_id", "=", k.unitId)
    .where("period_due", "=", k.periodDue)
    .where("status", "=", "granted")
    .where("open_until", ">=", today)
    .executeTakeFirst();
  return r?.until ?? null;
}
