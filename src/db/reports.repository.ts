// Reports, their items and attachments, the work items units report on, and the progress accepted
// reports write. Status changes are conditional on the status they leave, so two reviewers deciding
// one report at once cannot both succeed.

import { sql } from "kysely";
import type { ReportStatus } from "../domain/report-standing.js";
import type { Db, ItemStatus } from "./schema.js";
import { personsOf } from "./staff.repository.js";

export interface UnitWorkItem {
  workItemId: string;
  unitId: string;
  unitName: string;
  planId: string;
  planNumber: string | null;
  planTitle: string | null;
  taskKey: string;
  /** 'duty': a duty of the plan's "Tổ chức thực hiện", tracked beside its tasks. */
  taskKind: "task" | "duty";
  taskTitle: string;
  role: "lead" | "cooperate";
  /** The staff the work names ("Vũ Việt Linh", "Giám đốc Sở"); empty: the unit's as a whole. */
  persons: string[];
  /** The latest change an amendment made to the task (its basis, what it was), for the units it touches. */
  lastChange: { change: string; basis: string; before: unknown } | null;
  /** Approved extensions: how many, and the deadline before the first ("gia hạn 2 lần, hạn gốc …"). */
  extended: { count: number; originalDue: string } | null;
  /** The date an extension request awaiting a decision asks for. */
  pendingExtension: string | null;
  deadlines: string[];
  status: ItemStatus;
  doneOn: string | null;
  /** The day the plan was published: when its work began to count. */
  startOn: string | null;
  /** The last time the unit sent a report on the work (ISO instant); null: never. */
  reportedAt: string | null;
  /** Deadlines moved off a day off on publication: the plan's date and the working day. */
  moved: Array<{ from: string; to: string }>;
}

type WorkItemChange = UnitWorkItem["lastChange"];

/** Which work items: of one unit, or of the units in a subtree (null: every unit); of one plan or all. */
export interface WorkFilter {
  unitId?: string;
  reach?: string | null;
  planId?: string;
  /** Only the work of these plans (a page of the workspace). */
  planIds?: readonly string[];
  /** Only these work items. */
  ids?: readonly string[];
  /** Only the work that names one of these staff members ("my work"). */
  staffIds?: readonly string[];
}

/**
 * The ids of a unit's work in a published plan that is still asked for (as workItems() lists it),
 * for checking what a report may speak of without reading the work itself.
 */
export async function ownWorkItemIds(db: Db, planId: string, unitId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom("work_item as w")
    .innerJoin("task as t", "t.id", "w.task_id")
    .innerJoin("plan as p", "p.id", "t.plan_id")
    .select("w.id")
    .where("p.id", "=", planId)
    .where("w.unit_id", "=", unitId)
    .where("p.status", "in", ["published", "closed"])
    .where("t.removed_at", "is", null)
    .execute();
  return new Set(rows.map((r) => String(r.id)));
}

/** Work items of published plans, in plan and task order. */
export async function workItems(db: Db, f: WorkFilter): Promise<UnitWorkItem[]> {
  let q = db
    .selectFrom("work_item as w")
    .innerJoin("task as t", "t.id", "w.task_id")
    .innerJoin("plan as p", "p.id", "t.plan_id")
    .innerJoin("unit as u", "u.id", "w.unit_id")
    .leftJoin("work_item_progress as g", "g.work_item_id", "w.id")
    .select([
      "w.id",
      "w.unit_id",
      "u.name as unit_name",
      "w.role",
      "p.id as plan_id",
      "p.number",
      "p.title as plan_title",
      "t.key",
      "t.kind",
      "t.title",
      "g.status",
      "g.done_on",
      sql<string | null>`p.published_on::text`.as("start_on"),
      sql<
        Array<{ from: string; to: string }>
      >`coalesce((select jsonb_agg(jsonb_build_object('from', d.moved_from::text,
        'to', d.due::text) order by d.due) from deadline d where d.work_item_id = w.id and d.moved_from is not null),
        '[]'::jsonb)`.as("moved"),
      sql<Date | string | null>`(select max(r.submitted_at) from report_item ri
        join report r on r.id = ri.report_id
        where ri.work_item_id = w.id and r.status in ('submitted', 'accepted'))`.as("reported_at"),
      personsOf(sql`w.id`).as("persons"),
      sql<UnitWorkItem["extended"]>`(select jsonb_build_object('count', count(*),
          'originalDue', (array_agg(e.from_due::text order by e.id))[1])
        from extension_request e where e.work_item_id = w.id and e.status = 'approved' having count(*) > 0)`.as(
        "extended",
      ),
      sql<string | null>`(select e.requested_due::text from extension_request e
        where e.work_item_id = w.id and e.status = 'pending')`.as("pending_extension"),
      sql<WorkItemChange | null>`(select jsonb_build_object('change', c.change, 'basis', c.basis, 'before', c.before)
        from task_change c where c.task_id = t.id order by c.id desc limit 1)`.as("last_change"),
      sql<
        string[]
      >`coalesce((select array_agg(d.due::text order by d.due) from deadline d where d.work_item_id = w.id), '{}')`.as(
        "deadlines",
      ),
    ])
    .where("p.status", "in", ["published", "closed"])
    // Work of a task an amendment removed is no longer asked for.
    .where("t.removed_at", "is", null);
  if (f.unitId) q = q.where("w.unit_id", "=", f.unitId);
  if (f.reach) q = q.where(sql<boolean>`u.path <@ ${f.reach}::ltree`);
  if (f.planId) q = q.where("p.id", "=", f.planId);
  if (f.planIds) {
    if (!f.planIds.length) return [];
    q = q.where("p.id", "in", [...f.planIds]);
  }
  if (f.ids) {
    if (!f.ids.length) return [];
    q = q.where("w.id", "in", [...f.ids]);
  }
  if (f.staffIds) {
    if (!f.staffIds.length) return [];
    const ids = [...f.staffIds];
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom("task_unit as tu")
          .innerJoin("staff as s", (j) =>
            j.on(sql<boolean>`s.id = any(tu.staff_ids)`).onRef("s.unit_id", "=", "w.unit_id"),
          )
          .select("tu.id")
          .whereRef("tu.task_id", "=", "w.task_id")
          .whereRef("tu.role", "=", "w.role")
          .where("s.id", "in", ids),
      ),
    );
  }
  const rows = await q.orderBy("p.id").orderBy("t.position").orderBy("w.id").execute();
  return rows.map((r) => ({
    workItemId: String(r.id),
    unitId: String(r.unit_id),
    unitName: r.unit_name,
    planId: String(r.plan_id),
    planNumber: r.number,
    planTitle: r.plan_title,
    taskKey: r.key,
    taskKind: r.kind,
    taskTitle: r.title,
    role: r.role,
    persons: r.persons,
    lastChange: r.last_change,
    extended: r.extended,
    pendingExtension: r.pending_extension,
    deadlines: r.deadlines,
    status: r.status ?? "not_started",
    doneOn: r.done_on,
    startOn: r.start_on,
    reportedAt: r.reported_at ? new Date(r.reported_at).toISOString() : null,
    moved: r.moved,
  }));
}

export interface ReportRow {
  id: string;
  planId: string;
  unitId: string;
  periodDue: string;
  status: ReportStatus;
  submittedAt: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
}

interface ReportRecord {
  id: string;
  plan_id: string;
  unit_id: string;
  period_due: string;
  status: ReportStatus;
  submitted_at: Date | string | null;
  reviewed_at: Date | string | null;
  review_comment: string | null;
}

const instant = (v: Date | string | null) => (v ? new Date(v).toISOString() : null);

function toReport(r: ReportRecord): ReportRow {
  return {
    id: String(r.id),
    planId: String(r.plan_id),
    unitId: String(r.unit_id),
    periodDue: r.period_due,
    status: r.status,
    submittedAt: instant(r.submitted_at),
    reviewedAt: instant(r.reviewed_at),
    reviewComment: r.review_comment,
  };
}

const REPORT_COLUMNS = [
  "report.id",
  "report.plan_id",
  "report.unit_id",
  "report.period_due",
  "report.status",
  "report.submitted_at",
  "report.reviewed_at",
  "report.review_comment",
] as const;

/** A report with the ltree path of the unit that wrote it, or null. */
export async function reportById(db: Db, id: string): Promise<(ReportRow & { unitPath: string }) | null> {
  if (!/^\d{1,18}$/.test(id)) return null;
  const r = await db
    .selectFrom("report")
    .innerJoin("unit", "unit.id", "report.unit_id")
    .select([...REPORT_COLUMNS, sql<string>`unit.path::text`.as("unit_path")])
    .where("report.id", "=", id)
    .executeTakeFirst();
  return r ? { ...toReport(r), unitPath: r.unit_path } : null;
}

/**
 * The unit's report of a plan's period, created if it has none yet, and locked for the rest of the
 * transaction: two first saves at once (two tabs) meet on one row instead of a duplicate key.
 */
export async function openReport(
  db: Db,
  planId: string,
  unitId: string,
  periodDue: string,
): Promise<ReportRow> {
  // One statement, new or not: the no-op update of an existing row returns it, locked like the
  // row a new insert makes, until the transaction ends.
  const r = await db
    .insertInto("report")
    .values({ plan_id: planId, unit_id: unitId, period_due: periodDue })
    .onConflict((oc) =>
      oc.columns(["plan_id", "unit_id", "period_due"]).doUpdateSet({ updated_at: sql`report.updated_at` }),
    )
    .returning(REPORT_COLUMNS)
    .executeTakeFirstOrThrow();
  return toReport(r);
}

/** The reports of one unit for the given plan periods, in one query. */
export async function reportsOfUnit(
  db: Db,
  unitId: string,
  periods: ReadonlyArray<{ planId: string; due: string }>,
): Promise<ReportRow[]> {
  if (!periods.length) return [];
  const rows = await sql<ReportRecord>`
    select r.id, r.plan_id, r.unit_id, r.period_due, r.status, r.submitted_at, r.reviewed_at, r.review_comment
    from report r
    join unnest(${periods.map((p) => p.planId)}::bigint[], ${periods.map((p) => p.due)}::date[]) as q(plan_id, due)
      on q.plan_id = r.plan_id and q.due = r.period_due
    where r.unit_id = ${unitId}`.execute(db);
  return rows.rows.map(toReport);
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

export interface ItemInput {
  workItemId: string;
  status: ItemStatus;
  results: string;
  difficulties: string;
  proposals: string;
  evidence: string;
  doneOn: string | null;
}

export type ReportItem = ItemInput & { taskKey: string; taskTitle: string };

/** Replaces what a report says about each work item. */
export async function replaceItems(db: Db, reportId: string, items: readonly ItemInput[]): Promise<void> {
  if (!items.length) {
    await db.deleteFrom("report_item").where("report_id", "=", reportId).execute();
    return;
  }
  // One statement: the items no longer written go, the others are written over or added.
  await db
    .with("gone", (q) =>
      q
        .deleteFrom("report_item")
        .where("report_id", "=", reportId)
        .where(
          "work_item_id",
          "not in",
          items.map((i) => i.workItemId),
        ),
    )
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
    .onConflict((oc) =>
      oc.columns(["report_id", "work_item_id"]).doUpdateSet((eb) => ({
        status: eb.ref("excluded.status"),
        results: eb.ref("excluded.results"),
        difficulties: eb.ref("excluded.difficulties"),
        proposals: eb.ref("excluded.proposals"),
        evidence: eb.ref("excluded.evidence"),
        done_on: eb.ref("excluded.done_on"),
      })),
    )
    .execute();
}

/** What one report says about each work item, in task order. */
export async function reportItems(db: Db, reportId: string): Promise<ReportItem[]> {
  return (await itemsOfReports(db, [reportId])).get(reportId) ?? [];
}

/** The items of several reports, by report id, in one query. */
export async function itemsOfReports(
  db: Db,
  reportIds: readonly string[],
): Promise<Map<string, ReportItem[]>> {
  const out = new Map<string, ReportItem[]>();
  if (!reportIds.length) return out;
  const rows = await db
    .selectFrom("report_item as i")
    .innerJoin("work_item as w", "w.id", "i.work_item_id")
    .innerJoin("task as t", "t.id", "w.task_id")
    .select([
      "i.report_id",
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
    .where("i.report_id", "in", [...reportIds])
    .orderBy("i.report_id")
    .orderBy("t.position")
    .orderBy("w.id")
    .execute();
  for (const i of rows) {
    const list = out.get(String(i.report_id)) ?? [];
    list.push({
      workItemId: String(i.work_item_id),
      status: i.status,
      results: i.results,
      difficulties: i.difficulties,
      proposals: i.proposals,
      evidence: i.evidence,
      doneOn: i.done_on,
      taskKey: i.key,
      taskTitle: i.title,
    });
    out.set(String(i.report_id), list);
  }
  return out;
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

/** Locks a report for the rest of the transaction and says its status (null: no such report). */
export async function lockReport(db: Db, id: string): Promise<ReportStatus | null> {
  const r = await db
    .selectFrom("report")
    .select("status")
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  return r?.status ?? null;
}

/** Submits a draft or returned report; false when it is in neither state any more. */
export async function markSubmitted(db: Db, id: string, at: Date): Promise<boolean> {
  const r = await db
    .updateTable("report")
    .set({ status: "submitted", submitted_at: at, updated_at: at })
    .where("id", "=", id)
    .where("status", "in", ["draft", "returned"])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * Accepts or returns a submitted report, giving when it had been submitted; null when it is no
 * longer submitted (decided meanwhile by someone else): one decision per submission.
 */
export async function markDecided(
  db: Db,
  id: string,
  d: { accept: boolean; reviewerId: string; comment: string | null; at: Date },
): Promise<{ submittedAt: Date | null } | null> {
  const r = await db
    .updateTable("report")
    .set({
      status: d.accept ? "accepted" : "returned",
      reviewer_id: d.reviewerId,
      reviewed_at: d.at,
      review_comment: d.comment,
      updated_at: d.at,
    })
    .where("id", "=", id)
    .where("status", "=", "submitted")
    .returning("submitted_at")
    .executeTakeFirst();
  return r ? { submittedAt: r.submitted_at ? new Date(r.submitted_at) : null } : null;
}

/** Accepted figures become the work items' progress (in the same transaction as the acceptance). */
export async function recordProgress(db: Db, reportId: string, items: readonly ItemInput[]): Promise<void> {
  if (!items.length) return;
  await db
    .insertInto("work_item_progress")
    .values(
      items.map((i) => ({
        work_item_id: i.workItemId,
        status: i.status,
        done_on: i.doneOn,
        report_id: reportId,
      })),
    )
    .onConflict((oc) =>
      oc.column("work_item_id").doUpdateSet((eb) => ({
        status: eb.ref("excluded.status"),
        done_on: eb.ref("excluded.done_on"),
        report_id: eb.ref("excluded.report_id"),
      })),
    )
    .execute();
}

export interface ReportForReview extends ReportRow {
  unitName: string;
  items: ReportItem[];
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
    .select([...REPORT_COLUMNS, "unit.name"])
    .where("report.plan_id", "=", planId)
    .where("report.period_due", "=", periodDue)
    .orderBy("unit.name")
    .execute();
  const ids = reports.map((r) => String(r.id));
  const items = await itemsOfReports(db, ids);
  const files = await attachmentsOfReports(db, ids);
  return reports.map((r) => ({
    ...toReport(r),
    unitName: r.name,
    items: items.get(String(r.id)) ?? [],
    attachments: files.get(String(r.id)) ?? [],
  }));
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

export type AttachmentName = { id: string; fileName: string; sizeBytes: number };

/** The files attached to a report, without their content. */
export async function attachmentsOf(db: Db, reportId: string): Promise<AttachmentName[]> {
  return (await attachmentsOfReports(db, [reportId])).get(reportId) ?? [];
}

/** The files attached to several reports, by report id, in one query. */
export async function attachmentsOfReports(
  db: Db,
  reportIds: readonly string[],
): Promise<Map<string, AttachmentName[]>> {
  const out = new Map<string, AttachmentName[]>();
  if (!reportIds.length) return out;
  const files = await db
    .selectFrom("report_attachment")
    .select(["id", "report_id", "file_name", "size_bytes"])
    .where("report_id", "in", [...reportIds])
    .orderBy("id")
    .execute();
  for (const f of files) {
    const list = out.get(String(f.report_id)) ?? [];
    list.push({ id: String(f.id), fileName: f.file_name, sizeBytes: f.size_bytes });
    out.set(String(f.report_id), list);
  }
  return out;
}
