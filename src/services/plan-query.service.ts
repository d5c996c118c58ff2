// Reading plans, each use case checking access first.

import type { Kysely } from "kysely";
import {
  foldForSearch,
  listPlansInScope,
  type PlanDetail,
  type PlanSummary,
  planDetail,
  searchPlans,
  searchTasks,
  type TaskHit,
} from "../db/plans.repository.js";
import type { Database } from "../db/schema.js";
import { listUnits } from "../db/units.repository.js";
import { DomainError } from "../domain/errors.js";
import { type Actor, authorize, reachOf, withinReach } from "./policies.js";

/** The plans an actor can see: issued in their subtree or with work for a unit of it. */
export async function listPlans(db: Kysely<Database>, actor: Actor | null): Promise<PlanSummary[]> {
  authorize(actor, "plan.read");
  return listPlansInScope(db, actor.role === "admin" ? null : reachOf(actor));
}

/** One plan, if the actor may see it; `plan.not_found` otherwise (no hint that it exists). */
export async function getPlan(
  db: Kysely<Database>,
  actor: Actor | null,
  planId: string,
): Promise<PlanDetail> {
  authorize(actor, "plan.read");
  const plan = await planDetail(db, planId);
  const visible =
    plan && (withinReach(actor, plan.issuerUnitPath) || plan.unitPaths.some((p) => withinReach(actor, p)));
  if (!plan || !visible) throw new DomainError("plan.not_found", "Không tìm thấy kế hoạch.");
  return plan;
}

/** Plans and tasks matching the words, limited to what the actor can see. */
export async function search(
  db: Kysely<Database>,
  actor: Actor | null,
  query: string,
): Promise<{
  plans: PlanSummary[];
  tasks: TaskHit[];
  units: Array<{ id: string; code: string; name: string }>;
}> {
  authorize(actor, "plan.read");
  const words = foldForSearch(query).split(/\s+/).filter(Boolean).slice(0, 12);
  if (!words.length) return { plans: [], tasks: [], units: [] };
  const visible = new Set((await listPlans(db, actor)).map((p) => p.id));
  const plans = (await searchPlans(db, words, 100)).filter((p) => visible.has(p.id)).slice(0, 20);
  const tasks = (await searchTasks(db, words, 100)).filter((t) => visible.has(t.planId)).slice(0, 20);
  // Units by name, short name, abbreviation or alias, diacritics ignored: "phong gdtx" finds "Phòng GDTX&ĐH".
  const units = (await listUnits(db))
    .filter((u) => u.active)
    .filter((u) => {
      const hay = foldForSearch([u.name, u.shortName ?? "", ...u.aliases].join(" ").replace(/[&–—-]/g, " "));
      return words.every((w) => hay.includes(w));
    })
    .slice(0, 20)
    .map((u) => ({ id: u.id, code: u.code, name: u.name }));
  return { plans, tasks, units };
}
