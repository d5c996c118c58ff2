// Files for people to carry on with: a plan's task × unit matrix (today's states, and each reporting
// period's as the units' sent reports give it), its assignment table (Word and Excel), report
// completeness by unit, and the work behind an overview number. Each asks the same questions as the
// view it exports: a plan's files whoever may read the plan (the matrix holds the work they see on
// its page), the overview's files everyone within their reach.

import {
  type AssignedUnit,
  assignmentTasks,
  planHeading,
  type ReportedItem,
  reportedItems,
} from "../db/exports.repository.js";
import type { PlanFacts } from "../db/plans.repository.js";
import { today as todayOf } from "../domain/clock.js";
import { classify, type ProgressState } from "../domain/progress.js";
import { DEFAULT_REGIME, reportingDueDates } from "../domain/reporting-periods.js";
import { type AssignmentTable, assignmentsFileName } from "../render/assignments.js";
import { assignmentsDocx, DOCX_TYPE } from "../render/docx-assignments.js";
import { assignmentsXlsx } from "../render/xlsx-assignments.js";
import { XLSX_TYPE } from "../render/xlsx-common.js";
import {
  currentHeading,
  type MatrixCell,
  type MatrixSheet,
  matrixXlsx,
  matrixXlsxName,
  periodHeading,
  periodSheetName,
} from "../render/xlsx-matrix.js";
import { reportingXlsx, reportingXlsxName } from "../render/xlsx-reporting.js";
import { workXlsx, workXlsxName } from "../render/xlsx-work.js";
import type { ServiceContext } from "./context.js";
import { overview, overviewWork } from "./overview.service.js";
import { getPlan, openPeriod, readablePlan } from "./plans.service.js";
import type { Actor } from "./policies.js";

/** A file as the server sends it. */
export interface ExportFile {
  fileName: string;
  type: string;
  bytes: Uint8Array;
}

/** A plan's periods have a sheet each, the newest first, this many at most. */
const MAX_PERIOD_SHEETS = 24;

/**
 * The due dates of a plan's reporting periods from its publication to the period open on `day`, the
 * newest first: a period due before the plan was out is none of its business, and a draft has none.
 */
export function periodsSoFar(
  facts: Pick<PlanFacts, "unitReporting" | "regime" | "graceDays" | "publishedOn">,
  day: string,
): string[] {
  const from = facts.publishedOn;
  if (!from) return [];
  const open = openPeriod(facts, day);
  const dues = new Set<string>();
  for (let y = Number(from.slice(0, 4)); y <= Number(open.slice(0, 4)); y++)
    for (const d of reportingDueDates(facts.unitReporting, y, facts.regime ?? DEFAULT_REGIME))
      if (d >= from && d <= open) dues.add(d);
  return [...dues].sort().reverse().slice(0, MAX_PERIOD_SHEETS);
}

/** A unit's work in a task, a lead's over a cooperator's where a unit has both. */
const place = (grid: Array<Array<MatrixCell | null>>, t: number, u: number, cell: MatrixCell) => {
  const row = grid[t] as Array<MatrixCell | null>;
  if (!row[u]?.lead) row[u] = cell;
};

/**
 * A plan's task × unit matrix as an XLSX file: `await planMatrixFile(ctx, actor, "12")`. Its columns
 * are the units whose work the actor sees on the plan's page; its first sheet today's states, then a
 * sheet per reporting period so far, the states its sent reports give, as of its due date (or today,
 * for the period still open).
 */
export async function planMatrixFile(ctx: ServiceContext, actor: Actor, planId: string): Promise<ExportFile> {
  const facts = await readablePlan(ctx, actor, planId);
  const plan = await getPlan(ctx, actor, planId);
  const day = todayOf(ctx.clock);
  const tasks = plan.tasksDetail.filter((t) => !t.removed);
  const taskIndex = new Map(tasks.map((t, i) => [t.key, i]));
  // The units in the order the plan first gives them work, a task's leads before its cooperators.
  const units = new Map<string, { index: number; name: string }>();
  const byTask = plan.work
    .map((w, i) => ({ w, i, t: taskIndex.get(w.taskKey) ?? tasks.length }))
    .sort((a, b) => a.t - b.t || Number(b.w.role === "lead") - Number(a.w.role === "lead") || a.i - b.i);
  for (const { w } of byTask)
    if (!units.has(w.unitId)) units.set(w.unitId, { index: units.size, name: w.unitName });
  const grid = () => tasks.map(() => new Array<MatrixCell | null>(units.size).fill(null));
  // Each work item's place in the grid, and whether its unit leads.
  const placed = plan.work.flatMap((w) => {
    const t = taskIndex.get(w.taskKey);
    const u = units.get(w.unitId)?.index;
    return t === undefined || u === undefined ? [] : [{ w, t, u, lead: w.role === "lead" }];
  });

  const current = grid();
  for (const p of placed) place(current, p.t, p.u, { state: p.w.state, lead: p.lead });
  const sheets: MatrixSheet[] = [
    { name: "Hiện tại", heading: currentHeading(day), fromReports: false, cells: current },
  ];

  const dues = periodsSoFar(facts, day);
  const reported = new Map<string, ReportedItem>();
  for (const r of await reportedItems(ctx.db, planId, dues))
    reported.set(`${r.periodDue}:${r.workItemId}`, r);
  for (const due of dues) {
    // As of the due date; the period still open, as of today.
    const asOf = [due, day].sort()[0] ?? day;
    const cells = grid();
    for (const p of placed) {
      const r = reported.get(`${due}:${p.w.workItemId}`);
      const state: ProgressState | null = r
        ? classify({ status: r.status, doneOn: r.doneOn, deadlines: p.w.deadlines }, asOf)
        : null;
      place(cells, p.t, p.u, { state, lead: p.lead });
    }
    sheets.push({ name: periodSheetName(due), heading: periodHeading(due), fromReports: true, cells });
  }

  const bytes = await matrixXlsx({
    asOf: day,
    title: `Kế hoạch số ${plan.number ?? "(không số)"}${plan.title ? `: ${plan.title}` : ""}`,
    tasks: tasks.map((t) => ({ key: t.key, title: t.title })),
    units: [...units.values()].map((u) => ({ name: u.name })),
    sheets,
  });
  return { fileName: matrixXlsxName(plan.number), type: XLSX_TYPE, bytes };
}

/** The names of a task's units in one role, as the plan writes them (the directory's where it wrote none). */
function namesOf(units: readonly AssignedUnit[], role: AssignedUnit["role"]): string[] {
  const names = units
    .filter((u) => u.role === role)
    .flatMap((u) => (u.text.trim() ? [u.text.trim()] : u.names));
  return [...new Set(names)];
}

/** A plan's assignment table, its tasks and the duties tracked beside them, in the plan's order. */
async function assignmentTable(ctx: ServiceContext, actor: Actor, planId: string): Promise<AssignmentTable> {
  await readablePlan(ctx, actor, planId);
  const heading = await planHeading(ctx.db, planId);
  const tasks = await assignmentTasks(ctx.db, planId);
  return {
    plan: heading ?? { number: null, issuedOn: null, issuer: null, title: null },
    rows: tasks.map((t) => ({
      task: t.title,
      leads: namesOf(t.units, "lead"),
      cooperators: namesOf(t.units, "cooperate"),
      // A duty's time is read from its clause ("hoàn thành trước ngày 30/10/2026"): a cell starts with a capital.
      time: (t.timeframe?.text ?? "").replace(/^\p{Ll}/u, (c) => c.toUpperCase()),
      products: t.products,
    })),
  };
}

/** "Phụ lục phân công nhiệm vụ" of a plan: `await planAssignmentsFile(ctx, actor, "12", "docx")`. */
export async function planAssignmentsFile(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  format: "docx" | "xlsx",
): Promise<ExportFile> {
  const table = await assignmentTable(ctx, actor, planId);
  const fileName = assignmentsFileName(table.plan.number, format);
  return format === "docx"
    ? { fileName, type: DOCX_TYPE, bytes: await assignmentsDocx(table) }
    : { fileName, type: XLSX_TYPE, bytes: await assignmentsXlsx(table, todayOf(ctx.clock)) };
}

/** Report completeness and timeliness by unit and by plan, the overview's numbers, as an XLSX file. */
export async function reportingFile(ctx: ServiceContext, actor: Actor): Promise<ExportFile> {
  // Every unit and plan within reach, not the overview's first page of each.
  const o = await overview(ctx, actor, { plansLimit: null, unitsLimit: null });
  const bytes = await reportingXlsx({
    asOf: o.today,
    units: o.units,
    plans: o.plans.map((p) => ({
      number: p.number,
      title: p.title,
      periodDue: p.periodDue,
      expected: p.reportsExpected,
      sent: p.reportsIn,
      counts: p.counts,
    })),
  });
  return { fileName: reportingXlsxName(o.today), type: XLSX_TYPE, bytes };
}

/** The work behind an overview number as an XLSX file, the rows of its CSV file. */
export async function overviewWorkFile(
  ctx: ServiceContext,
  actor: Actor,
  state: ProgressState,
  unitId?: string,
): Promise<ExportFile> {
  const work = await overviewWork(ctx, actor, state, unitId);
  const bytes = await workXlsx(work, todayOf(ctx.clock));
  return { fileName: workXlsxName(state), type: XLSX_TYPE, bytes };
}
