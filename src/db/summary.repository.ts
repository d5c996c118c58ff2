// What the summary report of a plan's period is compiled from, read in three statements: the plan's
// own facts, every work item with its state and what the unit's accepted report of the period said
// of it, and what the units of implementing plans (task.parent_task_id, down any number of levels)
// reported in their accepted reports of periods falling in this one. And the edited report, kept.

import { sql } from "kysely";
import type { Reporting } from "../domain/plan.js";
import type { ProgressState } from "../domain/progress.js";
import type { SummaryDocument, SummarySigner } from "../domain/summary.js";
import { obligationsOf } from "./plans.repository.js";
import type { Db, ItemStatus } from "./schema.js";
import { STATE_OF } from "./state-rules.js";

export interface SummaryPlanFacts {
  number: string | null;
  issuedOn: string | null;
  title: string | null;
  issuer: string | null;
  parentIssuer: string | null;
  place: string | null;
  signer: SummarySigner | null;
  reporting: Reporting[];
}

export async function summaryPlanFacts(db: Db, planId: string): Promise<SummaryPlanFacts | null> {
  const r = await sql<{
    number: string | null;
    issued_on: string | null;
    title: string | null;
    issuer: string | null;
    unit_name: string | null;
    parent_issuer: string | null;
    place: string | null;
    signer: SummarySigner | null;
    reporting: Reporting[] | null;
  }>`
    select p.number, p.issued_on::text as issued_on, p.title, p.issuer, u.name as unit_name, p.parent_issuer,
           p.place, p.signer, ${obligationsOf(sql`p.id`)} as reporting
    from plan p left join unit u on u.id = p.issuer_unit_id
    where p.id = ${planId}`.execute(db);
  const row = r.rows[0];
  if (!row) return null;
  return {
    number: row.number,
    issuedOn: row.issued_on,
    title: row.title,
    // The body as the plan's own header writes it ("Sở Giáo dục và Đào tạo"); the directory's
    // name ("Sở Giáo dục và Đào tạo Hải Phòng") where the plan's text gave none.
    issuer: row.issuer ?? row.unit_name,
    parentIssuer: row.parent_issuer,
    place: row.place,
    signer: row.signer,
    reporting: row.reporting ?? [],
  };
}

export interface SummaryWorkRow {
  taskId: string;
  key: string;
  title: string;
  kind: "task" | "duty";
  unitId: string;
  unitName: string;
  role: "lead" | "cooperate";
  state: ProgressState;
  progress: ItemStatus;
  /** The unit's accepted report of the period, and what it said of this work; null: none accepted. */
  reportId: string | null;
  item: {
    status: ItemStatus;
    results: string;
    difficulties: string;
    proposals: string;
    evidence: string;
  } | null;
}

/** Every work item of the plan in task order, its state on `today`, and the period's accepted report on it. */
export async function summaryWork(
  db: Db,
  planId: string,
  periodDue: string,
  today: string,
): Promise<SummaryWorkRow[]> {
  const r = await sql<{
    task_id: string;
    key: string;
    title: string;
    kind: "task" | "duty";
    unit_id: string;
    unit_name: string;
    role: "lead" | "cooperate";
    state: ProgressState;
    progress: ItemStatus;
    report_id: string | null;
    i_status: ItemStatus | null;
    results: string | null;
    difficulties: string | null;
    proposals: string | null;
    evidence: string | null;
  }>`
    select t.id as task_id, t.key, t.title, t.kind, u.id as unit_id, u.name as unit_name, w.role,
           ${STATE_OF(today)} as state, coalesce(g.status, 'not_started') as progress,
           r.id as report_id, i.status as i_status, i.results, i.difficulties, i.proposals, i.evidence
    from task t
    join work_item w on w.task_id = t.id
    join unit u on u.id = w.unit_id
    left join work_item_progress g on g.work_item_id = w.id
    left join lateral (select min(d.due) as first_due from deadline d where d.work_item_id = w.id) fd on true
    left join report r on r.plan_id = t.plan_id and r.unit_id = w.unit_id and r.period_due = ${periodDue}::date
                      and r.status = 'accepted'
    left join report_item i on i.report_id = r.id and i.work_item_id = w.id
    where t.plan_id = ${planId} and t.removed_at is null
    order by t.position, w.role desc, u.path, w.id`.execute(db);
  return r.rows.map((x) => ({
    taskId: String(x.task_id),
    key: x.key,
    title: x.title,
    kind: x.kind,
    unitId: String(x.unit_id),
    unitName: x.unit_name,
    role: x.role,
    state: x.state,
    progress: x.progress,
    reportId: x.report_id === null ? null : String(x.report_id),
    item:
      x.i_status === null
        ? null
        : {
            status: x.i_status,
            results: x.results ?? "",
            difficulties: x.difficulties ?? "",
            proposals: x.proposals ?? "",
            evidence: x.evidence ?? "",
          },
  }));
}

export interface BelowRow {
  /** The task of this plan the reported task carries down. */
  rootTaskId: string;
  /** The plan reported on: its number, and the unit that issued it. */
  viaNumber: string | null;
  viaIssuer: string | null;
  unitName: string;
  reportId: string;
  status: ItemStatus;
  results: string;
  difficulties: string;
  proposals: string;
  evidence: string;
}

/**
 * What units of implementing plans reported on the tasks carrying this plan's tasks down, from their
 * accepted reports of periods due after `after` and by `periodDue`: a school's report on its Phòng's
 * plan reaches the Sở's plan the Phòng's implements.
 */
export async function reportedBelow(
  db: Db,
  planId: string,
  after: string | null,
  periodDue: string,
): Promise<BelowRow[]> {
  const r = await sql<{
    root: string;
    via: string | null;
    via_issuer: string | null;
    unit_name: string;
    report_id: string;
    status: ItemStatus;
    results: string;
    difficulties: string;
    proposals: string;
    evidence: string;
  }>`
    with recursive chain (id, root) as (
      select t.id, t.id from task t where t.plan_id = ${planId} and t.removed_at is null
      union all
      select c.id, chain.root from task c join chain on c.parent_task_id = chain.id where c.removed_at is null
    )
    select chain.root, p.number as via, iu.name as via_issuer, u.name as unit_name, r.id as report_id, i.status, i.results,
           i.difficulties, i.proposals, i.evidence
    from chain
    join task ct on ct.id = chain.id and ct.plan_id <> ${planId}
    join plan p on p.id = ct.plan_id and p.status = 'published'
    left join unit iu on iu.id = p.issuer_unit_id
    join work_item w on w.task_id = ct.id
    join unit u on u.id = w.unit_id
    join report r on r.plan_id = ct.plan_id and r.unit_id = w.unit_id and r.status = 'accepted'
                 and r.period_due <= ${periodDue}::date
                 and (${after}::date is null or r.period_due > ${after}::date)
    join report_item i on i.report_id = r.id and i.work_item_id = w.id
    order by chain.root, p.id, u.path, r.period_due`.execute(db);
  return r.rows.map((x) => ({
    rootTaskId: String(x.root),
    viaNumber: x.via,
    viaIssuer: x.via_issuer,
    unitName: x.unit_name,
    reportId: String(x.report_id),
    status: x.status,
    results: x.results,
    difficulties: x.difficulties,
    proposals: x.proposals,
    evidence: x.evidence,
  }));
}

export interface StoredSummary {
  document: SummaryDocument;
  version: number;
  updatedBy: string | null;
  updatedAt: string;
}

export async function storedSummary(
  db: Db,
  planId: string,
  periodDue: string,
): Promise<StoredSummary | null> {
  const row = await sql<{
    content: SummaryDocument;
    version: number;
    updated_by: string | null;
    updated_at: Date;
  }>`
    select s.content, s.version, a.display_name as updated_by, s.updated_at
    from summary_report s left join app_user a on a.id = s.updated_by
    where s.plan_id = ${planId} and s.period_due = ${periodDue}::date`.execute(db);
  const s = row.rows[0];
  return s
    ? {
        document: s.content,
        version: s.version,
        updatedBy: s.updated_by,
        updatedAt: new Date(s.updated_at).toISOString(),
      }
    : null;
}

/**
 * Saves an edited report against the version it was edited from (0: none saved yet); false when
 * someone saved another version meanwhile.
 */
export async function saveSummary(
  db: Db,
  planId: string,
  periodDue: string,
  document: SummaryDocument,
  fromVersion: number,
  userId: string,
  at: Date,
): Promise<boolean> {
  const content = JSON.stringify(document);
  const r =
    fromVersion === 0
      ? await sql`
          insert into summary_report (plan_id, period_due, content, version, updated_by, updated_at)
          values (${planId}, ${periodDue}::date, ${content}::jsonb, 1, ${userId}, ${at})
          on conflict (plan_id, period_due) do nothing`.execute(db)
      : await sql`
          update summary_report set content = ${content}::jsonb, version = version + 1, updated_by = ${userId},
                 updated_at = ${at}
          where plan_id = ${planId} and period_due = ${periodDue}::date and version = ${fromVersion}`.execute(
          db,
        );
  return Number(r.numAffectedRows ?? 0) === 1;
}

/** Drops the edited report: the next reading compiles it afresh. */
export async function dropSummary(db: Db, planId: string, periodDue: string): Promise<void> {
  await db
    .deleteFrom("summary_report")
    .where("plan_id", "=", planId)
    .where("period_due", "=", periodDue)
    .execute();
}
