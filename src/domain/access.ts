// The facts access to a plan or a report depends on, and the scope of the plans an actor sees:
// what the policies (services/policies.ts) decide over and the repositories turn into SQL.

/** What access to a plan depends on. */
export interface PlanAccess {
  status: "draft" | "published" | "closed";
  /** ltree path of the unit that keeps the plan (its issuer, or the body of the person who imported it). */
  keeperPath: string | null;
  /**
   * ltree paths of units the plan gives work to, as far as the reading policy needs them: one under
   * the reader's reach if there is one (db/plans.repository.ts PlanFactsOptions), else none.
   */
  workPaths: readonly string[];
}

/** What access to a unit's report depends on, with its plan's. */
export interface ReportAccess {
  unitId: string;
  unitPath: string;
  plan: PlanAccess;
}

/** The plans an actor's lists, search and counts may show. */
export interface PlanScope {
  /** Published plans kept within this subtree or giving work to a unit within it; null: all. */
  reach: string | null;
  /** Drafts kept within `reach` are shown too (to those who review them). */
  drafts: boolean;
  /** Drafts kept by exactly this unit (ltree path) are shown too: a unit officer's own implementing plans. */
  draftsOf?: string;
}
