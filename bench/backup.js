// Backup and restore of a sizeable store (issue 13, item 5): 32 plan documents of 2 MB of random
// bytes (files gzip cannot shrink) and 200,000 audit events (rows with JSON, the many-small-rows
// case); the time to write the backup file (`kehoach backup`'s path: a partial file, flushed,
// renamed) and to restore it into a new store, in MB/s of file and rows/s. On PGlite, and on
// PostgreSQL beside it when DATABASE_URL is set. Part of `npm run bench`; alone: `node bench/backup.js`.
// BENCH_BACKUP_EVENTS sets the number of audit events.

import { createHash, randomBytes } from "node:crypto";
import { createReadStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import { writeAtomically } from "../dist/cli/backup-file.js";
import { openStore } from "../dist/db/connection.js";
import { migrateToLatest } from "../dist/db/migrate.js";
import { systemClock } from "../dist/domain/clock.js";
import { restoreBackup, writeBackup } from "../dist/services/backup.service.js";
import { openFreshPostgres } from "../dist/testing/fresh-postgres.js";

const DOCUMENTS = 32;
const DOCUMENT_BYTES = 2 * 1024 * 1024;
const EVENTS = Number(process.env.BENCH_BACKUP_EVENTS ?? 200_000);

async function fill(db) {
  for (let i = 0; i < DOCUMENTS; i++) {
    const content = randomBytes(DOCUMENT_BYTES);
    await sql`insert into document (sha256, file_name, media_type, size_bytes, content, text)
      values (${createHash("sha256").update(content).digest("hex")}, ${`van-ban-${i}.pdf`}, 'application/pdf',
              ${DOCUMENT_BYTES}, decode(${content.toString("hex")}, 'hex'), ${`Văn bản số ${i}`})`.execute(
      db,
    );
  }
  await sql`
    insert into audit_event (at, actor_id, actor_login, action, object_type, object_id, before, after)
    select timestamptz '2026-01-01' + make_interval(secs => g), g % 50, 'vanthu', 'plan.publish', 'plan', g::text,
           jsonb_build_object('status', 'draft', 'version', g % 7),
           jsonb_build_object('status', 'published', 'title', 'Kế hoạch số ' || g || '/KH-SGDĐT')
    from generate_series(1, ${EVENTS}) g`.execute(db);
}

async function measure(name, source, openTarget) {
  const dir = mkdtempSync(join(tmpdir(), "kehoach-bench-backup-"));
  const file = join(dir, "kehoach.backup");
  const rows = DOCUMENTS + EVENTS;
  try {
    const ctx = { db: source.db, clock: systemClock };
    let t0 = performance.now();
    const { bytes } = await writeAtomically(file, (out) => writeBackup(ctx, source.kind, out));
    const backupSeconds = (performance.now() - t0) / 1000;
    const target = await openTarget();
    try {
      t0 = performance.now();
      await restoreBackup({ db: target.db, clock: systemClock }, () => createReadStream(file), {
        replace: false,
      });
      const restoreSeconds = (performance.now() - t0) / 1000;
      const mb = bytes / 1048576;
      console.log(
        `  ${name}: file ${mb.toFixed(1)} MB; backup ${backupSeconds.toFixed(1)} s (${(mb / backupSeconds).toFixed(1)} MB/s, ${(rows / backupSeconds).toFixed(0)} rows/s); restore ${restoreSeconds.toFixed(1)} s (${(mb / restoreSeconds).toFixed(1)} MB/s, ${(rows / restoreSeconds).toFixed(0)} rows/s, file read twice: checked, then loaded)`,
      );
    } finally {
      await target.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchBackup() {
  console.log(
    `backup and restore: ${DOCUMENTS} documents of ${DOCUMENT_BYTES / 1048576} MB, ${EVENTS.toLocaleString("en")} audit events`,
  );
  const dir = mkdtempSync(join(tmpdir(), "kehoach-bench-backup-data-"));
  const pglite = await openStore({ dataDir: join(dir, "source") });
  try {
    await migrateToLatest(pglite.db);
    await fill(pglite.db);
    await measure("PGlite → PGlite", pglite, () => openStore({ dataDir: join(dir, "target") }));
  } finally {
    await pglite.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL;
    const server = await openFreshPostgres(url, "kehoach_bench_backup");
    try {
      await migrateToLatest(server.db);
      await fill(server.db);
      await measure("PostgreSQL → PostgreSQL", server, () => openFreshPostgres(url, "kehoach_bench_backup"));
    } finally {
      await server.close();
    }
  } else console.log("  PostgreSQL: not measured (set DATABASE_URL=postgres://… to measure it)");
}

if (import.meta.url === `file://${process.argv[1]}`) await benchBackup();
