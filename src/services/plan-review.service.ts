// Correcting an imported plan before it is published: the source text beside what was extracted,
// a task's fields, and its units picked from the directory. Every change keeps the tracked work
// (work items and their deadlines) in step.

import type { Kysely } from "kysely";
import { sql } from "kysely";
import { foldForSearch, insertObligations } from "../db/plans.repository.js";
import { planFacts } from "../db/reports.repository.js";
import type { Database } from "../db/schema.js";
import { DomainError } from "../domain/errors.js";
import type { Reporting, Timeframe } from "../domain/plan.js";
import { expandDeadlines } from "../time/expand.js";
import { parseTimeframe } from "../time/timeframe.js";
import { planSearchText } from "./import-plan.service.js";
import { getPlan } from "./plan-query.service.js";
import { type Actor, authorize, withinReach } from "./policies.js";

async function draftPlan(db: Kysely<Database>, actor: Actor | null, planId: string) {
  authorize(actor, "plan.publish");
  const facts = await planFacts(db, planId);
  if (!facts || !withinReach(actor, facts.issuerPath))
    throw new DomainError("plan.not_found", "Không tìm thấy kế hoạch.");
  if (facts.status !== "draft")
    throw new DomainError("plan.not_draft", "Kế hoạch đã công bố: không sửa trực tiếp được.");
  return facts;
}

// A task of a draft plan within the actor's reach, with the plan's facts.
async function draftTask(db: Kysely<Database>, actor: Actor | null, planId: string, key: string) {
  const facts = await draftPlan(db, actor, planId);
  const task = await db
    .selectFrom("task")
    .select(["id", "timeframe", "title", "content"])
    .where("plan_id", "=", planId)
    .where("key", "=", key)
    .executeTakeFirst();
  if (!task) throw new DomainError("task.not_found", `Không có nhiệm vụ ${key}.`);
  return { facts, task };
}

/** The plan's review list (open and settled flags), for the plan officers who may publish it. */
export async function listReviewItems(
  db: Kysely<Database>,
  actor: Actor | null,
  planId: string,
): Promise<Array<{ id: string; kind: string; subject: string; detail: unknown; resolved: boolean }>> {
  authorize(actor, "plan.publish");
  const facts = await planFacts(db, planId);
  if (!facts || !withinReach(actor, facts.issuerPath))
    throw new DomainError("plan.not_found", "Không tìm thấy kế hoạch.");
  const items = await db
    .selectFrom("review_item")
    .select(["id", "kind", "subject", "detail", "resolved"])
    .where("plan_id", "=", planId)
    .orderBy("id")
    .execute();
  return items.map((i) => ({ ...i, id: String(i.id) }));
}

export interface PlanPatch {
  /** "123/KH-SGDĐT"; an empty string clears it. */
  number?: string;
  title?: string;
  /** ISO date "2026-01-10"; the plan's year follows it. */
  issuedOn?: string | null;
  signer?: { capacity?: string | null; position?: string | null; name?: string | null };
}

// The parser's warning about an issue date it could not read: "Ngày ban hành để trống: chỉ có năm 2026."
const DATE_WARNING = /^Ngày ban hành/;

/**
 * Corrects the document fields of a draft plan. A new issue year re-reads every task's timeframe
 * ("Trong quý II" means the plan's year) and their deadlines follow.
 */
export async function updatePlanFields(
  db: Kysely<Database>,
  actor: Actor | null,
  planId: string,
  patch: PlanPatch,
): Promise<void> {
  const facts = await draftPlan(db, actor, planId);
  const clean = (v: string | null | undefined) => (v?.trim() ? v.trim().replace(/\s+/g, " ") : null);
  const year = patch.issuedOn ? Number(patch.issuedOn.slice(0, 4)) : facts.year;
  await db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom("plan")
      .select(["type", "number", "title", "issuer", "place", "signer"])
      .where("id", "=", planId)
      .executeTakeFirstOrThrow();
    const next = {
      number: patch.number !== undefined ? clean(patch.number) : current.number,
      title: patch.title !== undefined ? clean(patch.title) : current.title,
    };
    const signer =
      patch.signer !== undefined
        ? {
            ...((current.signer as Record<string, string | null> | null) ?? {
              capacity: null,
              position: null,
              name: null,
            }),
            ...Object.fromEntries(Object.entries(patch.signer).map(([k, v]) => [k, clean(v)])),
          }
        : undefined;
    await trx
      .updateTable("plan")
      .set({
        number: next.number,
        title: next.title,
        ...(patch.issuedOn !== undefined ? { issued_on: patch.issuedOn, year } : {}),
        ...(signer ? { signer: JSON.stringify(signer) } : {}),
        search_text: planSearchText({ ...current, ...next }),
      })
      .where("id", "=", planId)
      .execute();
    if (patch.issuedOn) {
      await trx
        .updateTable("review_item")
        .set({ resolved: true })
        .where("plan_id", "=", planId)
        .where("kind", "=", "warning")
        .where("subject", "~", DATE_WARNING.source)
        .execute();
    }
    if (year !== facts.year && year) await rereadTimeframes(trx, planId, year);
  });
}

async function rereadTimeframes(db: Kysely<Database>, planId: string, year: number): Promise<void> {
  const tasks = await db
    .selectFrom("task")
    .select(["id", "timeframe"])
    .where("plan_id", "=", planId)
    .execute();
  for (const t of tasks) {
    const before = t.timeframe as Timeframe | null;
    const timeframe = before?.text ? parseTimeframe(before.text, { year }).timeframe : before;
    await db
      .updateTable("task")
      .set({ timeframe: timeframe ? JSON.stringify(timeframe) : null })
      .where("id", "=", String(t.id))
      .execute();
    await resetDeadlines(db, String(t.id), expandDeadlines(timeframe, year));
  }
}

/** The normalised source text and the extracted plan, for the review screen. */
export async function planSource(
  db: Kysely<Database>,
  actor: Actor | null,
  planId: string,
): Promise<{ text: string; parsed: unknown; status: string }> {
  authorize(actor, "plan.publish");
  const facts = await planFacts(db, planId);
  if (!facts || !withinReach(actor, facts.issuerPath))
    throw new DomainError("plan.not_found", "Không tìm thấy kế hoạch.");
  const r = await db
    .selectFrom("plan")
    .innerJoin("document", "document.id", "plan.document_id")
    .select(["document.text", "plan.parsed", "plan.status"])
    .where("plan.id", "=", planId)
    .executeTakeFirstOrThrow();
  return { text: r.text, parsed: r.parsed, status: r.status };
}

export interface TaskPatch {
  title?: string;
  /** The task's text, bullets included. */
  content?: string;
  /** The timeframe as a person writes it ("Trong quý II/2026"); read like the document's. */
  timeframe?: string;
}

/** Corrects a task's title or timeframe; the deadlines of its work follow. */
export async function updateTask(
  db: Kysely<Database>,
  actor: Actor | null,
  planId: string,
  key: string,
  patch: TaskPatch,
): Promise<{ timeframe: Timeframe | null; warning: string | null }> {
  const { facts, task } = await draftTask(db, actor, planId, key);
  let timeframe = task.timeframe as Timeframe | null;
  let warning: string | null = null;
  if (patch.timeframe !== undefined) {
    const reading = parseTimeframe(patch.timeframe, { year: facts.year });
    timeframe = patch.timeframe.trim() ? reading.timeframe : null;
    warning = reading.warning;
  }
  await db.transaction().execute(async (trx) => {
    const title = patch.title !== undefined ? patch.title.trim() : task.title;
    const content = patch.content !== undefined ? patch.content.trim() : task.content;
    await trx
      .updateTable("task")
      .set({
        title,
        content,
        // Search reads what the person corrected, not what the parser read.
        search_text: foldForSearch(`${title} ${content}`),
        ...(patch.timeframe !== undefined ? { timeframe: timeframe ? JSON.stringify(timeframe) : null } : {}),
      })
      .where("id", "=", String(task.id))
      .execute();
    if (patch.timeframe !== undefined)
      await resetDeadlines(
        trx,
        String(task.id),
        expandDeadlines(timeframe, facts.year ?? new Date().getFullYear()),
      );
    // A datable timeframe fixes the task's timeframe flags ("không có thời gian", a lost numeral).
    if (timeframe && timeframe.kind !== "none") await closeTaskWarnings(trx, planId, key, TIME_WARNING);
  });
  return { timeframe, warning };
}

// Warnings the parser wrote about one task: "Nhiệm vụ II.1: không có đơn vị chủ trì." |
// "Nhiệm vụ II.1: có 3 đơn vị chủ trì." | "Nhiệm vụ II.1.a: Thời gian «Trong quý /2023» thiếu số quý …"
const LEAD_WARNING = /đơn vị chủ trì/;
const TIME_WARNING = /thời gian/i;

async function closeTaskWarnings(
  db: Kysely<Database>,
  planId: string,
  key: string,
  about: RegExp,
): Promise<void> {
  const open = await db
    .selectFrom("review_item")
    .select(["id", "subject"])
    .where("plan_id", "=", planId)
    .where("kind", "=", "warning")
    .where("resolved", "=", false)
    .where("subject", "like", `Nhiệm vụ ${key}:%`)
    .execute();
  const fixed = open
    .filter((w) => about.test(w.subject.slice(`Nhiệm vụ ${key}:`.length)))
    .map((w) => String(w.id));
  if (fixed.length)
    await db.updateTable("review_item").set({ resolved: true }).where("id", "in", fixed).execute();
}

async function resetDeadlines(db: Kysely<Database>, taskId: string, dues: string[]): Promise<void> {
  await sql`delete from deadline d using work_item w where d.work_item_id = w.id and w.task_id = ${taskId}`.execute(
    db,
  );
  if (!dues.length) return;
  const items = await db.selectFrom("work_item").select("id").where("task_id", "=", taskId).execute();
  if (items.length)
    await db
      .insertInto("deadline")
      .values(items.flatMap((w) => dues.map((due) => ({ work_item_id: String(w.id), due }))))
      .execute();
}

export interface TaskUnitChoice {
  role: "lead" | "cooperate";
  /** The unit string as the document wrote it (or as the person typed it). */
  text: string;
  /** Units picked from the directory; empty keeps it on the review list. */
  unitIds: string[];
}

/** Replaces a task's units with a person's choice; its work items follow; settled flags are closed. */
export async function setTaskUnits(
  db: Kysely<Database>,
  actor: Actor | null,
  planId: string,
  key: string,
  units: TaskUnitChoice[],
): Promise<void> {
  const { facts, task } = await draftTask(db, actor, planId, key);
  const ids = [...new Set(units.flatMap((u) => u.unitIds))];
  if (ids.length) {
    const found = await db
      .selectFrom("unit")
      .select("id")
      .where("id", "in", ids)
      .where("active", "=", true)
      .execute();
    const known = new Set(found.map((f) => String(f.id)));
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length)
      throw new DomainError(
        "unit.not_found",
        `Không có đơn vị đang hoạt động mã ${missing.join(", ")}.`,
        missing.map((m) => ({ field: "unitIds", reason: `không có đơn vị ${m}` })),
      );
  }
  const taskId = String(task.id);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("task_unit").where("task_id", "=", taskId).execute();
    if (units.length) {
      await trx
        .insertInto("task_unit")
        .values(
          units.map((u, i) => ({
            task_id: taskId,
            role: u.role,
            position: i,
            unit_text: u.text.trim(),
            method: u.unitIds.length ? ("exact" as const) : ("review" as const),
            unit_ids: u.unitIds,
            candidates: "[]",
          })),
        )
        .execute();
    }
    await trx.deleteFrom("work_item").where("task_id", "=", taskId).execute();
    const pairs = new Map<string, { unit: string; role: "lead" | "cooperate" }>();
    for (const u of units)
      for (const id of u.unitIds) pairs.set(`${id}|${u.role}`, { unit: id, role: u.role });
    if (pairs.size) {
      await trx
        .insertInto("work_item")
        .values([...pairs.values()].map((p) => ({ task_id: taskId, unit_id: p.unit, role: p.role })))
        .execute();
      await resetDeadlines(
        trx,
        taskId,
        expandDeadlines(task.timeframe as Timeframe | null, facts.year ?? new Date().getFullYear()),
      );
    }
    // One lead picked from the directory settles the task's lead warnings.
    const leads = units.filter((u) => u.role === "lead");
    if (leads.length === 1 && leads[0]?.unitIds.length)
      await closeTaskWarnings(trx, planId, key, LEAD_WARNING);
    // The unit flags of this task that a person has now settled.
    const settled = units.filter((u) => u.unitIds.length).map((u) => u.text.trim());
    if (settled.length) {
      await trx
        .updateTable("review_item")
        .set({ resolved: true })
        .where("plan_id", "=", planId)
        .where("kind", "=", "unit")
        .where("subject", "in", settled)
        .where(sql<boolean>`detail ->> 'task' = ${key}`)
        .execute();
    }
  });
}

/**
 * Links a reference of a draft plan to a plan in the system ("Thực hiện Kế hoạch số 77/KH-UBND"
 * → that plan), or unlinks it with null; settles the reference's flag.
 */
export async function linkReference(
  db: Kysely<Database>,
  actor: Actor | null,
  planId: string,
  number: string,
  targetPlanId: string | null,
): Promise<void> {
  await draftPlan(db, actor, planId);
  const ref = await db
    .selectFrom("plan_reference")
    .select("number")
    .where("plan_id", "=", planId)
    .where("number", "=", number)
    .executeTakeFirst();
  if (!ref) throw new DomainError("reference.not_found", `Kế hoạch không dẫn chiếu văn bản ${number}.`);
  if (targetPlanId !== null) {
    if (targetPlanId === planId)
      throw new DomainError("reference.self", "Một kế hoạch không thực hiện chính nó.", [
        { field: "targetPlanId", reason: "trùng với kế hoạch đang rà soát" },
      ]);
    // Only a plan the officer can read may be linked: getPlan says "not found" otherwise.
    await getPlan(db, actor, targetPlanId);
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("plan_reference")
      .set({ target_plan_id: targetPlanId })
      .where("plan_id", "=", planId)
      .where("number", "=", number)
      .execute();
    await trx
      .updateTable("review_item")
      .set({ resolved: true })
      .where("plan_id", "=", planId)
      .where("kind", "=", "reference")
      .where("subject", "=", number)
      .execute();
  });
}

/**
 * Replaces what the parser read of a draft plan's reporting duty with the schedule a person types
 * ("Định kỳ trước ngày 15/6 và 15/12 hằng năm"), read like the document's; an empty text removes
 * it, and the plan follows its issuer's reporting regime. Who reports to whom is kept.
 */
export async function setReportingSchedule(
  db: Kysely<Database>,
  actor: Actor | null,
  planId: string,
  schedule: string,
): Promise<Reporting[]> {
  const facts = await draftPlan(db, actor, planId);
  const year = facts.year ?? new Date().getFullYear();
  const text = schedule.trim().replace(/\s+/g, " ");
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
  return db.transaction().execute(async (trx) => {
    const first = await trx
      .selectFrom("reporting_obligation")
      .select(["from_units", "to_units", "via"])
      .where("plan_id", "=", planId)
      .orderBy("position")
      .executeTakeFirst();
    await trx.deleteFrom("reporting_obligation").where("plan_id", "=", planId).execute();
    if (!timeframe) return [];
    const obligation: Reporting = {
      from: (first?.from_units as string[] | undefined) ?? [],
      to: (first?.to_units as string[] | undefined) ?? [],
      via: first?.via ?? null,
      timeframe,
      text: `Báo cáo ${text.charAt(0).toLowerCase()}${text.slice(1)}`,
    };
    await insertObligations(trx, planId, [obligation]);
    return [obligation];
  });
}

/**
 * Discards a draft plan imported by mistake, with its file: nothing of it stays, and the same
 * file can be imported again. A published plan is never discarded (units have worked on it).
 */
export async function discardDraft(db: Kysely<Database>, actor: Actor | null, planId: string): Promise<void> {
  await draftPlan(db, actor, planId);
  await db.transaction().execute(async (trx) => {
    const plan = await trx
      .selectFrom("plan")
      .select("document_id")
      .where("id", "=", planId)
      .where("status", "=", "draft")
      .forUpdate()
      .executeTakeFirst();
    if (!plan) throw new DomainError("plan.not_draft", "Kế hoạch đã công bố: không bỏ được.");
    // The plan, its tasks, work items, flags … go with the document they came from.
    await trx.deleteFrom("document").where("id", "=", String(plan.document_id)).execute();
  });
}
