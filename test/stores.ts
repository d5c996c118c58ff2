// The databases repository and service tests run against: PGlite always, PostgreSQL when
// DATABASE_URL is set (CI sets it). Each store is fresh: an in-memory PGlite, or a new database on
// the server that is dropped again on close.

import pg from "pg";
import { openStore, type Store } from "../src/db/connection.js";
import { migrateToLatest } from "../src/db/migrate.js";

export interface TestStoreKind {
  name: "pglite" | "postgres";
  open(): Promise<Store>;
}

let counter = 0;

async function openFreshPostgres(url: string): Promise<Store> {
  const name = `kehoach_test_${process.pid}_${Date.now()}_${counter++}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const store = await openStore({ url: u.toString() });
  return {
    ...store,
    close: async () => {
      await store.close();
      const drop = new pg.Client({ connectionString: url });
      await drop.connect();
      await drop.query(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
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
