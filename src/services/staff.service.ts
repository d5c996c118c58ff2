// A unit's staff as doers of plans: named members (with an account or without one) and posts.
// The plan officers and leaders of a body keep its units' lists; everyone reads those within reach.

import { accountByLogin } from "../db/accounts.repository.js";
import { addStaffMember, type StaffMember, staffOfUnit } from "../db/staff.repository.js";
import { inTransaction } from "../db/transaction.js";
import { listUnits } from "../db/units.repository.js";
import { DomainError } from "../domain/errors.js";
import { foldKey } from "../text/fold.js";
import { audit } from "./audit.js";
import type { ServiceContext } from "./context.js";
import { type Actor, ensureAllowed, ensureFound, may, within } from "./policies.js";

export interface NewStaff {
  name?: string | undefined;
  post?: string | undefined;
  /** The account this member signs in with, by login: the work naming them shows in "my work". */
  login?: string | undefined;
}

/** What a staff member is matched by in plans: the name, or the post where nobody is named. */
export function staffMatchKey(name: string | null, post: string | null): string {
  return foldKey(name?.trim() || post?.trim() || "");
}

async function unitPath(ctx: ServiceContext, unitId: string): Promise<string | null> {
  const unit = (await listUnits(ctx.db)).find((u) => u.id === unitId);
  return unit?.path ?? null;
}

/** The staff of a unit within the actor's reach: `await unitStaff(ctx, actor, "7")`. */
export async function unitStaff(ctx: ServiceContext, actor: Actor, unitId: string): Promise<StaffMember[]> {
  ensureAllowed(may.readWithinReach(actor));
  ensureFound(within(actor.reach, await unitPath(ctx, unitId)), "unit");
  return staffOfUnit(ctx.db, unitId);
}

/** Adds a member or a post to a unit's staff (the same name twice is one member). */
export async function addStaff(
  ctx: ServiceContext,
  actor: Actor,
  unitId: string,
  input: NewStaff,
): Promise<{ id: string; created: boolean }> {
  ensureAllowed(may.keepStaff(actor));
  const path = await unitPath(ctx, unitId);
  ensureFound(within(actor.reach, path), "unit");
  const name = input.name?.trim() || null;
  const post = input.post?.trim() || null;
  if (!name && !post)
    throw new DomainError("staff.invalid", "Cần họ tên hoặc chức danh của cán bộ.", [
      { field: "name", reason: "bắt buộc khi không có chức danh" },
    ]);
  let userId: string | null = null;
  if (input.login) {
    const account = await accountByLogin(ctx.db, input.login);
    if (!account || !within(actor.reach, account.unitPath))
      throw new DomainError("staff.invalid", `Không có tài khoản «${input.login}» trong phạm vi của bạn.`, [
        { field: "login", reason: "không có tài khoản này" },
      ]);
    userId = account.id;
  }
  return inTransaction(ctx.db, async (trx) => {
    const r = await addStaffMember(trx, { unitId, name, post, matchKey: staffMatchKey(name, post), userId });
    if (r.created)
      await audit(ctx, trx, actor, {
        action: "staff.add",
        objectType: "unit",
        objectId: unitId,
        after: { staffId: r.id, name, post, login: input.login ?? null },
      });
    return r;
  });
}
