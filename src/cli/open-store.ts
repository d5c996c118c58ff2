// Opening the store for a CLI command: from the environment, locked when embedded, migrated.

import { mkdirSync } from "node:fs";
import { openStore, type Store, storeOptionsFromEnv } from "../db/connection.js";
import { lockDataDir } from "../db/data-lock.js";
import { migrateToLatest } from "../db/migrate.js";
import { DomainError } from "../domain/errors.js";

/** `const store = await openCliStore(); try { … } finally { await store.close(); }` */
export async function openCliStore(env: NodeJS.ProcessEnv = process.env): Promise<Store> {
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
  const report = await migrateToLatest(store.db);
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

function ensureDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}
