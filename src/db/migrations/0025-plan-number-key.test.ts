// Migration 0025 on a database that already holds plans: every stored number gets its key, by the
// application's own rule, and the key is indexed.

import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshStore, STORES } from "../../../test/stores.js";
import { numberKey } from "../../text/number-key.js";
import type { Store } from "../connection.js";
import { down, up } from "./0025-plan-number-key.js";

for (const kind of STORES) {
  describe(`migration 0025 on ${kind.name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await freshStore(kind);
      // The plans of a database from before it: more than one statement's worth, one without a number.
      await down(store.db as unknown as Kysely<unknown>);
      await sql`
        insert into document (sha256, file_name, media_type, size_bytes, content, text)
        select md5('a' || g) || md5('b' || g), 'old-' || g || '.txt', 'text/plain', 0, '', ''
        from generate_series(1, 5003) g`.execute(store.db);
      await sql`
        insert into plan (document_id, number, parsed)
        select id, case when file_name = 'old-7.txt' then null
                        when id % 2 = 0 then id || ' / KH - SGDĐT' else id || '/KH-UBND' end, '{}'
        from document`.execute(store.db);
      await up(store.db as unknown as Kysely<unknown>);
    });
    afterAll(async () => store.close());

    it("keys every stored number as imports key them, and leaves a plan without one unkeyed", async () => {
      const rows = await sql<{ number: string | null; number_key: string | null }>`
        select number, number_key from plan`.execute(store.db);
      expect(rows.rows).toHaveLength(5003);
      const wrong = rows.rows.filter(
        (r) => r.number_key !== (r.number === null ? null : numberKey(r.number)),
      );
      expect(wrong).toEqual([]);
      expect(rows.rows.filter((r) => r.number_key === null)).toHaveLength(1);
      expect(rows.rows.find((r) => r.number === "8 / KH - SGDĐT")?.number_key).toBe("8/kh-sgddt");
    });

    it("looks a key up through the index", async () => {
      await sql`analyze plan`.execute(store.db);
      const plan = await sql<{ "QUERY PLAN": string }>`
        explain select id from plan where number_key = any(${["8/kh-sgddt"]}::text[])`.execute(store.db);
      expect(plan.rows.map((r) => r["QUERY PLAN"]).join("\n")).toContain("plan_number_key");
    });
  });
}
