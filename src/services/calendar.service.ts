// Calendar feeds (ICS): a person's work (what names them and their unit's), their unit's, and one
// plan's deadlines with its reporting due dates, fetched by calendar apps without a session. A
// secret link stands for the account: its token is random, stored only as its SHA-256, and
// renewing it stops the old link. A feed holds what its account may read, as the policies say.

import { createHash, randomBytes } from "node:crypto";
import { accountById } from "../db/accounts.repository.js";
import {
  accountIdOfCalendarToken,
  calendarTokenMadeAt,
  saveCalendarToken,
  unitNames,
} from "../db/calendar.repository.js";
import type { PlanFacts } from "../db/plans.repository.js";
import { type UnitWorkItem, workItems } from "../db/reports.repository.js";
import { staffOfAccount } from "../db/staff.repository.js";
import { inTransaction } from "../db/transaction.js";
import { today as todayOf } from "../domain/clock.js";
import { DomainError } from "../domain/errors.js";
import { DEFAULT_REGIME, reportingDueDates } from "../domain/reporting-periods.js";
import {
  type CalendarEvent,
  calendarIcs,
  FEED_NAMES,
  reportingEvents,
  taskEvents,
  workEvents,
} from "../render/calendar.js";
import { audit } from "./audit.js";
import { actorOf } from "./auth.service.js";
import type { ServiceContext } from "./context.js";
import { readablePlan } from "./plans.service.js";
import { type Actor, ensureAllowed, may } from "./policies.js";

// 32 random bytes in base64url: 43 characters.
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
// A plan's reporting due dates are listed for at most this many years after it was published.
const REPORTING_YEARS = 10;

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** Whether the account has a calendar link, and since when (the token itself is never shown again). */
export async function calendarLink(
  ctx: ServiceContext,
  actor: Actor,
): Promise<{ exists: boolean; createdAt: string | null }> {
  ensureAllowed(may.readWithinReach(actor));
  const createdAt = await calendarTokenMadeAt(ctx.db, actor.id);
  return { exists: createdAt !== null, createdAt };
}

/**
 * Makes the account's calendar link, or a new one in place of the old (which stops at once):
 * `const { token } = await renewCalendarLink(ctx, actor)`; the token is given this once.
 */
export async function renewCalendarLink(
  ctx: ServiceContext,
  actor: Actor,
): Promise<{ token: string; createdAt: string }> {
  ensureAllowed(may.readWithinReach(actor));
  const token = randomBytes(32).toString("base64url");
  const at = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    await saveCalendarToken(trx, actor.id, sha256(token), at);
    await audit(ctx, trx, actor, { action: "calendar.renew", objectType: "user", objectId: actor.id });
  });
  return { token, createdAt: at.toISOString() };
}

/** The account a feed's token stands for; `calendar.not_found` for a token unknown or renewed since. */
async function feedAccount(ctx: ServiceContext, token: string): Promise<{ actor: Actor; name: string }> {
  const id = TOKEN.test(token) ? await accountIdOfCalendarToken(ctx.db, sha256(token)) : null;
  const account = id ? await accountById(ctx.db, id) : null;
  if (!account?.active)
    throw new DomainError(
      "calendar.not_found",
      "Không tìm thấy lịch: liên kết không đúng hoặc đã được đổi. Hãy lấy liên kết mới trong mục Thông báo.",
    );
  const { displayName, ...actor } = actorOf(account);
  ensureAllowed(may.readWithinReach(actor));
  return { actor, name: displayName };
}

async function render(
  ctx: ServiceContext,
  name: string,
  events: (unitName: (id: string) => string) => CalendarEvent[],
  unitIds: readonly string[],
): Promise<string> {
  const names = await unitNames(ctx.db, unitIds);
  return calendarIcs({ name, stamp: ctx.clock.now(), events: events((id) => names.get(id) ?? "") });
}

/**
 * A person's feed: every deadline of the work of published plans that names them (as staff linked
 * to the account) and of their unit's work: `await personFeed(ctx, token, "https://kehoach.example/")`.
 */
export async function personFeed(ctx: ServiceContext, token: string, base: string): Promise<string> {
  const { actor, name } = await feedAccount(ctx, token);
  const named = await workItems(ctx.db, { staffIds: await staffOfAccount(ctx.db, actor.id) });
  const ofUnit = await workItems(ctx.db, { unitId: actor.unitId });
  const seen = new Set<string>();
  const work = [...named, ...ofUnit].filter((w) => !seen.has(w.workItemId) && !!seen.add(w.workItemId));
  return render(
    ctx,
    FEED_NAMES.person(name),
    (unitName) => workEvents(work, unitName, base),
    work.map((w) => w.unitId),
  );
}

/** The account's unit's feed: every deadline of its work in published plans. */
export async function unitFeed(ctx: ServiceContext, token: string, base: string): Promise<string> {
  const { actor } = await feedAccount(ctx, token);
  const work = await workItems(ctx.db, { unitId: actor.unitId });
  const names = await unitNames(ctx.db, [actor.unitId]);
  return render(
    ctx,
    FEED_NAMES.unit(names.get(actor.unitId) ?? ""),
    (unitName) => workEvents(work, unitName, base),
    work.map((w) => w.unitId),
  );
}

/**
 * One plan's feed, for an account that may read the plan: the deadlines of its tasks (all of them
 * for the issuing body, else those of the units within reach, as its page shows), one event per
 * task and day, and its reporting due dates; a draft has none yet.
 */
export async function planFeed(
  ctx: ServiceContext,
  token: string,
  planId: string,
  base: string,
): Promise<string> {
  const { actor } = await feedAccount(ctx, token);
  const facts = await readablePlan(ctx, actor, planId);
  const published = facts.status !== "draft";
  const work = published
    ? await workItems(ctx.db, { planId, reach: may.seeAllWorkOf(actor, facts) ? null : actor.reach })
    : [];
  const reporting = published ? reportingDays(facts, work, todayOf(ctx.clock)) : [];
  return render(
    ctx,
    FEED_NAMES.plan(facts),
    (unitName) => [...taskEvents(work, unitName, base), ...reportingEvents(facts, reporting, base)],
    work.map((w) => w.unitId),
  );
}

/**
 * The due dates of a plan's reports (its own obligations, else its keeper's regime), from its
 * publication to the end of its year or of its last deadline's, at most ten years on.
 */
function reportingDays(facts: PlanFacts, work: readonly UnitWorkItem[], day: string): string[] {
  const from = facts.publishedOn ?? `${facts.year ?? day.slice(0, 4)}-01-01`;
  const first = Number(from.slice(0, 4));
  let last = Math.max(first, facts.year ?? first);
  for (const w of work) for (const d of w.deadlines) last = Math.max(last, Number(d.slice(0, 4)));
  last = Math.min(last, first + REPORTING_YEARS);
  const days: string[] = [];
  for (let year = first; year <= last; year++)
    days.push(...reportingDueDates(facts.unitReporting, year, facts.regime ?? DEFAULT_REGIME));
  return days.filter((d) => d >= from);
}
