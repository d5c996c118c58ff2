// Opening the store for a CLI command: from the environment, locked when embedded, migrated.

import { mkdirSync } from "node:fs";
import { openStore, type Store, storeOptionsFromEnv } from "../db/connection.js";
import { lockDataDir } from "../db/data-lock.js";
import { migrateToLatest } from "../db/migrate.js";
import { type Clock, systemClock, zonedSystemClock } from "../domain/clock.js";
import { DomainError } from "../domain/errors.js";
import { inProcessReader } from "../intake/in-process-reader.js";
import type { PlanReader, ServiceContext } from "../services/context.js";

/**
 * `const store = await openCliStore(); try { … } finally { await store.close(); }`. `migrate: false`
 * leaves the schema as it is (a backup copies the store as it stands; a restore rebuilds it).
 */
export async function openCliStore(
  env: NodeJS.ProcessEnv = process.env,
  open: { migrate?: boolean } = {},
): Promise<Store> {
  const options = storeOptionsFromEnv(env);
  const release =
    options.dataDir && !options.dataDir.startsWith("memory://")
      ? lockDataDir(ensureDir(options.dataDir))
      : () => {};
  let store: Store;
  try {
    store = await openStore(options);
  } catch (error) {
    release();
    throw new DomainError(
      "store.unavailable",
      `Không mở được cơ sở dữ liệu: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const report = open.migrate === false ? { error: null } : await migrateToLatest(store.db);
  if (report.error) {
    await store.close();
    release();
    throw new DomainError(
      "store.migration_failed",
      `Cập nhật cấu trúc cơ sở dữ liệu thất bại: ${report.error}`,
    );
  }
  return {
    ...store,
    close: async () => {
      await store.close();
      release();
    },
  };
}

/** What the services are given from the command line: this store, the machine's clock, a reader. */
export function cliContext(store: Store, reader: PlanReader = inProcessReader): ServiceContext {
  return { db: store.db, clock: installationClock(), reader };
}

/** The machine's clock, counting days in KEHOACH_TIME_ZONE (default Vietnam's). */
export function installationClock(env: NodeJS.ProcessEnv = process.env): Clock {
  return env.KEHOACH_TIME_ZONE ? zonedSystemClock(env.KEHOACH_TIME_ZONE) : systemClock;
}

function ensureDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}
