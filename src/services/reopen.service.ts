// Locked periods and their reopening: after its due date plus the plan's grace days a reporting
// period locks — nothing of its reports is saved, attached or sent. A unit whose report of a locked
// period was not sent asks to reopen it with a reason; the plan officers of the issuing body grant
// it for some days (the unit then writes and sends that period's report, marked late) or refuse it
// with a comment. Every request and decision is kept: the period's history.

import { addNotifications, planOfficers, unitOfficers } from "../db/notifications.repository.js";
import { type PlanFacts, planFacts } from "../db/plans.repository.js";
import {
  insertReopen,
  type ReopenRow,
  decideReopen as recordDecision,
  reopenById,
  reopenedUntil,
  reopensOfPlan,
} from "../db/reopen.repository.js";
import { reportsOfUnit, workItems } from "../db/reports.repository.js";
import { inTransaction, isUniqueViolation } from "../db/transaction.js";
import { addDays, today as todayOf } from "../domain/clock.js";
import { DomainError } from "../domain/errors.js";
import { SENT_STATUSES } from "../domain/report-standing.js";
import { isLocked, lockedFrom, reportingDueDates } from "../domain/reporting-periods.js";
import { audit } from "./audit.js";
import type { ServiceContext } from "./context.js";
import { openPeriod, readablePlan } from "./plans.service.js";
import { type Actor, ensureAllowed, ensureFound, may, within } from "./policies.js";

const viDay = (iso: string) => iso.split("-").reverse().join("/");

/** Days a granted reopening lasts unless the plan officer says otherwise. */
export const REOPEN_DAYS = 7;

const lockedError = (due: string, graceDays: number) =>
  new DomainError(
    "report.period_locked",
    `Kỳ báo cáo hạn ${viDay(due)} đã khóa từ ngày ${viDay(lockedFrom(due, graceDays))}. Đơn vị có thể đề nghị mở lại kỳ này.`,
    [{ field: "periodDue", reason: "kỳ đã khóa" }],
  );

/** True when `due` is one of the plan's reporting due dates (its own, or its keeper's regime). */
function isPlanPeriod(facts: Pick<PlanFacts, "unitReporting" | "regime">, due: string): boolean {
  const year = Number(due.slice(0, 4));
  return reportingDueDates(facts.unitReporting, year, facts.regime ?? undefined).includes(due);
}

/**
 * The period a unit's report is written for: the open one, or a locked one its unit has had
 * reopened. Throws `report.period_locked` for a locked period not reopened (or no longer).
 */
export async function writablePeriod(
  ctx: ServiceContext,
  facts: PlanFacts,
  unitId: string,
  periodDue?: string,
): Promise<string> {
  const day = todayOf(ctx.clock);
  const open = openPeriod(facts, day);
  const due = periodDue ?? open;
  if (due === open || !isLocked(due, day, facts.graceDays)) {
    if (due !== open && !isPlanPeriod(facts, due))
      throw new DomainError("report.invalid", `Kế hoạch không có kỳ báo cáo hạn ${viDay(due)}.`, [
        { field: "periodDue", reason: "không phải kỳ báo cáo của kế hoạch" },
      ]);
    return due;
  }
  if (!(await reopenedUntil(ctx.db, { planId: facts.id, unitId, periodDue: due }, day)))
    throw lockedError(due, facts.graceDays);
  return due;
}

export interface ReopenInput {
  planId: string;
  /** The locked period's due date ("2026-06-15"). */
  periodDue: string;
  reason: string;
}

/** A unit asks to reopen its report of a locked period. */
export async function requestReopen(
  ctx: ServiceContext,
  actor: Actor,
  input: ReopenInput,
): Promise<ReopenRow> {
  ensureAllowed(may.writeReports(actor));
  const facts = await readablePlan(ctx, actor, input.planId);
  const own = await workItems(ctx.db, { planId: input.planId, unitId: actor.unitId });
  ensureFound(own.length > 0, "plan");
  const day = todayOf(ctx.clock);
  if (!isPlanPeriod(facts, input.periodDue))
    throw new DomainError("reopen.invalid", `Kế hoạch không có kỳ báo cáo hạn ${viDay(input.periodDue)}.`, [
      { field: "periodDue", reason: "không phải kỳ báo cáo của kế hoạch" },
    ]);
  if (!facts.publishedOn || facts.publishedOn > input.periodDue)
    throw new DomainError(
      "reopen.invalid",
      `Kỳ báo cáo hạn ${viDay(input.periodDue)} trước ngày công bố kế hoạch: không có báo cáo nào phải gửi.`,
      [{ field: "periodDue", reason: "trước ngày công bố kế hoạch" }],
    );
  if (!isLocked(input.periodDue, day, facts.graceDays))
    throw new DomainError(
      "reopen.not_locked",
      `Kỳ báo cáo hạn ${viDay(input.periodDue)} đang mở: gửi báo cáo bình thường.`,
      [{ field: "periodDue", reason: "kỳ chưa khóa" }],
    );
  const [report] = await reportsOfUnit(ctx.db, actor.unitId, [
    { planId: input.planId, due: input.periodDue },
  ]);
  if (report && SENT_STATUSES.includes(report.status))
    throw new DomainError("reopen.sent", "Báo cáo kỳ này đã gửi: không cần mở lại.");
  const reason = input.reason.trim();
  if (!reason)
    throw new DomainError("reopen.invalid", "Cần nêu lý do đề nghị mở lại.", [
      { field: "reason", reason: "bắt buộc" },
    ]);
  try {
    const id = await inTransaction(ctx.db, async (trx) => {
      const at = ctx.clock.now();
      const made = await insertReopen(trx, {
        planId: input.planId,
        unitId: actor.unitId,
        periodDue: input.periodDue,
        reason,
        by: actor.id,
        at,
      });
      const officers = facts.keeperId ? await planOfficers(trx, facts.keeperId) : [];
      await addNotifications(
        trx,
        officers.map((userId) => ({
          userId,
          kind: "request_received",
          eventKey: `reopen-asked:${made}`,
          title: `Đề nghị mở lại kỳ báo cáo ${viDay(input.periodDue)}`,
          body: `Kế hoạch số ${facts.number ?? "(không số)"}. Lý do: ${reason.slice(0, 300)}`,
          link: `#/plans/${input.planId}`,
        })),
        at,
      );
      await audit(ctx, trx, actor, {
        action: "reopen.request",
        objectType: "plan",
        objectId: input.planId,
        after: { periodDue: input.periodDue, reason },
      });
      return made;
    });
    return (await reopenById(ctx.db, id)) as ReopenRow;
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DomainError("reopen.pending", "Đã có đề nghị mở lại kỳ này đang chờ xem xét.");
    throw error;
  }
}

/** A plan's reopen requests: all for its reviewers and the leaders of its body; a unit's own for a unit. */
export async function reopensOf(ctx: ServiceContext, actor: Actor, planId: string): Promise<ReopenRow[]> {
  const plan = await planFacts(ctx.db, planId, { workPaths: { within: actor.reach } });
  ensureFound(!!plan && may.readPlan(actor, plan), "plan");
  const all = await reopensOfPlan(ctx.db, planId);
  if (plan && (may.readReportsOf(actor, plan) || may.reviewPlan(actor, plan))) return all;
  return all.filter((r) => within(actor.reach, r.unitPath));
}

/** The plan officer grants (for `days`, default a week) or refuses (a comment says why). */
export async function decideReopen(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  decision: { grant: boolean; comment?: string | undefined; days?: number | undefined },
): Promise<ReopenRow> {
  ensureAllowed(may.review(actor));
  const request = await reopenById(ctx.db, id);
  const plan = request ? await planFacts(ctx.db, request.planId) : null;
  ensureFound(!!request && !!plan && may.decideReport(actor, plan), "report");
  const r = request as ReopenRow;
  const comment = decision.comment?.trim() || null;
  if (!decision.grant && !comment)
    throw new DomainError("reopen.comment_required", "Không đồng ý mở lại cần nêu lý do.", [
      { field: "comment", reason: "bắt buộc khi không đồng ý" },
    ]);
  const day = todayOf(ctx.clock);
  // "7 days" counts today: a grant on 01/07 for 7 days lets the unit send until 07/07.
  const openUntil = decision.grant ? addDays(day, (decision.days ?? REOPEN_DAYS) - 1) : null;
  await inTransaction(ctx.db, async (trx) => {
    const at = ctx.clock.now();
    if (!(await recordDecision(trx, id, { grant: decision.grant, by: actor.id, at, comment, openUntil })))
      throw new DomainError("reopen.decided", "Đề nghị mở lại đã được xem xét.");
    const officers = await unitOfficers(trx, [r.unitId]);
    await addNotifications(
      trx,
      officers.map((userId) => ({
        userId,
        kind: "reopen_decided",
        eventKey: `reopen:${id}`,
        title: decision.grant
          ? `Đồng ý mở lại kỳ báo cáo ${viDay(r.periodDue)} đến hết ${viDay(openUntil as string)}`
          : `Không đồng ý mở lại kỳ báo cáo ${viDay(r.periodDue)}`,
        body: `Kế hoạch số ${r.planNumber ?? "(không số)"}${comment ? `. Ý kiến: ${comment}` : ""}`,
        link: "#/workspace",
      })),
      at,
    );
    await audit(ctx, trx, actor, {
      action: decision.grant ? "reopen.grant" : "reopen.refuse",
      objectType: "plan",
      objectId: r.planId,
      after: { request: id, unitId: r.unitId, periodDue: r.periodDue, openUntil, comment },
    });
  });
  return (await reopenById(ctx.db, id)) as ReopenRow;
}
