// Signing in and out: argon2id password hashes, server-side sessions with a CSRF token each. The
// cookie carries a random session id; the database keeps only its SHA-256, so a copy of the
// database holds no session anyone could use.

import { createHash, randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import {
  type AccountRow,
  accountByLogin,
  deleteExpiredSessions,
  deleteSession,
  insertAccount,
  insertSession,
  sessionAccount,
  unitExists,
} from "../db/accounts.repository.js";
import { inTransaction } from "../db/transaction.js";
import { DomainError } from "../domain/errors.js";
import type { Role } from "../domain/roles.js";
import { type Author, audit } from "./audit.js";
import type { ServiceContext } from "./context.js";
import { type Actor, ensureAllowed, may, reachFor } from "./policies.js";

export const SESSION_DAYS = 7;

/** A signed-in person: the actor the policies judge, with what the screens show of them. */
export interface SignedInUser extends Actor {
  displayName: string;
  csrfToken: string;
}

/** A login as typed, the way accounts and sign-in limits key it: " VanThu " → "vanthu". */
export function normalizeLogin(login: string): string {
  return login.normalize("NFC").trim().toLowerCase();
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The actor an account acts as: its role, unit and reach. */
export function actorOf(account: AccountRow): Omit<SignedInUser, "csrfToken"> {
  return {
    id: account.id,
    login: account.login,
    displayName: account.displayName,
    role: account.role,
    unitId: account.unitId,
    unitPath: account.unitPath,
    reach: reachFor(account.role, account.unitChain),
  };
}

export interface NewAccount {
  login: string;
  displayName: string;
  unitId: string;
  role: Role;
  password: string;
}

/**
 * Creates an account: `await createAccount(ctx, admin, { login: "vanthu", … password })`; `author`
 * null is the operator at the console (`kehoach users add`).
 */
export async function createAccount(ctx: ServiceContext, author: Author, a: NewAccount): Promise<string> {
  if (author) ensureAllowed(may.administer(author));
  const login = normalizeLogin(a.login);
  if (a.password.length < 10) throw new DomainError("user.weak_password", "Mật khẩu cần ít nhất 10 ký tự.");
  if (!(await unitExists(ctx.db, a.unitId)))
    throw new DomainError("unit.not_found", `Không có đơn vị mã ${a.unitId}.`, [
      { field: "unitId", reason: "không có đơn vị này" },
    ]);
  if (await accountByLogin(ctx.db, login))
    throw new DomainError("user.login_taken", `Tên đăng nhập «${login}» đã có.`);
  const passwordHash = await hash(a.password);
  return inTransaction(ctx.db, async (trx) => {
    const id = await insertAccount(trx, { ...a, login, passwordHash });
    await audit(ctx, trx, author, {
      action: "user.add",
      objectType: "user",
      objectId: id,
      after: { login, displayName: a.displayName, unitId: a.unitId, role: a.role },
    });
    return id;
  });
}

export interface SignedIn {
  /** The cookie's value; stored only as its hash. */
  sessionId: string;
  user: SignedInUser;
}

/** Signs in; throws `auth.invalid` with one message for a wrong login and a wrong password alike. */
export async function signIn(ctx: ServiceContext, login: string, password: string): Promise<SignedIn> {
  const account = await accountByLogin(ctx.db, normalizeLogin(login));
  const ok = account?.active ? await verify(account.passwordHash, password).catch(() => false) : false;
  if (!account || !ok) throw new DomainError("auth.invalid", "Tên đăng nhập hoặc mật khẩu không đúng.");
  const now = ctx.clock.now();
  const sessionId = randomBytes(32).toString("hex");
  const csrfToken = randomBytes(24).toString("hex");
  await deleteExpiredSessions(ctx.db, now);
  await insertSession(ctx.db, {
    idHash: sha256(sessionId),
    userId: account.id,
    csrfToken,
    expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000),
  });
  return { sessionId, user: { ...actorOf(account), csrfToken } };
}

/** The signed-in person of a session id (the cookie's value), or null. */
export async function currentSession(
  ctx: ServiceContext,
  sessionId: string | undefined,
): Promise<SignedInUser | null> {
  if (!sessionId || !/^[0-9a-f]{64}$/.test(sessionId)) return null;
  const a = await sessionAccount(ctx.db, sha256(sessionId), ctx.clock.now());
  return a ? { ...actorOf(a), csrfToken: a.csrfToken } : null;
}

export async function signOut(ctx: ServiceContext, sessionId: string): Promise<void> {
  if (/^[0-9a-f]{64}$/.test(sessionId)) await deleteSession(ctx.db, sha256(sessionId));
}
