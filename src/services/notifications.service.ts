// A person's notifications, their mail address and choices, and the notices events send: a plan
// published gives a unit work, an amendment changes it, a report is returned or accepted.

import {
  addNotifications,
  failedMail,
  markRead,
  notificationsOf,
  type Preferences,
  planNotice,
  preferencesOf,
  savePreferences,
  unitOfficers,
} from "../db/notifications.repository.js";
import type { Db } from "../db/schema.js";
import { DomainError } from "../domain/errors.js";
import { NOTICE_KINDS } from "../domain/notice-kinds.js";
import { subjectOne } from "../render/mail.js";
import type { ServiceContext } from "./context.js";
import { type Actor, ensureAllowed, may } from "./policies.js";

export async function myNotifications(ctx: ServiceContext, actor: Actor) {
  ensureAllowed(may.readWithinReach(actor));
  return notificationsOf(ctx.db, actor.id, 100);
}

export async function readNotifications(
  ctx: ServiceContext,
  actor: Actor,
  ids: string[] | null,
): Promise<void> {
  await markRead(ctx.db, actor.id, ids, ctx.clock.now());
}

export async function myPreferences(ctx: ServiceContext, actor: Actor): Promise<Preferences> {
  return preferencesOf(ctx.db, actor.id);
}

export async function setMyPreferences(
  ctx: ServiceContext,
  actor: Actor,
  p: Preferences,
): Promise<Preferences> {
  const email = p.email?.trim() || null;
  if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
    throw new DomainError("notify.bad_email", `Địa chỉ thư «${email}» không hợp lệ.`, [
      { field: "email", reason: "không đúng dạng ten@donvi.gov.vn" },
    ]);
  const unknown = p.muted.filter((k) => !(NOTICE_KINDS as readonly string[]).includes(k));
  if (unknown.length)
    throw new DomainError("notify.bad_kind", `Không có loại thông báo ${unknown.join(", ")}.`, [
      { field: "muted", reason: `không có loại ${unknown.join(", ")}` },
    ]);
  const saved = { email, mode: p.mode, muted: [...new Set(p.muted)] };
  await savePreferences(ctx.db, actor.id, saved);
  return saved;
}

export async function failedMailList(ctx: ServiceContext, actor: Actor) {
  ensureAllowed(may.administer(actor));
  const mails = await failedMail(ctx.db, 200);
  // A notification's message has the subject it was written with when sent.
  return mails.map(({ title, ...m }) => ({
    ...m,
    subject: m.subject ?? subjectOne(title ?? ""),
  }));
}

/** Tells the units a published plan gives work to. */
export async function noticePlanPublished(db: Db, planId: string, at: Date): Promise<void> {
  const row = await planNotice(db, planId);
  if (!row) return;
  const users = await unitOfficers(db, row.units);
  await addNotifications(
    db,
    users.map((userId) => ({
      userId,
      kind: "plan_published",
      eventKey: `plan:${planId}`,
      title: `Kế hoạch mới giao việc cho đơn vị: ${row.number ?? "(không số)"}`,
      body: row.title ?? "",
      link: `#/plans/${planId}`,
    })),
    at,
  );
}

/** Tells the units an amendment changed the work of. */
export async function noticePlanAmended(
  db: Db,
  targetId: string,
  amendment: { id: string; number: string | null },
  unitIds: readonly string[],
  at: Date,
): Promise<void> {
  const users = await unitOfficers(db, unitIds);
  const target = await planNotice(db, targetId);
  await addNotifications(
    db,
    users.map((userId) => ({
      userId,
      kind: "plan_amended",
      eventKey: `amend:${amendment.id}`,
      title: `Kế hoạch số ${target?.number ?? "(không số)"} được điều chỉnh`,
      body: `Theo Kế hoạch số ${amendment.number ?? "(không số)"}: xem hạn, đơn vị chủ trì và nhiệm vụ đã đổi.`,
      link: `#/plans/${targetId}`,
    })),
    at,
  );
}

/** Tells a unit its report was returned (with the comment) or accepted. */
export async function noticeReportDecided(
  db: Db,
  report: { id: string; planId: string; unitId: string; periodDue: string },
  accepted: boolean,
  comment: string | null,
  at: Date,
): Promise<void> {
  const users = await unitOfficers(db, [report.unitId]);
  const plan = await planNotice(db, report.planId);
  const [y, m, d] = report.periodDue.split("-");
  await addNotifications(
    db,
    users.map((userId) => ({
      userId,
      kind: accepted ? "report_accepted" : "report_returned",
      eventKey: `report:${report.id}:${accepted ? "accepted" : "returned"}:${at.toISOString()}`,
      title: `${accepted ? "Báo cáo được chấp nhận" : "Báo cáo bị trả lại"}: Kế hoạch số ${plan?.number ?? "(không số)"}, kỳ ${d}/${m}/${y}`,
      body: comment ? `Ý kiến: ${comment}` : "",
      link: accepted ? `#/plans/${report.planId}` : "#/workspace",
    })),
    at,
  );
}
