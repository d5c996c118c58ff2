// The unit directory as a CSV file in the very format `kehoach units import` reads, so an export
// goes back in unchanged: parents before children, siblings by code, whatever ids the database gave.

import { stringify } from "csv-stringify/sync";
import { type DirectoryUnit, UNIT_CSV_COLUMNS } from "../domain/unit.js";

/** `unitsCsv(units, aliases, validity)` → the file's text. */
export function unitsCsv(
  units: readonly DirectoryUnit[],
  aliases: ReadonlyMap<string, { abbreviations: string[]; aliases: string[] }>,
  validity: ReadonlyMap<string, { validFrom: string | null; validTo: string | null }>,
): string {
  const codeById = new Map(units.map((u) => [u.id, u.code]));
  const byId = new Map(units.map((u) => [u.id, u]));
  const codePath = (u: DirectoryUnit): string => {
    const parts: string[] = [];
    for (let at: DirectoryUnit | undefined = u; at; at = at.parentId ? byId.get(at.parentId) : undefined)
      parts.unshift(at.code);
    return parts.join("\u0000");
  };
  const ordered = [...units].sort((a, b) =>
    codePath(a) < codePath(b) ? -1 : codePath(a) > codePath(b) ? 1 : 0,
  );
  const records = ordered.map((u) => ({
    code: u.code,
    name: u.name,
    short_name: u.shortName ?? "",
    kind: u.kind,
    parent_code: u.parentId ? (codeById.get(u.parentId) ?? "") : "",
    abbreviations: (aliases.get(u.id)?.abbreviations ?? []).join("|"),
    aliases: (aliases.get(u.id)?.aliases ?? []).join("|"),
    active: u.active ? "1" : "0",
    valid_from: validity.get(u.id)?.validFrom ?? "",
    valid_to: validity.get(u.id)?.validTo ?? "",
    replaced_by: u.replacedBy ? (codeById.get(u.replacedBy) ?? "") : "",
  }));
  return stringify(records, { header: true, columns: [...UNIT_CSV_COLUMNS] });
}
