// Plans and everything they order, written as one graph inside the caller's transaction.

import { sql, type Transaction } from "kysely";
import type { ParsedPlan, Reporting, Timeframe } from "../domain/plan.js";
import { refreshTally } from "./progress-tally.repository.js";
import { obligationsOf } from "./reports.repository.js";
import type { Database, Db, ItemStatus } from "./schema.js";

export interface StoredDocument {
  sha256: string;
  fileName: string;
  mediaType: string;
  content: Uint8Array;
  text: string;
}

export interface ResolvedUnitRef {
  role: "lead" | "cooperate";
  text: string;
  method: "exact" | "issuer" | "collective" | "similar" | "review";
  unitIds: string[];
  candidates: unknown[];
}

export interface PlanGraph {
  document: StoredDocument;
  plan: ParsedPlan;
  issuerUnitId: string | null;
  /** Per task (same order as plan.tasks): its units as resolved. */
  taskUnits: ResolvedUnitRef[][];
  /** Per task: the dated deadlines of its timeframe. */
  taskDeadlines: string[][];
  /** Per reference (same order as plan.references): the plan it links to and the other candidates. */
  referenceLinks: Array<{ target: string | null; candidates: string[] }>;
  review: Array<{ kind: "unit" | "reference" | "warning"; subject: string; detail: unknown }>;
  searchText: string;
}

/** The plan imported from a file with this hash, if any. */
export async function planIdByHash(db: Db, sha256: string): Promise<string | null> {
  const row = await db
    .selectFrom("document")
    .innerJoin("plan", "plan.document_id", "document.id")
    .select("plan.id")
    .where("document.sha256", "=", sha256)
    .executeTakeFirst();
  return row ? String(row.id) : null;
}

/** Plans carrying a number, for linking references: `[{ id, issuer, issued_on }]`. */
export async function plansByNumber(
  db: Db,
  numberKey: string,
): Promise<Array<{ id: string; issuer: string | null; issuedOn: string | null }>> {
  const rows = await db
    .selectFrom("plan")
    .select(["id", "issuer", "issued_on"])
    .where(sql<string>`regexp_replace(kh_fold(coalesce(number, '')), '\\s', '', 'g')`, "=", numberKey)
    .execute();
  return rows.map((r) => ({ id: String(r.id), issuer: r.issuer, issuedOn: r.issued_on }));
}

/** Writes a whole plan; returns its id. Run it inside a transaction. */
export async function insertPlanGraph(trx: Transaction<Database>, g: PlanGraph): Promise<string> {
  const { plan } = g;
  const d = plan.document;
  const doc = await trx
    .insertInto("document")
    .values({
      sha256: g.document.sha256,
      file_name: g.document.fileName,
      media_type: g.document.mediaType,
      size_bytes: g.document.content.byteLength,
      content: g.document.content,
      text: g.document.text,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const planRow = await trx
    .insertInto("plan")
    .values({
      document_id: String(doc.id),
      type: d.type,
      number: d.number,
      issuer: d.issuer,
      issuer_unit_id: g.issuerUnitId,
      parent_issuer: d.parentIssuer,
      place: d.place,
      issued_on: d.date,
      year: d.year,
      title: d.title,
      signer: d.signer ? JSON.stringify(d.signer) : null,
      recipients: JSON.stringify(d.recipients),
      parsed: JSON.stringify(plan),
      search_text: g.searchText,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const planId = String(planRow.id);

  if (plan.references.length) {
    await trx
      .insertInto("plan_reference")
      .values(
        plan.references.map((r, i) => ({
          plan_id: planId,
          position: i,
          type: r.type,
          number: r.number,
          ref_date: r.date,
          issuer: r.issuer,
          relation: r.relation,
          target_plan_id: g.referenceLinks[i]?.target ?? null,
          candidate_plan_ids: g.referenceLinks[i]?.candidates ?? [],
        })),
      )
      .execute();
  }

  for (const [i, task] of plan.tasks.entries()) {
    const t = await trx
      .insertInto("task")
      .values({
        plan_id: planId,
        key: task.id,
        position: i,
        title: task.title,
        content: task.content,
        timeframe: task.timeframe ? JSON.stringify(task.timeframe) : null,
        products: JSON.stringify(task.products ?? []),
        span_start: task.span?.[0] ?? null,
        span_end: task.span?.[1] ?? null,
        search_text: foldForSearch(`${task.title} ${task.content}`),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const taskId = String(t.id);
    const units = g.taskUnits[i] ?? [];
    if (units.length) {
      await trx
        .insertInto("task_unit")
        .values(
          units.map((u, k) => ({
            task_id: taskId,
            role: u.role,
            position: k,
            unit_text: u.text,
            method: u.method,
            unit_ids: u.unitIds,
            candidates: JSON.stringify(u.candidates),
          })),
        )
        .execute();
    }
    // The tracked work: one row per task × unit and role, each with the task's deadlines.
    const pairs = new Map<string, { unit: string; role: "lead" | "cooperate" }>();
    for (const u of units)
      for (const id of u.unitIds)
        if (!pairs.has(`${id}|${u.role}`)) pairs.set(`${id}|${u.role}`, { unit: id, role: u.role });
    if (pairs.size) {
      const items = await trx
        .insertInto("work_item")
        .values([...pairs.values()].map((p) => ({ task_id: taskId, unit_id: p.unit, role: p.role })))
        .returning("id")
        .execute();
      const dues = g.taskDeadlines[i] ?? [];
      if (dues.length) {
        await trx
          .insertInto("deadline")
          .values(items.flatMap((w) => dues.map((due) => ({ work_item_id: String(w.id), due }))))
          .execute();
      }
    }
  }

  if (plan.assignments.length) {
    await trx
      .insertInto("assignment")
      .values(
        plan.assignments.map((a, i) => ({
          plan_id: planId,
          key: a.id,
          position: i,
          units: JSON.stringify(a.units),
          duties: JSON.stringify(a.duties),
        })),
      )
      .onConflict((oc) => oc.columns(["plan_id", "key"]).doNothing())
      .execute();
  }
  await insertObligations(trx, planId, plan.reporting);
  if (g.review.length) {
    await trx
      .insertInto("review_item")
      .values(
        g.review.map((r) => ({
          plan_id: planId,
          kind: r.kind,
          subject: r.subject,
          detail: JSON.stringify(r.detail ?? {}),
        })),
      )
      .execute();
  }
  return planId;
}

/** Folded, lower-case text for the trigram search indexes. */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .slice(0, 20000);
}

export interface PlanSummary {
  id: string;
  number: string | null;
  title: string | null;
  issuer: string | null;
  issuedOn: string | null;
  status: string;
  tasks: number;
}

/** Plans whose number, title or issuer hold every word of the query, diacritics and tones ignored. */
export async function searchPlans(db: Db, words: string[], limit = 20): Promise<PlanSummary[]> {
  let q = db
    .selectFrom("plan")
    .select([
      "plan.id",
      "plan.number",
      "plan.title",
      "plan.issuer",
      "plan.issued_on",
      "plan.status",
      sql<number>`(select count(*) from task where task.plan_id = plan.id)::int`.as("tasks"),
    ]);
  for (const w of words) q = q.where("plan.search_text", "like", `%${w.replace(/[%_\\]/g, "\\$&")}%`);
  const rows = await q.orderBy("plan.issued_on", "desc").orderBy("plan.id", "desc").limit(limit).execute();
  return rows.map((r) => ({
    id: String(r.id),
    number: r.number,
    title: r.title,
    issuer: r.issuer,
    issuedOn: r.issued_on,
    status: r.status,
    tasks: r.tasks,
  }));
}

export interface TaskHit {
  planId: string;
  key: string;
  title: string;
}

/** Tasks whose title or content hold every word of the query. */
export async function searchTasks(db: Db, words: string[], limit = 20): Promise<TaskHit[]> {
  let q = db.selectFrom("task").select(["plan_id", "key", "title"]);
  for (const w of words) q = q.where("search_text", "like", `%${w.replace(/[%_\\]/g, "\\$&")}%`);
  const rows = await q.orderBy("plan_id", "desc").orderBy("position").limit(limit).execute();
  return rows.map((r) => ({ planId: String(r.plan_id), key: r.key, title: r.title }));
}

/** Counts of what a plan holds, for reports and tests. */
export async function planCounts(
  db: Db,
  planId: string,
): Promise<{ tasks: number; taskUnits: number; workItems: number; deadlines: number; review: number }> {
  const r = await sql<{
    tasks: number;
    task_units: number;
    work_items: number;
    deadlines: number;
    review: number;
  }>`
    select
      (select count(*) from task where plan_id = ${planId})::int as tasks,
      (select count(*) from task_unit tu join task t on t.id = tu.task_id where t.plan_id = ${planId})::int as task_units,
      (select count(*) from work_item w join task t on t.id = w.task_id where t.plan_id = ${planId})::int as work_items,
      (select count(*) from deadline d join work_item w on w.id = d.work_item_id join task t on t.id = w.task_id where t.plan_id = ${planId})::int as deadlines,
      (select count(*) from review_item where plan_id = ${planId})::int as review
  `.execute(db);
  const row = r.rows[0];
  return {
    tasks: row?.tasks ?? 0,
    taskUnits: row?.task_units ?? 0,
    workItems: row?.work_items ?? 0,
    deadlines: row?.deadlines ?? 0,
    review: row?.review ?? 0,
  };
}

/** Plans in a unit subtree: issued there, or with work for a unit there. `scope` null: all plans. */
export async function listPlansInScope(db: Db, scope: string | null, limit = 100): Promise<PlanSummary[]> {
  let q = db
    .selectFrom("plan")
    .leftJoin("unit as issuer", "issuer.id", "plan.issuer_unit_id")
    .select([
      "plan.id",
      "plan.number",
      "plan.title",
      "plan.issuer",
      "plan.issued_on",
      "plan.status",
      sql<number>`(select count(*) from task where task.plan_id = plan.id)::int`.as("tasks"),
    ]);
  if (scope !== null) {
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`issuer.path <@ ${scope}::ltree`,
        sql<boolean>`exists (select 1 from task t join work_item w on w.task_id = t.id join unit u on u.id = w.unit_id
                             where t.plan_id = plan.id and u.path <@ ${scope}::ltree)`,
      ]),
    );
  }
  const rows = await q.orderBy("plan.id", "desc").limit(limit).execute();
  return rows.map((r) => ({
    id: String(r.id),
    number: r.number,
    title: r.title,
    issuer: r.issuer,
    issuedOn: r.issued_on,
    status: r.status,
    tasks: r.tasks,
  }));
}

export interface PlanDetail extends PlanSummary {
  issuerUnitPath: string | null;
  type: string | null;
  place: string | null;
  signer: { capacity: string | null; position: string | null; name: string | null } | null;
  /** The reporting duty: what the parser read, or what a person corrected it to. */
  reporting: Array<{ text: string; timeframe: Timeframe }>;
  tasksDetail: Array<{
    key: string;
    title: string;
    content: string;
    timeframe: Timeframe | null;
    units: Array<{ role: string; text: string; method: string; unitIds: string[]; suggestions: string[] }>;
  }>;
  references: Array<{ number: string; relation: string; targetPlanId: string | null }>;
  implementedBy: Array<{ planId: string; number: string | null }>;
  unitPaths: string[];
  /** The tracked work per task: each unit, its role, its latest accepted status and deadlines. */
  work: Array<{
    taskKey: string;
    unitId: string;
    unitName: string;
    role: string;
    status: ItemStatus;
    doneOn: string | null;
    deadlines: string[];
  }>;
}

/** One plan with its tasks, units and links both ways, or null. */
export async function planDetail(db: Db, planId: string): Promise<PlanDetail | null> {
  if (!/^\d{1,18}$/.test(planId)) return null;
  const [summary] = await db
    .selectFrom("plan")
    .leftJoin("unit as issuer", "issuer.id", "plan.issuer_unit_id")
    .select([
      "plan.id",
      "plan.number",
      "plan.title",
      "plan.issuer",
      "plan.issued_on",
      "plan.status",
      "plan.type",
      "plan.place",
      "plan.signer",
      obligationsOf(sql`plan.id`).as("reporting"),
      sql<string | null>`issuer.path::text`.as("issuer_path"),
      sql<number>`(select count(*) from task where task.plan_id = plan.id)::int`.as("tasks"),
    ])
    .where("plan.id", "=", planId)
    .execute();
  if (!summary) return null;
  const tasks = await db
    .selectFrom("task")
    .select(["id", "key", "title", "content", "timeframe"])
    .where("plan_id", "=", planId)
    .orderBy("position")
    .execute();
  const units = await db
    .selectFrom("task_unit")
    .innerJoin("task", "task.id", "task_unit.task_id")
    .select([
      "task_unit.task_id",
      "task_unit.role",
      "task_unit.unit_text",
      "task_unit.method",
      "task_unit.unit_ids",
      "task_unit.candidates",
    ])
    .where("task.plan_id", "=", planId)
    .orderBy("task_unit.position")
    .execute();
  const refs = await db
    .selectFrom("plan_reference")
    .select(["number", "relation", "target_plan_id"])
    .where("plan_id", "=", planId)
    .orderBy("position")
    .execute();
  const implementedBy = await db
    .selectFrom("plan_reference")
    .innerJoin("plan", "plan.id", "plan_reference.plan_id")
    .select(["plan.id", "plan.number"])
    .where("plan_reference.target_plan_id", "=", planId)
    .execute();
  const paths = await sql<{ path: string }>`
    select distinct u.path::text as path from work_item w join task t on t.id = w.task_id join unit u on u.id = w.unit_id where t.plan_id = ${planId}`.execute(
    db,
  );
  const work = await sql<{
    key: string;
    unit_id: string;
    name: string;
    role: string;
    status: string | null;
    done_on: string | null;
    deadlines: string[];
  }>`
    select t.key, u.id as unit_id, u.name, w.role, g.status, g.done_on::text as done_on,
           coalesce((select array_agg(d.due::text order by d.due) from deadline d where d.work_item_id = w.id), '{}') as deadlines
    from work_item w join task t on t.id = w.task_id join unit u on u.id = w.unit_id
    left join work_item_progress g on g.work_item_id = w.id
    where t.plan_id = ${planId} order by t.position, w.role, u.name`.execute(db);
  return {
    work: work.rows.map((r) => ({
      taskKey: r.key,
      unitId: String(r.unit_id),
      unitName: r.name,
      role: r.role,
      status: (r.status as ItemStatus | null) ?? "not_started",
      doneOn: r.done_on,
      deadlines: r.deadlines,
    })),
    id: String(summary.id),
    number: summary.number,
    title: summary.title,
    issuer: summary.issuer,
    issuedOn: summary.issued_on,
    status: summary.status,
    tasks: summary.tasks,
    issuerUnitPath: summary.issuer_path,
    type: summary.type,
    place: summary.place,
    signer: (summary.signer as PlanDetail["signer"]) ?? null,
    reporting: (summary.reporting as Array<{ text: string; timeframe: Timeframe }>).map((r) => ({
      text: r.text,
      timeframe: r.timeframe,
    })),
    tasksDetail: tasks.map((t) => ({
      key: t.key,
      title: t.title,
      content: t.content,
      timeframe: t.timeframe as Timeframe | null,
      units: units
        .filter((u) => String(u.task_id) === String(t.id))
        .map((u) => ({
          role: u.role,
          text: u.unit_text,
          method: u.method,
          unitIds: u.unit_ids.map(String),
          // For review: the directory's best guesses, offered first, never applied by themselves.
          suggestions: ((u.candidates as Array<{ id: string }> | null) ?? [])
            .map((c) => String(c.id))
            .slice(0, 3),
        })),
    })),
    references: refs.map((r) => ({
      number: r.number,
      relation: r.relation,
      targetPlanId: r.target_plan_id === null ? null : String(r.target_plan_id),
    })),
    implementedBy: implementedBy.map((p) => ({ planId: String(p.id), number: p.number })),
    unitPaths: paths.rows.map((p) => p.path),
  };
}

/** Publishes a plan: its work becomes tracked and enters the dashboard's tally. Run it in a transaction. */
export async function setPublished(db: Db, planId: string, today: string): Promise<void> {
  await db.updateTable("plan").set({ status: "published" }).where("id", "=", planId).execute();
  await refreshTally(db, planId, today);
}

/** Writes a plan's reporting obligations in their order (what the parser read, or a correction). */
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
