// Reviewing an imported plan before it is published: the source text beside what was extracted,
// the flags, every correction (document fields, a task's text, timeframe and units, references,
// the reporting duty), publication and discarding a draft. Every change keeps the tracked work
// (work items and their deadlines) in step, is made against the version the person saw, and is
// written to the audit log.

import { unitsByIds } from "../db/cascade.repository.js";
import {
  activeUnitIds,
  addIssuerLead,
  claimPlanVersion,
  claimTaskVersion,
  deleteDraft,
  documentFields,
  firstObligation,
  openFlagCount,
  planSource,
  publicationCounts,
  publishDraft,
  type ReviewFlag,
  referenceOf,
  replaceDeadlines,
  replaceObligations,
  replaceTaskUnits,
  reviewFlags,
  setReferenceTarget,
  settleFlag,
  settleFlagGroup,
  settleFlags,
  type TaskRow,
  taskByKey,
  tasksNamingUnit,
  tasksOf,
  unitName,
  unownedTasks,
  writeDocumentFields,
  writeTask,
  writeTaskTimeframe,
} from "../db/plan-review.repository.js";
import { type PlanFacts, planFacts, type SourceRestoration } from "../db/plans.repository.js";
import { refreshTally } from "../db/progress-tally.repository.js";
import type { Db } from "../db/schema.js";
import { addStaffMember, staffById } from "../db/staff.repository.js";
import { inTransaction } from "../db/transaction.js";
import { today as todayOf } from "../domain/clock.js";
import { DomainError } from "../domain/errors.js";
import type { Reporting, Timeframe } from "../domain/plan.js";
import { planSearchText, taskSearchText } from "../domain/plan-search.js";
import { type RestoredWord, UNCERTAIN_BELOW } from "../text/restore/restore.js";
import { expandDeadlines } from "../time/expand.js";
import { parseTimeframe } from "../time/timeframe.js";
import { addedKeys, applyAmendment } from "./amendments.service.js";
import { audit } from "./audit.js";
import { linkImplementedPlan } from "./cascade.service.js";
import type { ServiceContext } from "./context.js";
import { moveDueDatesOffDaysOff } from "./holidays.service.js";
import { noticePlanAmended, noticePlanPublished } from "./notifications.service.js";
import { readablePlan } from "./plans.service.js";
import { type Actor, ensureAllowed, ensureFound, may, within } from "./policies.js";
import { staffMatchKey } from "./staff.service.js";

/** The facts of a plan the actor may review; `plan.not_found` otherwise. */
async function reviewablePlan(ctx: ServiceContext, actor: Actor, planId: string): Promise<PlanFacts> {
  const facts = await planFacts(ctx.db, planId);
  ensureAllowed(may.reviewAtAll(actor, facts));
  ensureFound(!!facts && may.reviewPlan(actor, facts), "plan");
  return facts as PlanFacts;
}

/** A draft the actor may correct; `plan.not_draft` once it is published. */
export async function editableDraft(ctx: ServiceContext, actor: Actor, planId: string): Promise<PlanFacts> {
  const facts = await reviewablePlan(ctx, actor, planId);
  if (facts.status !== "draft")
    throw new DomainError("plan.not_draft", "Kế hoạch đã công bố: không sửa trực tiếp được.");
  return facts;
}

/**
 * A unit officer's own plan gives work only to the unit, the units under it and their staff: a unit
 * beyond is refused (`task.unit_not_below`), naming the field.
 */
async function ensureAssignable(
  ctx: ServiceContext,
  actor: Actor,
  facts: PlanFacts,
  unitIds: readonly string[],
  field: string,
): Promise<void> {
  if (!may.issuedByOwnUnit(actor, facts) || !unitIds.length) return;
  const units = await unitsByIds(ctx.db, unitIds);
  const beyond = unitIds.filter((id) => !may.assignWorkTo(actor, facts, units.get(id)?.path ?? null));
  if (beyond.length)
    throw new DomainError(
      "task.unit_not_below",
      "Kế hoạch của đơn vị chỉ giao việc cho chính đơn vị, các đơn vị trực thuộc và cán bộ của các đơn vị đó.",
      beyond.map((id) => ({ field, reason: `${units.get(id)?.name ?? id} không thuộc đơn vị` })),
    );
}

const planChanged = () =>
  new DomainError(
    "plan.version_conflict",
    "Kế hoạch vừa được người khác sửa hoặc công bố: hãy tải lại trang để xem bản mới rồi sửa tiếp.",
  );
const taskChanged = (key: string) =>
  new DomainError(
    "task.version_conflict",
    `Nhiệm vụ ${key} vừa được người khác sửa: hãy tải lại trang để xem bản mới rồi sửa tiếp.`,
  );

/** Claims the plan's version inside the transaction, or refuses with 409. */
export async function claimPlan(trx: Db, planId: string, version: number): Promise<number> {
  const next = await claimPlanVersion(trx, planId, version);
  if (next === null) throw planChanged();
  return next;
}

/** A word restoring changed or doubted, as the review marks it. */
export interface ReviewedWord extends RestoredWord {
  /** The model was not sure of it (the word may be unchanged): a person should check it. */
  uncertain: boolean;
}

/** Where the source text lost its diacritics: the text as it came (same offsets) and the words to mark. */
export interface ReviewRestoration {
  original: string;
  words: ReviewedWord[];
  syllables: number;
  changed: number;
  uncertain: number;
}

export interface ReviewView {
  status: PlanFacts["status"];
  version: number;
  fileName: string;
  mediaType: string;
  /** The normalised source text the parser read (restored, where it had lost its diacritics). */
  text: string;
  /** What the parser extracted (the plan format). */
  parsed: unknown;
  flags: ReviewFlag[];
  /** Null where the text had its diacritics. */
  restoration: ReviewRestoration | null;
}

// A word is listed because restoring changed it, or because the model doubted it: a listed word left
// as it was is there for the doubt.
function forReview(r: SourceRestoration): ReviewRestoration {
  return {
    original: r.original,
    words: r.words.map((w) => ({ ...w, uncertain: w.confidence < UNCERTAIN_BELOW || w.from === w.to })),
    syllables: r.syllables,
    changed: r.changed,
    uncertain: r.uncertain,
  };
}

/** What the review screen shows: the source text, the parser's reading and the flags. */
export async function reviewView(ctx: ServiceContext, actor: Actor, planId: string): Promise<ReviewView> {
  const facts = await reviewablePlan(ctx, actor, planId);
  const source = await planSource(ctx.db, planId);
  ensureFound(!!source, "plan");
  return {
    status: facts.status,
    version: facts.version,
    fileName: source?.fileName ?? "",
    mediaType: source?.mediaType ?? "",
    text: source?.text ?? "",
    parsed: source?.parsed ?? null,
    flags: await reviewFlags(ctx.db, planId),
    restoration: source?.restoration ? forReview(source.restoration) : null,
  };
}

/** Marks a flag as seen and confirmed by a person. */
export async function confirmFlag(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  flagId: string,
): Promise<void> {
  await editableDraft(ctx, actor, planId);
  await inTransaction(ctx.db, async (trx) => {
    const flag = await settleFlag(trx, planId, flagId);
    if (!flag) throw new DomainError("review.not_found", "Không tìm thấy mục cần xem lại.");
    await audit(ctx, trx, actor, {
      action: "flag.confirm",
      objectType: "plan",
      objectId: planId,
      after: { flag: flagId, kind: flag.kind, subject: flag.subject },
    });
  });
}

export interface DocumentPatch {
  /** The version of the plan the person corrected. */
  version: number;
  /** "123/KH-SGDĐT"; an empty string clears it. */
  number?: string;
  title?: string;
  /** ISO date "2026-01-10"; the plan's year follows it. */
  issuedOn?: string | null;
  signer?: { capacity?: string | null; position?: string | null; name?: string | null };
}

// The parser's warning about an issue date it could not read: "Ngày ban hành để trống: chỉ có năm 2026."
const DATE_WARNING = "^Ngày ban hành";

const clean = (v: string | null | undefined) => (v?.trim() ? v.trim().replace(/\s+/g, " ") : null);

/**
 * Corrects the document fields of a draft plan. A new issue year re-reads every task's timeframe
 * ("Trong quý II" means the plan's year) and their deadlines follow.
 */
export async function updateDocument(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  patch: DocumentPatch,
): Promise<{ version: number }> {
  const facts = await editableDraft(ctx, actor, planId);
  return inTransaction(ctx.db, async (trx) => {
    const version = await claimPlan(trx, planId, patch.version);
    const before = await documentFields(trx, planId);
    if (!before) throw planChanged();
    const year = patch.issuedOn ? Number(patch.issuedOn.slice(0, 4)) : before.year;
    const after = {
      number: patch.number !== undefined ? clean(patch.number) : before.number,
      title: patch.title !== undefined ? clean(patch.title) : before.title,
      issuedOn: patch.issuedOn !== undefined ? patch.issuedOn : before.issuedOn,
      year: patch.issuedOn !== undefined ? year : before.year,
      signer:
        patch.signer !== undefined
          ? {
              ...(before.signer ?? { capacity: null, position: null, name: null }),
              ...Object.fromEntries(Object.entries(patch.signer).map(([k, v]) => [k, clean(v)])),
            }
          : before.signer,
    };
    await writeDocumentFields(trx, planId, after, planSearchText({ ...before, ...after }));
    if (patch.issuedOn) await settleFlags(trx, planId, { kind: "warning", pattern: DATE_WARNING });
    if (year && year !== facts.year) await rereadTimeframes(trx, planId, year);
    await audit(ctx, trx, actor, {
      action: "plan.update",
      objectType: "plan",
      objectId: planId,
      before: {
        number: before.number,
        title: before.title,
        issuedOn: before.issuedOn,
        signer: before.signer,
      },
      after: { number: after.number, title: after.title, issuedOn: after.issuedOn, signer: after.signer },
    });
    return { version };
  });
}

async function rereadTimeframes(trx: Db, planId: string, year: number): Promise<void> {
  for (const t of await tasksOf(trx, planId)) {
    const timeframe = t.timeframe?.text ? parseTimeframe(t.timeframe.text, { year }).timeframe : t.timeframe;
    await writeTaskTimeframe(trx, t.id, timeframe);
    await replaceDeadlines(trx, t.id, expandDeadlines(timeframe, year));
  }
}

/** A task of a draft the actor may correct, with the plan's facts. */
async function editableTask(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  key: string,
): Promise<{ facts: PlanFacts; task: TaskRow }> {
  const facts = await editableDraft(ctx, actor, planId);
  const task = await taskByKey(ctx.db, planId, key);
  if (!task) throw new DomainError("task.not_found", `Không có nhiệm vụ ${key}.`);
  return { facts, task };
}

/** The year a plan's timeframes are read in: its own, else this year. */
export const planYear = (ctx: ServiceContext, facts: PlanFacts) =>
  facts.year ?? ctx.clock.now().getUTCFullYear();

export interface TaskPatch {
  /** The version of the task the person corrected. */
  version: number;
  title?: string;
  /** The task's text, bullets included. */
  content?: string;
  /** The timeframe as a person writes it ("Trong quý II/2026"); read like the document's. */
  timeframe?: string;
}

// Warnings the parser wrote about one task: "Nhiệm vụ II.1: không có đơn vị chủ trì." |
// "Nhiệm vụ II.1: có 3 đơn vị chủ trì." | "Nhiệm vụ II.1.a: Thời gian «Trong quý /2023» thiếu số quý …"
const LEAD_WARNING = /đơn vị chủ trì/;
const TIME_WARNING = /thời gian/i;

/** Corrects a task's title, text or timeframe; the deadlines of its work follow. */
export async function updateTask(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  key: string,
  patch: TaskPatch,
): Promise<{ timeframe: Timeframe | null; warning: string | null; version: number }> {
  const { facts, task } = await editableTask(ctx, actor, planId, key);
  const year = planYear(ctx, facts);
  let timeframe = task.timeframe;
  let warning: string | null = null;
  if (patch.timeframe !== undefined) {
    const reading = parseTimeframe(patch.timeframe, { year });
    timeframe = patch.timeframe.trim() ? reading.timeframe : null;
    warning = reading.warning;
  }
  const title = patch.title !== undefined ? patch.title.trim() : task.title;
  const content = patch.content !== undefined ? patch.content.trim() : task.content;
  return inTransaction(ctx.db, async (trx) => {
    const version = await claimTaskVersion(trx, task.id, patch.version);
    if (version === null) throw taskChanged(key);
    // Search reads what the person corrected, not what the parser read.
    await writeTask(trx, task.id, { title, content, timeframe, searchText: taskSearchText(title, content) });
    if (patch.timeframe !== undefined) await replaceDeadlines(trx, task.id, expandDeadlines(timeframe, year));
    // A datable timeframe fixes the task's timeframe flags ("không có thời gian", a lost numeral).
    if (timeframe && timeframe.kind !== "none")
      await settleFlags(trx, planId, { kind: "task_warning", taskKey: key, about: TIME_WARNING });
    await audit(ctx, trx, actor, {
      action: "task.update",
      objectType: "task",
      objectId: `${planId}/${key}`,
      before: { title: task.title, content: task.content, timeframe: task.timeframe?.text ?? null },
      after: { title, content, timeframe: timeframe?.text ?? null },
    });
    return { timeframe, warning, version };
  });
}

export interface TaskUnitChoice {
  role: "lead" | "cooperate";
  /** The unit string as the document wrote it (or as the person typed it). */
  text: string;
  /** Units picked from the directory; empty keeps it on the review list. */
  unitIds: string[];
  /** Staff members of those units named: kept as they were where a person re-picks the units. */
  staffIds?: string[] | undefined;
}

/** Replaces a task's units with a person's choice; its work items follow; settled flags are closed. */
export async function setTaskUnits(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  key: string,
  input: { version: number; units: TaskUnitChoice[] },
): Promise<{ version: number }> {
  const { facts, task } = await editableTask(ctx, actor, planId, key);
  const ids = [...new Set(input.units.flatMap((u) => u.unitIds))];
  const known = await activeUnitIds(ctx.db, ids);
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length)
    throw new DomainError(
      "unit.not_found",
      `Không có đơn vị đang hoạt động mã ${missing.join(", ")}.`,
      missing.map((m) => ({ field: "unitIds", reason: `không có đơn vị ${m}` })),
    );
  await ensureAssignable(ctx, actor, facts, ids, "unitIds");
  // A staff member stays named only beside their own unit.
  const staffUnits = new Map<string, string>();
  for (const id of new Set(input.units.flatMap((u) => u.staffIds ?? []))) {
    const member = await staffById(ctx.db, id);
    if (member) staffUnits.set(id, member.unitId);
  }
  const units = input.units.map((u) => ({
    role: u.role,
    text: u.text.trim(),
    unitIds: u.unitIds,
    staffIds: (u.staffIds ?? []).filter((id) => u.unitIds.includes(staffUnits.get(id) ?? "")),
  }));
  return inTransaction(ctx.db, async (trx) => {
    const version = await claimTaskVersion(trx, task.id, input.version);
    if (version === null) throw taskChanged(key);
    await replaceTaskUnits(trx, task.id, units);
    await replaceDeadlines(trx, task.id, expandDeadlines(task.timeframe, planYear(ctx, facts)));
    // One lead picked from the directory settles the task's lead warnings.
    const leads = units.filter((u) => u.role === "lead");
    if (leads.length === 1 && leads[0]?.unitIds.length)
      await settleFlags(trx, planId, { kind: "task_warning", taskKey: key, about: LEAD_WARNING });
    // The unit flags of this task that a person has now settled.
    const settled = units.filter((u) => u.unitIds.length).map((u) => u.text);
    await settleFlags(trx, planId, { kind: "unit", taskKey: key, subjects: settled });
    await audit(ctx, trx, actor, {
      action: "task.units",
      objectType: "task",
      objectId: `${planId}/${key}`,
      after: units,
    });
    return { version };
  });
}

/**
 * Links a reference of a draft plan to a plan in the system ("Thực hiện Kế hoạch số 77/KH-UBND"
 * → that plan), or unlinks it with null; settles the reference's flag.
 */
export async function linkReference(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  input: { version: number; number: string; targetPlanId: string | null },
): Promise<{ version: number }> {
  await editableDraft(ctx, actor, planId);
  const ref = await referenceOf(ctx.db, planId, input.number);
  if (!ref) throw new DomainError("reference.not_found", `Kế hoạch không dẫn chiếu văn bản ${input.number}.`);
  if (input.targetPlanId !== null) {
    if (input.targetPlanId === planId)
      throw new DomainError("reference.self", "Một kế hoạch không thực hiện chính nó.", [
        { field: "targetPlanId", reason: "trùng với kế hoạch đang rà soát" },
      ]);
    // Only a plan the officer can read may be linked: "not found" otherwise.
    await readablePlan(ctx, actor, input.targetPlanId);
  }
  return inTransaction(ctx.db, async (trx) => {
    const version = await claimPlan(trx, planId, input.version);
    await setReferenceTarget(trx, planId, input.number, input.targetPlanId);
    await settleFlags(trx, planId, { kind: "reference", number: input.number });
    await audit(ctx, trx, actor, {
      action: "plan.reference",
      objectType: "plan",
      objectId: planId,
      before: ref,
      after: { number: input.number, targetPlanId: input.targetPlanId },
    });
    return { version };
  });
}

/**
 * Replaces what the parser read of a draft plan's reporting duty with the schedule a person types
 * ("Định kỳ trước ngày 15/6 và 15/12 hằng năm"), read like the document's; an empty text removes
 * it, and the plan follows its issuer's reporting regime. Who reports to whom is kept.
 */
export async function setReportingSchedule(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  input: { version: number; schedule: string },
): Promise<{ reporting: Reporting[]; version: number }> {
  const facts = await editableDraft(ctx, actor, planId);
  const year = planYear(ctx, facts);
  const text = input.schedule.trim().replace(/\s+/g, " ");
  let timeframe: Timeframe | null = null;
  if (text) {
    const reading = parseTimeframe(text, { year });
    timeframe = reading.timeframe;
    if (!timeframe || !expandDeadlines(timeframe, year).length)
      throw new DomainError("plan.bad_reporting", `Không đọc được hạn báo cáo trong «${text}».`, [
        {
          field: "schedule",
          reason: reading.warning ?? "cần ngày cụ thể, ví dụ «trước ngày 15/6 và 15/12 hằng năm»",
        },
      ]);
  }
  return inTransaction(ctx.db, async (trx) => {
    const version = await claimPlan(trx, planId, input.version);
    const first = await firstObligation(trx, planId);
    const obligations: Reporting[] = timeframe
      ? [
          {
            from: first?.from ?? [],
            to: first?.to ?? [],
            via: first?.via ?? null,
            timeframe,
            text: `Báo cáo ${text.charAt(0).toLowerCase()}${text.slice(1)}`,
          },
        ]
      : [];
    await replaceObligations(trx, planId, obligations);
    await audit(ctx, trx, actor, {
      action: "plan.reporting",
      objectType: "plan",
      objectId: planId,
      before: facts.reporting.map((r) => r.text),
      after: obligations.map((r) => r.text),
    });
    return { reporting: obligations, version };
  });
}

export interface PublicationPreview {
  tasks: number;
  /** Duties of "Tổ chức thực hiện" tracked as work. */
  duties: number;
  workItems: number;
  units: number;
  deadlines: number;
  /** Flags not yet confirmed or fixed. */
  openFlags: number;
  /** Tasks no unit leads: publication is refused while there is one. */
  unowned: Array<{ key: string; title: string }>;
}

/** What publishing the plan will create, and what still stands in its way. */
export async function publicationPreview(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
): Promise<PublicationPreview> {
  const facts = await reviewablePlan(ctx, actor, planId);
  const [counts, openFlags, unowned, adding] = await Promise.all([
    publicationCounts(ctx.db, planId),
    openFlagCount(ctx.db, planId),
    unownedTasks(ctx.db, planId),
    addedKeys(ctx, ctx.db, facts),
  ]);
  return { ...counts, openFlags, unowned: unowned.filter((t) => !adding || adding.has(t.key)) };
}

function unownedError(unowned: ReadonlyArray<{ key: string; title: string }>): DomainError {
  const shown = unowned.slice(0, 5).map((t) => t.key);
  return new DomainError(
    "plan.unowned_tasks",
    `Còn ${unowned.length} nhiệm vụ chưa có đơn vị chủ trì (${shown.join(", ")}${unowned.length > 5 ? ", …" : ""}): hãy giao đơn vị chủ trì, hoặc ghi nhận là việc của chính cơ quan ban hành, rồi công bố.`,
    unowned.map((t) => ({ field: `tasks.${t.key}.leads`, reason: "chưa có đơn vị chủ trì" })),
  );
}

/**
 * Records lead-less tasks as the issuing body's own work: the body that keeps the plan becomes their
 * lead (beside the units they have), their work is tracked and dated like any other.
 * `keys` names the tasks; none: every task that has no lead.
 */
export async function recordOwnWork(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  input: { version: number; keys?: string[] },
): Promise<{ version: number; keys: string[] }> {
  const facts = await editableDraft(ctx, actor, planId);
  if (!facts.keeperId)
    throw new DomainError(
      "plan.issuer_unknown",
      "Chưa biết đơn vị ban hành kế hoạch trong danh mục: hãy chọn đơn vị chủ trì cho từng nhiệm vụ.",
    );
  const keeper = facts.keeperId;
  const name = (await unitName(ctx.db, keeper)) ?? "Cơ quan ban hành";
  const year = planYear(ctx, facts);
  return inTransaction(ctx.db, async (trx) => {
    const version = await claimPlan(trx, planId, input.version);
    const wanted = input.keys?.length ? new Set(input.keys) : null;
    const unowned = (await unownedTasks(trx, planId)).filter((t) => !wanted || wanted.has(t.key));
    if (wanted && unowned.length < wanted.size) {
      const known = new Set(unowned.map((t) => t.key));
      const other = [...wanted].filter((k) => !known.has(k));
      throw new DomainError(
        "task.has_lead",
        `Nhiệm vụ ${other.join(", ")} đã có đơn vị chủ trì hoặc không có trong kế hoạch.`,
        other.map((k) => ({ field: `keys`, reason: `nhiệm vụ ${k} đã có đơn vị chủ trì hoặc không có` })),
      );
    }
    const tasks = new Map((await tasksOf(trx, planId)).map((t) => [t.key, t]));
    for (const { key } of unowned) {
      const task = tasks.get(key);
      if (!task) continue;
      await addIssuerLead(trx, task.id, keeper, name);
      await replaceDeadlines(trx, task.id, expandDeadlines(task.timeframe, year));
      await settleFlags(trx, planId, { kind: "task_warning", taskKey: key, about: LEAD_WARNING });
    }
    await audit(ctx, trx, actor, {
      action: "task.own_work",
      objectType: "plan",
      objectId: planId,
      after: { lead: name, tasks: unowned.map((t) => t.key) },
    });
    return { version, keys: unowned.map((t) => t.key) };
  });
}

/**
 * Publishes a plan once every flag on it has been confirmed or fixed and every task has a lead:
 * its work becomes tracked. Nothing is published that nobody owns.
 */
export async function publishPlan(ctx: ServiceContext, actor: Actor, planId: string): Promise<void> {
  const facts = await editableDraft(ctx, actor, planId);
  await inTransaction(ctx.db, async (trx) => {
    // An amendment's tasks that restate the amended plan's keep its leads: only those it adds need one.
    const adding = await addedKeys(ctx, trx, facts);
    const unowned = (await unownedTasks(trx, planId)).filter((t) => !adding || adding.has(t.key));
    if (unowned.length) throw unownedError(unowned);
    const open = await openFlagCount(trx, planId);
    if (open > 0)
      throw new DomainError("plan.unreviewed", `Còn ${open} mục cần xác nhận hoặc sửa trước khi công bố.`);
    const amended = adding ? await applyAmendment(ctx, trx, actor, facts) : null;
    // Where the installation says so, due dates on a day off move to the next working day.
    await moveDueDatesOffDaysOff(trx, planId);
    if (amended && (await moveDueDatesOffDaysOff(trx, amended.targetId)))
      await refreshTally(trx, amended.targetId, todayOf(ctx.clock));
    if (!(await publishDraft(trx, planId, todayOf(ctx.clock))))
      throw new DomainError("plan.not_draft", "Kế hoạch đã công bố.");
    // A plan that says it implements a plan of the system joins that plan's cascade.
    if (!amended) await linkImplementedPlan(trx, planId);
    // The units it gives work to are told; an amendment tells the units whose work it changed.
    const at = ctx.clock.now();
    if (amended)
      await noticePlanAmended(trx, amended.targetId, { id: planId, number: facts.number }, amended.units, at);
    else await noticePlanPublished(trx, planId, at);
    await audit(ctx, trx, actor, {
      action: "plan.publish",
      objectType: "plan",
      objectId: planId,
      ...(amended
        ? { after: { amends: amended.targetId, changes: amended.changes, units: amended.units } }
        : {}),
    });
  });
}

/**
 * Discards a draft plan imported by mistake, with its file: nothing of it stays, and the same
 * file can be imported again. A published plan is never discarded (units have worked on it).
 */
export async function discardDraft(ctx: ServiceContext, actor: Actor, planId: string): Promise<void> {
  await editableDraft(ctx, actor, planId);
  await inTransaction(ctx.db, async (trx) => {
    const before = await documentFields(trx, planId);
    if (!(await deleteDraft(trx, planId)))
      throw new DomainError("plan.not_draft", "Kế hoạch đã công bố: không bỏ được.");
    await audit(ctx, trx, actor, {
      action: "plan.discard",
      objectType: "plan",
      objectId: planId,
      before: before ? { number: before.number, title: before.title } : null,
    });
  });
}

export type UnitChoice =
  | { action: "pick"; unitId: string }
  | { action: "not_doer" }
  | { action: "confirm" }
  /** A person (or a post, `post: true`) of a unit: a staff member already listed, or added now. */
  | { action: "person"; unitId: string; staffId?: string | undefined; post?: boolean | undefined };

/**
 * Settles a unit the directory does not hold the same way in every task that names it ("Vũ Việt
 * Linh" in 35 rows): the unit picked from the directory for all of them, or taken off all of them
 * as no doer, or confirmed as written. Their work and deadlines follow; their flags close.
 */
export async function settleUnitEverywhere(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  input: { version: number; text: string; choice: UnitChoice },
): Promise<{ version: number; tasks: string[] }> {
  const facts = await editableDraft(ctx, actor, planId);
  const { choice } = input;
  if (
    (choice.action === "pick" || choice.action === "person") &&
    !(await activeUnitIds(ctx.db, [choice.unitId])).has(choice.unitId)
  )
    throw new DomainError("unit.not_found", `Không có đơn vị đang hoạt động mã ${choice.unitId}.`, [
      { field: "choice.unitId", reason: `không có đơn vị ${choice.unitId}` },
    ]);
  if (choice.action === "pick" || choice.action === "person")
    await ensureAssignable(ctx, actor, facts, [choice.unitId], "choice.unitId");
  if (choice.action === "person" && choice.staffId) {
    const member = await staffById(ctx.db, choice.staffId);
    if (!member || member.unitId !== choice.unitId || !within(actor.reach, member.unitPath))
      throw new DomainError("staff.not_found", "Không có cán bộ này trong đơn vị đã chọn.", [
        { field: "choice.staffId", reason: "không thuộc đơn vị đã chọn" },
      ]);
  }
  const year = planYear(ctx, facts);
  return inTransaction(ctx.db, async (trx) => {
    const version = await claimPlan(trx, planId, input.version);
    const tasks = await tasksNamingUnit(trx, planId, input.text);
    if (!tasks.length)
      throw new DomainError("task.not_found", `Không nhiệm vụ nào ghi «${input.text}».`, [
        { field: "text", reason: "không có trong kế hoạch" },
      ]);
    // "Vũ Việt Linh" a person of Phòng Quản lý công nghiệp: listed among its staff (once), and the
    // work of every task naming the name is that unit's, naming the person.
    let staffId: string | null = null;
    if (choice.action === "person") {
      const name = choice.post ? null : input.text.trim();
      const post = choice.post ? input.text.trim() : null;
      staffId =
        choice.staffId ??
        (
          await addStaffMember(trx, {
            unitId: choice.unitId,
            name,
            post,
            matchKey: staffMatchKey(name, post),
          })
        ).id;
    }
    if (choice.action !== "confirm")
      for (const t of tasks) {
        const units =
          choice.action === "pick"
            ? t.units.map((u) =>
                u.text === input.text ? { ...u, unitIds: [choice.unitId], staffIds: [] } : u,
              )
            : choice.action === "person"
              ? t.units.map((u) =>
                  u.text === input.text
                    ? { ...u, unitIds: [choice.unitId], staffIds: staffId ? [staffId] : [] }
                    : u,
                )
              : t.units.filter((u) => u.text !== input.text);
        await replaceTaskUnits(trx, t.id, units);
        await replaceDeadlines(trx, t.id, expandDeadlines(t.timeframe, year));
        const leads = units.filter((u) => u.role === "lead");
        if (leads.length === 1 && leads[0]?.unitIds.length)
          await settleFlags(trx, planId, { kind: "task_warning", taskKey: t.key, about: LEAD_WARNING });
      }
    await settleFlagGroup(trx, planId, "unit", input.text);
    await audit(ctx, trx, actor, {
      action: "task.units_all",
      objectType: "plan",
      objectId: planId,
      after: { text: input.text, choice, staffId, tasks: tasks.map((t) => t.key) },
    });
    return { version, tasks: tasks.map((t) => t.key) };
  });
}

/** Confirms every open flag of a kind that says the same thing ("không có thời gian thực hiện"). */
export async function confirmFlagGroup(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  input: { kind: "unit" | "reference" | "warning"; about: string },
): Promise<{ confirmed: number }> {
  await editableDraft(ctx, actor, planId);
  return inTransaction(ctx.db, async (trx) => {
    const confirmed = await settleFlagGroup(trx, planId, input.kind, input.about);
    await audit(ctx, trx, actor, {
      action: "flag.confirm_all",
      objectType: "plan",
      objectId: planId,
      after: { kind: input.kind, about: input.about, confirmed },
    });
    return { confirmed };
  });
}
