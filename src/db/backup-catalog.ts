// What a backup holds, read from the database's own catalog rather than from a list kept by hand:
// every table of the store's schema with its columns and primary key, the sequences behind identity
// columns, and the migrations that made the schema. A table a later migration adds is backed up
// and restored without this file changing.

import { sql } from "kysely";
import { MIGRATION_LOCK_TABLE, MIGRATION_TABLE } from "./migrate.js";
import type { Db } from "./schema.js";

export interface ColumnShape {
  name: string;
  /** The column's type as PostgreSQL writes it ("bigint", "text[]", "ltree"). */
  type: string;
}

export interface TableShape {
  name: string;
  /** Every stored column in order; a generated column is left out (the database computes it again). */
  columns: ColumnShape[];
  /** The primary key's columns in order; empty: the table has none (it is paged by ctid). */
  key: string[];
}

/** Where an identity column's sequence stood: `last` null when it never gave a value. */
export interface SequencePosition {
  table: string;
  column: string;
  last: string | null;
}

/**
 * Tables a backup leaves out: sessions (a restored instance signs everyone in again: a session is a
 * login on one server, not data) and the migrations' bookkeeping (a backup names its level instead).
 */
export const LEFT_OUT: readonly string[] = ["app_session", MIGRATION_TABLE, MIGRATION_LOCK_TABLE];

/**
 * Tables whose rows the migrations write themselves (0005 starts tally_clock, 0028 the directory's
 * version): a store holding only these holds no data of its own yet.
 */
const SEEDED_BY_MIGRATIONS: readonly string[] = ["tally_clock", "directory_version"];

// Objects of the store's schema that no extension installed (ltree, pg_trgm, unaccent keep theirs).
const OWN = sql`not exists (select 1 from pg_depend d
  where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')`;

export const isBlob = (c: ColumnShape) => c.type === "bytea";

/** The schema's tables with their columns and keys, by name: `await listTables(trx)`. */
export async function listTables(db: Db): Promise<TableShape[]> {
  const r = await sql<{ name: string; columns: ColumnShape[] | null; key: string[] | null }>`
    select c.relname as name,
      (select json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod))
                       order by a.attnum)
         from pg_attribute a
        where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = '') as columns,
      (select json_agg(a.attname order by k.n)
         from pg_index i
         cross join unnest(i.indkey) with ordinality as k(attnum, n)
         join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
        where i.indrelid = c.oid and i.indisprimary) as key
    from pg_class c
    where c.relkind = 'r' and c.relnamespace = current_schema()::regnamespace and ${OWN}
    order by c.relname`.execute(db);
  return r.rows.map((t) => ({ name: t.name, columns: t.columns ?? [], key: t.key ?? [] }));
}

/** The migrations that have run, by name; none when the store was never migrated. */
export async function appliedMigrations(db: Db): Promise<string[]> {
  const exists = await sql<{ t: string | null }>`select to_regclass(${MIGRATION_TABLE})::text as t`.execute(
    db,
  );
  if (!exists.rows[0]?.t) return [];
  const r = await sql<{ name: string }>`select name from ${sql.id(MIGRATION_TABLE)} order by name`.execute(
    db,
  );
  return r.rows.map((m) => m.name);
}

/** Where each identity (or serial) column's sequence stands. */
export async function sequencePositions(db: Db): Promise<SequencePosition[]> {
  const r = await sql<SequencePosition>`
    select s.table, s.column, pg_sequence_last_value(s.seq::regclass)::text as last
    from (select c.relname as table, a.attname as column,
                 pg_get_serial_sequence(quote_ident(c.relname), a.attname) as seq
          from pg_class c
          join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
          where c.relkind = 'r' and c.relnamespace = current_schema()::regnamespace and ${OWN}) s
    where s.seq is not null
    order by s.table, s.column`.execute(db);
  return r.rows;
}

/** Rows in a table: `await countRows(trx, "unit")`. */
export async function countRows(db: Db, table: string): Promise<number> {
  const r = await sql<{ n: string }>`select count(*)::text as n from ${sql.id(table)}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** The tables holding rows of their own (not only what the migrations wrote): empty for a new store. */
export async function tablesHoldingData(db: Db): Promise<string[]> {
  const tables = (await listTables(db))
    .map((t) => t.name)
    .filter((name) => !LEFT_OUT.includes(name) && !SEEDED_BY_MIGRATIONS.includes(name));
  if (!tables.length) return [];
  const r = await sql<{ name: string }>`
    select x.name from (${sql.join(
      tables.map((t) => sql`select ${t}::text as name, exists (select 1 from ${sql.id(t)}) as held`),
      sql` union all `,
    )}) x where x.held order by x.name`.execute(db);
  return r.rows.map((t) => t.name);
}
