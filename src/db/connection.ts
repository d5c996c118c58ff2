// One interface, two connections: the embedded PGlite in a data folder (the default, for a
// department on one machine) and a PostgreSQL server when DATABASE_URL is set. Both run the same
// SQL through Kysely: PGlite is PostgreSQL compiled to WebAssembly.

import { chmodSync, mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { ltree } from "@electric-sql/pglite/contrib/ltree";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { Kysely, type LogConfig, PGliteDialect, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema.js";

export type DatabaseKind = "pglite" | "postgres";

export interface Store {
  readonly db: Kysely<Database>;
  readonly kind: DatabaseKind;
  /** Where the data lives: the data folder, or the server URL without its password. */
  readonly location: string;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** postgres://… — a PostgreSQL server. Wins over `dataDir`. */
  url?: string;
  /** The PGlite data folder; "memory://" keeps it in memory (tests). */
  dataDir?: string;
  /** Kysely's log: every statement sent, BEGIN and COMMIT included (tests and benches count them). */
  log?: LogConfig;
}

/** The options the environment gives: DATABASE_URL, else KEHOACH_DATA, else ./data. */
export function storeOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): StoreOptions {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  return { dataDir: env.KEHOACH_DATA ?? resolve("data") };
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres://…";
  }
}

/** Opens the store: `const store = await openStore(storeOptionsFromEnv())`. Migrations are separate. */
export async function openStore(options: StoreOptions): Promise<Store> {
  if (options.url) {
    // JIT off: the application's statements are short, and the planner compiles one whose estimated
    // cost passes jit_above_cost (a rollup's correlated sums do, on stale statistics) for 15–450 ms
    // each time it runs: the rollup a report submission keeps took 440 ms, 2 ms without. A URL's own
    // `options` wins over this one.
    const pool = new pg.Pool({ connectionString: options.url, max: 10, options: "-c jit=off" });
    // An idle connection the server closes (restart, "terminating connection due to administrator
    // command") must not bring the process down: the pool replaces it on the next query.
    pool.on("error", (error: Error & { code?: string }) => {
      if (error.code !== "57P01") process.emitWarning(`PostgreSQL: ${error.message}`);
    });
    // DATE columns come back as the "YYYY-MM-DD" text they are, not as a local-time Date.
    pg.types.setTypeParser(1082, (v: string) => v);
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool }),
      ...(options.log ? { log: options.log } : {}),
    });
    return { db, kind: "postgres", location: redact(options.url), close: () => db.destroy() };
  }
  const dataDir = options.dataDir ?? resolve("data");
  if (!dataDir.startsWith("memory://")) {
    // The folder holds every plan, report and account: its owner alone may enter it.
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    chmodSync(dataDir, 0o700);
  }
  const pglite = await PGlite.create(dataDir, {
    extensions: { unaccent, pg_trgm, ltree },
    // DATE as text, like the server connection above.
    parsers: { 1082: (v: string) => v },
  });
  const db = new Kysely<Database>({
    dialect: new PGliteDialect({ pglite }),
    ...(options.log ? { log: options.log } : {}),
  });
  return { db, kind: "pglite", location: dataDir, close: () => db.destroy() };
}
