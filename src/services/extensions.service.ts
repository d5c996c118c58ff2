// Extensions ("gia hạn"): the lead unit asks for a later date for its next deadline, with a reason
// and optionally the document it rests on; the plan officers of the issuing body approve or refuse
// with a comment. The original date is never edited in place: an approval replaces the deadline
// with the approved one and the request keeps the date it replaced, so lists can say "gia hạn N lần,
// hạn gốc dd/mm/yyyy" and the four states count against the approved date.

import {
  type ExtensionRow,
  extensionById,
  extensionsOfPlan,
  insertExtension,
  moveDeadline,
  decideExtension as recordDecision,
  workItemForExtension,
} from "../db/extensions.repository.js";
import { addNotifications, unitOfficers } from "../db/notifications.repository.js";
import { planFacts } from "../db/plans.repository.js";
import { refreshTally } from "../db/progress-tally.repository.js";
import { inTransaction, isUniqueViolation } from "../db/transaction.js";
import { today as todayOf } from "../domain/clock.js";
import { DomainError } from "../domain/errors.js";
import { audit } from "./audit.js";
import type { ServiceContext } from "./context.js";
import { type Actor, ensureAllowed, ensureFound, may, within } from "./policies.js";

const viDay = (iso: string) => iso.split("-").reverse().join("/");

export interface ExtensionInput {
  workItemId: string;
  /** The date asked for ("2026-08-31"). */
  newDue: string;
  reason: string;
  /** The document it rests on ("Công văn số 15/GDTrH ngày 02/7/2026"). */
  basis?: string | undefined;
}

/** The lead unit asks for a later date for its work's next deadline. */
export async function requestExtension(
  ctx: ServiceContext,
  actor: Actor,
  input: ExtensionInput,
): Promise<ExtensionRow> {
  const item = await workItemForExtension(ctx.db, input.workItemId);
  ensureFound(!!item && may.writeReport(actor, item.unitId), "report");
  const work = item as NonNullable<typeof item>;
  if (work.role !== "lead")
    throw new DomainError("extension.not_lead", "Chỉ đơn vị chủ trì xin gia hạn nhiệm vụ.", [
      { field: "workItemId", reason: "đơn vị là đơn vị phối hợp" },
    ]);
  if (work.done) throw new DomainError("extension.done", "Nhiệm vụ đã hoàn thành: không cần gia hạn.");
  // The next deadline, as the unit's list shows it (a recurring task's earlier ones are past); past
  // them all, the last, overdue.
  const today = todayOf(ctx.clock);
  const fromDue = work.deadlines.find((d) => d >= today) ?? work.deadlines[work.deadlines.length - 1];
  if (!fromDue)
    throw new DomainError("extension.no_deadline", "Nhiệm vụ không có hạn: không có gì để gia hạn.", [
      { field: "workItemId", reason: "không có hạn" },
    ]);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(input.newDue) ||
    Number.isNaN(Date.parse(input.newDue)) ||
    input.newDue <= fromDue
  )
    throw new DomainError("extension.invalid", `Ngày xin gia hạn phải sau hạn hiện tại ${viDay(fromDue)}.`, [
      { field: "newDue", reason: `phải sau ${viDay(fromDue)}` },
    ]);
  const reason = input.reason.trim();
  if (!reason)
    throw new DomainError("extension.invalid", "Cần nêu lý do xin gia hạn.", [
      { field: "reason", reason: "bắt buộc" },
    ]);
  try {
    const id = await inTransaction(ctx.db, async (trx) => {
      const made = await insertExtension(trx, {
        workItemId: input.workItemId,
        fromDue,
        requestedDue: input.newDue,
        reason,
        basis: input.basis?.trim() || null,
        by: actor.id,
        at: ctx.clock.now(),
      });
      await audit(ctx, trx, actor, {
        action: "extension.request",
        objectType: "work_item",
        objectId: input.workItemId,
        after: { fromDue, requestedDue: input.newDue, reason },
      });
      return made;
    });
    return (await extensionById(ctx.db, id)) as ExtensionRow;
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DomainError("extension.pending", "Nhiệm vụ đã có đề nghị gia hạn đang chờ xem xét.");
    throw error;
  }
}

/** A plan's extension requests: all for its reviewers and the leaders of its body; a unit's own for a unit. */
export async function extensionsOf(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
): Promise<ExtensionRow[]> {
  const plan = await planFacts(ctx.db, planId, { workPaths: { within: actor.reach } });
  ensureFound(!!plan && may.readPlan(actor, plan), "plan");
  const all = await extensionsOfPlan(ctx.db, planId);
  if (plan && (may.readReportsOf(actor, plan) || may.reviewPlan(actor, plan))) return all;
  return all.filter((e) => within(actor.reach, e.unitPath));
}

/** The plan officer approves (the deadline moves) or refuses (a comment says why). */
export async function decideExtension(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  decision: { approve: boolean; comment?: string | undefined },
): Promise<ExtensionRow> {
  ensureAllowed(may.review(actor));
  const request = await extensionById(ctx.db, id);
  const plan = request ? await planFacts(ctx.db, request.planId) : null;
  ensureFound(!!request && !!plan && may.decideReport(actor, plan), "report");
  const ext = request as ExtensionRow;
  const comment = decision.comment?.trim() || null;
  if (!decision.approve && !comment)
    throw new DomainError("extension.comment_required", "Không đồng ý gia hạn cần nêu lý do.", [
      { field: "comment", reason: "bắt buộc khi không đồng ý" },
    ]);
  await inTransaction(ctx.db, async (trx) => {
    const at = ctx.clock.now();
    if (!(await recordDecision(trx, id, { approve: decision.approve, by: actor.id, at, comment })))
      throw new DomainError("extension.decided", "Đề nghị gia hạn đã được xem xét.");
    if (decision.approve) {
      await moveDeadline(trx, ext.workItemId, ext.fromDue, ext.requestedDue);
      await refreshTally(trx, ext.planId, todayOf(ctx.clock), ext.unitId);
    }
    const officers = await unitOfficers(trx, [ext.unitId]);
    await addNotifications(
      trx,
      officers.map((o) => ({
        userId: o,
        kind: "extension_decided",
        eventKey: `extension:${id}`,
        title: decision.approve
          ? `Đồng ý gia hạn: ${ext.taskKey} đến ${viDay(ext.requestedDue)}`
          : `Không đồng ý gia hạn: ${ext.taskKey}`,
        body: `Kế hoạch số ${ext.planNumber ?? "(không số)"}, hạn ${viDay(ext.fromDue)}${comment ? `. Ý kiến: ${comment}` : ""}`,
        link: "#/workspace",
      })),
      at,
    );
    await audit(ctx, trx, actor, {
      action: decision.approve ? "extension.approve" : "extension.refuse",
      objectType: "work_item",
      objectId: ext.workItemId,
      before: { due: ext.fromDue },
      after: { due: decision.approve ? ext.requestedDue : ext.fromDue, comment },
    });
  });
  return (await extensionById(ctx.db, id)) as ExtensionRow;
}
