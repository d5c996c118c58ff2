// Who may do what, written once. Every use case asks one of these questions before it does
// anything else; lists, search, drill-downs, downloads and counts ask them through the scopes
// below, which the repositories turn into SQL. Objects an actor may not reach are "not found"
// (no hint that they exist); actions a role may never take are "forbidden".

import type { PlanAccess, PlanScope, ReportAccess } from "../domain/access.js";
import { DomainError } from "../domain/errors.js";
import type { Role } from "../domain/roles.js";
import type { UnitKind } from "../domain/unit.js";

export type { PlanAccess, PlanScope, ReportAccess } from "../domain/access.js";
export type { Role } from "../domain/roles.js";

export interface Actor {
  id: string;
  login: string;
  role: Role;
  unitId: string;
  /** ltree path of the actor's unit: "1.2.7". */
  unitPath: string;
  /** The subtree the actor acts within (see `reachFor`); null: everything (administrators). */
  reach: string | null;
}

/** A unit on the way from the root of the directory down to an actor's unit. */
export interface UnitOnPath {
  path: string;
  kind: UnitKind;
}

// Units that are part of the body above them: "Văn phòng Sở", "Ban Giám đốc", a portal team.
const PART_OF_PARENT: readonly UnitKind[] = ["office", "leadership", "other"];
// A division or inspectorate belongs to its department ("Phòng Giáo dục Trung học" of the Sở), but
// one directly under a people's committee is a body of its own ("Phòng Giáo dục và Đào tạo quận …",
// "Thanh tra tỉnh": specialised agencies of the committee, issuing their own plans).
const PART_OF_PARENT_UNLESS_GOVERNMENT: readonly UnitKind[] = ["division", "inspectorate"];
const GOVERNMENTS: readonly UnitKind[] = ["people_committee", "district", "commune"];

/**
 * The body a unit belongs to, given the units from the root down to it: for "UBND thành phố ›
 * Sở GD&ĐT › Văn phòng Sở" the Sở; for a school or a Sở, itself.
 */
export function bodyOf(chain: readonly UnitOnPath[]): string {
  for (let i = chain.length - 1; i > 0; i--) {
    const unit = chain[i] as UnitOnPath;
    const parent = chain[i - 1] as UnitOnPath;
    if (PART_OF_PARENT.includes(unit.kind)) continue;
    if (PART_OF_PARENT_UNLESS_GOVERNMENT.includes(unit.kind) && !GOVERNMENTS.includes(parent.kind)) continue;
    return unit.path;
  }
  return chain[0]?.path ?? "";
}

/**
 * The subtree an account acts within, from its role and the units above it:
 * - a plan officer acts for the body its unit belongs to (Văn phòng Sở → the Sở; a school → the school);
 * - a leader leads the unit its leadership post belongs to (Giám đốc Sở › Ban Giám đốc → the Sở; a
 *   head of a Phòng placed on the Phòng → the Phòng);
 * - a unit officer works for its own unit (and the units under it);
 * - an administrator reaches everything (null).
 */
export function reachFor(role: Role, chain: readonly UnitOnPath[]): string | null {
  const own = chain[chain.length - 1]?.path ?? "";
  if (role === "admin") return null;
  if (role === "plan_officer") return bodyOf(chain);
  if (role === "leader") {
    let i = chain.length - 1;
    while (i > 0 && chain[i]?.kind === "leadership") i--;
    return chain[i]?.path ?? own;
  }
  return own;
}

/** The unit id at the end of an ltree path: "1.2.7" → "7". */
export function unitIdOf(path: string): string {
  return path.slice(path.lastIndexOf(".") + 1);
}

/** True when `path` lies in the subtree `reach` (null reaches everything). */
export function within(reach: string | null, path: string | null | undefined): boolean {
  if (reach === null) return true;
  if (!path) return false;
  return path === reach || path.startsWith(`${reach}.`);
}

const reviewers: readonly Role[] = ["admin", "plan_officer"];

/**
 * The questions the application asks, each answered in one place. The first group asks whether a
 * role may ever do a thing (no: "forbidden"); the second whether this actor may do it to this
 * object (no: "not found").
 */
export const may = {
  /** Import, correct, publish plans and decide on reports, for some body. */
  review: (a: Actor) => reviewers.includes(a.role),
  /** Read units' reports of plans (a unit officer reads its own in its workspace). */
  readReports: (a: Actor) => a.role !== "unit_officer",
  /** Write a unit's reports. */
  writeReports: (a: Actor) => a.role === "unit_officer",
  /** Change the directory, the accounts, the settings; read the audit log. */
  administer: (a: Actor) => a.role === "admin",
  /** Keep the staff lists of units (names and posts that plans give work to), within reach. */
  keepStaff: (a: Actor) => a.role !== "unit_officer",
  /** Read the unit directory (pickers, names): everyone signed in. */
  readDirectory: (_a: Actor) => true,
  /** List and search plans, read the overview and one's own unit's work: everyone signed in, each
   *  within their reach (the scopes below and `seeAllWorkOf` say how far). */
  readWithinReach: (_a: Actor) => true,

  /**
   * The plan is the officer's own unit's (its implementing plan, drawn up from a plan above): a unit
   * officer reviews, publishes and decides on it as a plan officer does on the body's.
   */
  issuedByOwnUnit: (a: Actor, p: PlanAccess) =>
    a.role === "unit_officer" && p.keeperPath !== null && p.keeperPath === a.unitPath,
  /** Review this plan at all (no: "forbidden"): a reviewer, or a unit officer whose unit issued it. */
  reviewAtAll: (a: Actor, p: PlanAccess | null) =>
    reviewers.includes(a.role) || (!!p && may.issuedByOwnUnit(a, p)),
  /**
   * Give a plan's work to a unit (its ltree path): a unit officer's own unit's plan gives it only to
   * the unit and the units under it; a plan officer's is not bounded.
   */
  assignWorkTo: (a: Actor, p: PlanAccess, unitPath: string | null) =>
    !may.issuedByOwnUnit(a, p) || within(a.unitPath, unitPath),
  /** Draw up one's unit's implementing plan of a plan giving it work: its unit officers and plan officers. */
  implementPlans: (a: Actor) => a.role === "unit_officer" || a.role === "plan_officer",
  /**
   * Correct, confirm, publish or discard a plan: the plan officers of the body that keeps it, and the
   * unit officers of the unit that issued it.
   */
  reviewPlan: (a: Actor, p: PlanAccess): boolean =>
    (reviewers.includes(a.role) && within(a.reach, p.keeperPath)) || may.issuedByOwnUnit(a, p),
  /**
   * Read a plan: a draft only where it may be reviewed; a published plan where it was issued within
   * reach or gives work to a unit within reach.
   */
  readPlan: (a: Actor, p: PlanAccess): boolean =>
    p.status === "draft"
      ? may.reviewPlan(a, p)
      : within(a.reach, p.keeperPath) || p.workPaths.some((w) => within(a.reach, w)),
  /** See all of a plan's work (the issuing body), not only the work within reach. */
  seeAllWorkOf: (a: Actor, p: PlanAccess) => within(a.reach, p.keeperPath),
  /** Write, attach to and submit a unit's report: that unit's own officers alone. */
  writeReport: (a: Actor, unitId: string) => a.role === "unit_officer" && a.unitId === unitId,
  /** Read the reports of a plan: its reviewers, and the leaders of the body that keeps it. */
  readReportsOf: (a: Actor, p: PlanAccess) =>
    p.status !== "draft" && (may.reviewPlan(a, p) || (a.role === "leader" && within(a.reach, p.keeperPath))),
  /** Read one report and its files: the unit that wrote it, its leaders, and who reads the plan's reports. */
  readReport: (a: Actor, r: ReportAccess) =>
    a.unitId === r.unitId ||
    (a.role === "leader" && within(a.reach, r.unitPath)) ||
    may.readReportsOf(a, r.plan),
  /** Accept or return a unit's report: the plan officers of the body that keeps the plan. */
  decideReport: (a: Actor, p: PlanAccess) => p.status !== "draft" && may.reviewPlan(a, p),
};

/** `planScope(actor)`: the one definition of "the plans this actor sees", matching `may.readPlan`. */
export function planScope(a: Actor): PlanScope {
  const scope: PlanScope = { reach: a.reach, drafts: reviewers.includes(a.role) };
  if (a.role === "unit_officer") scope.draftsOf = a.unitPath;
  return scope;
}

/** Throws `auth.forbidden` unless the role may take the action at all. */
export function ensureAllowed(allowed: boolean): void {
  if (!allowed) throw new DomainError("auth.forbidden", "Tài khoản không có quyền thực hiện thao tác này.");
}

/** Throws `${what}.not_found` unless the object is within the actor's reach: no hint that it exists. */
export function ensureFound(
  allowed: boolean,
  what: "plan" | "report" | "attachment" | "unit" | "import",
): void {
  if (!allowed) throw new DomainError(`${what}.not_found`, NOT_FOUND[what]);
}

const NOT_FOUND = {
  plan: "Không tìm thấy kế hoạch.",
  report: "Không tìm thấy báo cáo.",
  attachment: "Không tìm thấy tệp đính kèm.",
  unit: "Không tìm thấy đơn vị.",
  import: "Không tìm thấy lượt nhập tệp.",
} as const;
