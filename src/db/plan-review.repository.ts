// What the review of a draft plan writes: document fields, tasks and their units, the tracked work
// that follows them (work items, deadlines), references, reporting obligations and review flags.
// Edits are made against a version: a row changed meanwhile by someone else is not overwritten.

import { sql } from "kysely";
import type { Reporting, Timeframe } from "../domain/plan.js";
import { numberKey } from "../text/number-key.js";
import type { SourceRestoration } from "./plans.repository.js";
import { refreshTally } from "./progress-tally.repository.js";
import type { Db } from "./schema.js";

export interface ReviewFlag {
  id: string;
  kind: "unit" | "reference" | "warning";
  subject: string;
  detail: unknown;
  resolved: boolean;
}

/** A plan's review flags, open and settled, in the order they were raised. */
export async function reviewFlags(db: Db, planId: string): Promise<ReviewFlag[]> {
  const rows = await db
    .selectFrom("review_item")
    .select(["id", "kind", "subject", "detail", "resolved"])
    .where("plan_id", "=", planId)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ ...r, id: String(r.id) }));
}

/** How many flags of a plan are still open. */
export async function openFlagCount(db: Db, planId: string): Promise<number> {
  const r = await db
    .selectFrom("review_item")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("plan_id", "=", planId)
    .where("resolved", "=", false)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Marks one flag settled; false when the plan has no such flag. */
export async function settleFlag(db: Db, planId: string, flagId: string): Promise<ReviewFlag | null> {
  const r = await db
    .updateTable("review_item")
    .set({ resolved: true })
    .where("id", "=", flagId)
    .where("plan_id", "=", planId)
    .returning(["id", "kind", "subject", "detail", "resolved"])
    .executeTakeFirst();
  return r ? { ...r, id: String(r.id) } : null;
}

/** Which open flags a correction settles. */
export type FlagSelector =
  /** Parser warnings whose text matches a POSIX pattern: "^Ngày ban hành". */
  | { kind: "warning"; pattern: string }
  /** Parser warnings about one task ("Nhiệm vụ II.1: …") whose rest matches `about`. */
  | { kind: "task_warning"; taskKey: string; about: RegExp }
  /** Unit flags of one task for unit strings now picked from the directory. */
  | { kind: "unit"; taskKey: string; subjects: readonly string[] }
  /** The flag of one reference. */
  | { kind: "reference"; number: string };

/** Settles the open flags a correction has fixed. */
export async function settleFlags(db: Db, planId: string, which: FlagSelector): Promise<void> {
  const open = db.updateTable("review_item").set({ resolved: true }).where("plan_id", "=", planId);
  switch (which.kind) {
    case "warning":
      await open.where("kind", "=", "warning").where("subject", "~", which.pattern).execute();
      return;
    case "unit":
      if (!which.subjects.length) return;
      await open
        .where("kind", "=", "unit")
        .where("subject", "in", [...which.subjects])
        .where(sql<boolean>`detail ->> 'task' = ${which.taskKey}`)
        .execute();
      return;
    case "reference":
      await open.where("kind", "=", "reference").where("subject", "=", which.number).execute();
      return;
    case "task_warning": {
      const prefix = `Nhiệm vụ ${which.taskKey}:`;
      const rows = await db
        .selectFrom("review_item")
        .select(["id", "subject"])
        .where("plan_id", "=", planId)
        .where("kind", "=", "warning")
        .where("resolved", "=", false)
        .where("subject", "like", `${prefix.replace(/[%_\\]/g, "\\$&")}%`)
        .execute();
      const fixed = rows
        .filter((w) => which.about.test(w.subject.slice(prefix.length)))
        .map((w) => String(w.id));
      if (fixed.length) await open.where("id", "in", fixed).execute();
      return;
    }
  }
}

export interface DocumentFields {
  type: string | null;
  number: string | null;
  title: string | null;
  issuer: string | null;
  place: string | null;
  issuedOn: string | null;
  year: number | null;
  signer: { capacity: string | null; position: string | null; name: string | null } | null;
}

/** The document fields of a plan as they stand. */
export async function documentFields(db: Db, planId: string): Promise<DocumentFields | null> {
  const r = await db
    .selectFrom("plan")
    .select(["type", "number", "title", "issuer", "place", "issued_on", "year", "signer"])
    .where("id", "=", planId)
    .executeTakeFirst();
  if (!r) return null;
  return {
    type: r.type,
    number: r.number,
    title: r.title,
    issuer: r.issuer,
    place: r.place,
    issuedOn: r.issued_on,
    year: r.year,
    signer: (r.signer as DocumentFields["signer"]) ?? null,
  };
}

/**
 * Raises a draft plan's version if it is still `expected` (and still a draft), locking the row for
 * the rest of the transaction; returns the new version, or null when someone changed it meanwhile.
 */
export async function claimPlanVersion(db: Db, planId: string, expected: number): Promise<number | null> {
  const r = await db
    .updateTable("plan")
    .set((eb) => ({ version: eb("version", "+", 1) }))
    .where("id", "=", planId)
    .where("status", "=", "draft")
    .where("version", "=", expected)
    .returning("version")
    .executeTakeFirst();
  return r?.version ?? null;
}

/** Writes corrected document fields (the version is claimed separately). */
export async function writeDocumentFields(
  db: Db,
  planId: string,
  f: Omit<DocumentFields, "type" | "issuer" | "place">,
  searchText: string,
): Promise<void> {
  await db
    .updateTable("plan")
    .set({
      number: f.number,
      number_key: f.number === null ? null : numberKey(f.number),
      title: f.title,
      issued_on: f.issuedOn,
      year: f.year,
      signer: f.signer ? JSON.stringify(f.signer) : null,
      search_text: searchText,
    })
    .where("id", "=", planId)
    .execute();
}

export interface TaskRow {
  id: string;
  key: string;
  title: string;
  content: string;
  timeframe: Timeframe | null;
  version: number;
}

/** One task of a plan by its key ("II.1"), or null. */
export async function taskByKey(db: Db, planId: string, key: string): Promise<TaskRow | null> {
  const r = await db
    .selectFrom("task")
    .select(["id", "key", "title", "content", "timeframe", "version"])
    .where("plan_id", "=", planId)
    .where("key", "=", key)
    .executeTakeFirst();
  return r ? { ...r, id: String(r.id), timeframe: r.timeframe as Timeframe | null } : null;
}

/** Every task of a plan, in order. */
export async function tasksOf(db: Db, planId: string): Promise<TaskRow[]> {
  const rows = await db
    .selectFrom("task")
    .select(["id", "key", "title", "content", "timeframe", "version"])
    .where("plan_id", "=", planId)
    .orderBy("position")
    .execute();
  return rows.map((r) => ({ ...r, id: String(r.id), timeframe: r.timeframe as Timeframe | null }));
}

/**
 * Raises a task's version if it is still `expected` (locking the row for the transaction);
 * returns the new version, or null when someone changed the task meanwhile.
 */
export async function claimTaskVersion(db: Db, taskId: string, expected: number): Promise<number | null> {
  const r = await db
    .updateTable("task")
    .set((eb) => ({ version: eb("version", "+", 1) }))
    .where("id", "=", taskId)
    .where("version", "=", expected)
    .returning("version")
    .executeTakeFirst();
  return r?.version ?? null;
}

/** Writes a task's corrected text and timeframe; `searchText` is what search reads. */
export async function writeTask(
  db: Db,
  taskId: string,
  t: { title: string; content: string; timeframe: Timeframe | null; searchText: string },
): Promise<void> {
  await db
    .updateTable("task")
    .set({
      title: t.title,
      content: t.content,
      timeframe: t.timeframe ? JSON.stringify(t.timeframe) : null,
      search_text: t.searchText,
    })
    .where("id", "=", taskId)
    .execute();
}

/** Writes a task's timeframe alone (a new issue year re-read it) and raises its version. */
export async function writeTaskTimeframe(db: Db, taskId: string, timeframe: Timeframe | null): Promise<void> {
  await db
    .updateTable("task")
    .set((eb) => ({
      timeframe: timeframe ? JSON.stringify(timeframe) : null,
      version: eb("version", "+", 1),
    }))
    .where("id", "=", taskId)
    .execute();
}

/** Gives every work item of a task these deadlines, replacing what they had. */
export async function replaceDeadlines(db: Db, taskId: string, dues: readonly string[]): Promise<void> {
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

export interface TaskUnitRow {
  role: "lead" | "cooperate";
  text: string;
  unitIds: string[];
  /** Staff members of those units the text names: a person's work. */
  staffIds?: string[];
}

/**
 * Replaces a task's units with a person's choice, and its tracked work with one work item per
 * unit and role picked.
 */
export async function replaceTaskUnits(db: Db, taskId: string, units: readonly TaskUnitRow[]): Promise<void> {
  await db.deleteFrom("task_unit").where("task_id", "=", taskId).execute();
  if (units.length) {
    await db
      .insertInto("task_unit")
      .values(
        units.map((u, i) => ({
          task_id: taskId,
          role: u.role,
          position: i,
          unit_text: u.text,
          method: u.staffIds?.length
            ? ("person" as const)
            : u.unitIds.length
              ? ("exact" as const)
              : ("review" as const),
          unit_ids: u.unitIds,
          staff_ids: u.staffIds ?? [],
          candidates: "[]",
        })),
      )
      .execute();
  }
  await db.deleteFrom("work_item").where("task_id", "=", taskId).execute();
  const pairs = new Map<string, { unit: string; role: "lead" | "cooperate" }>();
  for (const u of units) for (const id of u.unitIds) pairs.set(`${id}|${u.role}`, { unit: id, role: u.role });
  if (pairs.size)
    await db
      .insertInto("work_item")
      .values([...pairs.values()].map((p) => ({ task_id: taskId, unit_id: p.unit, role: p.role })))
      .execute();
}

/** The ids among these that are active units of the directory. */
export async function activeUnitIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const found = await db
    .selectFrom("unit")
    .select("id")
    .where("id", "in", [...ids])
    .where("active", "=", true)
    .execute();
  return new Set(found.map((f) => String(f.id)));
}

/** A reference of a plan by its number as the plan wrote it, with its current link. */
export async function referenceOf(
  db: Db,
  planId: string,
  number: string,
): Promise<{ number: string; targetPlanId: string | null } | null> {
  const r = await db
    .selectFrom("plan_reference")
    .select(["number", "target_plan_id"])
    .where("plan_id", "=", planId)
    .where("number", "=", number)
    .executeTakeFirst();
  return r
    ? { number: r.number, targetPlanId: r.target_plan_id === null ? null : String(r.target_plan_id) }
    : null;
}

/** Links a reference to a plan of the system, or unlinks it (null). */
export async function setReferenceTarget(
  db: Db,
  planId: string,
  number: string,
  target: string | null,
): Promise<void> {
  await db
    .updateTable("plan_reference")
    .set({ target_plan_id: target })
    .where("plan_id", "=", planId)
    .where("number", "=", number)
    .execute();
}

/** The first reporting obligation of a plan (who reports to whom), or null. */
export async function firstObligation(db: Db, planId: string): Promise<Reporting | null> {
  const r = await db
    .selectFrom("reporting_obligation")
    .select(["from_units", "to_units", "via", "timeframe", "text"])
    .where("plan_id", "=", planId)
    .orderBy("position")
    .executeTakeFirst();
  return r
    ? {
        from: (r.from_units as string[]) ?? [],
        to: (r.to_units as string[]) ?? [],
        via: r.via,
        timeframe: r.timeframe as Timeframe,
        text: r.text,
      }
    : null;
}

/** Replaces a plan's reporting obligations (what the parser read, or a correction). */
export async function replaceObligations(
  db: Db,
  planId: string,
  obligations: readonly Reporting[],
): Promise<void> {
  await db.deleteFrom("reporting_obligation").where("plan_id", "=", planId).execute();
  await insertObligations(db, planId, obligations);
}

/** Writes a plan's reporting obligations in their order. */
export async function insertObligations(
  db: Db,
  planId: string,
  obligations: readonly Reporting[],
): Promise<void> {
  if (!obligations.length) return;
  await db
    .insertInto("reporting_obligation")
    .values(
      obligations.map((r, i) => ({
        plan_id: planId,
        position: i,
        from_units: JSON.stringify(r.from),
        to_units: JSON.stringify(r.to),
        via: r.via ?? null,
        timeframe: JSON.stringify(r.timeframe),
        text: r.text,
      })),
    )
    .execute();
}

/** A plan's source: its file, the normalised text the parser read, and what it extracted. */
export interface PlanSource {
  text: string;
  parsed: unknown;
  fileName: string;
  mediaType: string;
  /** Where the text lost its diacritics: the text as it came and each word restored or unsure. */
  restoration: SourceRestoration | null;
}

/** The normalised source text of a plan and what the parser extracted from it. */
export async function planSource(db: Db, planId: string): Promise<PlanSource | null> {
  const r = await db
    .selectFrom("plan")
    .innerJoin("document", "document.id", "plan.document_id")
    .select([
      "document.text",
      "plan.parsed",
      "document.file_name",
      "document.media_type",
      "document.original_text",
      "document.restoration",
    ])
    .where("plan.id", "=", planId)
    .executeTakeFirst();
  if (!r) return null;
  const restored = r.restoration as Omit<SourceRestoration, "original"> | null;
  return {
    text: r.text,
    parsed: r.parsed,
    fileName: r.file_name,
    mediaType: r.media_type,
    restoration:
      restored && r.original_text !== null
        ? {
            original: r.original_text,
            words: restored.words,
            syllables: restored.syllables,
            changed: restored.changed,
            uncertain: restored.uncertain,
          }
        : null,
  };
}

/**
 * Publishes a draft: its work becomes tracked and enters the overview's tally. False when it is no
 * longer a draft (published meanwhile by someone else).
 */
export async function publishDraft(db: Db, planId: string, today: string): Promise<boolean> {
  const r = await db
    .updateTable("plan")
    .set((eb) => ({ status: "published" as const, published_on: today, version: eb("version", "+", 1) }))
    .where("id", "=", planId)
    .where("status", "=", "draft")
    .executeTakeFirst();
  if (!Number(r.numUpdatedRows)) return false;
  await refreshTally(db, planId, today);
  return true;
}

/**
 * Deletes a draft with the file it came from (tasks, work items, flags … go with it). False when
 * it is no longer a draft.
 */
export async function deleteDraft(db: Db, planId: string): Promise<boolean> {
  const plan = await db
    .selectFrom("plan")
    .select("document_id")
    .where("id", "=", planId)
    .where("status", "=", "draft")
    .forUpdate()
    .executeTakeFirst();
  if (!plan) return false;
  await db.deleteFrom("document").where("id", "=", String(plan.document_id)).execute();
  return true;
}

/** The tasks of a plan that no unit leads (no lead work item): work nobody would own if published. */
export async function unownedTasks(db: Db, planId: string): Promise<Array<{ key: string; title: string }>> {
  const rows = await db
    .selectFrom("task as t")
    .select(["t.key", "t.title"])
    .where("t.plan_id", "=", planId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("work_item as w")
            .select("w.id")
            .whereRef("w.task_id", "=", "t.id")
            .where("w.role", "=", "lead"),
        ),
      ),
    )
    .orderBy("t.position")
    .execute();
  return rows;
}

/** Makes a unit (the issuing body) the lead of a task, beside the units the task already has. */
export async function addIssuerLead(db: Db, taskId: string, unitId: string, unitName: string): Promise<void> {
  const last = await db
    .selectFrom("task_unit")
    .select((eb) => eb.fn.max("position").as("max"))
    .where("task_id", "=", taskId)
    .executeTakeFirst();
  await db
    .insertInto("task_unit")
    .values({
      task_id: taskId,
      role: "lead",
      position: Number(last?.max ?? -1) + 1,
      unit_text: unitName,
      method: "issuer",
      unit_ids: [unitId],
      candidates: "[]",
    })
    .execute();
  await db
    .insertInto("work_item")
    .values({ task_id: taskId, unit_id: unitId, role: "lead" })
    .onConflict((oc) => oc.columns(["task_id", "unit_id", "role"]).doNothing())
    .execute();
}

/** What publishing a plan will create: its tasks, tracked work, the units that get work, deadlines. */
export async function publicationCounts(
  db: Db,
  planId: string,
): Promise<{ tasks: number; duties: number; workItems: number; units: number; deadlines: number }> {
  const r = await sql<{
    tasks: number;
    duties: number;
    work_items: number;
    units: number;
    deadlines: number;
  }>`
    select
      (select count(*) from task where plan_id = ${planId} and kind = 'task')::int as tasks,
      (select count(*) from task where plan_id = ${planId} and kind = 'duty')::int as duties,
      (select count(*) from work_item w join task t on t.id = w.task_id where t.plan_id = ${planId})::int as work_items,
      (select count(distinct w.unit_id) from work_item w join task t on t.id = w.task_id where t.plan_id = ${planId})::int as units,
      (select count(*) from deadline d join work_item w on w.id = d.work_item_id join task t on t.id = w.task_id
        where t.plan_id = ${planId})::int as deadlines`.execute(db);
  const row = r.rows[0];
  return {
    tasks: row?.tasks ?? 0,
    duties: row?.duties ?? 0,
    workItems: row?.work_items ?? 0,
    units: row?.units ?? 0,
    deadlines: row?.deadlines ?? 0,
  };
}

/** A unit's name by id (active or not), or null. */
export async function unitName(db: Db, unitId: string): Promise<string | null> {
  const row = await db.selectFrom("unit").select("name").where("id", "=", unitId).executeTakeFirst();
  return row?.name ?? null;
}

/** The tasks of a plan that name a unit written so (`unit_text`), with all their units. */
export async function tasksNamingUnit(
  db: Db,
  planId: string,
  text: string,
): Promise<Array<{ id: string; key: string; timeframe: Timeframe | null; units: TaskUnitRow[] }>> {
  const tasks = await db
    .selectFrom("task as t")
    .select(["t.id", "t.key", "t.timeframe"])
    .where("t.plan_id", "=", planId)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom("task_unit as u")
          .select("u.id")
          .whereRef("u.task_id", "=", "t.id")
          .where("u.unit_text", "=", text),
      ),
    )
    .orderBy("t.position")
    .execute();
  if (!tasks.length) return [];
  const units = await unitsOfTasks(
    db,
    tasks.map((t) => String(t.id)),
  );
  return tasks.map((t) => ({
    id: String(t.id),
    key: t.key,
    timeframe: t.timeframe as Timeframe | null,
    units: (units.get(String(t.id)) ?? []).map((u) => ({
      role: u.role,
      text: u.unit_text,
      unitIds: u.unit_ids.map(String),
      staffIds: u.staff_ids.map(String),
    })),
  }));
}

/** The units of these tasks as stored, in their order, by task id. */
export async function unitsOfTasks(db: Db, taskIds: readonly string[]) {
  const rows = taskIds.length
    ? await db
        .selectFrom("task_unit")
        .selectAll()
        .where("task_id", "in", [...taskIds])
        .orderBy("position")
        .execute()
    : [];
  const byTask = new Map<string, typeof rows>();
  for (const r of rows) {
    const list = byTask.get(String(r.task_id));
    if (list) list.push(r);
    else byTask.set(String(r.task_id), [r]);
  }
  return byTask;
}

/** Settles the open flags of a kind whose subject, past a task's "Nhiệm vụ II.1: ", reads `about`. */
export async function settleFlagGroup(
  db: Db,
  planId: string,
  kind: ReviewFlag["kind"],
  about: string,
): Promise<number> {
  const open = await db
    .selectFrom("review_item")
    .select(["id", "subject"])
    .where("plan_id", "=", planId)
    .where("kind", "=", kind)
    .where("resolved", "=", false)
    .execute();
  const ids = open.filter((f) => flagAbout(f.subject) === about).map((f) => String(f.id));
  if (ids.length)
    await db.updateTable("review_item").set({ resolved: true }).where("id", "in", ids).execute();
  return ids.length;
}

/** What a flag is about, whichever task it names: "Nhiệm vụ II.1: không có …" → "không có …". */
export function flagAbout(subject: string): string {
  return subject.replace(/^Nhiệm vụ [^:]{1,40}:\s*/u, "");
}
