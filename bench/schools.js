// A bench database's units: the sample directory, and `count` schools right under its Sở, coded
// `${prefix}1` … — what the overview and the reminders figures build their province on.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "kysely";
import { migrateToLatest } from "../dist/db/migrate.js";
import { fixedClock } from "../dist/domain/clock.js";
import { inProcessReader } from "../dist/intake/in-process-reader.js";
import { importDirectory } from "../dist/services/units.service.js";

const root = join(import.meta.dirname, "..");

/** Migrates `db`, loads the sample directory as of `at`, adds the schools; returns the Sở's id and path. */
export async function schoolsUnderSo(db, { at, prefix, count }) {
  await migrateToLatest(db);
  const ctx = { db, clock: fixedClock(at), reader: inProcessReader };
  await importDirectory(ctx, null, readFileSync(join(root, "examples", "don-vi-mau.csv"), "utf8"));
  const sgd = await db
    .selectFrom("unit")
    .select(["id", sql`path::text`.as("path")])
    .where("code", "=", "SGDDT")
    .executeTakeFirstOrThrow();
  await sql`
    insert into unit (code, name, kind, parent_id, path)
    select ${prefix} || g, 'Trường thử ' || g, 'school', ${sgd.id}, '0' from generate_series(1, ${count}) g`.execute(
    db,
  );
  await sql`update unit set path = (${sgd.path} || '.' || id)::ltree where code like ${`${prefix}%`}`.execute(
    db,
  );
  return sgd;
}
