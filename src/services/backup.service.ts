// Backing a store up to one portable file and restoring it: the whole store as it was at one
// instant (every table's rows, uploaded plan documents and report attachments included, accounts
// included; sessions left out: people sign in again), gzip-compressed in the kehoach-backup format
// (backup-format.ts). The same file restores into the embedded store or into PostgreSQL, which is
// how a department moves from one to the other.

import { once } from "node:events";
import type { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import {
  appliedMigrations,
  countRows,
  LEFT_OUT,
  listTables,
  sequencePositions,
} from "../db/backup-catalog.js";
import { restoreStore } from "../db/backup-load.js";
import { inSnapshot, type PageLimits, tablePages } from "../db/backup-read.js";
import type { DatabaseKind } from "../db/connection.js";
import { MIGRATION_NAMES } from "../db/migrate.js";
import { DomainError } from "../domain/errors.js";
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupHeader,
  BackupWriter,
  type OpenedBackup,
  openBackup,
} from "./backup-format.js";
import type { ServiceContext } from "./context.js";

export interface BackupSummary {
  tables: number;
  rows: number;
  createdAt: string;
  /** The migration level of the schema backed up. */
  level: string | null;
}

export interface RestoreSummary extends BackupSummary {
  /** The database the backup was made from. */
  source: DatabaseKind;
  /** Migrations run after loading, when the backup came from an older version. */
  upgradedBy: string[];
}

/**
 * Writes a backup of the store to `destination`, gzip-compressed, and ends it:
 * `await writeBackup(ctx, store.kind, createWriteStream("kehoach.backup"))`.
 */
export async function writeBackup(
  ctx: ServiceContext,
  source: DatabaseKind,
  destination: Writable,
  options: { pageLimits?: PageLimits; level?: number } = {},
): Promise<BackupSummary> {
  // Files are mostly compressed already (PDF, DOCX); a low level keeps the JSON small at little cost.
  const gzip = createGzip({ level: options.level ?? 3 });
  const piping = pipeline(gzip, destination);
  // A failed destination fails the writing at once rather than leaving it waiting for room.
  piping.catch(() => {});
  const sink = async (chunk: Buffer) => {
    if (!gzip.write(chunk)) await Promise.race([once(gzip, "drain"), piping]);
  };
  const createdAt = ctx.clock.now().toISOString();
  try {
    const summary = await inSnapshot(ctx.db, async (trx) => {
      const tables = (await listTables(trx)).filter((t) => !LEFT_OUT.includes(t.name));
      const counted = [];
      for (const t of tables) counted.push({ ...t, rows: await countRows(trx, t.name) });
      const migrations = await appliedMigrations(trx);
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt,
        source,
        migrations,
        tables: counted,
        sequences: (await sequencePositions(trx)).filter((s) => !LEFT_OUT.includes(s.table)),
        leftOut: [...LEFT_OUT],
      };
      const writer = new BackupWriter(sink);
      await writer.header(header);
      for (const t of counted) {
        await writer.tableStart(t.name);
        for await (const page of tablePages(trx, t, options.pageLimits)) await writer.page(page);
        await writer.tableEnd(t.name, t.rows);
      }
      const written = await writer.end();
      return { ...written, createdAt, level: migrations.at(-1) ?? null };
    });
    gzip.end();
    await piping;
    return summary;
  } catch (error) {
    gzip.destroy();
    throw error;
  }
}

/**
 * Restores the backup `open` reads into the store, in one transaction: `await restoreBackup(ctx,
 * () => createReadStream(file), { replace: false })`. The file is read through once to check it
 * whole (so a cut or altered file is refused before the store is touched), then again to load it.
 * Refuses a store holding data unless `replace`, a file that is not a whole kehoach backup, and a
 * backup from a newer version; the store is left as it was when it refuses or fails.
 */
export async function restoreBackup(
  ctx: ServiceContext,
  open: () => Readable,
  options: { replace: boolean },
): Promise<RestoreSummary> {
  await readBackup(open, async (backup) => {
    checkLevel(backup.header.migrations);
    for await (const table of backup.tables()) for await (const _ of table.pages);
  });
  return readBackup(open, async ({ header, tables }) => {
    try {
      const outcome = await restoreStore(ctx.db, header, tables(), options);
      return {
        tables: outcome.tables,
        rows: outcome.rows,
        createdAt: header.createdAt,
        level: header.migrations.at(-1) ?? null,
        source: header.source,
        upgradedBy: outcome.upgradedBy,
      };
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw new DomainError(
        "restore.failed",
        `Khôi phục thất bại, cơ sở dữ liệu giữ nguyên như trước: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  });
}

async function readBackup<T>(open: () => Readable, read: (backup: OpenedBackup) => Promise<T>): Promise<T> {
  const source = open();
  const gunzip = createGunzip();
  source.on("error", (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  try {
    return await read(await openBackup(gunzip));
  } finally {
    source.destroy();
    gunzip.destroy();
  }
}

/** A backup restores at its own level, which must be one this version passed through. */
function checkLevel(migrations: string[]): void {
  const latest = MIGRATION_NAMES.at(-1) ?? "(không có)";
  const level = migrations.at(-1) ?? "(trống)";
  const unknown = migrations.filter((m) => !MIGRATION_NAMES.includes(m));
  if (unknown.length)
    throw new DomainError(
      "backup.newer_version",
      `Bản sao lưu có cấu trúc mức ${level}, mới hơn bản kehoach này (mức ${latest}; không biết ${unknown.join(", ")}): hãy cập nhật kehoach rồi khôi phục.`,
    );
  if (migrations.some((m, i) => MIGRATION_NAMES[i] !== m))
    throw new DomainError(
      "backup.mismatch",
      `Bản sao lưu có cấu trúc mức ${level} nhưng thiếu bước ${MIGRATION_NAMES.filter((m) => m <= level && !migrations.includes(m)).join(", ")}: không khôi phục được bằng bản kehoach này (mức ${latest}).`,
    );
}
