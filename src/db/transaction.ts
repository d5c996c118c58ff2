// Units of work: what a use case writes happens whole or not at all. Services start one here
// instead of reaching for the query builder themselves.

import type { Kysely, Transaction } from "kysely";
import type { Database } from "./schema.js";

/** `await inTransaction(db, async (trx) => { await writeA(trx); await writeB(trx); })` */
export function inTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(work);
}

/** True for PostgreSQL's "unique violation" (two writers raced for the same key). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "23505";
}
