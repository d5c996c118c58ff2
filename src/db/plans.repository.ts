// Plans: written as one graph inside the caller's transaction; read, listed and searched within
// a scope the policies give (`PlanScope`), turned into SQL in one place (`planVisible`).

import { type RawBuilder, sql, type Transaction } from "kysely";
import type { PlanAccess, PlanScope } from "../domain/access.js";
import type { ParsedPlan, Reporting, Timeframe } from "../domain/plan.js";
import { taskSearchText } from "../domain/plan-search.js";
import { unitsReporting } from "../domain/reporting-addressees.js";
import { numberKey } from "../text/number-key.js";
import type { Restoration } from "../text/restore/restore.js";
import { changesOfPlan, type TaskChangeRow } from "./amendments.repository.js";
import type { Database, Db, ItemStatus } from "./schema.js";
import { personsOf } from "./staff.repository.js";

/**
 * The policies' plan scope as a condition on a plan row `p` (alias given): published plans kept
 * within reach or giving work to a unit within it, and (for reviewers) drafts kept within reach.
 */
export function planVisible(scope: PlanScope, p: RawBuilder<unknown> = sql`p`): RawBuilder<boolean> {
  if (scope.reach === null) return scope.drafts ? sql<boolean>`true` : sql<boolean>`${p}.status <> 'draft'`;
  const keeperWithin = sql`(select k.path from unit k where k.id = ${p}.issuer_unit_id) <@ ${scope.reach}::ltree`;
  const workWithin = sql`exists (select 1 from task vt join work_item vw on vw.task_id = vt.id
                                 join unit vu on vu.id = vw.unit_id
                                 where vt.plan_id = ${p}.id and vu.path <@ ${scope.reach}::ltree)`;
  const published = sql<boolean>`(${p}.status <> 'draft' and (${keeperWithin} or ${workWithin}))`;
  if (scope.draftsOf)
    return sql<boolean>`(${published} or (${p}.status = 'draft' and
      (select k.path from unit k where k.id = ${p}.issuer_unit_id) = ${scope.draftsOf}::ltree))`;
  return scope.drafts
    ? sql<boolean>`(${published} or (${p}.status = 'draft' and ${keeperWithin}))`
    : published;
}

/** What a use case needs to know of a plan before it acts: access, year, reporting, version. */
export interface PlanFacts extends PlanAccess {
  id: string;
  number: string | null;
  title: string | null;
  keeperId: string | null;
  year: number | null;
  version: number;
  /** The plan's reporting obligations, as the plan format writes them. */
  reporting: Reporting[];
  /**
   * Those that set its units' report periods: addressed to the issuer, not the issuer's own report
   * upward ("Văn phòng Sở … báo cáo Ủy ban nhân dân thành phố trước ngày 30/5").
   */
  unitReporting: Reporting[];
  /** The keeping unit's reporting regime ("06-15"…), or its nearest ancestor's; null: the default. */
  regime: string[] | null;
  /** Days after a period's due date that its reports may still be sent, late. */
  graceDays: number;
  /** Days before a due date that its units are reminded. */
  reminderDays: number[];
  /** The day it was published ("2026-03-02"); null for a draft. */
  publishedOn: string | null;
}

export interface PlanFactsOptions {
  /**
   * For the reading policy, where one reader asks: `{ within: reach }` gives at most one unit path
   * with work in the plan under that reach (a plan giving work to a thousand schools sent every
   * school's path with each school's request). Without it the facts carry none.
   */
  workPaths?: { within: string | null };
}

function workPathsOf(options: PlanFactsOptions) {
  if (!options.workPaths) return sql<string[]>`array[]::text[]`.as("work_paths");
  const reach = options.workPaths.within;
  const under = reach === null ? sql`true` : sql`u.path <@ ${reach}::ltree`;
  return sql<string[]>`array(select u.path::text from task t join work_item w on w.task_id = t.id
                        join unit u on u.id = w.unit_id where t.plan_id = plan.id and ${under} limit 1)`.as(
    "work_paths",
  );
}

/** The facts of several plans in one query, by plan id. */
export async function plansFacts(
  db: Db,
  planIds: readonly string[],
  options: PlanFactsOptions = {},
): Promise<Map<string, PlanFacts>> {
  const ids = planIds.filter((id) => /^\d{1,18}$/.test(id));
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom("plan")
    .leftJoin("unit", "unit.id", "plan.issuer_unit_id")
    .select([
      "plan.id",
      "plan.number",
      "plan.title",
      "plan.status",
      "plan.year",
      "plan.version",
      "plan.issuer_unit_id",
      "plan.grace_days",
      "plan.reminder_days",
      "plan.published_on",
      "plan.issuer",
      "unit.name as issuer_unit_name",
      "unit.short_name as issuer_short_name",
      sql<string | null>`unit.path::text`.as("path"),
      obligationsOf(sql`plan.id`).as("reporting"),
      sql<string[] | null>`(select a.report_regime from unit a
                            where a.path @> unit.path and a.report_regime is not null
                            order by nlevel(a.path) desc limit 1)`.as("regime"),
      // Every unit path with work in the plan, for the reading policy: left out (empty) where the
      // caller has already decided who reads, as the workspace of a unit with work there has.
      workPathsOf(options),
    ])
    .where("plan.id", "in", ids)
    .execute();
  return new Map(
    rows.map((r) => [
      String(r.id),
      {
        id: String(r.id),
        number: r.number,
        title: r.title,
        status: r.status,
        keeperPath: r.path,
        keeperId: r.issuer_unit_id === null ? null : String(r.issuer_unit_id),
        workPaths: r.work_paths,
        year: r.year,
        version: r.version,
        reporting: (r.reporting as Reporting[]) ?? [],
        unitReporting: unitsReporting((r.reporting as Reporting[]) ?? [], [
          r.issuer ?? "",
          r.issuer_unit_name ?? "",
          r.issuer_short_name ?? "",
        ]),
        regime: r.regime,
        graceDays: r.grace_days,
        reminderDays: r.reminder_days,
        publishedOn: r.published_on,
      },
    ]),
  );
}

/** A plan's reporting settings: grace days after a period's due date, reminder days before a deadline. */
export async function savePlanSettings(
  db: Db,
  planId: string,
  s: { graceDays: number; reminderDays: number[] },
): Promise<void> {
  await db
    .updateTable("plan")
    .set({ grace_days: s.graceDays, reminder_days: s.reminderDays })
    .where("id", "=", planId)
    .execute();
}

/** One plan's facts, or null. */
export async function planFacts(
  db: Db,
  planId: string,
  options: PlanFactsOptions = {},
): Promise<PlanFacts | null> {
  return (await plansFacts(db, [planId], options)).get(planId) ?? null;
}

export interface StoredDocument {
  sha256: string;
  fileName: string;
  mediaType: string;
  content: Uint8Array;
  /** The normalised text the plan's spans point into (restored, where it lost its diacritics). */
  text: string;
  /** Where the text lost its diacritics and they were restored; absent where it had them. */
  restoration?: SourceRestoration;
}

/**
 * What restoring diacritics did to a document's text (kept beside it, migration 0026): the text as
 * it came, at the same offsets as the restored one, and each word changed ("hien" → "hiện") or
 * unsure (`confidence` below 0.8, maybe unchanged), with the counts.
 */
export type SourceRestoration = Omit<Restoration, "text"> & { original: string };

export interface ResolvedUnitRef {
  role: "lead" | "cooperate";
  text: string;
  method: "exact" | "issuer" | "collective" | "similar" | "review" | "person";
  unitIds: string[];
  /** Staff members of those units the text names. */
  staffIds?: string[];
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
  /** The duties of the plan's assignments as tracked work, stored after its tasks. */
  duties: WorkRow[];
  /** The plan this one amends, where its title says so and the plan is in the system. */
  amendsPlanId: string | null;
  /** Per reference (same order as plan.references): the plan it links to and the other candidates. */
  referenceLinks: Array<{ target: string | null; candidates: string[] }>;
  review: Array<{ kind: "unit" | "reference" | "warning"; subject: string; detail: unknown }>;
  searchText: string;
}

/** The plan imported from a file with this hash among the plans of a scope, if any. */
export async function planIdByHash(db: Db, sha256: string, scope: PlanScope): Promise<string | null> {
  const row = await db
    .selectFrom("document")
    .innerJoin("plan as p", "p.document_id", "document.id")
    .select("p.id")
    .where("document.sha256", "=", sha256)
    .where(planVisible(scope))
    .orderBy("p.id")
    .executeTakeFirst();
  return row ? String(row.id) : null;
}

/** A stored plan a reference may name: one carrying its number (by text/number-key.ts). */
export interface NumberedPlan {
  id: string;
  numberKey: string;
  issuer: string | null;
  issuedOn: string | null;
}

/** The plans carrying any of these number keys, by the key's index, oldest first. */
export async function plansByNumberKeys(db: Db, keys: readonly string[]): Promise<NumberedPlan[]> {
  const wanted = [...new Set(keys)];
  if (!wanted.length) return [];
  const rows = await db
    .selectFrom("plan")
    .select(["id", "number_key", "issuer", "issued_on"])
    .where(sql<boolean>`number_key = any(${wanted}::text[])`)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: String(r.id),
    numberKey: r.number_key ?? "",
    issuer: r.issuer,
    issuedOn: r.issued_on,
  }));
}

/** A piece of tracked work to store: a task of the plan, or a duty of its assignments. */
export interface WorkRow {
  kind: "task" | "duty";
  key: string;
  title: string;
  content: string;
  timeframe: Timeframe | null;
  products: string[];
  span: readonly [number, number] | null;
  units: ResolvedUnitRef[];
  /** The dated deadlines of its timeframe. */
  deadlines: string[];
}

/**
 * The rows of a plan's graph as one JSON document, each table's rows an array that the insert
 * reads back with jsonb_to_recordset; rows point at their task and work item by index.
 */
function graphRows(g: PlanGraph) {
  const { plan } = g;
  const d = plan.document;
  const work: WorkRow[] = plan.tasks.map((task, i) => ({
    kind: "task",
    key: task.id,
    title: task.title,
    content: task.content,
    timeframe: task.timeframe,
    products: task.products ?? [],
    span: task.span ?? null,
    units: g.taskUnits[i] ?? [],
    deadlines: g.taskDeadlines[i] ?? [],
  }));
  work.push(...g.duties);
  // The tracked work: one row per task × unit and role, each with the task's deadlines.
  const items: Array<{ n: number; task: number; unit_id: string; role: "lead" | "cooperate" }> = [];
  // Each deadline carries its work's unit (the agenda's index, migration 0027), so the trigger that
  // would look it up per row is not called.
  const deadlines: Array<{ item: number; unit_id: string; due: string }> = [];
  work.forEach((row, task) => {
    const pairs = new Set<string>();
    for (const u of row.units)
      for (const id of u.unitIds)
        if (!pairs.has(`${id}|${u.role}`)) {
          pairs.add(`${id}|${u.role}`);
          for (const due of row.deadlines) deadlines.push({ item: items.length, unit_id: id, due });
          items.push({ n: items.length, task, unit_id: id, role: u.role });
        }
  });
  return {
    plan: {
      type: d.type,
      number: d.number,
      number_key: d.number === null ? null : numberKey(d.number),
      issuer: d.issuer,
      issuer_unit_id: g.issuerUnitId,
      parent_issuer: d.parentIssuer,
      place: d.place,
      issued_on: d.date,
      year: d.year,
      title: d.title,
      signer: d.signer || null,
      recipients: d.recipients,
      parsed: plan,
      search_text: g.searchText,
      amends_plan_id: g.amendsPlanId,
    },
    references: plan.references.map((r, i) => ({
      position: i,
      type: r.type,
      number: r.number,
      ref_date: r.date,
      issuer: r.issuer,
      relation: r.relation,
      target_plan_id: g.referenceLinks[i]?.target ?? null,
      candidate_plan_ids: g.referenceLinks[i]?.candidates ?? [],
    })),
    tasks: work.map((row, position) => ({
      kind: row.kind,
      key: row.key,
      position,
      title: row.title,
      content: row.content,
      timeframe: row.timeframe || null,
      products: row.products,
      span_start: row.span?.[0] ?? null,
      span_end: row.span?.[1] ?? null,
      search_text: taskSearchText(row.title, row.content),
    })),
    units: work.flatMap((row, task) =>
      row.units.map((u, position) => ({
        task,
        role: u.role,
        position,
        unit_text: u.text,
        method: u.method,
        unit_ids: u.unitIds,
        staff_ids: u.staffIds ?? [],
        candidates: u.candidates,
      })),
    ),
    items,
    deadlines,
    assignments: plan.assignments.map((a, position) => ({
      key: a.id,
      position,
      units: a.units,
      duties: a.duties,
    })),
    obligations: plan.reporting.map((r, position) => ({
      position,
      from_units: r.from,
      to_units: r.to,
      via: r.via ?? null,
      timeframe: r.timeframe,
      text: r.text,
    })),
    review: g.review.map((r, n) => ({ n, kind: r.kind, subject: r.subject, detail: r.detail ?? {} })),
  };
}

/**
 * Writes a whole plan, of any size, in one statement; returns its id. Run it inside a transaction.
 * Every table's rows come in one JSON parameter (a 20,000-task plan stays far from PostgreSQL's
 * 65,535 parameters) and go in through chained inserts: an import paid a round trip per table
 * and per thousand rows before. Rows find their task and work item by index in arrays of the new
 * ids, never by a join the planner might misjudge for a big plan: a task's id by its position, a
 * work item's by its place in the insert, whose ids are drawn in its `order by`.
 */
export async function insertPlanGraph(trx: Transaction<Database>, g: PlanGraph): Promise<string> {
  const doc = g.document;
  // The file goes as hex: PGlite writes a byte array parameter out a byte at a time (a third of a
  // millisecond for an 8 KB file, seconds for a large one), Buffer's hex is native.
  const hex = Buffer.from(doc.content.buffer, doc.content.byteOffset, doc.content.byteLength).toString("hex");
  // The restored words and counts go in a JSON column beside the original text they point into.
  const restored = doc.restoration;
  const restoredWords = restored
    ? JSON.stringify({
        words: restored.words,
        syllables: restored.syllables,
        changed: restored.changed,
        uncertain: restored.uncertain,
      })
    : null;
  const r = await sql<{ id: string }>`
    with g as not materialized (select ${JSON.stringify(graphRows(g))}::jsonb as v),
    doc as (
      insert into document (sha256, file_name, media_type, size_bytes, content, text, keeper_unit_id,
                            original_text, restoration)
      values (${doc.sha256}, ${doc.fileName}, ${doc.mediaType}, ${doc.content.byteLength}, decode(${hex}, 'hex'),
              ${doc.text}, ${g.issuerUnitId}, ${restored?.original ?? null}, ${restoredWords}::jsonb)
      returning id),
    p as (
      insert into plan (document_id, type, number, number_key, issuer, issuer_unit_id, parent_issuer, place,
                        issued_on, year, title, signer, recipients, parsed, search_text, amends_plan_id)
      select doc.id, x.type, x.number, x.number_key, x.issuer, x.issuer_unit_id, x.parent_issuer, x.place,
             x.issued_on, x.year, x.title, x.signer, coalesce(x.recipients, '[]'), x.parsed, x.search_text,
             x.amends_plan_id
      from doc cross join jsonb_to_record((select v from g) -> 'plan') as x(
        type text, number text, number_key text, issuer text, issuer_unit_id bigint, parent_issuer text,
        place text, issued_on date, year integer, title text, signer jsonb, recipients jsonb, parsed jsonb,
        search_text text, amends_plan_id bigint)
      returning id),
    refs as (
      insert into plan_reference (plan_id, position, type, number, ref_date, issuer, relation, target_plan_id,
                                  candidate_plan_ids)
      select p.id, x.position, x.type, x.number, x.ref_date, x.issuer, x.relation, x.target_plan_id,
             x.candidate_plan_ids
      from p cross join jsonb_to_recordset((select v from g) -> 'references') as x(
        position integer, type text, number text, ref_date date, issuer text, relation text,
        target_plan_id bigint, candidate_plan_ids bigint[])
      order by x.position),
    t as (
      insert into task (plan_id, kind, key, position, title, content, timeframe, products, span_start,
                        span_end, search_text)
      select p.id, x.kind, x.key, x.position, x.title, x.content, x.timeframe, x.products, x.span_start,
             x.span_end, x.search_text
      from p cross join jsonb_to_recordset((select v from g) -> 'tasks') as x(
        kind text, key text, position integer, title text, content text, timeframe jsonb, products jsonb,
        span_start integer, span_end integer, search_text text)
      returning id, position),
    task_ids as (select coalesce(array_agg(id order by position), '{}') as ids from t),
    tu as (
      insert into task_unit (task_id, role, position, unit_text, method, unit_ids, staff_ids, candidates)
      select (select ids from task_ids)[x.task + 1], x.role, x.position, x.unit_text, x.method, x.unit_ids,
             x.staff_ids, x.candidates
      from jsonb_to_recordset((select v from g) -> 'units') as x(
        task integer, role text, position integer, unit_text text, method text, unit_ids bigint[],
        staff_ids bigint[], candidates jsonb)
      order by x.task, x.position),
    w as (
      insert into work_item (task_id, unit_id, role)
      select (select ids from task_ids)[x.task + 1], x.unit_id, x.role
      from jsonb_to_recordset((select v from g) -> 'items') as x(n integer, task integer, unit_id bigint, role text)
      order by x.n
      returning id),
    item_ids as (select coalesce(array_agg(id order by id), '{}') as ids from w),
    dl as (
      insert into deadline (work_item_id, unit_id, due)
      select (select ids from item_ids)[x.item + 1], x.unit_id, x.due
      from jsonb_to_recordset((select v from g) -> 'deadlines') as x(item integer, unit_id bigint, due date)),
    asg as (
      insert into assignment (plan_id, key, position, units, duties)
      select p.id, x.key, x.position, x.units, x.duties
      from p cross join jsonb_to_recordset((select v from g) -> 'assignments') as x(
        key text, position integer, units jsonb, duties jsonb)
      order by x.position
      on conflict (plan_id, key) do nothing),
    ob as (
      insert into reporting_obligation (plan_id, position, from_units, to_units, via, timeframe, text)
      select p.id, x.position, x.from_units, x.to_units, x.via, x.timeframe, x.text
      from p cross join jsonb_to_recordset((select v from g) -> 'obligations') as x(
        position integer, from_units jsonb, to_units jsonb, via text, timeframe jsonb, text text)
      order by x.position),
    rv as (
      insert into review_item (plan_id, kind, subject, detail)
      select p.id, x.kind, x.subject, x.detail
      from p cross join jsonb_to_recordset((select v from g) -> 'review') as x(
        n integer, kind text, subject text, detail jsonb)
      order by x.n)
    select id from p`.execute(trx);
  const id = r.rows[0]?.id;
  if (id === undefined) throw new Error("the plan was not stored");
  return String(id);
}

export interface PlanSummary {
  id: string;
  number: string | null;
  title: string | null;
  issuer: string | null;
  issuedOn: string | null;
  status: "draft" | "published" | "closed";
  tasks: number;
  /** Duties of its "Tổ chức thực hiện" tracked as work beside the tasks. */
  duties: number;
}

const SUMMARY_COLUMNS = sql`p.id, p.number, p.title, p.issuer, p.issued_on, p.status,
  (select count(*) from task where task.plan_id = p.id and task.kind = 'task')::int as tasks,
  (select count(*) from task where task.plan_id = p.id and task.kind = 'duty')::int as duties`;

interface SummaryRow {
  id: string;
  number: string | null;
  title: string | null;
  issuer: string | null;
  issued_on: string | null;
  status: PlanSummary["status"];
  tasks: number;
  duties: number;
}

const toSummary = (r: SummaryRow): PlanSummary => ({
  id: String(r.id),
  number: r.number,
  title: r.title,
  issuer: r.issuer,
  issuedOn: r.issued_on,
  status: r.status,
  tasks: Number(r.tasks),
  duties: Number(r.duties),
});

// "every word of the query" over a folded text column: `like '%word%'` each, escaped.
const allWords = (column: RawBuilder<unknown>, words: readonly string[]) =>
  words.length
    ? sql.join(
        words.map((w) => sql`${column} like ${`%${w.replace(/[%_\\]/g, "\\$&")}%`}`),
        sql` and `,
      )
    : sql`true`;

/** Plans of the scope whose number, title or issuer hold every word of the query, diacritics ignored. */
export async function searchPlans(
  db: Db,
  scope: PlanScope,
  words: readonly string[],
  limit = 20,
): Promise<PlanSummary[]> {
  const rows = await sql<SummaryRow>`
    select ${SUMMARY_COLUMNS} from plan p
    where ${allWords(sql`p.search_text`, words)} and ${planVisible(scope)}
    order by p.issued_on desc nulls last, p.id desc limit ${limit}`.execute(db);
  return rows.rows.map(toSummary);
}

export interface TaskHit {
  planId: string;
  key: string;
  title: string;
}

/** Tasks of the scope's plans whose title or content hold every word of the query. */
export async function searchTasks(
  db: Db,
  scope: PlanScope,
  words: readonly string[],
  limit = 20,
): Promise<TaskHit[]> {
  const rows = await sql<{ plan_id: string; key: string; title: string }>`
    select t.plan_id, t.key, t.title from task t join plan p on p.id = t.plan_id
    where ${allWords(sql`t.search_text`, words)} and ${planVisible(scope)}
    order by t.plan_id desc, t.position limit ${limit}`.execute(db);
  return rows.rows.map((r) => ({ planId: String(r.plan_id), key: r.key, title: r.title }));
}

/** A page of the plans of a scope, newest first, with how many there are in all. */
export async function listPlansInScope(
  db: Db,
  scope: PlanScope,
  page: { limit: number; offset: number },
): Promise<{ plans: PlanSummary[]; total: number }> {
  const rows = await sql<SummaryRow & { total: number }>`
    select ${SUMMARY_COLUMNS}, count(*) over ()::int as total from plan p
    where ${planVisible(scope)}
    order by p.id desc limit ${page.limit} offset ${page.offset}`.execute(db);
  const total = rows.rows[0]?.total ?? (page.offset ? await countPlans(db, scope) : 0);
  return { plans: rows.rows.map(toSummary), total: Number(total) };
}

async function countPlans(db: Db, scope: PlanScope): Promise<number> {
  const r = await sql<{
    n: number;
  }>`select count(*)::int as n from plan p where ${planVisible(scope)}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** Counts of what a plan holds, for reports and tests. */
export async function planCounts(
  db: Db,
  planId: string,
): Promise<{
  tasks: number;
  duties: number;
  taskUnits: number;
  workItems: number;
  deadlines: number;
  review: number;
}> {
  const r = await sql<{
    tasks: number;
    duties: number;
    task_units: number;
    work_items: number;
    deadlines: number;
    review: number;
  }>`
    select
      (select count(*) from task where plan_id = ${planId} and kind = 'task')::int as tasks,
      (select count(*) from task where plan_id = ${planId} and kind = 'duty')::int as duties,
      (select count(*) from task_unit tu join task t on t.id = tu.task_id where t.plan_id = ${planId})::int as task_units,
      (select count(*) from work_item w join task t on t.id = w.task_id where t.plan_id = ${planId})::int as work_items,
      (select count(*) from deadline d join work_item w on w.id = d.work_item_id join task t on t.id = w.task_id where t.plan_id = ${planId})::int as deadlines,
      (select count(*) from review_item where plan_id = ${planId})::int as review
  `.execute(db);
  const row = r.rows[0];
  return {
    tasks: row?.tasks ?? 0,
    duties: row?.duties ?? 0,
    taskUnits: row?.task_units ?? 0,
    workItems: row?.work_items ?? 0,
    deadlines: row?.deadlines ?? 0,
    review: row?.review ?? 0,
  };
}

export interface PlanDetail extends PlanSummary {
  type: string | null;
  place: string | null;
  signer: { capacity: string | null; position: string | null; name: string | null } | null;
  /** Raised by every correction: an edit made against an older version is refused. */
  version: number;
  /** The reporting duty: what the parser read, or what a person corrected it to. */
  reporting: Array<{ text: string; timeframe: Timeframe }>;
  tasksDetail: Array<{
    /** 'duty': a duty of "Tổ chức thực hiện" tracked as work. */
    kind: "task" | "duty";
    /** Removed by an amendment: its work is no longer counted. */
    removed: boolean;
    key: string;
    title: string;
    content: string;
    timeframe: Timeframe | null;
    version: number;
    /** Where the task's text lies in the source text (characters), for the review screen. */
    span: [number, number] | null;
    units: Array<{
      role: "lead" | "cooperate";
      text: string;
      method: string;
      unitIds: string[];
      /** Staff members named (ids) and how they read ("Vũ Việt Linh"). */
      staffIds: string[];
      persons: string[];
      suggestions: string[];
    }>;
  }>;
  references: Array<{ number: string; relation: string; targetPlanId: string | null }>;
  /** What amendments changed in its tasks, oldest first. */
  changes: TaskChangeRow[];
  /** The plan this one amends, if any. */
  amendsPlanId: string | null;
  /** Plans citing this one to implement it, or (`amends`) to amend it. */
  implementedBy: Array<{ planId: string; number: string | null; amends: boolean }>;
  /** The tracked work per task: each unit, its role, its latest accepted status and deadlines. */
  work: Array<{
    workItemId: string;
    taskKey: string;
    unitId: string;
    unitName: string;
    unitPath: string;
    role: string;
    /** The staff the work names; empty: the unit's as a whole. */
    persons: string[];
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
      "plan.version",
      "plan.amends_plan_id",
      obligationsOf(sql`plan.id`).as("reporting"),
      sql<number>`(select count(*) from task where task.plan_id = plan.id and task.kind = 'task')::int`.as(
        "tasks",
      ),
      sql<number>`(select count(*) from task where task.plan_id = plan.id and task.kind = 'duty')::int`.as(
        "duties",
      ),
    ])
    .where("plan.id", "=", planId)
    .execute();
  if (!summary) return null;
  const tasks = await db
    .selectFrom("task")
    .select([
      "id",
      "kind",
      "key",
      "title",
      "content",
      "timeframe",
      "version",
      "span_start",
      "span_end",
      "removed_at",
    ])
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
      "task_unit.staff_ids",
      "task_unit.candidates",
      sql<string[]>`coalesce((select array_agg(coalesce(s.name, s.post) order by s.name) from staff s
        where s.id = any(task_unit.staff_ids)), '{}')`.as("persons"),
    ])
    .where("task.plan_id", "=", planId)
    .orderBy("task_unit.position")
    .execute();
  // By task, in order: a plan of 20,000 tasks filtered every unit row for each task.
  const unitsOfTask = new Map<string, typeof units>();
  for (const u of units) {
    const of = unitsOfTask.get(String(u.task_id));
    if (of) of.push(u);
    else unitsOfTask.set(String(u.task_id), [u]);
  }
  const refs = await db
    .selectFrom("plan_reference")
    .select(["number", "relation", "target_plan_id"])
    .where("plan_id", "=", planId)
    .orderBy("position")
    .execute();
  const implementedBy = await db
    .selectFrom("plan_reference")
    .innerJoin("plan", "plan.id", "plan_reference.plan_id")
    .select(["plan.id", "plan.number", "plan.amends_plan_id"])
    .where("plan_reference.target_plan_id", "=", planId)
    .execute();
  const work = await sql<{
    id: string;
    key: string;
    unit_id: string;
    name: string;
    path: string;
    role: string;
    persons: string[];
    status: string | null;
    done_on: string | null;
    deadlines: string[];
  }>`
    select w.id, t.key, u.id as unit_id, u.name, u.path::text as path, w.role, g.status, g.done_on::text as done_on,
           ${personsOf(sql`w.id`)} as persons,
           coalesce((select array_agg(d.due::text order by d.due) from deadline d where d.work_item_id = w.id), '{}') as deadlines
    from work_item w join task t on t.id = w.task_id join unit u on u.id = w.unit_id
    left join work_item_progress g on g.work_item_id = w.id
    where t.plan_id = ${planId} and t.removed_at is null order by t.position, w.role, u.name`.execute(db);
  return {
    ...toSummary(summary),
    type: summary.type,
    place: summary.place,
    signer: (summary.signer as PlanDetail["signer"]) ?? null,
    version: summary.version,
    reporting: (summary.reporting as Array<{ text: string; timeframe: Timeframe }>).map((r) => ({
      text: r.text,
      timeframe: r.timeframe,
    })),
    tasksDetail: tasks.map((t) => ({
      kind: t.kind,
      removed: t.removed_at !== null,
      key: t.key,
      title: t.title,
      content: t.content,
      timeframe: t.timeframe as Timeframe | null,
      version: t.version,
      span: t.span_start !== null && t.span_end !== null ? [t.span_start, t.span_end] : null,
      units: (unitsOfTask.get(String(t.id)) ?? []).map((u) => ({
        role: u.role,
        text: u.unit_text,
        method: u.method,
        unitIds: u.unit_ids.map(String),
        staffIds: u.staff_ids.map(String),
        persons: u.persons,
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
    implementedBy: implementedBy.map((p) => ({
      planId: String(p.id),
      number: p.number,
      amends: p.amends_plan_id !== null && String(p.amends_plan_id) === planId,
    })),
    changes: await changesOfPlan(db, planId),
    amendsPlanId: summary.amends_plan_id === null ? null : String(summary.amends_plan_id),
    work: work.rows.map((r) => ({
      workItemId: String(r.id),
      taskKey: r.key,
      unitId: String(r.unit_id),
      unitName: r.name,
      unitPath: r.path,
      role: r.role,
      persons: r.persons,
      status: (r.status as ItemStatus | null) ?? "not_started",
      doneOn: r.done_on,
      deadlines: r.deadlines,
    })),
  };
}

/**
 * A plan's reporting obligations as the plan format writes them (`{ from, to, via, timeframe, text }`),
 * read from reporting_obligation: what the parser found, or what a person corrected it to.
 */
export function obligationsOf(planId: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`coalesce((select jsonb_agg(jsonb_build_object('from', ro.from_units, 'to', ro.to_units, 'via', ro.via,
                                                  'timeframe', ro.timeframe, 'text', ro.text) order by ro.position)
                     from reporting_obligation ro where ro.plan_id = ${planId}), '[]'::jsonb)`;
}
