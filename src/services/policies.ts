// Who may do what, in one place. A user acts within the subtree of the unit they belong to;
// administrators everywhere.

import { DomainError } from "../domain/errors.js";

export type Role = "admin" | "plan_officer" | "unit_officer" | "leader";

export interface Actor {
  id: string;
  role: Role;
  unitId: string;
  /** ltree path of the user's unit: "1.2.7" */
  unitPath: string;
}

export type Action =
  | "plan.import"
  | "plan.publish"
  | "plan.read"
  | "report.write"
  | "report.read"
  | "report.review"
  | "unit.manage"
  | "user.manage";

const ALLOWED: Record<Action, Role[]> = {
  "plan.import": ["admin", "plan_officer"],
  "plan.read": ["admin", "plan_officer", "unit_officer", "leader"],
  "plan.publish": ["admin", "plan_officer"],
  // A unit's own figures are written by that unit alone; reviewers return them with a comment.
  "report.write": ["unit_officer"],
  // Leaders read the reports of the plans their body issued; plan officers also decide on them.
  "report.read": ["admin", "plan_officer", "leader"],
  "report.review": ["admin", "plan_officer"],
  "unit.manage": ["admin"],
  "user.manage": ["admin"],
};

/** Throws `auth.forbidden` unless the actor's role allows the action: `authorize(actor, "plan.import")`. */
export function authorize(actor: Actor | null, action: Action): asserts actor is Actor {
  if (!actor) throw new DomainError("auth.required", "Cần đăng nhập.");
  if (!ALLOWED[action].includes(actor.role))
    throw new DomainError("auth.forbidden", "Tài khoản không có quyền thực hiện thao tác này.");
}

/**
 * The subtree an actor works in. A plan officer sits in the office or the leading division but acts
 * for the issuing body above it ("Văn phòng Sở" imports and publishes the Sở's plans).
 */
export function reachOf(actor: Actor): string {
  if (actor.role !== "plan_officer") return actor.unitPath;
  const labels = actor.unitPath.split(".");
  return labels.length > 1 ? labels.slice(0, -1).join(".") : actor.unitPath;
}

/** True when `unitPath` lies in the actor's subtree (or the actor is an administrator). */
export function withinReach(actor: Actor, unitPath: string | null): boolean {
  if (actor.role === "admin") return true;
  if (!unitPath) return false;
  const reach = reachOf(actor);
  return unitPath === reach || unitPath.startsWith(`${reach}.`);
}
