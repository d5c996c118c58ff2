// The installation's settings an administrator changes in the app (the working-day rule, the
// outgoing mail server): one JSON value per key, with who set it and when.

import type { Db } from "./schema.js";

export async function readSetting(db: Db, key: string): Promise<unknown> {
  const r = await db
    .selectFrom("installation_setting")
    .select("value")
    .where("key", "=", key)
    .executeTakeFirst();
  return r ? r.value : null;
}

export async function writeSetting(db: Db, key: string, value: unknown, by: string, at: Date): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto("installation_setting")
    .values({ key, value: json, set_by: by, set_at: at })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value: json, set_by: by, set_at: at }))
    .execute();
}

/** Removes a setting: what it set goes back to its default. */
export async function clearSetting(db: Db, key: string): Promise<void> {
  await db.deleteFrom("installation_setting").where("key", "=", key).execute();
}
