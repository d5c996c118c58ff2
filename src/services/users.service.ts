// Accounts, for administrators: the list and a new account (bound to a unit and a role).

import { type AccountListing, listAccounts } from "../db/accounts.repository.js";
import { createAccount, type NewAccount } from "./auth.service.js";
import type { ServiceContext } from "./context.js";
import { type Actor, ensureAllowed, may } from "./policies.js";

/** Every account, by login. */
export async function accounts(ctx: ServiceContext, actor: Actor): Promise<AccountListing[]> {
  ensureAllowed(may.administer(actor));
  return listAccounts(ctx.db);
}

/** Adds an account: `await addAccount(ctx, admin, { login, displayName, unitId, role, password })`. */
export async function addAccount(ctx: ServiceContext, actor: Actor, a: NewAccount): Promise<string> {
  return createAccount(ctx, actor, a);
}

export type { AccountListing };
