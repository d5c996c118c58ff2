// The unit directory: read by everyone signed in (pickers, names, suggestions), changed by
// administrators (CSV import, a unit's reporting regime). An import is checked whole first (every
// row, every parent, no cycles) and written in one transaction: a file with one bad row changes nothing.

import { parse } from "csv-parse/sync";
import { inTransaction } from "../db/transaction.js";
import {
  aliasesByUnit,
  listUnits,
  rebuildPaths,
  replaceAliases,
  setReplacedBy,
  setReportRegime,
  unitIdsByCode,
  unitValidity,
  upsertUnit,
} from "../db/units.repository.js";
import { DomainError } from "../domain/errors.js";
import { readRegime } from "../domain/reporting-periods.js";
import { type DirectoryUnit, UNIT_CSV_COLUMNS, type UnitRow, UnitRowSchema } from "../domain/unit.js";
import { unitsCsv } from "../render/units-csv.js";
import { type Author, audit } from "./audit.js";
import type { ServiceContext } from "./context.js";
import { type Actor, ensureAllowed, ensureFound, may } from "./policies.js";
import { createResolver, type Resolution } from "./resolve-units.js";

export interface UnitImportReport {
  created: number;
  updated: number;
}

type Problem = { line: number; field?: string; reason: string };

function readRows(csv: string): { rows: Array<{ line: number; row: UnitRow }>; problems: Problem[] } {
  let records: Record<string, string>[];
  try {
    records = parse(csv, {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      bom: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    throw new DomainError(
      "unit.csv_unreadable",
      `Không đọc được tệp CSV: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const first = records[0];
  const missing = ["code", "name", "kind"].filter((c) => first && !(c in first));
  if (!records.length) throw new DomainError("unit.csv_empty", "Tệp CSV không có dòng đơn vị nào.");
  if (missing.length)
    throw new DomainError(
      "unit.csv_columns",
      `Tệp CSV thiếu cột: ${missing.join(", ")} (cần: ${UNIT_CSV_COLUMNS.join(",")}).`,
    );
  const rows: Array<{ line: number; row: UnitRow }> = [];
  const problems: Problem[] = [];
  records.forEach((record, i) => {
    const line = i + 2; // the header is line 1
    const parsed = UnitRowSchema.safeParse(record);
    if (parsed.success) rows.push({ line, row: parsed.data });
    else
      for (const issue of parsed.error.issues)
        problems.push({ line, field: String(issue.path[0] ?? ""), reason: issue.message });
  });
  return { rows, problems };
}

function checkTree(
  rows: Array<{ line: number; row: UnitRow }>,
  known: Map<string, string>,
  problems: Problem[],
): void {
  const byCode = new Map<string, { line: number; row: UnitRow }>();
  for (const r of rows) {
    if (byCode.has(r.row.code))
      problems.push({
        line: r.line,
        field: "code",
        reason: `mã «${r.row.code}» trùng với dòng ${byCode.get(r.row.code)?.line}`,
      });
    else byCode.set(r.row.code, r);
  }
  for (const r of rows) {
    const parent = r.row.parent_code;
    if (parent && !byCode.has(parent) && !known.has(parent))
      problems.push({
        line: r.line,
        field: "parent_code",
        reason: `không có đơn vị cấp trên mã «${parent}»`,
      });
    if (parent === r.row.code)
      problems.push({
        line: r.line,
        field: "parent_code",
        reason: "đơn vị không thể là cấp trên của chính nó",
      });
    const successor = r.row.replaced_by;
    if (successor && !byCode.has(successor) && !known.has(successor))
      problems.push({
        line: r.line,
        field: "replaced_by",
        reason: `không có đơn vị kế thừa mã «${successor}»`,
      });
  }
  // A cycle among the file's own rows: A → B → A.
  for (const r of rows) {
    const seen = new Set<string>([r.row.code]);
    let parent = r.row.parent_code;
    while (parent && byCode.has(parent)) {
      if (seen.has(parent)) {
        problems.push({
          line: r.line,
          field: "parent_code",
          reason: `vòng lặp cấp trên: ${[...seen, parent].join(" → ")}`,
        });
        break;
      }
      seen.add(parent);
      parent = byCode.get(parent)?.row.parent_code ?? null;
    }
  }
}

// Parents before children, so that every parent id is known when a child is written.
function parentsFirst(rows: Array<{ line: number; row: UnitRow }>): Array<{ line: number; row: UnitRow }> {
  const byCode = new Map(rows.map((r) => [r.row.code, r]));
  const out: Array<{ line: number; row: UnitRow }> = [];
  const done = new Set<string>();
  const visit = (r: { line: number; row: UnitRow }) => {
    if (done.has(r.row.code)) return;
    done.add(r.row.code);
    const parent = r.row.parent_code ? byCode.get(r.row.parent_code) : undefined;
    if (parent) visit(parent);
    out.push(r);
  };
  for (const r of rows) visit(r);
  return out;
}

/**
 * Imports a units CSV: `await importDirectory(ctx, admin, readFileSync("units.csv", "utf8"))`;
 * `author` null is the operator at the console. Throws DomainError "unit.csv_invalid" with every
 * problem (line, field, reason) and writes nothing.
 */
export async function importDirectory(
  ctx: ServiceContext,
  author: Author,
  csv: string,
): Promise<UnitImportReport> {
  if (author) ensureAllowed(may.administer(author));
  const { rows, problems } = readRows(csv);
  const parentCodes = [
    ...new Set(
      rows.flatMap((r) => [r.row.parent_code, r.row.replaced_by]).filter((c): c is string => Boolean(c)),
    ),
  ];
  const known = await unitIdsByCode(ctx.db, parentCodes);
  checkTree(rows, known, problems);
  if (problems.length) {
    const first = problems
      .slice(0, 5)
      .map((p) => `dòng ${p.line}${p.field ? `, cột ${p.field}` : ""}: ${p.reason}`);
    throw new DomainError(
      "unit.csv_invalid",
      `Tệp CSV có ${problems.length} lỗi, chưa ghi gì: ${first.join("; ")}${problems.length > 5 ? "; …" : ""}`,
      problems,
    );
  }
  return inTransaction(ctx.db, async (trx) => {
    const ids = new Map(known);
    let created = 0;
    let updated = 0;
    for (const { row } of parentsFirst(rows)) {
      const parentId = row.parent_code ? (ids.get(row.parent_code) ?? null) : null;
      const r = await upsertUnit(trx, row, parentId);
      ids.set(row.code, r.id);
      if (r.created) created++;
      else updated++;
      await replaceAliases(trx, r.id, row.abbreviations, row.aliases);
    }
    for (const { row } of rows) {
      const id = ids.get(row.code);
      if (id) await setReplacedBy(trx, id, row.replaced_by ? (ids.get(row.replaced_by) ?? null) : null);
    }
    await rebuildPaths(trx);
    await audit(ctx, trx, author, {
      action: "directory.import",
      objectType: "directory",
      objectId: null,
      after: { created, updated, codes: rows.map((r) => r.row.code) },
    });
    return { created, updated };
  });
}

/** The directory in the import format, parents before children: `kehoach units export`. */
export async function exportDirectory(ctx: ServiceContext): Promise<string> {
  return unitsCsv(await listUnits(ctx.db), await aliasesByUnit(ctx.db), await unitValidity(ctx.db));
}

/** The directory, for pickers and the tree view; everyone signed in may read it. */
export async function directory(ctx: ServiceContext, actor: Actor): Promise<DirectoryUnit[]> {
  ensureAllowed(may.readDirectory(actor));
  return listUnits(ctx.db);
}

/** Suggestions from the directory for a unit string as a plan wrote it ("Phòng GDTX&ĐH"). */
export async function suggestUnits(ctx: ServiceContext, actor: Actor, text: string): Promise<Resolution> {
  ensureAllowed(may.readDirectory(actor));
  return createResolver(await listUnits(ctx.db)).resolve(text, { issuerId: null });
}

/**
 * Sets the reporting regime a unit's plans follow when they order no datable report, as an
 * administrator types it: "15/6, 15/12"; an empty text returns the unit to the inherited default.
 */
export async function setUnitReportRegime(
  ctx: ServiceContext,
  actor: Actor,
  unitId: string,
  text: string | null,
): Promise<{ reportRegime: string[] | null }> {
  ensureAllowed(may.administer(actor));
  let days: string[] | null = null;
  if (text?.trim()) {
    const read = readRegime(text);
    if ("error" in read)
      throw new DomainError("unit.bad_regime", `Chế độ báo cáo không hợp lệ: ${read.error}.`, [
        { field: "reportRegime", reason: read.error },
      ]);
    days = read.days;
  }
  await inTransaction(ctx.db, async (trx) => {
    ensureFound(await setReportRegime(trx, unitId, days), "unit");
    await audit(ctx, trx, actor, {
      action: "unit.regime",
      objectType: "unit",
      objectId: unitId,
      after: { days },
    });
  });
  return { reportRegime: days };
}
