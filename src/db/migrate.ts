// Migrations run on start. They are listed here in order (no folder scan, so the build needs no
// file-system tricks), and the result is reported rather than thrown halfway.

import type { Kysely } from "kysely";
import { type MigrationResultSet, Migrator } from "kysely/migration";
import * as units from "./migrations/0001-units.js";
import * as plans from "./migrations/0002-plans.js";
import * as accounts from "./migrations/0003-accounts.js";
import * as reports from "./migrations/0004-reports.js";
import * as tally from "./migrations/0005-progress-tally.js";
import * as regime from "./migrations/0006-report-regime.js";
import * as reportingIndex from "./migrations/0007-reporting-index.js";
import * as trust from "./migrations/0008-trust.js";
import * as taskEdits from "./migrations/0009-task-edits.js";
import * as dutyWork from "./migrations/0010-duty-work.js";
import * as staff from "./migrations/0011-staff.js";
import * as importJobs from "./migrations/0012-import-jobs.js";
import * as amendments from "./migrations/0013-amendments.js";
import * as notifications from "./migrations/0014-notifications.js";
import * as extensions from "./migrations/0015-extensions.js";
import * as periodLocks from "./migrations/0016-period-locks.js";
import * as calendarTokens from "./migrations/0017-calendar-tokens.js";
import * as schedulerOutbox from "./migrations/0018-scheduler-outbox.js";
import * as workWarnings from "./migrations/0019-work-warnings.js";
import * as holidays from "./migrations/0020-holidays.js";
import * as summaryReports from "./migrations/0021-summary-reports.js";
import * as implementingPlans from "./migrations/0022-implementing-plans.js";
import * as keptRollups from "./migrations/0024-kept-rollups.js";
import * as planNumberKey from "./migrations/0025-plan-number-key.js";
import * as documentRestoration from "./migrations/0026-document-restoration.js";
import * as deadlineUnit from "./migrations/0027-deadline-unit.js";
import * as directoryVersion from "./migrations/0028-directory-version.js";
import type { Database } from "./schema.js";

const MIGRATIONS = {
  "0001-units": units,
  "0002-plans": plans,
  "0003-accounts": accounts,
  "0004-reports": reports,
  "0005-progress-tally": tally,
  "0006-report-regime": regime,
  "0007-reporting-index": reportingIndex,
  "0008-trust": trust,
  "0009-task-edits": taskEdits,
  "0010-duty-work": dutyWork,
  "0011-staff": staff,
  "0012-import-jobs": importJobs,
  "0013-amendments": amendments,
  "0014-notifications": notifications,
  "0015-extensions": extensions,
  "0016-period-locks": periodLocks,
  "0017-calendar-tokens": calendarTokens,
  "0018-scheduler-outbox": schedulerOutbox,
  "0019-work-warnings": workWarnings,
  "0020-holidays": holidays,
  "0021-summary-reports": summaryReports,
  "0022-implementing-plans": implementingPlans,
  "0024-kept-rollups": keptRollups,
  "0025-plan-number-key": planNumberKey,
  "0026-document-restoration": documentRestoration,
  "0027-deadline-unit": deadlineUnit,
  "0028-directory-version": directoryVersion,
};

export interface MigrationReport {
  applied: string[];
  error: string | null;
}

/** The table that records which migrations have run (a backup names its level by its rows). */
export const MIGRATION_TABLE = "kehoach_migration";
export const MIGRATION_LOCK_TABLE = "kehoach_migration_lock";

/** The migrations this version knows, in the order they run. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS).sort();

function migrator(db: Kysely<Database>): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
  });
}

function report(result: MigrationResultSet): MigrationReport {
  return {
    applied: (result.results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName),
    error: result.error ? String(result.error instanceof Error ? result.error.message : result.error) : null,
  };
}

/** Brings the schema up to date: `await migrateToLatest(store.db)`. */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationReport> {
  return report(await migrator(db).migrateToLatest());
}

/**
 * Brings the schema to one named migration, as a restore rebuilds a backup's level before loading
 * it: `await migrateTo(trx, "0022-implementing-plans")`. Given a transaction, it runs inside it.
 */
export async function migrateTo(db: Kysely<Database>, name: string): Promise<MigrationReport> {
  return report(await migrator(db).migrateTo(name));
}
