// Accounts, for administrators: the list, a new account (bound to a unit and a role), turning an
// account off (a person who left: their sessions end at once, their name stays on what they did)
// or on again, and signing an account out everywhere (a lost phone, a shared computer).

import {
  type AccountListing,
  accountById,
  deleteSessionsOf,
  listAccounts,
  setAccountActive,
} from "../db/accounts.repository.js";
import { inTransaction } from "../db/transaction.js";
import { DomainError } from "../domain/errors.js";
import { audit } from "./audit.js";
import { createAccount, type NewAccount } from "./auth.service.js";
import type { ServiceContext } from "./context.js";
import { type Actor, ensureAllowed, may } from "./policies.js";

const noSuchAccount = () => new DomainError("user.not_found", "Không tìm thấy tài khoản.");

/** Every account, by login, with its open sessions. */
export async function accounts(ctx: ServiceContext, actor: Actor): Promise<AccountListing[]> {
  ensureAllowed(may.administer(actor));
  return listAccounts(ctx.db, ctx.clock.now());
}

/** Adds an account: `await addAccount(ctx, admin, { login, displayName, unitId, role, password })`. */
export async function addAccount(ctx: ServiceContext, actor: Actor, a: NewAccount): Promise<string> {
  return createAccount(ctx, actor, a);
}

/**
 * Turns an account off or on. Off: it cannot sign in and every session it has ends now, in the same
 * transaction. An administrator cannot turn off their own account (the installation would be left
 * without the one who can turn it back on).
 */
export async function setActive(
  ctx: ServiceContext,
  actor: Actor,
  userId: string,
  active: boolean,
): Promise<void> {
  ensureAllowed(may.administer(actor));
  if (!active && userId === actor.id)
    throw new DomainError("user.self_deactivate", "Không thể tự khóa tài khoản của chính mình.");
  await inTransaction(ctx.db, async (trx) => {
    if (!(await setAccountActive(trx, userId, active))) throw noSuchAccount();
    const ended = active ? 0 : await deleteSessionsOf(trx, userId);
    await audit(ctx, trx, actor, {
      action: active ? "user.activate" : "user.deactivate",
      objectType: "user",
      objectId: userId,
      before: null,
      after: { active, sessionsEnded: ended },
    });
  });
}

/** Signs an account out of every browser it is signed in on; returns how many sessions ended. */
export async function revokeSessions(ctx: ServiceContext, actor: Actor, userId: string): Promise<number> {
  ensureAllowed(may.administer(actor));
  return inTransaction(ctx.db, async (trx) => {
    if (!/^\d{1,18}$/.test(userId) || !(await accountById(trx, userId))) throw noSuchAccount();
    const ended = await deleteSessionsOf(trx, userId);
    await audit(ctx, trx, actor, {
      action: "user.sessions_revoked",
      objectType: "user",
      objectId: userId,
      before: null,
      after: { sessionsEnded: ended },
    });
    return ended;
  });
}

export type { AccountListing };
