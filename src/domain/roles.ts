// The roles an account can hold, defined once: every layer (database rows, policies, the API
// contract, the browser) takes them from here.

export const ROLES = ["admin", "plan_officer", "unit_officer", "leader"] as const;

/** admin: the directory and accounts; plan_officer: imports, reviews, publishes and reviews reports for its body;
 *  unit_officer: its unit's work and reports; leader: reads the overview and the reports of what it leads. */
export type Role = (typeof ROLES)[number];
