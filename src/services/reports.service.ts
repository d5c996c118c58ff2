// Unit reports: a unit writes its figures for the open period, submits them; the plan officer
// accepts them or returns them with a comment; accepted figures become the work items' progress.

import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import { setPublished } from "../db/plans.repository.js";
import {
  bringTallyUpToDate,
  type DueSoon,
  refreshTally,
  reportsRollup,
  tallyByPlan,
  type UnitReporting,
  upcomingDeadlines,
  type WorkInState,
  workInState,
} from "../db/progress-tally.repository.js";
import {
  attachmentContent,
  attachmentCount,
  attachmentsOf,
  createReport,
  findReport,
  type ItemInput,
  insertAttachment,
  planFacts,
  type ReportForReview,
  type ReportRow,
  recordProgress,
  replaceItems,
  reportById,
  reportItems,
  reportsForReview,
  reportsOfPlan,
  setReportStatus,
  type UnitWorkItem,
  workItemsInScope,
} from "../db/reports.repository.js";
import type { Database } from "../db/schema.js";
import { DomainError } from "../domain/errors.js";
import type { Reporting } from "../domain/plan.js";
import { classify, daysBetween, type ProgressState } from "../domain/progress.js";
import { planPeriod } from "../domain/reporting-periods.js";
import { type Actor, authorize, reachOf, withinReach } from "./policies.js";

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

async function periodOf(db: Kysely<Database>, planId: string, today: string): Promise<string> {
  const facts = await planFacts(db, planId);
  if (!facts) throw new DomainError("plan.not_found", "Không tìm thấy kế hoạch.");
  return planPeriod((facts.reporting as Reporting[]) ?? [], facts.regime, today);
}

export interface WorkspaceItem extends UnitWorkItem {
  state: ProgressState;
  /** "quá hạn 12 ngày": days past the first deadline, for overdue work. */
  overdueDays: number | null;
  nextDue: string | null;
}

/** The actor's unit's tasks across published plans, with what is due and what is overdue. */
export async function unitWorkspace(
  db: Kysely<Database>,
  actor: Actor | null,
  now = new Date(),
): Promise<{
  items: WorkspaceItem[];
  periods: Array<{
    planId: string;
    periodDue: string;
    report: ReportRow | null;
    items: ItemInput[];
    attachments: Array<{ id: string; fileName: string; sizeBytes: number }>;
  }>;
}> {
  authorize(actor, "plan.read");
  const today = isoDay(now);
  const items = (await workItemsInScope(db, actor.unitPath)).filter((w) => w.unitId === actor.unitId);
  const out: WorkspaceItem[] = items.map((w) => {
    const state = classify({ status: w.status, doneOn: w.doneOn, deadlines: w.deadlines }, today);
    const first = w.deadlines[0] ?? null;
    return {
      ...w,
      state,
      overdueDays: state === "overdue" && first ? daysBetween(first, today) : null,
      nextDue: w.deadlines.find((d) => d >= today) ?? null,
    };
  });
  const periods = [];
  for (const planId of [...new Set(items.map((i) => i.planId))]) {
    const periodDue = await periodOf(db, planId, today);
    const report = await findReport(db, planId, actor.unitId, periodDue);
    // A returned report comes back with what the unit wrote, to be fixed rather than retyped.
    periods.push({
      planId,
      periodDue,
      report,
      items: report ? await reportItems(db, report.id) : [],
      attachments: report ? await attachmentsOf(db, report.id) : [],
    });
  }
  return { items: out, periods };
}

export interface ReportInput {
  planId: string;
  items: Array<Partial<Omit<ItemInput, "workItemId">> & { workItemId: string; status: ItemInput["status"] }>;
}

/** Saves the unit's draft for the plan's open period (a returned report can be fixed the same way). */
export async function saveReport(
  db: Kysely<Database>,
  actor: Actor | null,
  input: ReportInput,
  now = new Date(),
): Promise<ReportRow> {
  authorize(actor, "report.write");
  const today = isoDay(now);
  const own = new Map(
    (await workItemsInScope(db, actor.unitPath, input.planId))
      .filter((w) => w.unitId === actor.unitId)
      .map((w) => [w.workItemId, w]),
  );
  if (!own.size) throw new DomainError("plan.not_found", "Đơn vị không có nhiệm vụ nào trong kế hoạch này.");
  const problems = input.items
    .filter((i) => !own.has(i.workItemId))
    .map((i) => ({ field: `items.${i.workItemId}`, reason: "không phải nhiệm vụ của đơn vị" }));
  if (problems.length)
    throw new DomainError("report.invalid", "Báo cáo có nhiệm vụ không thuộc đơn vị.", problems);
  const periodDue = await periodOf(db, input.planId, today);
  return db.transaction().execute(async (trx) => {
    const report =
      (await findReport(trx, input.planId, actor.unitId, periodDue)) ??
      (await createReport(trx, input.planId, actor.unitId, periodDue));
    if (report.status === "submitted" || report.status === "accepted") {
      throw new DomainError(
        "report.locked",
        report.status === "accepted"
          ? "Báo cáo đã được chấp nhận, không sửa được."
          : "Báo cáo đã gửi, đang chờ xem xét.",
      );
    }
    await replaceItems(
      trx,
      report.id,
      input.items.map((i) => ({
        workItemId: i.workItemId,
        status: i.status,
        results: i.results ?? "",
        difficulties: i.difficulties ?? "",
        proposals: i.proposals ?? "",
        evidence: i.evidence ?? "",
        doneOn: i.status === "done" ? (i.doneOn ?? today) : null,
      })),
    );
    return report;
  });
}

async function ownReport(db: Kysely<Database>, actor: Actor, reportId: string): Promise<ReportRow> {
  const report = await reportById(db, reportId);
  if (!report || report.unitId !== actor.unitId)
    throw new DomainError("report.not_found", "Không tìm thấy báo cáo.");
  return report;
}

/** Attaches a file (evidence) to the unit's draft or returned report. */
export async function attachToReport(
  db: Kysely<Database>,
  actor: Actor | null,
  reportId: string,
  file: { name: string; mediaType: string; content: Uint8Array },
): Promise<string> {
  authorize(actor, "report.write");
  const report = await ownReport(db, actor, reportId);
  if (report.status === "submitted" || report.status === "accepted")
    throw new DomainError("report.locked", "Báo cáo đã gửi, không đính kèm thêm được.");
  if (!file.content.byteLength) throw new DomainError("file.empty", "Tệp đính kèm rỗng.");
  const sha256 = createHash("sha256").update(file.content).digest("hex");
  return insertAttachment(db, {
    reportId,
    fileName: file.name.slice(0, 200),
    mediaType: file.mediaType.slice(0, 100),
    sha256,
    content: file.content,
  });
}

/** Submits the report: "done" needs evidence (a result document's number and date, or a file). */
export async function submitReport(
  db: Kysely<Database>,
  actor: Actor | null,
  reportId: string,
  now = new Date(),
): Promise<void> {
  authorize(actor, "report.write");
  const report = await ownReport(db, actor, reportId);
  if (report.status !== "draft" && report.status !== "returned")
    throw new DomainError("report.locked", "Báo cáo đã gửi.");
  const items = await reportItems(db, reportId);
  if (!items.length) throw new DomainError("report.empty", "Báo cáo chưa có nhiệm vụ nào.");
  const files = await attachmentCount(db, reportId);
  const missing = items.filter((i) => i.status === "done" && !i.evidence.trim() && !files);
  if (missing.length) {
    throw new DomainError(
      "report.evidence_required",
      "Nhiệm vụ «hoàn thành» cần minh chứng: số, ngày văn bản kết quả hoặc tệp đính kèm.",
      missing.map((i) => ({ field: `items.${i.workItemId}.evidence`, reason: "thiếu minh chứng" })),
    );
  }
  await setReportStatus(db, reportId, "submitted", { submittedAt: now });
}

/** Accepts a submitted report, or returns it with a comment; the plan officer of the issuing unit decides. */
export async function reviewReport(
  db: Kysely<Database>,
  actor: Actor | null,
  reportId: string,
  decision: { accept: boolean; comment?: string },
): Promise<void> {
  authorize(actor, "report.review");
  const report = await reportById(db, reportId);
  const facts = report ? await planFacts(db, report.planId) : null;
  if (!report || !facts || !withinReach(actor, facts.issuerPath))
    throw new DomainError("report.not_found", "Không tìm thấy báo cáo.");
  if (report.status !== "submitted")
    throw new DomainError("report.not_submitted", "Chỉ xem xét được báo cáo đã gửi.");
  const comment = decision.comment?.trim() ?? "";
  if (!decision.accept && !comment)
    throw new DomainError("report.comment_required", "Trả lại báo cáo cần nêu lý do (nhận xét).", [
      { field: "comment", reason: "bắt buộc khi trả lại" },
    ]);
  await db.transaction().execute(async (trx) => {
    await setReportStatus(trx, reportId, decision.accept ? "accepted" : "returned", {
      reviewerId: actor.id,
      reviewComment: comment || null,
    });
    if (decision.accept) {
      await recordProgress(trx, reportId, await reportItems(trx, reportId));
      await refreshTally(trx, report.planId, isoDay(new Date()), report.unitId);
    }
  });
}

export interface PlanProgress {
  periodDue: string;
  counts: Record<ProgressState, number>;
  byUnit: Array<{
    unitId: string;
    counts: Record<ProgressState, number>;
    report: ReportRow | null;
    onTime: boolean | null;
  }>;
  upcoming: Array<{ workItemId: string; taskKey: string; unitId: string; due: string }>;
}

const zero = (): Record<ProgressState, number> => ({
  done_on_time: 0,
  done_late: 0,
  in_progress: 0,
  overdue: 0,
});

/** A plan's progress for a leader: four states overall and by unit, reports of the open period, what falls due next. */
export async function planProgress(
  db: Kysely<Database>,
  actor: Actor | null,
  planId: string,
  now = new Date(),
): Promise<PlanProgress> {
  authorize(actor, "plan.read");
  const facts = await planFacts(db, planId);
  if (!facts) throw new DomainError("plan.not_found", "Không tìm thấy kế hoạch.");
  // The issuing body sees all of its plan's work, wherever the units are (a Sở's plan may task the
  // communes); anyone else sees the work of the units within their reach. The dashboard's rule too.
  const items = await workItemsInScope(
    db,
    withinReach(actor, facts.issuerPath) ? null : reachOf(actor),
    planId,
  );
  if (!items.length && !withinReach(actor, facts.issuerPath))
    throw new DomainError("plan.not_found", "Không tìm thấy kế hoạch.");
  const today = isoDay(now);
  const periodDue = await periodOf(db, planId, today);
  const reports = new Map((await reportsOfPlan(db, planId, periodDue)).map((r) => [r.unitId, r]));
  const counts = zero();
  const byUnit = new Map<string, Record<ProgressState, number>>();
  const upcoming: PlanProgress["upcoming"] = [];
  for (const w of items) {
    const state = classify({ status: w.status, doneOn: w.doneOn, deadlines: w.deadlines }, today);
    counts[state]++;
    const c = byUnit.get(w.unitId) ?? zero();
    c[state]++;
    byUnit.set(w.unitId, c);
    const next = w.deadlines.find((d) => d >= today);
    if (next && w.status !== "done")
      upcoming.push({ workItemId: w.workItemId, taskKey: w.taskKey, unitId: w.unitId, due: next });
  }
  upcoming.sort((a, b) => a.due.localeCompare(b.due));
  return {
    periodDue,
    counts,
    byUnit: [...byUnit.entries()].map(([unitId, c]) => {
      const report = reports.get(unitId) ?? null;
      return {
        unitId,
        counts: c,
        report,
        onTime: report?.submittedAt ? report.submittedAt.slice(0, 10) <= periodDue : null,
      };
    }),
    upcoming: upcoming.slice(0, 20),
  };
}

/** Publishes a plan once every flag on it has been confirmed or fixed. */
export async function publishPlan(db: Kysely<Database>, actor: Actor | null, planId: string): Promise<void> {
  authorize(actor, "plan.publish");
  const facts = await planFacts(db, planId);
  if (!facts || !withinReach(actor, facts.issuerPath))
    throw new DomainError("plan.not_found", "Không tìm thấy kế hoạch.");
  if (facts.status !== "draft") throw new DomainError("plan.not_draft", "Kế hoạch đã công bố.");
  const open = await db
    .selectFrom("review_item")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("plan_id", "=", planId)
    .where("resolved", "=", false)
    .executeTakeFirstOrThrow();
  if (Number(open.n) > 0)
    throw new DomainError("plan.unreviewed", `Còn ${open.n} mục cần xác nhận hoặc sửa trước khi công bố.`);
  await db.transaction().execute((trx) => setPublished(trx, planId, isoDay(new Date())));
}

/** Marks a review flag as seen and confirmed by a person. */
export async function confirmReviewItem(
  db: Kysely<Database>,
  actor: Actor | null,
  planId: string,
  itemId: string,
): Promise<void> {
  authorize(actor, "plan.publish");
  const facts = await planFacts(db, planId);
  if (!facts || !withinReach(actor, facts.issuerPath) || !/^\d{1,18}$/.test(itemId))
    throw new DomainError("plan.not_found", "Không tìm thấy kế hoạch.");
  const r = await db
    .updateTable("review_item")
    .set({ resolved: true })
    .where("id", "=", itemId)
    .where("plan_id", "=", planId)
    .executeTakeFirst();
  if (!Number(r.numUpdatedRows)) throw new DomainError("review.not_found", "Không tìm thấy mục cần xem lại.");
}

/** The reports of a plan's open (or given) period, for the plan officer who reviews them. */
export async function reportsToReview(
  db: Kysely<Database>,
  actor: Actor | null,
  planId: string,
  period?: string,
  now = new Date(),
): Promise<{ periodDue: string; reports: ReportForReview[] }> {
  authorize(actor, "report.read");
  const facts = await planFacts(db, planId);
  if (!facts || !withinReach(actor, facts.issuerPath))
    throw new DomainError("plan.not_found", "Không tìm thấy kế hoạch.");
  const periodDue = period ?? (await periodOf(db, planId, isoDay(now)));
  return { periodDue, reports: await reportsForReview(db, planId, periodDue) };
}

/** An attachment, for the unit that sent it and for those who review the plan's reports. */
export async function downloadAttachment(
  db: Kysely<Database>,
  actor: Actor | null,
  reportId: string,
  attachmentId: string,
): Promise<{ fileName: string; mediaType: string; content: Uint8Array }> {
  authorize(actor, "plan.read");
  const report = await reportById(db, reportId);
  const facts = report ? await planFacts(db, report.planId) : null;
  const allowed =
    report &&
    facts &&
    (report.unitId === actor.unitId ||
      (["admin", "plan_officer", "leader"].includes(actor.role) && withinReach(actor, facts.issuerPath)));
  const file = allowed ? await attachmentContent(db, reportId, attachmentId) : null;
  if (!file) throw new DomainError("report.not_found", "Không tìm thấy tệp đính kèm.");
  return file;
}

export interface DashboardPlan {
  planId: string;
  number: string | null;
  title: string | null;
  counts: Record<ProgressState, number>;
  periodDue: string;
  reportsExpected: number;
  reportsIn: number;
}

export interface Dashboard {
  today: string;
  totals: Record<ProgressState, number>;
  plans: DashboardPlan[];
  /** Report completeness and timeliness by unit for each plan's open period, with the unit's four states. */
  units: UnitReporting[];
  /** Deadlines of the next 30 days for work not yet done. */
  upcoming: DueSoon[];
}

const UPCOMING_DAYS = 30;
/** The overview lists the newest plans; its totals and units count them all. */
const MAX_PLANS_LISTED = 200;

/**
 * The leader's overview: four states overall and per published plan within reach, reports in by
 * unit for the open periods, what falls due next. Read from the kept tally, never a scan of all work.
 */
export async function dashboard(
  db: Kysely<Database>,
  actor: Actor | null,
  now = new Date(),
): Promise<Dashboard> {
  authorize(actor, "plan.read");
  const reach = actor.role === "admin" ? null : reachOf(actor);
  const today = isoDay(now);
  await bringTallyUpToDate(db, today);
  const plans = await tallyByPlan(db, reach);
  const periods = plans.map((p) => ({
    planId: p.planId,
    due: planPeriod((p.reporting as Reporting[]) ?? [], p.regime, today),
  }));
  const reports = await reportsRollup(db, reach, periods, today);
  const totals = zero();
  for (const p of plans) for (const k of Object.keys(totals) as ProgressState[]) totals[k] += p.counts[k];
  const until = isoDay(new Date(now.getTime() + UPCOMING_DAYS * 86_400_000));
  return {
    today,
    totals,
    plans: plans.slice(0, MAX_PLANS_LISTED).map((p, i) => ({
      planId: p.planId,
      number: p.number,
      title: p.title,
      counts: p.counts,
      periodDue: periods[i]?.due ?? today,
      reportsExpected: reports.byPlan.get(p.planId)?.expected ?? 0,
      reportsIn: reports.byPlan.get(p.planId)?.sent ?? 0,
    })),
    units: reports.byUnit,
    upcoming: await upcomingDeadlines(db, reach, today, until),
  };
}

export interface DashboardWork {
  state: ProgressState;
  items: Array<WorkInState & { overdueDays: number | null }>;
}

/** The work behind a dashboard number: all work in one state within reach, optionally of one unit. */
export async function dashboardWork(
  db: Kysely<Database>,
  actor: Actor | null,
  state: ProgressState,
  unitId?: string,
  now = new Date(),
): Promise<DashboardWork> {
  authorize(actor, "plan.read");
  const today = isoDay(now);
  const items = await workInState(db, actor.role === "admin" ? null : reachOf(actor), state, today, unitId);
  return {
    state,
    items: items.map((w) => ({
      ...w,
      overdueDays: state === "overdue" && w.firstDue ? daysBetween(w.firstDue, today) : null,
    })),
  };
}
