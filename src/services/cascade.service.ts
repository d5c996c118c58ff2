// Implementing plans that cascade. From a published plan, the officer of a unit it gives work draws
// up the unit's own plan ("Kế hoạch triển khai thực hiện Kế hoạch số …"): a draft issued by the unit,
// holding one task per task it was given, linked task to task, which the unit then reviews, extends,
// assigns to the units under it and publishes with the review it already has. What the units below
// report, once accepted, rolls up the links to the plan above (school → Phòng → Sở), and the cascade
// view walks them down with each plan's counts, reports in, and the work nobody carries down yet.

import { createHash } from "node:crypto";
import {
  type CascadeRow,
  cascadeBelow,
  deriveParentProgress,
  implementedTarget,
  implementingPlanOf,
  linkToParent,
  tallyOfPlans,
  tasksWithParents,
  uncoveredWork,
  unitsByIds,
  unitsWithWorkIn,
  type WorkToCarry,
  workToCarry,
} from "../db/cascade.repository.js";
import { documentFields } from "../db/plan-review.repository.js";
import { insertPlanGraph, type PlanFacts, type PlanGraph, plansFacts } from "../db/plans.repository.js";
import { bringTallyUpToDate, refreshTally, reportsRollup } from "../db/progress-tally.repository.js";
import type { Db } from "../db/schema.js";
import { inTransaction, isUniqueViolation } from "../db/transaction.js";
import { today as todayOf } from "../domain/clock.js";
import { viDate } from "../domain/dates.js";
import { DomainError } from "../domain/errors.js";
import { type ParsedPlan, PLAN_FORMAT } from "../domain/plan.js";
import { planSearchText } from "../domain/plan-search.js";
import type { ProgressState } from "../domain/progress.js";
import { foldKey } from "../text/fold.js";
import { audit } from "./audit.js";
import type { ServiceContext } from "./context.js";
import { openPeriod, readablePlan } from "./plans.service.js";
import { type Actor, bodyOf, ensureAllowed, may, unitIdOf, within } from "./policies.js";

/**
 * The unit an actor draws up an implementing plan for, of a plan that gives it work: a unit
 * officer's own unit; a plan officer's own unit, else the body it acts for. Never the plan's own
 * issuer. Null when none of them has work in the plan.
 */
async function implementingUnit(ctx: ServiceContext, actor: Actor, facts: PlanFacts): Promise<string | null> {
  if (!may.implementPlans(actor) || facts.status === "draft") return null;
  const candidates = [actor.unitId];
  if (actor.role === "plan_officer" && actor.reach) candidates.push(unitIdOf(actor.reach));
  const mine = candidates.filter((id) => id !== facts.keeperId);
  const withWork = await unitsWithWorkIn(ctx.db, facts.id, mine);
  return mine.find((id) => withWork.has(id)) ?? null;
}

export interface ImplementingResult {
  /** The unit's implementing plan: a draft made now, or the one it already has. */
  planId: string;
  status: "created" | "existing";
  tasks: number;
}

/**
 * Draws up the actor's unit's implementing plan of a published plan: `await
 * createImplementingPlan(ctx, actor, "12")`. The draft is issued by the unit, names the plan it
 * implements, and holds one task per task the plan gives the unit (its title, text, timeframe and
 * the unit's deadlines as they stand), led by the unit until it assigns them below. A unit that
 * already has one gets it back.
 */
export async function createImplementingPlan(
  ctx: ServiceContext,
  actor: Actor,
  parentId: string,
): Promise<ImplementingResult> {
  ensureAllowed(may.implementPlans(actor));
  const facts = await readablePlan(ctx, actor, parentId);
  if (facts.status !== "published")
    throw new DomainError(
      "plan.not_published",
      "Chỉ lập kế hoạch triển khai được cho kế hoạch đã công bố (còn hiệu lực).",
    );
  const unitId = await implementingUnit(ctx, actor, facts);
  if (!unitId)
    throw new DomainError(
      "plan.no_work_for_unit",
      "Kế hoạch không giao nhiệm vụ nào cho đơn vị của tài khoản: không có gì để triển khai.",
    );
  const existing = await implementingPlanOf(ctx.db, parentId, unitId);
  if (existing) return { planId: existing, status: "existing", tasks: 0 };
  const work = await workToCarry(ctx.db, parentId, unitId);
  const units = await unitsByIds(ctx.db, facts.keeperId ? [unitId, facts.keeperId] : [unitId]);
  const unit = units.get(unitId);
  const parent = await documentFields(ctx.db, parentId);
  if (!unit || !parent) throw new DomainError("plan.not_found", "Không tìm thấy kế hoạch.");
  const parentIssuer = (facts.keeperId ? units.get(facts.keeperId)?.name : null) ?? parent.issuer ?? "";
  const year = facts.year ?? ctx.clock.now().getUTCFullYear();
  const graph = implementingGraph({ parentId, parent, parentIssuer, unit, work, year });
  try {
    const planId = await inTransaction(ctx.db, async (trx) => {
      const id = await insertPlanGraph(trx, graph);
      await linkToParent(
        trx,
        id,
        parentId,
        work.map((w) => ({ key: w.key, parentTaskId: w.taskId })),
      );
      await audit(ctx, trx, actor, {
        action: "plan.implement",
        objectType: "plan",
        objectId: id,
        after: { parentPlanId: parentId, unitId, title: graph.plan.document.title, tasks: work.length },
      });
      return id;
    });
    return { planId, status: "created", tasks: work.length };
  } catch (error) {
    // Two clicks at once: the same text for the same unit, turned away by the document's unique hash.
    if (!isUniqueViolation(error)) throw error;
    const raced = await implementingPlanOf(ctx.db, parentId, unitId);
    if (raced) return { planId: raced, status: "existing", tasks: 0 };
    throw error;
  }
}

// "Kế hoạch số 145/KH-SGDĐT ngày 12/03/2026 của Sở Giáo dục và Đào tạo Hải Phòng"
function parentName(
  parent: { number: string | null; issuedOn: string | null; title: string | null },
  issuer: string,
) {
  const which = parent.number ? `Kế hoạch số ${parent.number}` : `Kế hoạch «${parent.title ?? ""}»`;
  return `${which}${parent.issuedOn ? ` ngày ${viDate(parent.issuedOn)}` : ""}${issuer ? ` của ${issuer}` : ""}`;
}

/** The draft's plan graph: a source text written out like a plan, what it says, its units and deadlines. */
function implementingGraph(input: {
  parentId: string;
  parent: { number: string | null; issuedOn: string | null; title: string | null; type: string | null };
  parentIssuer: string;
  unit: { id: string; name: string; parentName: string | null };
  work: readonly WorkToCarry[];
  year: number;
}): PlanGraph {
  const { parent, unit, work } = input;
  const what = parentName(parent, input.parentIssuer);
  const title = `Kế hoạch triển khai thực hiện ${what}`;
  // The text the review shows beside the tasks, each task's passage marked (span).
  let text = [
    ...(unit.parentName ? [unit.parentName.toUpperCase()] : []),
    unit.name.toUpperCase(),
    "",
    "KẾ HOẠCH",
    `Triển khai thực hiện ${what}`,
    "",
    `Thực hiện ${what}${parent.title ? ` (${parent.title})` : ""}, ${unit.name} xây dựng kế hoạch triển khai thực hiện như sau:`,
    "",
    "I. NHIỆM VỤ",
    "",
  ].join("\n");
  const tasks: ParsedPlan["tasks"] = work.map((w) => {
    const start = text.length;
    const lines = [
      `${w.key}. ${w.title}`,
      ...(w.content.trim() && w.content.trim() !== w.title.trim() ? [w.content.trim()] : []),
      `- Đơn vị chủ trì: ${unit.name}`,
      `- Thời gian thực hiện: ${w.timeframe?.text ?? "(không ghi)"}`,
    ];
    text += `${lines.join("\n")}\n`;
    const span: [number, number] = [start, text.length - 1];
    text += "\n";
    return {
      id: w.key,
      title: w.title,
      content: w.content,
      leads: [unit.name],
      cooperators: [],
      timeframe: w.timeframe,
      span,
    };
  });
  const document: ParsedPlan["document"] = {
    type: "KH",
    number: null,
    issuer: unit.name,
    parentIssuer: unit.parentName,
    place: null,
    date: null,
    year: input.year,
    title,
    signer: null,
    recipients: [],
  };
  const plan: ParsedPlan = {
    format: PLAN_FORMAT,
    document,
    references: parent.number
      ? [
          {
            type: "Kế hoạch",
            number: parent.number,
            date: parent.issuedOn,
            issuer: input.parentIssuer || null,
            relation: "implements",
          },
        ]
      : [],
    sections: [{ label: "I", heading: "NHIỆM VỤ", role: "tasks", children: [] }],
    objectives: [],
    requirements: [],
    tasks,
    assignments: [],
    reporting: [],
    funding: null,
    warnings: [],
  };
  const bytes = new TextEncoder().encode(text);
  return {
    document: {
      sha256: createHash("sha256").update(bytes).digest("hex"),
      fileName: "ke-hoach-trien-khai.txt",
      mediaType: "text/plain; charset=utf-8",
      content: bytes,
      text,
    },
    plan,
    issuerUnitId: unit.id,
    // Led by the unit itself until it gives each task to the units under it (or its staff).
    taskUnits: work.map(() => [
      { role: "lead", text: unit.name, method: "issuer", unitIds: [unit.id], candidates: [] },
    ]),
    taskDeadlines: work.map((w) => w.deadlines),
    duties: [],
    amendsPlanId: null,
    referenceLinks: plan.references.map(() => ({ target: input.parentId, candidates: [] })),
    review: [],
    searchText: planSearchText(document),
  };
}

/**
 * On publication of an imported plan that says it implements a plan of the system ("Thực hiện Kế
 * hoạch số 88/KH-UBND …", its reference linked), links it to that plan, and each of its tasks whose
 * title is, diacritics and punctuation aside, the title of exactly one task there. Run it in the
 * publishing transaction; returns the parent's id, or null.
 */
export async function linkImplementedPlan(db: Db, planId: string): Promise<string | null> {
  const target = await implementedTarget(db, planId);
  if (!target) return null;
  const theirs = new Map<string, string[]>();
  for (const t of await tasksWithParents(db, target)) {
    const key = foldKey(t.title);
    if (key) theirs.set(key, [...(theirs.get(key) ?? []), t.id]);
  }
  const links = (await tasksWithParents(db, planId)).flatMap((t) => {
    const match = t.parentTaskId ? undefined : theirs.get(foldKey(t.title));
    return match?.length === 1 && match[0] ? [{ key: t.key, parentTaskId: match[0] }] : [];
  });
  await linkToParent(db, planId, target, links);
  return target;
}

/**
 * Rolls accepted progress up from a plan to the plans it implements, level by level (school →
 * Phòng → Sở), refreshing each parent's tally for the unit whose work changed. Run it in the
 * transaction that accepted the report.
 */
export async function rollUpFrom(db: Db, planId: string, today: string): Promise<void> {
  const seen = new Set<string>();
  let child: string | null = planId;
  while (child && !seen.has(child)) {
    seen.add(child);
    const changed = await deriveParentProgress(db, child);
    if (!changed) return;
    await refreshTally(db, changed.planId, today, changed.unitId);
    child = changed.planId;
  }
}

/**
 * The uncovered work ("plan|unit") given to units that are part of the plan's issuing body — the Sở's
 * own divisions and office, which carry its plan out themselves rather than issue plans of their own.
 */
async function partOfIssuingBody(
  ctx: ServiceContext,
  nodes: readonly CascadeRow[],
  facts: ReadonlyMap<string, PlanFacts>,
  uncovered: ReadonlyArray<{ planId: string; unitId: string; unitPath: string }>,
): Promise<Set<string>> {
  const out = new Set<string>();
  if (!uncovered.length) return out;
  const units = await unitsByIds(
    ctx.db,
    uncovered.flatMap((u) => u.unitPath.split(".")),
  );
  const keeperOf = new Map(nodes.map((n) => [n.id, facts.get(n.id)?.keeperPath ?? null]));
  for (const u of uncovered) {
    const chain = u.unitPath.split(".").flatMap((id) => {
      const unit = units.get(id);
      return unit ? [{ path: unit.path, kind: unit.kind }] : [];
    });
    const keeper = keeperOf.get(u.planId);
    if (keeper && bodyOf(chain) === keeper) out.add(`${u.planId}|${u.unitId}`);
  }
  return out;
}

export type Counts = Record<ProgressState, number>;

export interface CascadeNode {
  planId: string;
  /** The plan it implements; null for the plan asked about. */
  parentPlanId: string | null;
  depth: number;
  number: string | null;
  title: string | null;
  status: CascadeRow["status"];
  issuerUnitId: string | null;
  issuerName: string | null;
  counts: Counts;
  /** Reports of its open period: sent (a returned one is not) of expected (one per unit with work). */
  reports: { periodDue: string; sent: number; expected: number } | null;
  /** Its work given to units that have no published implementing plan carrying it down. */
  uncovered: Array<{ taskKey: string; taskTitle: string; unitId: string; unitName: string }>;
  /** The actor may review (a draft) or decide the reports of (published) this plan. */
  mayReview: boolean;
}

export interface CascadeView {
  planId: string;
  nodes: CascadeNode[];
  /** The actor's unit may draw up (or has) its implementing plan of this plan; null: not the actor's to do. */
  implement: { unitId: string; unitName: string; planId: string | null } | null;
}

const zero = (): Counts => ({ done_on_time: 0, done_late: 0, in_progress: 0, overdue: 0 });

/**
 * The tree of plans implementing a plan, down to the schools: each with its four-state counts, its
 * open period's reports in, and the work it gives units that nobody carries down yet. Whoever reads
 * the plan sees the plans below it they may read; its issuing body sees every published one.
 */
export async function planCascade(ctx: ServiceContext, actor: Actor, planId: string): Promise<CascadeView> {
  const root = await readablePlan(ctx, actor, planId);
  const day = todayOf(ctx.clock);
  const rows = await cascadeBelow(ctx.db, planId);
  const facts = await plansFacts(
    ctx.db,
    rows.map((r) => r.id),
    { workPaths: { within: actor.reach } },
  );
  const seeAll = may.seeAllWorkOf(actor, root);
  const shown = new Set<string>();
  const visible = rows.filter((r) => {
    const f = facts.get(r.id);
    const ok =
      r.id === planId ||
      (!!f &&
        !!r.parentId &&
        shown.has(r.parentId) &&
        (r.status === "draft" ? may.reviewPlan(actor, f) : seeAll || may.readPlan(actor, f)));
    if (ok) shown.add(r.id);
    return ok;
  });
  const published = visible.filter((r) => r.status !== "draft");
  await bringTallyUpToDate(ctx.db, day);
  const periods = published.flatMap((r) => {
    const f = facts.get(r.id);
    return f ? [{ planId: r.id, due: openPeriod(f, day) }] : [];
  });
  const [{ byPlan }, tallies, uncovered] = await Promise.all([
    reportsRollup(ctx.db, null, periods, day),
    tallyOfPlans(
      ctx.db,
      published.map((r) => r.id),
    ),
    uncoveredWork(
      ctx.db,
      published.map((r) => r.id),
    ),
  ]);
  const partOfIssuer = await partOfIssuingBody(ctx, visible, facts, uncovered);
  const nodes = visible.map((r): CascadeNode => {
    const f = facts.get(r.id) as PlanFacts;
    const full = seeAll || may.seeAllWorkOf(actor, f);
    const period = periods.find((p) => p.planId === r.id);
    const rollup = byPlan.get(r.id);
    return {
      planId: r.id,
      parentPlanId: r.id === planId ? null : r.parentId,
      depth: r.depth,
      number: r.number,
      title: r.title,
      status: r.status,
      issuerUnitId: r.issuerUnitId,
      issuerName: r.issuerName,
      counts: tallies.get(r.id) ?? zero(),
      reports: period
        ? { periodDue: period.due, sent: rollup?.sent ?? 0, expected: rollup?.expected ?? 0 }
        : null,
      uncovered: uncovered
        .filter(
          (u) =>
            u.planId === r.id &&
            !partOfIssuer.has(`${u.planId}|${u.unitId}`) &&
            (full || within(actor.reach, u.unitPath)),
        )
        .map(({ taskKey, taskTitle, unitId, unitName }) => ({ taskKey, taskTitle, unitId, unitName })),
      mayReview: may.reviewPlan(actor, f),
    };
  });
  const unitId = await implementingUnit(ctx, actor, root);
  let implement: CascadeView["implement"] = null;
  if (unitId) {
    const unit = (await unitsByIds(ctx.db, [unitId])).get(unitId);
    implement = {
      unitId,
      unitName: unit?.name ?? "",
      planId: await implementingPlanOf(ctx.db, planId, unitId),
    };
  }
  return { planId, nodes, implement };
}
