// Migrations on every database the product runs on.

import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { STORES } from "../../test/stores.js";
import { migrateToLatest } from "./migrate.js";

for (const kind of STORES) {
  describe(`migrations on ${kind.name}`, () => {
    const opened = kind.open();
    afterAll(async () => (await opened).close());

    it("apply on an empty database, then find nothing left to do", async () => {
      const { db } = await opened;
      const first = await migrateToLatest(db);
      expect(first.error).toBeNull();
      expect(first.applied).toContain("0001-units");
      const second = await migrateToLatest(db);
      expect(second).toEqual({ applied: [], error: null });
    });

    it("fold Vietnamese the way the application does", async () => {
      const { db } = await opened;
      const r = await sql<{ f: string }>`select kh_fold('Sở Giáo dục và Đào tạo') as f`.execute(db);
      expect(r.rows[0]?.f).toBe("so giao duc va dao tao");
    });
  });
}
