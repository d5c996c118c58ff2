// Reports, their items and attachments, the work items of a unit, and the progress the dashboard reads.

import { type RawBuilder, sql } from "kysely";
import type { Db, ItemStatus, ReportStatus } from "./schema.js";

export interface UnitWorkItem {
  workItemId: string;
  planId: string;
  planNumber: string | null;
  planTitle: string | null;
  taskKey: string;
  taskTitle: string;
  role: "lead" | "cooperate";
  deadlines: string[];
  status: ItemStatus;
  doneOn: string | null;
}

/** Work of the units in a subtree, on published plans (or one plan). */
export async function workItemsInScope(
  db: Db,
  /** ltree path of the units whose work is wanted; null: every unit. */
  scope: string | null,
  planId?: string,
): Promise<Array<UnitWorkItem & { unitId: string }>> {
  let q = db
    .selectFrom("work_item as w")
    .innerJoin("task as t", "t.id", "w.task_id")
    .innerJoin("plan as p", "p.id", "t.plan_id")
    .innerJoin("unit as u", "u.id", "w.unit_id")
    .leftJoin("work_item_progress as g", "g.work_item_id", "w.id")
    .select([
      "w.id",
      "w.unit_id",
      "w.role",
      "p.id as plan_id",
      "p.number",
      "p.title as plan_title",
      "t.key",
      "t.title",
      "g.status",
      "g.done_on",
      sql<
        string[]
      >`coalesce((select array_agg(d.due::text order by d.due) from deadline d where d.work_item_id = w.id), '{}')`.as(
        "deadlines",
      ),
    ])
    .where("p.status", "in", ["published", "closed"]);
  if (scope !== null) q = q.where(sql<boolean>`u.path <@ ${scope}::ltree`);
  if (planId) q = q.where("p.id", "=", planId);
  const rows = await q.orderBy("p.id").orderBy("t.position").execute();
  return rows.map((r) => ({
    workItemId: String(r.id),
    unitId: String(r.unit_id),
    planId: String(r.plan_id),
    planNumber: r.number,
    planTitle: r.plan_title,
    taskKey: r.key,
    taskTitle: r.title,
    role: r.role,
    deadlines: r.deadlines,
    status: r.status ?? "not_started",
    doneOn: r.done_on,
  }));
}

export interface ReportRow {
  id: string;
  planId: string;
  unitId: string;
  periodDue: string;
  status: ReportStatus;
  submittedAt: string | null;
  reviewComment: string | null;
}

function toReport(r: {
  id: string;
  plan_id: string;
  unit_id: string;
  period_due: string;
  status: ReportStatus;
  submitted_at: Date | string | null;
  review_comment: string | null;
}): ReportRow {
  return {
    id: String(r.id),
    planId: String(r.plan_id),
    unitId: String(r.unit_id),
    periodDue: r.period_due,
    status: r.status,
    submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
    reviewComment: r.review_comment,
  };
}

const REPORT_COLUMNS = [
  "id",
  "plan_id",
  "unit_id",
  "period_due",
  "status",
  "submitted_at",
  "review_comment",
] as const;

export async function findReport(
  db: Db,
  planId: string,
  unitId: string,
  periodDue: string,
): Promise<ReportRow | null> {
  const r = await db
    .selectFrom("report")
    .select(REPORT_COLUMNS)
    .where("plan_id", "=", planId)
    .where("unit_id", "=", unitId)
    .where("period_due", "=", periodDue)
    .executeTakeFirst();
  return r ? toReport(r) : null;
}

export async function reportById(db: Db, id: string): Promise<ReportRow | null> {
  if (!/^\d{1,18}$/.test(id)) return null;
  const r = await db.selectFrom("report").select(REPORT_COLUMNS).where("id", "=", id).executeTakeFirst();
  return r ? toReport(r) : null;
}

export async function createReport(
  db: Db,
  planId: string,
  unitId: string,
  periodDue: string,
): Promise<ReportRow> {
  const r = await db
    .insertInto("report")
    .values({ plan_id: planId, unit_id: unitId, period_due: periodDue })
    .returning(REPORT_COLUMNS)
    .executeTakeFirstOrThrow();
  return toReport(r);
}

export interface ItemInput {
  workItemId: string;
  status: ItemStatus;
  results: string;
  difficulties: string;
  proposals: string;
  evidence: string;
  doneOn: string | null;
}

export async function replaceItems(db: Db, reportId: string, items: ItemInput[]): Promise<void> {
  await db.deleteFrom("report_item").where("report_id", "=", reportId).execute();
  if (!items.length) return;
  await db
    .insertInto("report_item")
    .values(
      items.map((i) => ({
        report_id: reportId,
        work_item_id: i.workItemId,
        status: i.status,
        results: i.results,
        difficulties: i.difficulties,
        proposals: i.proposals,
        evidence: i.evidence,
        done_on: i.doneOn,
      })),
    )
    .execute();
}

export async function reportItems(db: Db, reportId: string): Promise<ItemInput[]> {
  const rows = await db.selectFrom("report_item").selectAll().where("report_id", "=", reportId).execute();
  return rows.map((r) => ({
    workItemId: String(r.work_item_id),
    status: r.status,
    results: r.results,
    difficulties: r.difficulties,
    proposals: r.proposals,
    evidence: r.evidence,
    doneOn: r.done_on,
  }));
}

export async function attachmentCount(db: Db, reportId: string): Promise<number> {
  const r = await db
    .selectFrom("report_attachment")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("report_id", "=", reportId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertAttachment(
  db: Db,
  a: { reportId: string; fileName: string; mediaType: string; sha256: string; content: Uint8Array },
): Promise<string> {
  const r = await db
    .insertInto("report_attachment")
    .values({
      report_id: a.reportId,
      file_name: a.fileName,
      media_type: a.mediaType,
      size_bytes: a.content.byteLength,
      sha256: a.sha256,
      content: a.content,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return String(r.id);
}

export async function setReportStatus(
  db: Db,
  id: string,
  status: ReportStatus,
  extra: { submittedAt?: Date; reviewerId?: string; reviewComment?: string | null } = {},
): Promise<void> {
  await db
    .updateTable("report")
    .set({
      status,
      ...(extra.submittedAt ? { submitted_at: extra.submittedAt } : {}),
      ...(extra.reviewerId ? { reviewer_id: extra.reviewerId, reviewed_at: new Date() } : {}),
      ...(extra.reviewComment !== undefined ? { review_comment: extra.reviewComment } : {}),
    })
    .where("id", "=", id)
    .execute();
}

/** Accepted figures become the work items' progress (in the same transaction as the acceptance). */
export async function recordProgress(db: Db, reportId: string, items: ItemInput[]): Promise<void> {
  for (const i of items) {
    await db
      .insertInto("work_item_progress")
      .values({ work_item_id: i.workItemId, status: i.status, done_on: i.doneOn, report_id: reportId })
      .onConflict((oc) =>
        oc.column("work_item_id").doUpdateSet({ status: i.status, done_on: i.doneOn, report_id: reportId }),
      )
      .execute();
  }
}

/** Reports of a plan for one period, by unit. */
export async function reportsOfPlan(db: Db, planId: string, periodDue: string): Promise<ReportRow[]> {
  const rows = await db
    .selectFrom("report")
    .select(REPORT_COLUMNS)
    .where("plan_id", "=", planId)
    .where("period_due", "=", periodDue)
    .execute();
  return rows.map(toReport);
}

/** The plan's publication state, issuer path and reporting obligations. */
export async function planFacts(db: Db, planId: string): Promise<PlanFacts | null> {
  if (!/^\d{1,18}$/.test(planId)) return null;
  return (await plansFacts(db, [planId])).get(planId) ?? null;
}

export interface PlanFacts {
  status: string;
  issuerPath: string | null;
  year: number | null;
  reporting: unknown;
  /** The issuing unit's reporting regime ("06-15"…), or its nearest ancestor's; null: the default. */
  regime: string[] | null;
}

/** The facts of several plans in one query, by plan id. */
export async function plansFacts(db: Db, planIds: readonly string[]): Promise<Map<string, PlanFacts>> {
  if (!planIds.length) return new Map();
  const rows = await db
    .selectFrom("plan")
    .leftJoin("unit", "unit.id", "plan.issuer_unit_id")
    .select([
      "plan.id",
      "plan.status",
      "plan.year",
      sql<string | null>`unit.path::text`.as("path"),
      obligationsOf(sql`plan.id`).as("reporting"),
      sql<string[] | null>`(select a.report_regime from unit a
                            where a.path @> unit.path and a.report_regime is not null
                            order by nlevel(a.path) desc limit 1)`.as("regime"),
    ])
    .where("plan.id", "in", [...planIds])
    .execute();
  return new Map(
    rows.map((r) => [
      String(r.id),
      { status: r.status, issuerPath: r.path, year: r.year, reporting: r.reporting, regime: r.regime },
    ]),
  );
}

export async function unitPath(db: Db, unitId: string): Promise<string | null> {
  const r = await db
    .selectFrom("unit")
    .select(sql<string>`path::text`.as("path"))
    .where("id", "=", unitId)
    .executeTakeFirst();
  return r?.path ?? null;
}

export interface ReportForReview extends ReportRow {
  unitName: string;
  items: Array<ItemInput & { taskKey: string; taskTitle: string }>;
  attachments: Array<{ id: string; fileName: string; sizeBytes: number }>;
}

/** A plan's reports of one period with their items and attachment names, for the plan officer. */
export async function reportsForReview(
  db: Db,
  planId: string,
  periodDue: string,
): Promise<ReportForReview[]> {
  const reports = await db
    .selectFrom("report")
    .innerJoin("unit", "unit.id", "report.unit_id")
    .select([
      "report.id",
      "report.plan_id",
      "report.unit_id",
      "report.period_due",
      "report.status",
      "report.submitted_at",
      "report.review_comment",
      "unit.name",
    ])
    .where("report.plan_id", "=", planId)
    .where("report.period_due", "=", periodDue)
    .orderBy("unit.name")
    .execute();
  const out: ReportForReview[] = [];
  for (const r of reports) {
    const items = await db
      .selectFrom("report_item as i")
      .innerJoin("work_item as w", "w.id", "i.work_item_id")
      .innerJoin("task as t", "t.id", "w.task_id")
      .select([
        "i.work_item_id",
        "i.status",
        "i.results",
        "i.difficulties",
        "i.proposals",
        "i.evidence",
        "i.done_on",
        "t.key",
        "t.title",
      ])
      .where("i.report_id", "=", String(r.id))
      .orderBy("t.position")
      .execute();
    const files = await attachmentsOf(db, String(r.id));
    out.push({
      ...toReport(r),
      unitName: r.name,
      items: items.map((i) => ({
        workItemId: String(i.work_item_id),
        status: i.status,
        results: i.results,
        difficulties: i.difficulties,
        proposals: i.proposals,
        evidence: i.evidence,
        doneOn: i.done_on,
        taskKey: i.key,
        taskTitle: i.title,
      })),
      attachments: files,
    });
  }
  return out;
}

export async function attachmentContent(
  db: Db,
  reportId: string,
  attachmentId: string,
): Promise<{ fileName: string; mediaType: string; content: Uint8Array } | null> {
  if (!/^\d{1,18}$/.test(attachmentId) || !/^\d{1,18}$/.test(reportId)) return null;
  const r = await db
    .selectFrom("report_attachment")
    .select(["file_name", "media_type", "content"])
    .where("id", "=", attachmentId)
    .where("report_id", "=", reportId)
    .executeTakeFirst();
  return r ? { fileName: r.file_name, mediaType: r.media_type, content: r.content } : null;
}

/**
 * A plan's reporting obligations as the plan format writes them (`{ from, to, via, timeframe, text }`),
 * read from reporting_obligation: what the parser found, or what a person corrected it to.
 */
export function obligationsOf(planId: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`coalesce((select jsonb_agg(jsonb_build_object('from', ro.from_units, 'to', ro.to_units, 'via', ro.via,
                                                  'timeframe', ro.timeframe, 'text', ro.text) order by ro.position)
                     from reporting_obligation ro where ro.plan_id = ${planId}), '[]'::jsonb)`;
}

/** The files attached to a report, without their content. */
export async function attachmentsOf(
  db: Db,
  reportId: string,
): Promise<Array<{ id: string; fileName: string; sizeBytes: number }>> {
  const files = await db
    .selectFrom("report_attachment")
    .select(["id", "file_name", "size_bytes"])
    .where("report_id", "=", reportId)
    .orderBy("id")
    .execute();
  return files.map((f) => ({ id: String(f.id), fileName: f.file_name, sizeBytes: f.size_bytes }));
}
