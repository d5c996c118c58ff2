// Accounts and sessions in the database.

import type { Kysely } from "kysely";
import type { Database, Role } from "./schema.js";

export interface AccountRow {
  id: string;
  login: string;
  displayName: string;
  unitId: string;
  unitPath: string;
  role: Role;
  passwordHash: string;
  active: boolean;
}

const ACCOUNT_COLUMNS = [
  "app_user.id",
  "app_user.login",
  "app_user.display_name",
  "app_user.unit_id",
  "app_user.role",
  "app_user.password_hash",
  "app_user.active",
] as const;

function toAccount(r: {
  id: string;
  login: string;
  display_name: string;
  unit_id: string;
  role: Role;
  password_hash: string;
  active: boolean;
  path: string;
}): AccountRow {
  return {
    id: String(r.id),
    login: r.login,
    displayName: r.display_name,
    unitId: String(r.unit_id),
    unitPath: r.path,
    role: r.role,
    passwordHash: r.password_hash,
    active: r.active,
  };
}

export async function accountByLogin(db: Kysely<Database>, login: string): Promise<AccountRow | null> {
  const r = await db
    .selectFrom("app_user")
    .innerJoin("unit", "unit.id", "app_user.unit_id")
    .select([...ACCOUNT_COLUMNS, (eb) => eb.cast<string>("unit.path", "text").as("path")])
    .where("app_user.login", "=", login)
    .executeTakeFirst();
  return r ? toAccount(r) : null;
}

export async function insertAccount(
  db: Kysely<Database>,
  a: { login: string; displayName: string; unitId: string; role: Role; passwordHash: string },
): Promise<string> {
  const r = await db
    .insertInto("app_user")
    .values({
      login: a.login,
      display_name: a.displayName,
      unit_id: a.unitId,
      role: a.role,
      password_hash: a.passwordHash,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return String(r.id);
}

export async function countAccounts(db: Kysely<Database>): Promise<number> {
  const r = await db
    .selectFrom("app_user")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertSession(
  db: Kysely<Database>,
  s: { id: string; userId: string; csrfToken: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto("app_session")
    .values({ id: s.id, user_id: s.userId, csrf_token: s.csrfToken, expires_at: s.expiresAt })
    .execute();
}

export async function sessionAccount(
  db: Kysely<Database>,
  sessionId: string,
  now: Date,
): Promise<(AccountRow & { csrfToken: string }) | null> {
  const r = await db
    .selectFrom("app_session")
    .innerJoin("app_user", "app_user.id", "app_session.user_id")
    .innerJoin("unit", "unit.id", "app_user.unit_id")
    .select([
      ...ACCOUNT_COLUMNS,
      "app_session.csrf_token",
      (eb) => eb.cast<string>("unit.path", "text").as("path"),
    ])
    .where("app_session.id", "=", sessionId)
    .where("app_session.expires_at", ">", now)
    .where("app_user.active", "=", true)
    .executeTakeFirst();
  return r ? { ...toAccount(r), csrfToken: r.csrf_token } : null;
}

export async function deleteSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom("app_session").where("id", "=", sessionId).execute();
}
