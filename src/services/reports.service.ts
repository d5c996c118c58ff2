// Unit reports: a unit writes its figures for a plan's open period and submits them; the plan
// officers of the issuing body accept them or return them with a comment; accepted figures become
// the work items' progress. A unit's own figures are written by that unit alone, and a decided
// report cannot be decided again.

import { createHash } from "node:crypto";
import { planFacts } from "../db/plans.repository.js";
import { refreshTally } from "../db/progress-tally.repository.js";
import {
  type AttachmentName,
  attachmentContent,
  attachmentCount,
  type ItemInput,
  insertAttachment,
  lockReport,
  markDecided,
  markSubmitted,
  openReport,
  ownWorkItemIds,
  type ReportForReview,
  type ReportRow,
  recordProgress,
  replaceItems,
  reportById,
  reportItems,
  reportsForReview,
} from "../db/reports.repository.js";
import { countReportSent } from "../db/rollups.repository.js";
import type { Db } from "../db/schema.js";
import { inTransaction } from "../db/transaction.js";
import { today as todayOf } from "../domain/clock.js";
import { DomainError } from "../domain/errors.js";
import { audit } from "./audit.js";
import { rollUpFrom } from "./cascade.service.js";
import type { ServiceContext } from "./context.js";
import { noticeReportDecided } from "./notifications.service.js";
import { openPeriod, readablePlan } from "./plans.service.js";
import { type Actor, ensureAllowed, ensureFound, may } from "./policies.js";
import { writablePeriod } from "./reopen.service.js";

export interface ReportInput {
  planId: string;
  /** The period written for: the open one when absent, or a locked one the unit has had reopened. */
  periodDue?: string | undefined;
  items: Array<Partial<Omit<ItemInput, "workItemId">> & { workItemId: string; status: ItemInput["status"] }>;
  /** Send it as well, in the same transaction: what a unit does on deadline day in one step. */
  submit?: boolean | undefined;
}

const locked = (status: string) =>
  new DomainError(
    "report.locked",
    status === "accepted"
      ? "Báo cáo đã được chấp nhận, không sửa được."
      : "Báo cáo đã gửi, đang chờ xem xét.",
  );

/**
 * Saves the unit's draft for the plan's open period (a returned report is fixed the same way), and
 * submits it too when `input.submit`: one transaction, the report saved and sent or neither.
 */
export async function saveReport(ctx: ServiceContext, actor: Actor, input: ReportInput): Promise<ReportRow> {
  ensureAllowed(may.writeReports(actor));
  const facts = await readablePlan(ctx, actor, input.planId);
  const own = await ownWorkItemIds(ctx.db, input.planId, actor.unitId);
  if (!own.size) throw new DomainError("plan.not_found", "Đơn vị không có nhiệm vụ nào trong kế hoạch này.");
  const seen = new Set<string>();
  const problems = input.items.flatMap((i) => {
    if (!own.has(i.workItemId))
      return [{ field: `items.${i.workItemId}`, reason: "không phải nhiệm vụ của đơn vị" }];
    if (seen.has(i.workItemId)) return [{ field: `items.${i.workItemId}`, reason: "nhiệm vụ ghi hai lần" }];
    seen.add(i.workItemId);
    return [];
  });
  if (problems.length)
    throw new DomainError(
      "report.invalid",
      "Báo cáo có nhiệm vụ không thuộc đơn vị hoặc ghi hai lần.",
      problems,
    );
  const day = todayOf(ctx.clock);
  const periodDue = await writablePeriod(ctx, facts, actor.unitId, input.periodDue);
  const items = input.items.map((i) => ({
    workItemId: i.workItemId,
    status: i.status,
    results: i.results ?? "",
    difficulties: i.difficulties ?? "",
    proposals: i.proposals ?? "",
    evidence: i.evidence ?? "",
    doneOn: i.status === "done" ? (i.doneOn ?? day) : null,
  }));
  return inTransaction(ctx.db, async (trx) => {
    const report = await openReport(trx, input.planId, actor.unitId, periodDue);
    if (report.status === "submitted" || report.status === "accepted") throw locked(report.status);
    await replaceItems(trx, report.id, items);
    await audit(ctx, trx, actor, {
      action: "report.save",
      objectType: "report",
      objectId: report.id,
      after: { planId: input.planId, periodDue, items },
    });
    if (!input.submit) return report;
    const submittedAt = await submitWithin(ctx, trx, actor, report, items);
    return { ...report, status: "submitted" as const, submittedAt: submittedAt.toISOString() };
  });
}

/**
 * Sends a report whose row the transaction holds locked, given what it says about each item:
 * "done" needs evidence (a result document's number and date, or a file). Returns when it was sent.
 */
async function submitWithin(
  ctx: ServiceContext,
  trx: Db,
  actor: Actor,
  report: ReportRow,
  items: ReadonlyArray<Pick<ItemInput, "workItemId" | "status" | "evidence">>,
): Promise<Date> {
  if (!items.length) throw new DomainError("report.empty", "Báo cáo chưa có nhiệm vụ nào.");
  const needEvidence = items.filter((i) => i.status === "done" && !i.evidence.trim());
  const files = needEvidence.length ? await attachmentCount(trx, report.id) : 0;
  if (needEvidence.length && !files)
    throw new DomainError(
      "report.evidence_required",
      "Nhiệm vụ «hoàn thành» cần minh chứng: số, ngày văn bản kết quả hoặc tệp đính kèm.",
      needEvidence.map((i) => ({ field: `items.${i.workItemId}.evidence`, reason: "thiếu minh chứng" })),
    );
  const at = ctx.clock.now();
  if (!(await markSubmitted(trx, report.id, at))) throw new DomainError("report.locked", "Báo cáo đã gửi.");
  await audit(ctx, trx, actor, { action: "report.submit", objectType: "report", objectId: report.id });
  // The dashboards count it as sent from now on (last: the plan's rollup row is held to the commit).
  await countReportSent(trx, { ...report, submittedAt: at }, true, todayOf(ctx.clock));
  return at;
}

/**
 * The unit's own report, for its officers to attach to and submit, while its period is open or
 * reopened for the unit: `report.not_found` for another unit's, `report.period_locked` once locked.
 */
async function ownReport(ctx: ServiceContext, actor: Actor, reportId: string): Promise<ReportRow> {
  ensureAllowed(may.writeReports(actor));
  const report = await reportById(ctx.db, reportId);
  ensureFound(!!report && may.writeReport(actor, report.unitId), "report");
  const own = report as ReportRow;
  const facts = await planFacts(ctx.db, own.planId);
  if (facts) await writablePeriod(ctx, facts, own.unitId, own.periodDue);
  return own;
}

/** Attaches a file (evidence) to the unit's draft or returned report. */
export async function attachToReport(
  ctx: ServiceContext,
  actor: Actor,
  reportId: string,
  file: { name: string; mediaType: string; content: Uint8Array },
): Promise<string> {
  await ownReport(ctx, actor, reportId);
  if (!file.content.byteLength) throw new DomainError("file.empty", "Tệp đính kèm rỗng.");
  const sha256 = createHash("sha256").update(file.content).digest("hex");
  return inTransaction(ctx.db, async (trx) => {
    const status = await lockReport(trx, reportId);
    if (status === "submitted" || status === "accepted")
      throw new DomainError("report.locked", "Báo cáo đã gửi, không đính kèm thêm được.");
    const id = await insertAttachment(trx, {
      reportId,
      fileName: file.name.slice(0, 200),
      mediaType: file.mediaType.slice(0, 100),
      sha256,
      content: file.content,
    });
    await audit(ctx, trx, actor, {
      action: "report.attach",
      objectType: "report",
      objectId: reportId,
      after: { attachment: id, fileName: file.name.slice(0, 200), sha256, bytes: file.content.byteLength },
    });
    return id;
  });
}

/** Submits the report: "done" needs evidence (a result document's number and date, or a file). */
export async function submitReport(ctx: ServiceContext, actor: Actor, reportId: string): Promise<void> {
  const own = await ownReport(ctx, actor, reportId);
  await inTransaction(ctx.db, async (trx) => {
    const status = await lockReport(trx, reportId);
    if (status !== "draft" && status !== "returned")
      throw new DomainError("report.locked", "Báo cáo đã gửi.");
    await submitWithin(ctx, trx, actor, own, await reportItems(trx, reportId));
  });
}

/** A report and its plan's facts, if the actor may read it; null otherwise. */
async function findReadableReport(ctx: ServiceContext, actor: Actor, reportId: string) {
  const report = await reportById(ctx.db, reportId);
  const plan = report ? await planFacts(ctx.db, report.planId) : null;
  if (!report || !plan || !may.readReport(actor, { unitId: report.unitId, unitPath: report.unitPath, plan }))
    return null;
  return { report, plan };
}

/**
 * Accepts a submitted report, or returns it with a comment (required): the plan officers of the
 * issuing body decide, once per submission — a second decision gets `report.not_submitted` (409).
 */
export async function decideReport(
  ctx: ServiceContext,
  actor: Actor,
  reportId: string,
  decision: { accept: boolean; comment?: string },
): Promise<void> {
  const found = await findReadableReport(ctx, actor, reportId);
  ensureAllowed(may.reviewAtAll(actor, found?.plan ?? null));
  ensureFound(!!found && may.decideReport(actor, found.plan), "report");
  const { report } = found as NonNullable<typeof found>;
  const comment = decision.comment?.trim() ?? "";
  if (!decision.accept && !comment)
    throw new DomainError("report.comment_required", "Trả lại báo cáo cần nêu lý do (nhận xét).", [
      { field: "comment", reason: "bắt buộc khi trả lại" },
    ]);
  const notSubmitted = () =>
    new DomainError(
      "report.not_submitted",
      "Chỉ xem xét được báo cáo đã gửi (báo cáo này đã được xem xét hoặc chưa gửi).",
    );
  await inTransaction(ctx.db, async (trx) => {
    const decided = await markDecided(trx, reportId, {
      accept: decision.accept,
      reviewerId: actor.id,
      comment: comment || null,
      at: ctx.clock.now(),
    });
    if (!decided) throw notSubmitted();
    if (decision.accept) {
      await recordProgress(trx, reportId, await reportItems(trx, reportId));
      await refreshTally(trx, report.planId, todayOf(ctx.clock), report.unitId);
      // The plans this one implements take what their units below have now done.
      await rollUpFrom(trx, report.planId, todayOf(ctx.clock));
    } else if (decided.submittedAt)
      // Counted as sent since its submission (state-rules.ts REPORT_SENT), no longer.
      await countReportSent(trx, { ...report, submittedAt: decided.submittedAt }, false, todayOf(ctx.clock));
    await noticeReportDecided(trx, report, decision.accept, comment || null, ctx.clock.now());
    await audit(ctx, trx, actor, {
      action: decision.accept ? "report.accept" : "report.return",
      objectType: "report",
      objectId: reportId,
      before: { status: "submitted" },
      after: { status: decision.accept ? "accepted" : "returned", comment: comment || null },
    });
  });
}

/** The reports of a plan's open (or given) period, for its reviewers and the leaders of its body. */
export async function reportsOfPlan(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  period?: string,
): Promise<{
  plan: { id: string; number: string | null; title: string | null };
  periodDue: string;
  reports: ReportForReview[];
}> {
  const known = await planFacts(ctx.db, planId);
  ensureAllowed(may.readReports(actor) || (!!known && may.issuedByOwnUnit(actor, known)));
  const facts = await readablePlan(ctx, actor, planId);
  ensureFound(may.readReportsOf(actor, facts), "plan");
  const periodDue = period ?? openPeriod(facts, todayOf(ctx.clock));
  return {
    plan: { id: facts.id, number: facts.number, title: facts.title },
    periodDue,
    reports: await reportsForReview(ctx.db, planId, periodDue),
  };
}

/** An attachment, for the unit that sent it, its leaders, and those who read the plan's reports. */
export async function downloadAttachment(
  ctx: ServiceContext,
  actor: Actor,
  reportId: string,
  attachmentId: string,
): Promise<{ fileName: string; mediaType: string; content: Uint8Array }> {
  const found = await findReadableReport(ctx, actor, reportId);
  const file = found ? await attachmentContent(ctx.db, reportId, attachmentId) : null;
  ensureFound(!!file, "attachment");
  return file as NonNullable<typeof file>;
}

export type { AttachmentName, ReportForReview, ReportRow };
