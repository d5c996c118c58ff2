// The demo `npm start` loads: a unit directory and plans written for kehoach (examples/), and one
// account per role with a password made up for this run and printed once. Demo mode only.

import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { hash } from "@node-rs/argon2";
import type { Kysely } from "kysely";
import { setPublished } from "../db/plans.repository.js";
import type { Database, Role } from "../db/schema.js";
import { listUnits } from "../db/units.repository.js";
import { importContext, importPlanFile } from "./import-plan.service.js";
import { importUnitsCsv } from "./unit-directory.service.js";

export interface DemoAccount {
  login: string;
  password: string;
  role: Role;
  unit: string;
}

const ACCOUNTS: Array<{ login: string; name: string; role: Role; unitCode: string }> = [
  { login: "quantri", name: "Quản trị hệ thống", role: "admin", unitCode: "SGDDT" },
  { login: "vanthu", name: "Chuyên viên Văn phòng Sở", role: "plan_officer", unitCode: "SGDDT.VP" },
  {
    login: "phongtrunghoc",
    name: "Chuyên viên Phòng Giáo dục Trung học",
    role: "unit_officer",
    unitCode: "SGDDT.GDTRH",
  },
  { login: "giamdoc", name: "Giám đốc Sở", role: "leader", unitCode: "SGDDT" },
];

/** Loads the demo into an empty or demo store; returns the accounts with this run's passwords. */
export async function loadDemo(db: Kysely<Database>, examplesDir: string): Promise<DemoAccount[]> {
  await importUnitsCsv(db, readFileSync(join(examplesDir, "don-vi-mau.csv"), "utf8"));
  const ctx = await importContext(db);
  const demoDir = join(examplesDir, "demo");
  // The city's plan first, so that the department's plan links to it.
  for (const name of readdirSync(demoDir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .reverse()) {
    const r = await importPlanFile(ctx, name, readFileSync(join(demoDir, name)));
    await db
      .transaction()
      .execute((trx) => setPublished(trx, r.planId, new Date().toISOString().slice(0, 10)));
  }
  const units = await listUnits(db);
  const out: DemoAccount[] = [];
  for (const a of ACCOUNTS) {
    const unit = units.find((u) => u.code === a.unitCode);
    if (!unit) continue;
    const password = randomBytes(9).toString("base64url");
    const passwordHash = await hash(password);
    await db
      .insertInto("app_user")
      .values({
        login: a.login,
        display_name: a.name,
        unit_id: unit.id,
        role: a.role,
        password_hash: passwordHash,
      })
      .onConflict((oc) =>
        oc.column("login").doUpdateSet({ password_hash: passwordHash, unit_id: unit.id, role: a.role }),
      )
      .execute();
    out.push({ login: a.login, password, role: a.role, unit: unit.name });
  }
  return out;
}
