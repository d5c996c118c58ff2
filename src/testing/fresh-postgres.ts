// A database of its own on a PostgreSQL server, for a test file or a benchmark: created on open,
// dropped on close. (Test and bench support; the product never creates databases.)

import pg from "pg";
import { openStore, type Store, type StoreOptions } from "../db/connection.js";

let counter = 0;

/** One statement on the server as its administrator (create or drop a database). */
export async function adminQuery(url: string, query: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

/** `const store = await openFreshPostgres(process.env.DATABASE_URL)`; `store.close()` drops it. */
export async function openFreshPostgres(
  url: string,
  prefix = "kehoach_test",
  options: Pick<StoreOptions, "log"> = {},
): Promise<Store> {
  const name = `${prefix}_${process.pid}_${Date.now()}_${counter++}`;
  await adminQuery(url, `create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const store = await openStore({ ...options, url: u.toString() });
  return {
    ...store,
    close: async () => {
      await store.close();
      await adminQuery(url, `drop database if exists ${name} with (force)`);
    },
  };
}
