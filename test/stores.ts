// The databases repository and service tests run against: PGlite always, PostgreSQL when
// DATABASE_URL is set (CI sets it). Each store is fresh: an in-memory PGlite, or a new database on
// the server that is dropped again on close.

import { openStore, type Store } from "../src/db/connection.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { openFreshPostgres } from "../src/testing/fresh-postgres.js";

export interface TestStoreKind {
  name: "pglite" | "postgres";
  open(): Promise<Store>;
}

export const STORES: TestStoreKind[] = [
  { name: "pglite", open: () => openStore({ dataDir: "memory://" }) },
  ...(process.env.DATABASE_URL
    ? [{ name: "postgres" as const, open: () => openFreshPostgres(process.env.DATABASE_URL ?? "") }]
    : []),
];

/** A fresh, migrated store. */
export async function freshStore(kind: TestStoreKind): Promise<Store> {
  const store = await kind.open();
  const report = await migrateToLatest(store.db);
  if (report.error) throw new Error(`migration failed: ${report.error}`);
  return store;
}
