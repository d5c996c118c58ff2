// Loading a backup into a store, whole or not at all: in one transaction the store's schema is
// emptied, rebuilt by the migrations up to the backup's level, filled table by table, checked,
// and brought up to this version's level. Anything that fails on the way (a truncated file found at
// its end, a row the database refuses) rolls all of it back: the store is as it was.

import { type Kysely, sql, type Transaction } from "kysely";
import { DomainError } from "../domain/errors.js";
import {
  isBlob,
  LEFT_OUT,
  listTables,
  type SequencePosition,
  type TableShape,
  tablesHoldingData,
} from "./backup-catalog.js";
import type { RowPage } from "./backup-read.js";
import { MIGRATION_LOCK_TABLE, MIGRATION_TABLE, migrateTo, migrateToLatest } from "./migrate.js";
import type { Database } from "./schema.js";

export interface RestorePlan {
  /** The migrations the backup's schema was at, in order; the store is rebuilt to the last of them. */
  migrations: string[];
  tables: Array<TableShape & { rows: number }>;
  sequences: SequencePosition[];
}

export interface TableContent {
  name: string;
  pages: AsyncIterable<RowPage>;
}

export interface RestoreOutcome {
  tables: number;
  rows: number;
  /** Migrations run after loading, to bring a backup of an older version up to this one. */
  upgradedBy: string[];
}

type Trx = Transaction<Database>;

const OWN = (klass: string, oid: ReturnType<typeof sql.raw>) => sql`not exists (select 1 from pg_depend d
  where d.classid = ${klass}::regclass and d.objid = ${oid} and d.deptype = 'e')`;

/**
 * Restores `contents` (tables in the plan's order) into the store: `await restoreStore(db, plan,
 * contents, { replace })`. Refuses a store holding data unless `replace`.
 */
export async function restoreStore(
  db: Kysely<Database>,
  plan: RestorePlan,
  contents: AsyncIterable<TableContent>,
  options: { replace: boolean },
): Promise<RestoreOutcome> {
  return db.transaction().execute(async (trx) => {
    await sql`set local timezone = 'UTC'`.execute(trx);
    await refuseUnlessEmpty(trx, options.replace);
    await dropSchemaObjects(trx);
    const level = plan.migrations.at(-1);
    if (level) await migrateOrFail(() => migrateTo(trx, level));
    const shapes = new Map((await listTables(trx)).map((t) => [t.name, t]));
    for (const t of plan.tables) checkShape(t, shapes.get(t.name), level);

    const targets = [...shapes.keys()].filter((t) => t !== MIGRATION_TABLE && t !== MIGRATION_LOCK_TABLE);
    // Triggers are the application's reactions to its own writes (audit_event refuses changes):
    // a restore writes what those reactions already produced.
    for (const t of targets) await sql`alter table ${sql.id(t)} disable trigger user`.execute(trx);
    // What the migrations wrote while building the schema gives way to what the backup holds.
    if (targets.length) await sql`truncate table ${sql.join(targets.map((t) => sql.id(t)))}`.execute(trx);
    // Foreign keys are set aside while loading (a unit names the unit that replaced it, made later)
    // and put back after, checked against every row then.
    const keys = await foreignKeys(trx);
    for (const k of keys)
      await sql`alter table ${sql.raw(k.table)} drop constraint ${sql.id(k.name)}`.execute(trx);

    let rows = 0;
    let index = 0;
    for await (const content of contents) {
      const expected = plan.tables[index++];
      if (content.name !== expected?.name)
        throw new DomainError(
          "backup.corrupt",
          `Tệp sao lưu bị hỏng: bảng ${content.name} không đúng thứ tự.`,
        );
      const loaded = await loadTable(trx, expected, content.pages);
      if (loaded !== expected.rows)
        throw new DomainError(
          "backup.corrupt",
          `Tệp sao lưu bị hỏng: bảng ${expected.name} có ${loaded} dòng, phần đầu tệp ghi ${expected.rows}.`,
        );
      rows += loaded;
    }
    if (index !== plan.tables.length)
      throw new DomainError("backup.corrupt", "Tệp sao lưu bị hỏng: thiếu bảng so với phần đầu tệp.");

    for (const k of keys)
      await sql`alter table ${sql.raw(k.table)} add constraint ${sql.id(k.name)} ${sql.raw(k.def)}`.execute(
        trx,
      );
    for (const t of targets) await sql`alter table ${sql.id(t)} enable trigger user`.execute(trx);
    for (const s of plan.sequences)
      if (shapes.get(s.table)?.columns.some((c) => c.name === s.column)) await placeSequence(trx, s);

    const upgraded = await migrateOrFail(() => migrateToLatest(trx));
    return { tables: plan.tables.length, rows, upgradedBy: upgraded };
  });
}

async function refuseUnlessEmpty(trx: Trx, replace: boolean): Promise<void> {
  const tables = await listTables(trx);
  // A database kehoach did not make (another application's tables) is never emptied by a restore.
  if (tables.length && !tables.some((t) => t.name === MIGRATION_TABLE))
    throw new DomainError(
      "restore.foreign_database",
      `Cơ sở dữ liệu đích có bảng không phải của kehoach (${tables
        .slice(0, 3)
        .map((t) => t.name)
        .join(", ")}…): không khôi phục vào đó. Hãy dùng một cơ sở dữ liệu trống.`,
    );
  if (replace) return;
  const held = await tablesHoldingData(trx);
  if (held.length)
    throw new DomainError(
      "restore.target_not_empty",
      `Cơ sở dữ liệu đích đã có dữ liệu (bảng ${held.slice(0, 4).join(", ")}${held.length > 4 ? "…" : ""}): khôi phục sẽ xóa và thay toàn bộ. Chạy lại với --replace nếu muốn vậy.`,
    );
}

/** Empties the store's schema of everything kehoach made (extensions stay: the migrations reuse them). */
async function dropSchemaObjects(trx: Trx): Promise<void> {
  const relations = await sql<{ name: string; kind: string }>`
    select c.oid::regclass::text as name, c.relkind as kind from pg_class c
    where c.relkind in ('r', 'p', 'v', 'm', 'f', 'S') and c.relnamespace = current_schema()::regnamespace
      and ${OWN("pg_class", sql.raw("c.oid"))}`.execute(trx);
  const drop = {
    v: "view",
    m: "materialized view",
    r: "table",
    p: "table",
    f: "foreign table",
    S: "sequence",
  };
  for (const kind of ["v", "m", "r", "p", "f", "S"] as const)
    for (const r of relations.rows.filter((x) => x.kind === kind))
      await sql`drop ${sql.raw(drop[kind])} if exists ${sql.raw(r.name)} cascade`.execute(trx);
  const routines = await sql<{ name: string }>`
    select p.oid::regprocedure::text as name from pg_proc p
    where p.pronamespace = current_schema()::regnamespace and p.prokind in ('f', 'p')
      and ${OWN("pg_proc", sql.raw("p.oid"))}`.execute(trx);
  for (const r of routines.rows) await sql`drop routine if exists ${sql.raw(r.name)} cascade`.execute(trx);
  const types = await sql<{ name: string; kind: string }>`
    select t.oid::regtype::text as name, t.typtype as kind from pg_type t
    where t.typnamespace = current_schema()::regnamespace and t.typtype in ('e', 'd', 'r', 'c')
      and (t.typtype <> 'c' or exists (select 1 from pg_class c where c.oid = t.typrelid and c.relkind = 'c'))
      and ${OWN("pg_type", sql.raw("t.oid"))}`.execute(trx);
  for (const t of types.rows)
    await sql`drop ${sql.raw(t.kind === "d" ? "domain" : "type")} if exists ${sql.raw(t.name)} cascade`.execute(
      trx,
    );
}

async function migrateOrFail(run: () => Promise<{ applied: string[]; error: string | null }>) {
  const r = await run();
  if (r.error)
    throw new DomainError("restore.migration_failed", `Dựng cấu trúc cơ sở dữ liệu thất bại: ${r.error}`);
  return r.applied;
}

function checkShape(backup: TableShape, target: TableShape | undefined, level: string | undefined): void {
  const missing = target
    ? backup.columns.filter((c) => !target.columns.some((t) => t.name === c.name)).map((c) => c.name)
    : [];
  if (!target || missing.length)
    throw new DomainError(
      "backup.mismatch",
      `Tệp sao lưu không khớp cấu trúc ở mức ${level ?? "(chưa có)"}: ${
        target ? `bảng ${backup.name} không có cột ${missing.join(", ")}` : `không có bảng ${backup.name}`
      }.`,
    );
}

async function foreignKeys(trx: Trx): Promise<Array<{ table: string; name: string; def: string }>> {
  const r = await sql<{ table: string; name: string; def: string }>`
    select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as def
    from pg_constraint where contype = 'f' and connamespace = current_schema()::regnamespace
    order by conrelid::regclass::text, conname`.execute(trx);
  return r.rows;
}

async function loadTable(trx: Trx, table: TableShape, pages: AsyncIterable<RowPage>): Promise<number> {
  if (LEFT_OUT.includes(table.name))
    throw new DomainError("backup.corrupt", `Tệp sao lưu có bảng ${table.name}.`);
  const plain = table.columns.filter((c) => !isBlob(c)).map((c) => sql.id(c.name));
  const blobs = table.columns.filter(isBlob).map((c) => sql.id(c.name));
  const into = sql`insert into ${sql.id(table.name)} (${sql.join([...plain, ...blobs])}) overriding system value`;
  const fields = sql.join([
    ...plain.map((c) => sql`r.${c}`),
    ...blobs.map((_, i) => sql`decode(b.v ->> ${sql.lit(i)}, 'hex')`),
  ]);
  let loaded = 0;
  for await (const page of pages) {
    const r = blobs.length
      ? await sql`${into}
          select ${fields}
          from json_populate_recordset(null::${sql.id(table.name)}, ${page.rows}::json) with ordinality r
          join json_array_elements(${blobsJson(page.blobs)}::json) with ordinality b(v, n) on b.n = r.ordinality`.execute(
          trx,
        )
      : await sql`${into}
          select ${fields} from json_populate_recordset(null::${sql.id(table.name)}, ${page.rows}::json) r`.execute(
          trx,
        );
    if (Number(r.numAffectedRows ?? 0) !== page.count)
      throw new DomainError(
        "backup.corrupt",
        `Tệp sao lưu bị hỏng: một trang của bảng ${table.name} thiếu dòng.`,
      );
    loaded += page.count;
  }
  return loaded;
}

// The bytes go as hex inside one JSON parameter: PGlite writes a byte-array parameter out a byte at
// a time, and Buffer's hex is native.
function blobsJson(rows: Array<Array<Buffer | null>>): string {
  return `[${rows.map((row) => `[${row.map((b) => (b ? `"${b.toString("hex")}"` : "null")).join(",")}]`).join(",")}]`;
}

/** The sequence continues after both where it stood and the highest id restored (a deleted row's id is not given again). */
async function placeSequence(trx: Trx, s: SequencePosition): Promise<void> {
  await sql`
    select setval(x.seq, x.v, true)
    from (select pg_get_serial_sequence(quote_ident(${s.table}), ${s.column}) as seq,
                 greatest(coalesce(${s.last}::bigint, 0),
                          coalesce((select max(${sql.id(s.column)}) from ${sql.id(s.table)}), 0)) as v) x
    where x.seq is not null and x.v > 0`.execute(trx);
}
