// Amendments ("Kế hoạch điều chỉnh, bổ sung Kế hoạch số …"): the review shows what the amending
// plan changes in the plan it amends, task by task; publishing it changes that plan's tracked work —
// tasks added, removed, new deadlines, new leads — and keeps each change with its basis, so every
// list can say what a task was before ("hạn gốc 30/6/2026, điều chỉnh theo Kế hoạch số …").

import {
  amendedPlanId,
  changesOfPlan,
  copyTaskInto,
  dropOwnWork,
  keyTaken,
  markRemoved,
  recordChange,
  replaceLeads,
  type StoredTask,
  setTimeframe,
  type TaskChangeRow,
  tasksInForce,
  unitsWithWork,
} from "../db/amendments.repository.js";
import { replaceDeadlines } from "../db/plan-review.repository.js";
import { type PlanFacts, planFacts } from "../db/plans.repository.js";
import { refreshTally } from "../db/progress-tally.repository.js";
import type { Db } from "../db/schema.js";
import { type AmendmentDiff, type ComparedTask, diffAmendment } from "../domain/amendment.js";
import { today as todayOf } from "../domain/clock.js";
import { DomainError } from "../domain/errors.js";
import { expandDeadlines } from "../time/expand.js";
import { audit } from "./audit.js";
import type { ServiceContext } from "./context.js";
import { type Actor, ensureAllowed, ensureFound, may } from "./policies.js";

export interface AmendmentView {
  target: { planId: string; number: string | null; title: string | null; status: string };
  diff: AmendmentDiff;
}

const yearOf = (ctx: ServiceContext, facts: PlanFacts) => facts.year ?? ctx.clock.now().getUTCFullYear();

function compared(tasks: readonly StoredTask[], year: number): ComparedTask[] {
  return tasks.map((t) => ({
    key: t.key,
    title: t.title,
    timeframe: t.timeframe,
    deadlines: expandDeadlines(t.timeframe, year),
    leadIds: t.leadIds,
    leadNames: t.leadNames,
  }));
}

async function diffOf(ctx: ServiceContext, db: Db, amendment: PlanFacts, target: PlanFacts) {
  const [mine, theirs] = await Promise.all([tasksInForce(db, amendment.id), tasksInForce(db, target.id)]);
  return {
    mine,
    theirs,
    diff: diffAmendment(compared(theirs, yearOf(ctx, target)), compared(mine, yearOf(ctx, amendment))),
  };
}

/** What a draft amending plan changes in the plan it amends; null for a plan that amends none. */
export async function amendmentReview(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
): Promise<AmendmentView | null> {
  const facts = await planFacts(ctx.db, planId);
  ensureAllowed(may.reviewAtAll(actor, facts));
  ensureFound(!!facts && may.reviewPlan(actor, facts), "plan");
  const targetId = await amendedPlanId(ctx.db, planId);
  const target = targetId ? await planFacts(ctx.db, targetId) : null;
  if (!facts || !target) return null;
  const { diff } = await diffOf(ctx, ctx.db, facts, target);
  return {
    target: { planId: target.id, number: target.number, title: target.title, status: target.status },
    diff,
  };
}

/** The keys of an amendment's tasks that publishing would add to the plan it amends (they need leads). */
export async function addedKeys(
  ctx: ServiceContext,
  db: Db,
  amendment: PlanFacts,
): Promise<Set<string> | null> {
  const targetId = await amendedPlanId(db, amendment.id);
  const target = targetId ? await planFacts(db, targetId) : null;
  if (!target) return null;
  const { diff } = await diffOf(ctx, db, amendment, target);
  return new Set(diff.changes.flatMap((c) => (c.kind === "added" ? [c.key] : [])));
}

/**
 * Applies an amendment being published to the plan it amends, in the caller's transaction; returns
 * the units whose work it changed (to be told). The amendment's own tasks keep no work of their own.
 */
export async function applyAmendment(
  ctx: ServiceContext,
  db: Db,
  actor: Actor,
  amendment: PlanFacts,
): Promise<{ targetId: string; changes: number; units: string[] } | null> {
  const targetId = await amendedPlanId(db, amendment.id);
  const target = targetId ? await planFacts(db, targetId) : null;
  if (!target) return null;
  ensureFound(may.reviewPlan(actor, target), "plan");
  if (target.status === "draft")
    throw new DomainError(
      "plan.amends_draft",
      `Kế hoạch số ${target.number ?? "(không số)"} được điều chỉnh vẫn đang chờ rà soát: hãy công bố kế hoạch đó trước.`,
    );
  const { mine, theirs, diff } = await diffOf(ctx, db, amendment, target);
  const basis = `Kế hoạch số ${amendment.number ?? "(không số)"}`;
  const year = yearOf(ctx, target);
  const byKey = (list: readonly StoredTask[], key: string) => list.find((t) => t.key === key);
  const touched: string[] = [];
  const record = (
    taskId: string,
    change: "added" | "removed" | "deadline" | "lead",
    before: unknown,
    after: unknown,
  ) => recordChange(db, { taskId, amendmentPlanId: amendment.id, change, before, after, basis });
  for (const c of diff.changes) {
    if (c.kind === "added") {
      const source = byKey(mine, c.key);
      if (!source) continue;
      let key = c.key;
      for (let n = 1; await keyTaken(db, target.id, key); n++) key = `DC${n > 1 ? n : ""}-${c.key}`;
      const id = await copyTaskInto(db, source.id, target.id, key);
      const dues = expandDeadlines(source.timeframe, year);
      await replaceDeadlines(db, id, dues);
      await record(id, "added", null, {
        key,
        title: source.title,
        timeframe: source.timeframe,
        deadlines: dues,
      });
      touched.push(id);
    } else if (c.kind === "removed") {
      const task = byKey(theirs, c.target);
      if (!task) continue;
      touched.push(task.id);
      await markRemoved(db, task.id);
      await record(task.id, "removed", { key: task.key, title: task.title }, null);
    } else {
      const task = byKey(theirs, c.target);
      const source = byKey(mine, c.key);
      if (!task || !source) continue;
      touched.push(task.id);
      if (c.lead) {
        await replaceLeads(db, task.id, source.leads);
        await record(task.id, "lead", { leads: c.lead.from }, { leads: c.lead.to });
      }
      if (c.deadline) {
        await setTimeframe(db, task.id, c.deadline.after);
        await record(
          task.id,
          "deadline",
          { timeframe: c.deadline.before, deadlines: c.deadline.from },
          { timeframe: c.deadline.after, deadlines: c.deadline.to },
        );
      }
      // New leads get the task's dates; a new date reaches every unit's work.
      await replaceDeadlines(db, task.id, c.deadline ? c.deadline.to : expandDeadlines(task.timeframe, year));
    }
  }
  const units = await unitsWithWork(db, touched);
  await dropOwnWork(db, amendment.id);
  await refreshTally(db, target.id, todayOf(ctx.clock));
  await audit(ctx, db, actor, {
    action: "plan.amend",
    objectType: "plan",
    objectId: target.id,
    after: { amendment: amendment.id, basis, changes: diff.changes, units },
  });
  return { targetId: target.id, changes: diff.changes.length, units };
}

/** The changes amendments made to a plan, for its page. */
export async function planChanges(db: Db, planId: string): Promise<TaskChangeRow[]> {
  return changesOfPlan(db, planId);
}
