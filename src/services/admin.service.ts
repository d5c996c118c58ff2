// Administration: the unit directory and the accounts, administrators only.

import type { Kysely } from "kysely";
import type { Database, Role } from "../db/schema.js";
import { listUnits, setReportRegime } from "../db/units.repository.js";
import { DomainError } from "../domain/errors.js";
import { readRegime } from "../domain/reporting-periods.js";
import type { DirectoryUnit } from "../domain/unit.js";
import { createAccount } from "./auth.service.js";
import { type Actor, authorize } from "./policies.js";
import { createResolver, type Resolution } from "./resolve-units.js";
import { importUnitsCsv, type UnitImportReport } from "./unit-directory.service.js";

/** The directory, for pickers and the tree view; everyone signed in may read it. */
export async function directory(db: Kysely<Database>, actor: Actor | null): Promise<DirectoryUnit[]> {
  authorize(actor, "plan.read");
  return listUnits(db);
}

/** Suggestions for a unit string ("Phòng GDTX&ĐH"), relative to the actor's issuing unit. */
export async function suggestUnits(
  db: Kysely<Database>,
  actor: Actor | null,
  text: string,
): Promise<Resolution> {
  authorize(actor, "plan.read");
  const units = await listUnits(db);
  const resolver = createResolver(units);
  return resolver.resolve(text, { issuerId: null });
}

/**
 * Sets the reporting regime a unit's plans follow when they order no datable report, as an
 * administrator types it: "15/6, 15/12"; an empty text returns the unit to the inherited default.
 */
export async function setUnitReportRegime(
  db: Kysely<Database>,
  actor: Actor | null,
  unitId: string,
  text: string | null,
): Promise<{ reportRegime: string[] | null }> {
  authorize(actor, "unit.manage");
  let days: string[] | null = null;
  if (text?.trim()) {
    const read = readRegime(text);
    if ("error" in read)
      throw new DomainError("unit.bad_regime", `Chế độ báo cáo không hợp lệ: ${read.error}.`, [
        { field: "reportRegime", reason: read.error },
      ]);
    days = read.days;
  }
  if (!(await setReportRegime(db, unitId, days)))
    throw new DomainError("unit.not_found", "Không tìm thấy đơn vị.");
  return { reportRegime: days };
}

export async function importDirectory(
  db: Kysely<Database>,
  actor: Actor | null,
  csv: string,
): Promise<UnitImportReport> {
  authorize(actor, "unit.manage");
  return importUnitsCsv(db, csv);
}

export interface AccountView {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  unitId: string;
  active: boolean;
}

export async function listAccounts(db: Kysely<Database>, actor: Actor | null): Promise<AccountView[]> {
  authorize(actor, "user.manage");
  const rows = await db
    .selectFrom("app_user")
    .select(["id", "login", "display_name", "role", "unit_id", "active"])
    .orderBy("login")
    .execute();
  return rows.map((r) => ({
    id: String(r.id),
    login: r.login,
    displayName: r.display_name,
    role: r.role,
    unitId: String(r.unit_id),
    active: r.active,
  }));
}

export async function addAccount(
  db: Kysely<Database>,
  actor: Actor | null,
  a: { login: string; displayName: string; unitId: string; role: Role; password: string },
): Promise<string> {
  authorize(actor, "user.manage");
  const unit = await db.selectFrom("unit").select("id").where("id", "=", a.unitId).executeTakeFirst();
  if (!unit)
    throw new DomainError("unit.not_found", `Không có đơn vị mã ${a.unitId}.`, [
      { field: "unitId", reason: "không có đơn vị này" },
    ]);
  return createAccount(db, a);
}
