// Upkeep the database needs and the embedded one does not do by itself.

import { sql } from "kysely";
import type { Db } from "./schema.js";

/**
 * Refreshes the planner's statistics of every table (once a day, by the scheduler). PostgreSQL's
 * autovacuum re-analyses a table after a tenth of it changed, but the embedded PGlite has no
 * autovacuum, and a server may run with it off: a `report` table analysed while nearly empty stays
 * "empty" to the planner after a deadline day's thousands of reports, and a school's workspace was
 * read in 550 ms instead of 25 (docs/ARCHITECTURE.md, Scale). It samples, so it stays bounded: under
 * a second at 1,000,000 work items.
 */
export async function refreshPlannerStatistics(db: Db): Promise<void> {
  await sql`analyze`.execute(db);
}
