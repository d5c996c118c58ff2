// Units and their aliases in the database. Paths are ltree of unit ids ("12.40.41"), rebuilt from
// parent links after every change, so a unit moved under another parent carries its subtree along.

import { sql } from "kysely";
import type { DirectoryUnit, UnitRow } from "../domain/unit.js";
import type { Db } from "./schema.js";

export interface UnitRecord {
  id: string;
  code: string;
}

/** Codes already in the directory, with their ids. */
export async function unitIdsByCode(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const rows = await db
    .selectFrom("unit")
    .select(["id", "code"])
    .where("code", "in", [...codes])
    .execute();
  return new Map(rows.map((r) => [r.code, String(r.id)]));
}

/** Inserts or updates one unit by its code; returns its id and whether it was new. */
export async function upsertUnit(
  db: Db,
  row: UnitRow,
  parentId: string | null,
): Promise<{ id: string; created: boolean }> {
  const values = {
    code: row.code,
    name: row.name,
    short_name: row.short_name,
    kind: row.kind,
    parent_id: parentId,
    active: row.active,
    valid_from: row.valid_from,
    valid_to: row.valid_to,
  };
  const r = await db
    .insertInto("unit")
    .values({ ...values, path: "0" })
    .onConflict((oc) => oc.column("code").doUpdateSet(values))
    .returning(["id", sql<boolean>`(xmax = 0)`.as("created")])
    .executeTakeFirstOrThrow();
  return { id: String(r.id), created: Boolean(r.created) };
}

/** Replaces a unit's abbreviations and aliases. */
export async function replaceAliases(
  db: Db,
  unitId: string,
  abbreviations: string[],
  aliases: string[],
): Promise<void> {
  await db.deleteFrom("unit_alias").where("unit_id", "=", unitId).execute();
  type AliasRow = { unit_id: string; alias: string; kind: "abbreviation" | "alias" };
  const byAlias = new Map<string, AliasRow>();
  for (const a of abbreviations) byAlias.set(a, { unit_id: unitId, alias: a, kind: "abbreviation" });
  for (const a of aliases) if (!byAlias.has(a)) byAlias.set(a, { unit_id: unitId, alias: a, kind: "alias" });
  const rows = [...byAlias.values()];
  if (rows.length) await db.insertInto("unit_alias").values(rows).execute();
}

/** Rebuilds every unit's path from the parent links. */
export async function rebuildPaths(db: Db): Promise<void> {
  await sql`
    with recursive tree as (
      select id, text2ltree(id::text) as path from unit where parent_id is null
      union all
      select u.id, tree.path || text2ltree(u.id::text) from unit u join tree on u.parent_id = tree.id
    )
    update unit set path = tree.path from tree where unit.id = tree.id and unit.path is distinct from tree.path
  `.execute(db);
}

/** The whole directory with aliases, for resolution and export. */
/**
 * The directory's version: it moves, in the changing transaction, with every change to a unit or an
 * alias (migration 0028). Read before the units, a cached directory is known to be current.
 */
export async function directoryVersion(db: Db): Promise<string> {
  const row = await db.selectFrom("directory_version").select("n").executeTakeFirstOrThrow();
  return String(row.n);
}

export async function listUnits(db: Db): Promise<DirectoryUnit[]> {
  const rows = await db
    .selectFrom("unit")
    .leftJoin("unit_alias", "unit_alias.unit_id", "unit.id")
    .select([
      "unit.id",
      "unit.code",
      "unit.name",
      "unit.short_name",
      "unit.kind",
      "unit.parent_id",
      sql<string>`unit.path::text`.as("path"),
      "unit.active",
      "unit.replaced_by",
      "unit.report_regime",
      sql<
        string[]
      >`coalesce(array_agg(unit_alias.alias order by unit_alias.alias) filter (where unit_alias.alias is not null), '{}')`.as(
        "aliases",
      ),
    ])
    .groupBy(["unit.id"])
    .orderBy("unit.path")
    .execute();
  return rows.map((r) => ({
    id: String(r.id),
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    kind: r.kind,
    parentId: r.parent_id === null ? null : String(r.parent_id),
    path: r.path,
    active: r.active,
    aliases: r.aliases,
    replacedBy: r.replaced_by === null ? null : String(r.replaced_by),
    reportRegime: r.report_regime,
  }));
}

/** Sets a unit's default reporting regime (null: inherit, or the default); false when there is no such unit. */
export async function setReportRegime(db: Db, unitId: string, days: string[] | null): Promise<boolean> {
  const r = await db
    .updateTable("unit")
    .set({ report_regime: days })
    .where("id", "=", unitId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Abbreviations and aliases apart, for export. */
export async function aliasesByUnit(
  db: Db,
): Promise<Map<string, { abbreviations: string[]; aliases: string[] }>> {
  const rows = await db
    .selectFrom("unit_alias")
    .select(["unit_id", "alias", "kind"])
    .orderBy("alias")
    .execute();
  const out = new Map<string, { abbreviations: string[]; aliases: string[] }>();
  for (const r of rows) {
    const entry = out.get(String(r.unit_id)) ?? { abbreviations: [], aliases: [] };
    (r.kind === "abbreviation" ? entry.abbreviations : entry.aliases).push(r.alias);
    out.set(String(r.unit_id), entry);
  }
  return out;
}

/** Records which unit took over from another. */
export async function setReplacedBy(db: Db, unitId: string, replacedBy: string | null): Promise<void> {
  await db.updateTable("unit").set({ replaced_by: replacedBy }).where("id", "=", unitId).execute();
}

/** Each unit's validity dates, by id. */
export async function unitValidity(
  db: Db,
): Promise<Map<string, { validFrom: string | null; validTo: string | null }>> {
  const rows = await db.selectFrom("unit").select(["id", "valid_from", "valid_to"]).execute();
  return new Map(rows.map((r) => [String(r.id), { validFrom: r.valid_from, validTo: r.valid_to }]));
}
