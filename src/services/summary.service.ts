// The summary report of a plan's period: compiled from the accepted unit reports (and those that
// reached the plan through implementing plans) when first opened; edited by the plan officers of
// the body that keeps the plan, kept with a version; compiled again on request; exported as DOCX.
// Its readers are those who read the plan's reports (its reviewers, the leaders of its body).

import { type PlanFacts, planFacts } from "../db/plans.repository.js";
import {
  dropSummary,
  reportedBelow,
  type StoredSummary,
  saveSummary,
  storedSummary,
  summaryPlanFacts,
  summaryWork,
} from "../db/summary.repository.js";
import { today as todayOf } from "../domain/clock.js";
import { DomainError } from "../domain/errors.js";
import { upwardAddressees } from "../domain/reporting-addressees.js";
import { DEFAULT_REGIME, reportingDueDates } from "../domain/reporting-periods.js";
import {
  compileSummary,
  type ReportedItem,
  type SummaryDocument,
  type SummaryInput,
  type TaskLine,
} from "../domain/summary.js";
import { resultDocuments } from "../parse/result-documents.js";
import { summaryDocx } from "../render/summary-docx.js";
import type { ServiceContext } from "./context.js";
import { openPeriod, readablePlan } from "./plans.service.js";
import { type Actor, ensureAllowed, ensureFound, may } from "./policies.js";

export interface SummaryView {
  document: SummaryDocument;
  /** 0: compiled now, not saved; else the saved version an edit is made against. */
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
  /** The plan's report periods up to the open one, newest first. */
  periods: string[];
  canEdit: boolean;
}

/** The periods of a plan from its publication's year to the one open today, newest first. */
function periodsOf(facts: PlanFacts, today: string): string[] {
  const open = openPeriod(facts, today);
  const first = Number((facts.publishedOn ?? today).slice(0, 4));
  const last = Number(open.slice(0, 4));
  const all: string[] = [];
  for (let y = first; y <= last; y++)
    all.push(...reportingDueDates(facts.unitReporting, y, facts.regime ?? DEFAULT_REGIME));
  return [...new Set(all)]
    .filter((d) => d <= open)
    .sort()
    .reverse();
}

async function compile(ctx: ServiceContext, facts: PlanFacts, periodDue: string): Promise<SummaryDocument> {
  const today = todayOf(ctx.clock);
  const plan = await summaryPlanFacts(ctx.db, facts.id);
  ensureFound(!!plan, "plan");
  const p = plan as NonNullable<typeof plan>;
  const periods = periodsOf(facts, today < periodDue ? periodDue : today);
  const previous = periods.find((d) => d < periodDue) ?? null;
  const [work, below] = await Promise.all([
    summaryWork(ctx.db, facts.id, periodDue, today),
    reportedBelow(ctx.db, facts.id, previous, periodDue),
  ]);

  const tasks = new Map<string, TaskLine>();
  const units = new Map<string, { name: string; accepted: boolean }>();
  for (const w of work) {
    let t = tasks.get(w.taskId);
    if (!t) {
      t = { key: w.key, title: w.title, kind: w.kind, work: [], below: [] };
      tasks.set(w.taskId, t);
    }
    const reported: ReportedItem | null =
      w.reportId && w.item
        ? {
            reportId: w.reportId,
            unitName: w.unitName,
            ...w.item,
            documents: resultDocuments(w.item.evidence),
          }
        : null;
    t.work.push({ unitName: w.unitName, role: w.role, state: w.state, progress: w.progress, reported });
    const u = units.get(w.unitId) ?? { name: w.unitName, accepted: false };
    u.accepted ||= w.reportId !== null;
    units.set(w.unitId, u);
  }
  for (const b of below)
    tasks.get(b.rootTaskId)?.below.push({
      reportId: b.reportId,
      unitName: b.unitName,
      // "Kế hoạch số 12/KH-PGDĐT"; an implementing plan drawn up in kehoach may have no number yet.
      via: b.viaNumber
        ? `Kế hoạch số ${b.viaNumber}`
        : b.viaIssuer && b.viaIssuer !== b.unitName
          ? `kế hoạch triển khai của ${b.viaIssuer}`
          : "kế hoạch triển khai của đơn vị",
      status: b.status,
      results: b.results,
      difficulties: b.difficulties,
      proposals: b.proposals,
      evidence: b.evidence,
      documents: resultDocuments(b.evidence),
    });

  const input: SummaryInput = {
    planId: facts.id,
    periodDue,
    today,
    plan: {
      number: p.number,
      issuedOn: p.issuedOn,
      title: p.title,
      issuer: p.issuer,
      parentIssuer: p.parentIssuer,
      place: p.place,
      signer: p.signer,
      reportsTo: upwardAddressees(p.reporting, [p.issuer ?? ""]),
    },
    tasks: [...tasks.values()],
    units: [...units.values()],
  };
  return compileSummary(input);
}

/** The plan's facts for one who reads its reports, and the period asked for (the open one by default). */
async function planAndPeriod(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  period: string | undefined,
): Promise<{ facts: PlanFacts; periodDue: string; periods: string[] }> {
  // Forbidden first, as for the plan's reports: a unit officer reads the summary of its own unit's
  // (implementing) plan alone.
  const known = await planFacts(ctx.db, planId);
  ensureAllowed(may.readReports(actor) || (!!known && may.issuedByOwnUnit(actor, known)));
  const facts = await readablePlan(ctx, actor, planId);
  ensureFound(may.readReportsOf(actor, facts), "plan");
  const periods = periodsOf(facts, todayOf(ctx.clock));
  const periodDue = period ?? periods[0] ?? openPeriod(facts, todayOf(ctx.clock));
  if (!periods.includes(periodDue))
    throw new DomainError("summary.period_unknown", "Kế hoạch không có kỳ báo cáo này.", [
      {
        field: "period",
        reason: `kỳ báo cáo phải là một trong: ${periods.join(", ") || "(chưa có kỳ nào)"}`,
      },
    ]);
  return { facts, periodDue, periods };
}

const view = (
  document: SummaryDocument,
  stored: StoredSummary | null,
  periods: string[],
  canEdit: boolean,
): SummaryView => ({
  document,
  version: stored?.version ?? 0,
  updatedBy: stored?.updatedBy ?? null,
  updatedAt: stored?.updatedAt ?? null,
  periods,
  canEdit,
});

/** The report of a period as saved, else compiled now. */
export async function summaryOf(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  period?: string,
): Promise<SummaryView> {
  const { facts, periodDue, periods } = await planAndPeriod(ctx, actor, planId, period);
  const stored = await storedSummary(ctx.db, planId, periodDue);
  const document = stored?.document ?? (await compile(ctx, facts, periodDue));
  return view(document, stored, periods, may.decideReport(actor, facts));
}

/** The parts of the report a person writes; the figures, the missing units and the appendix are compiled. */
export type SummaryEdits = Pick<
  SummaryDocument,
  "subject" | "opening" | "sections" | "closing" | "signer" | "recipients"
> & {
  header: Pick<SummaryDocument["header"], "number" | "place" | "date" | "body" | "parentBody">;
};

/** Saves a person's edits against the version they were made from. */
export async function saveSummaryEdits(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  input: { period: string; version: number; edits: SummaryEdits },
): Promise<SummaryView> {
  const { facts, periodDue, periods } = await planAndPeriod(ctx, actor, planId, input.period);
  ensureFound(may.decideReport(actor, facts), "plan");
  const stored = await storedSummary(ctx.db, planId, periodDue);
  const base = stored?.document ?? (await compile(ctx, facts, periodDue));
  const document: SummaryDocument = {
    ...base,
    ...input.edits,
    header: { ...base.header, ...input.edits.header },
  };
  const saved = await saveSummary(
    ctx.db,
    planId,
    periodDue,
    document,
    input.version,
    actor.id,
    ctx.clock.now(),
  );
  if (!saved)
    throw new DomainError(
      "summary.version_conflict",
      "Báo cáo vừa được người khác lưu: hãy tải lại để xem bản mới trước khi sửa tiếp.",
    );
  return view(document, await storedSummary(ctx.db, planId, periodDue), periods, true);
}

/** Drops the edits and compiles the report again from the reports accepted by now. */
export async function recompileSummary(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  period: string,
): Promise<SummaryView> {
  const { facts, periodDue, periods } = await planAndPeriod(ctx, actor, planId, period);
  ensureFound(may.decideReport(actor, facts), "plan");
  await dropSummary(ctx.db, planId, periodDue);
  return view(await compile(ctx, facts, periodDue), null, periods, true);
}

/** The report as a Word file, and its name ("bao-cao-901-KH-SGDDT-2026-12-15.docx"). */
export async function summaryFile(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  period?: string,
): Promise<{ fileName: string; content: Uint8Array }> {
  const { document } = await summaryOf(ctx, actor, planId, period);
  const facts = await readablePlan(ctx, actor, planId);
  const number = (facts.number ?? planId)
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\w-]+/g, "-");
  return { fileName: `bao-cao-${number}-${document.periodDue}.docx`, content: await summaryDocx(document) };
}
