// Signing in and out: argon2id password hashes, server-side sessions with a CSRF token each.

import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import type { Kysely } from "kysely";
import {
  accountByLogin,
  deleteSession,
  insertAccount,
  insertSession,
  sessionAccount,
} from "../db/accounts.repository.js";
import type { Database } from "../db/schema.js";
import { DomainError } from "../domain/errors.js";
import type { Actor, Role } from "./policies.js";

export const SESSION_DAYS = 7;

export interface SignedIn {
  sessionId: string;
  csrfToken: string;
  actor: Actor & { login: string; displayName: string };
}

/** Creates an account: `await createAccount(db, { login: "vanthu", … password })`. */
export async function createAccount(
  db: Kysely<Database>,
  a: { login: string; displayName: string; unitId: string; role: Role; password: string },
): Promise<string> {
  if (a.password.length < 10) throw new DomainError("user.weak_password", "Mật khẩu cần ít nhất 10 ký tự.");
  if (await accountByLogin(db, a.login))
    throw new DomainError("user.login_taken", `Tên đăng nhập «${a.login}» đã có.`);
  return insertAccount(db, { ...a, passwordHash: await hash(a.password) });
}

/** Signs in; throws `auth.invalid` with one message for a wrong login and a wrong password alike. */
export async function signIn(
  db: Kysely<Database>,
  login: string,
  password: string,
  now = new Date(),
): Promise<SignedIn> {
  const account = await accountByLogin(db, login.trim().toLowerCase());
  const ok = account?.active ? await verify(account.passwordHash, password).catch(() => false) : false;
  if (!account || !ok) throw new DomainError("auth.invalid", "Tên đăng nhập hoặc mật khẩu không đúng.");
  const sessionId = randomBytes(32).toString("hex");
  const csrfToken = randomBytes(24).toString("hex");
  await insertSession(db, {
    id: sessionId,
    userId: account.id,
    csrfToken,
    expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000),
  });
  return {
    sessionId,
    csrfToken,
    actor: {
      id: account.id,
      role: account.role,
      unitId: account.unitId,
      unitPath: account.unitPath,
      login: account.login,
      displayName: account.displayName,
    },
  };
}

/** The signed-in user of a session id, or null. */
export async function currentSession(
  db: Kysely<Database>,
  sessionId: string | undefined,
  now = new Date(),
): Promise<(SignedIn["actor"] & { csrfToken: string }) | null> {
  if (!sessionId || !/^[0-9a-f]{64}$/.test(sessionId)) return null;
  const a = await sessionAccount(db, sessionId, now);
  return a
    ? {
        id: a.id,
        role: a.role,
        unitId: a.unitId,
        unitPath: a.unitPath,
        login: a.login,
        displayName: a.displayName,
        csrfToken: a.csrfToken,
      }
    : null;
}

export async function signOut(db: Kysely<Database>, sessionId: string): Promise<void> {
  await deleteSession(db, sessionId);
}
