// Accounts and sessions in the database. A session row is found by the SHA-256 of the cookie's
// value; the value itself is never stored.

import { sql } from "kysely";
import type { Role } from "../domain/roles.js";
import type { UnitKind } from "../domain/unit.js";
import type { Db } from "./schema.js";

export interface AccountRow {
  id: string;
  login: string;
  displayName: string;
  unitId: string;
  unitPath: string;
  /** The units from the root of the directory down to the account's unit, for its reach. */
  unitChain: Array<{ path: string; kind: UnitKind }>;
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
  sql<string>`unit.path::text`.as("path"),
  sql<
    Array<{ path: string; kind: UnitKind }>
  >`(select jsonb_agg(jsonb_build_object('path', a.path::text, 'kind', a.kind)
                                               order by nlevel(a.path)) from unit a where a.path @> unit.path)`.as(
    "chain",
  ),
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
  chain: Array<{ path: string; kind: UnitKind }> | null;
}): AccountRow {
  return {
    id: String(r.id),
    login: r.login,
    displayName: r.display_name,
    unitId: String(r.unit_id),
    unitPath: r.path,
    unitChain: r.chain ?? [],
    role: r.role,
    passwordHash: r.password_hash,
    active: r.active,
  };
}

export async function accountByLogin(db: Db, login: string): Promise<AccountRow | null> {
  const r = await db
    .selectFrom("app_user")
    .innerJoin("unit", "unit.id", "app_user.unit_id")
    .select(ACCOUNT_COLUMNS)
    .where("app_user.login", "=", login)
    .executeTakeFirst();
  return r ? toAccount(r) : null;
}

export async function accountById(db: Db, id: string): Promise<AccountRow | null> {
  const r = await db
    .selectFrom("app_user")
    .innerJoin("unit", "unit.id", "app_user.unit_id")
    .select(ACCOUNT_COLUMNS)
    .where("app_user.id", "=", id)
    .executeTakeFirst();
  return r ? toAccount(r) : null;
}

export interface NewAccountRow {
  login: string;
  displayName: string;
  unitId: string;
  role: Role;
  passwordHash: string;
}

const accountValues = (a: NewAccountRow) => ({
  login: a.login,
  display_name: a.displayName,
  unit_id: a.unitId,
  role: a.role,
  password_hash: a.passwordHash,
});

export async function insertAccount(db: Db, a: NewAccountRow): Promise<string> {
  const r = await db
    .insertInto("app_user")
    .values(accountValues(a))
    .returning("id")
    .executeTakeFirstOrThrow();
  return String(r.id);
}

/** Creates or resets an account by login (the demo's accounts get a new password at each start). */
export async function upsertAccount(db: Db, a: NewAccountRow): Promise<void> {
  await db
    .insertInto("app_user")
    .values(accountValues(a))
    .onConflict((oc) =>
      oc.column("login").doUpdateSet({ password_hash: a.passwordHash, unit_id: a.unitId, role: a.role }),
    )
    .execute();
}

export async function countAccounts(db: Db): Promise<number> {
  const r = await db
    .selectFrom("app_user")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export interface AccountListing {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  unitId: string;
  active: boolean;
  /** Sessions open now (signed in on that many browsers). */
  sessions: number;
}

/** Every account, by login, with its sessions open at `now`. */
export async function listAccounts(db: Db, now: Date): Promise<AccountListing[]> {
  const rows = await db
    .selectFrom("app_user")
    .select(["id", "login", "display_name", "role", "unit_id", "active"])
    .select((eb) =>
      eb
        .selectFrom("app_session")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("app_session.user_id", "=", "app_user.id")
        .where("app_session.expires_at", ">", now)
        .as("sessions"),
    )
    .orderBy("login")
    .execute();
  return rows.map((r) => ({
    id: String(r.id),
    login: r.login,
    displayName: r.display_name,
    role: r.role,
    unitId: String(r.unit_id),
    active: r.active,
    sessions: Number(r.sessions ?? 0),
  }));
}

/** Turns an account on or off; false when there is no such account. */
export async function setAccountActive(db: Db, userId: string, active: boolean): Promise<boolean> {
  if (!/^\d{1,18}$/.test(userId)) return false;
  const r = await db.updateTable("app_user").set({ active }).where("id", "=", userId).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Ends every session of an account (signed out everywhere); returns how many were open. */
export async function deleteSessionsOf(db: Db, userId: string): Promise<number> {
  const r = await db.deleteFrom("app_session").where("user_id", "=", userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Whether a unit with this id exists. */
export async function unitExists(db: Db, unitId: string): Promise<boolean> {
  if (!/^\d{1,18}$/.test(unitId)) return false;
  return !!(await db.selectFrom("unit").select("id").where("id", "=", unitId).executeTakeFirst());
}

export async function insertSession(
  db: Db,
  s: { idHash: string; userId: string; csrfToken: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto("app_session")
    .values({ id: s.idHash, user_id: s.userId, csrf_token: s.csrfToken, expires_at: s.expiresAt })
    .execute();
}

/** The account of a live session (by the hash of its id), with the session's CSRF token. */
export async function sessionAccount(
  db: Db,
  idHash: string,
  now: Date,
): Promise<(AccountRow & { csrfToken: string }) | null> {
  const r = await db
    .selectFrom("app_session")
    .innerJoin("app_user", "app_user.id", "app_session.user_id")
    .innerJoin("unit", "unit.id", "app_user.unit_id")
    .select([...ACCOUNT_COLUMNS, "app_session.csrf_token"])
    .where("app_session.id", "=", idHash)
    .where("app_session.expires_at", ">", now)
    .where("app_user.active", "=", true)
    .executeTakeFirst();
  return r ? { ...toAccount(r), csrfToken: r.csrf_token } : null;
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom("app_session").where("id", "=", idHash).execute();
}

/** Removes sessions that have expired; returns how many. */
export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const r = await db.deleteFrom("app_session").where("expires_at", "<=", now).executeTakeFirst();
  return Number(r.numDeletedRows);
}
