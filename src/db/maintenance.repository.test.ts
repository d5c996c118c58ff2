// The daily refresh of the planner's statistics: after it, the planner knows how many rows a table
// that grew holds, also on the embedded PGlite, which never analyses by itself.

import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../test/context.js";
import { PROJECT_ROOT } from "../../test/shared-corpus.js";
import { freshStore, STORES } from "../../test/stores.js";
import { loadDemo } from "../services/demo.service.js";
import type { Store } from "./connection.js";
import { refreshPlannerStatistics } from "./maintenance.repository.js";

describe.each(STORES.map((s) => [s.name, s] as const))("the planner's statistics (%s)", (name, kind) => {
  let store: Store;
  const believed = async (table: string) =>
    Number(
      (
        await sql<{ n: number }>`select reltuples::int as n from pg_class where relname = ${table}`.execute(
          store.db,
        )
      ).rows[0]?.n,
    );
  const counted = async (table: string) =>
    Number(
      (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(store.db)).rows[0]
        ?.n,
    );

  beforeAll(async () => {
    store = await freshStore(kind);
  });
  afterAll(async () => store?.close());

  it("are brought up to the rows a table holds after it grew since it was last analysed", async () => {
    // Analysed while empty, as on the day of installation; then the demo's plans and their work.
    await sql`analyze work_item, deadline`.execute(store.db);
    await loadDemo(testContext(store), join(PROJECT_ROOT, "examples"));
    const rows = await counted("work_item");
    expect(rows).toBeGreaterThan(0);
    // PGlite never re-analyses by itself: the planner still believes the table empty.
    if (name === "pglite") expect(await believed("work_item")).toBe(0);
    await refreshPlannerStatistics(store.db);
    expect(await believed("work_item")).toBe(rows);
    expect(await believed("deadline")).toBe(await counted("deadline"));
  });
});
