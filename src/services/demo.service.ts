// The demo `npm start` loads: a unit directory and plans written for kehoach (examples/), and one
// account per role with a password made up for this run and printed once. Demo mode only.

import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { hash } from "@node-rs/argon2";
import { upsertAccount } from "../db/accounts.repository.js";
import { publishDraft } from "../db/plan-review.repository.js";
import { inTransaction } from "../db/transaction.js";
import { listUnits } from "../db/units.repository.js";
import { today } from "../domain/clock.js";
import type { Role } from "../domain/roles.js";
import type { ServiceContext } from "./context.js";
import { importPlanFile, readDirectory } from "./plan-import.service.js";
import { importDirectory } from "./units.service.js";

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
export async function loadDemo(ctx: ServiceContext, examplesDir: string): Promise<DemoAccount[]> {
  await importDirectory(ctx, null, readFileSync(join(examplesDir, "don-vi-mau.csv"), "utf8"));
  const dir = await readDirectory(ctx);
  const demoDir = join(examplesDir, "demo");
  // The city's plan first, so that the department's plan links to it.
  for (const name of readdirSync(demoDir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .reverse()) {
    const r = await importPlanFile(ctx, dir, null, name, readFileSync(join(demoDir, name)));
    await inTransaction(ctx.db, (trx) => publishDraft(trx, r.planId, today(ctx.clock)));
  }
  const units = await listUnits(ctx.db);
  const out: DemoAccount[] = [];
  for (const a of ACCOUNTS) {
    const unit = units.find((u) => u.code === a.unitCode);
    if (!unit) continue;
    const password = randomBytes(9).toString("base64url");
    await upsertAccount(ctx.db, {
      login: a.login,
      displayName: a.name,
      unitId: unit.id,
      role: a.role,
      passwordHash: await hash(password),
    });
    out.push({ login: a.login, password, role: a.role, unit: unit.name });
  }
  return out;
}
