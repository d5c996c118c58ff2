// Reading a whole store for a backup: one read-only snapshot (a server that keeps serving while the
// backup runs gives a copy of one instant, every table at the same point), each table read in pages
// along its primary key, so memory holds one page whatever the table's size. A row comes out as
// the JSON PostgreSQL writes for it (the same text from PGlite and from a server, so a backup moves
// between the two); binary columns come out apart, as bytes, not inflated inside the JSON.

import { type RawBuilder, sql, type Transaction } from "kysely";
import { isBlob, type TableShape } from "./backup-catalog.js";
import type { Database, Db } from "./schema.js";

/** One page of a table: its rows as a JSON array of objects, and per row the binary columns' bytes. */
export interface RowPage {
  count: number;
  /** `[{"id":1,"code":"SGDDT",…},…]`, without the binary columns. */
  rows: string;
  /** Per row, per binary column of the table (in column order), its bytes or null. */
  blobs: Array<Array<Buffer | null>>;
}

export interface PageLimits {
  /** Rows per page at most. */
  rows: number;
  /** Bytes of large values (files, long texts, JSON documents) per page at most; one row always fits. */
  bytes: number;
}

export const DEFAULT_PAGE_LIMITS: PageLimits = { rows: 1000, bytes: 8 * 1024 * 1024 };

/**
 * Runs `work` over one consistent, read-only snapshot of the store. Times are written in UTC so a
 * backup reads the same whichever zone the server is set to.
 */
export function inSnapshot<T>(db: Db, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db
    .transaction()
    .setIsolationLevel("repeatable read")
    .setAccessMode("read only")
    .execute(async (trx) => {
      await sql`set local timezone = 'UTC'`.execute(trx);
      return work(trx);
    });
}

// Tables with files or JSON documents are cut by size as well as by rows: a page of a thousand 20 MB
// files, or of a thousand 20,000-task plans, would not fit in memory. Other tables (short texts,
// numbers, dates) are cut by rows alone, without asking for sizes.
const SIZED = /^(bytea|jsonb?)$/;

function sizeOf(table: TableShape): RawBuilder<unknown> | null {
  if (!table.columns.some((c) => SIZED.test(c.type))) return null;
  // Lengths as stored, read without reading the values themselves.
  return sql.join(
    table.columns
      .filter((c) => SIZED.test(c.type) || c.type === "text")
      .map((c) =>
        c.type === "bytea" || c.type === "text"
          ? sql`coalesce(octet_length(t.${sql.id(c.name)}), 0)`
          : sql`coalesce(pg_column_size(t.${sql.id(c.name)}), 0)`,
      ),
    sql` + `,
  );
}

function keyOf(table: TableShape): { exprs: RawBuilder<unknown>[]; types: string[] } {
  // A table without a primary key is paged by its rows' places, which hold still within the snapshot.
  if (!table.key.length) return { exprs: [sql`t.ctid`], types: ["tid"] };
  return {
    exprs: table.key.map((k) => sql`t.${sql.id(k)}`),
    types: table.key.map((k) => table.columns.find((c) => c.name === k)?.type ?? "text"),
  };
}

/** A table's rows in key order, a page at a time: `for await (const page of tablePages(trx, t))`. */
export async function* tablePages(
  trx: Transaction<Database>,
  table: TableShape,
  limits: PageLimits = DEFAULT_PAGE_LIMITS,
): AsyncGenerator<RowPage> {
  const key = keyOf(table);
  const plain = table.columns.filter((c) => !isBlob(c));
  const blobs = table.columns.filter(isBlob);
  const size = sizeOf(table);
  const from = sql`from ${sql.id(table.name)} t`;
  const order = sql`order by ${sql.join(key.exprs)}`;
  let after: string[] | null = null;
  for (;;) {
    const where: RawBuilder<unknown> = after
      ? sql`where (${sql.join(key.exprs)}) > (${sql.join(
          after.map((v, i) => sql`${v}::${sql.raw(key.types[i] ?? "text")}`),
        )})`
      : sql``;
    let limit = limits.rows;
    if (size) {
      const sizes = await sql<{ n: string }>`select (${size})::text as n ${from} ${where} ${order}
        limit ${limits.rows}`.execute(trx);
      let total = 0;
      limit = 0;
      for (const s of sizes.rows) {
        total += Number(s.n);
        if (limit > 0 && total > limits.bytes) break;
        limit++;
      }
      if (!limit) return;
    }
    const r: { rows: Array<Record<string, string | null>> } = await sql<Record<string, string | null>>`
      select (select row_to_json(r) from (select ${sql.join(plain.map((c) => sql`t.${sql.id(c.name)}`))}) r)::text
               as "j",
             ${sql.join(key.exprs.map((e, i) => sql`${e}::text as ${sql.id(`k${i}`)}`))}
             ${sql.join(
               blobs.map((c, i) => sql`, encode(t.${sql.id(c.name)}, 'hex') as ${sql.id(`b${i}`)}`),
               sql``,
             )}
      ${from} ${where} ${order} limit ${limit}`.execute(trx);
    const rows = r.rows;
    const last = rows.at(-1);
    if (!last) return;
    yield {
      count: rows.length,
      rows: `[${rows.map((row) => row.j).join(",")}]`,
      // Hex, not the drivers' byte arrays: PGlite hands bytes over one at a time, Buffer decodes hex natively.
      blobs: blobs.length
        ? rows.map((row) =>
            blobs.map((_, i) => {
              const hex = row[`b${i}`];
              return hex == null ? null : Buffer.from(hex, "hex");
            }),
          )
        : [],
    };
    if (rows.length < limit) return;
    after = key.exprs.map((_, i) => last[`k${i}`] ?? "");
  }
}
