// Calendar feeds: each account's secret link (kept as the SHA-256 of its token), and the unit names
// a feed's events carry. The work itself is read by `workItems` (reports.repository).

import type { Db } from "./schema.js";

/** Creates or replaces an account's calendar token: the old link stops in the same statement. */
export async function saveCalendarToken(db: Db, userId: string, tokenHash: string, at: Date): Promise<void> {
  await db
    .insertInto("calendar_token")
    .values({ user_id: userId, token_hash: tokenHash, created_at: at })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ token_hash: tokenHash, created_at: at }))
    .execute();
}

/** When the account's current calendar link was made, or null when it has none. */
export async function calendarTokenMadeAt(db: Db, userId: string): Promise<string | null> {
  const r = await db
    .selectFrom("calendar_token")
    .select("created_at")
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return r ? new Date(r.created_at).toISOString() : null;
}

/** The active account a calendar token (by its hash) belongs to, or null. */
export async function accountIdOfCalendarToken(db: Db, tokenHash: string): Promise<string | null> {
  const r = await db
    .selectFrom("calendar_token")
    .innerJoin("app_user", "app_user.id", "calendar_token.user_id")
    .select("app_user.id")
    .where("calendar_token.token_hash", "=", tokenHash)
    .where("app_user.active", "=", true)
    .executeTakeFirst();
  return r ? String(r.id) : null;
}

/** Unit names by id, for the units a feed's events name. */
export async function unitNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)].filter((id) => /^\d{1,18}$/.test(id));
  if (!wanted.length) return new Map();
  const rows = await db.selectFrom("unit").select(["id", "name"]).where("id", "in", wanted).execute();
  return new Map(rows.map((r) => [String(r.id), r.name]));
}
