// A unit's staff (named members and posts) and what the plans' names are matched by.

import { type RawBuilder, sql } from "kysely";
import type { Db } from "./schema.js";

export interface StaffMember {
  id: string;
  unitId: string;
  unitName: string;
  name: string | null;
  post: string | null;
  userId: string | null;
}

const COLUMNS = ["s.id", "s.unit_id", "u.name as unit_name", "s.name", "s.post", "s.user_id"] as const;

const toMember = (r: {
  id: string;
  unit_id: string;
  unit_name: string;
  name: string | null;
  post: string | null;
  user_id: string | null;
}): StaffMember => ({
  id: String(r.id),
  unitId: String(r.unit_id),
  unitName: r.unit_name,
  name: r.name,
  post: r.post,
  userId: r.user_id === null ? null : String(r.user_id),
});

/** The active staff of one unit, by name. */
export async function staffOfUnit(db: Db, unitId: string): Promise<StaffMember[]> {
  const rows = await db
    .selectFrom("staff as s")
    .innerJoin("unit as u", "u.id", "s.unit_id")
    .select(COLUMNS)
    .where("s.unit_id", "=", unitId)
    .where("s.active", "=", true)
    .orderBy("s.post")
    .orderBy("s.name")
    .execute();
  return rows.map(toMember);
}

/** Active staff of the units in a subtree whose match key is one of these: for matching a plan's names. */
export async function staffMatching(
  db: Db,
  reachPath: string | null,
  keys: readonly string[],
): Promise<Array<StaffMember & { matchKey: string }>> {
  if (!keys.length) return [];
  let q = db
    .selectFrom("staff as s")
    .innerJoin("unit as u", "u.id", "s.unit_id")
    .select([...COLUMNS, "s.match_key"])
    .where("s.active", "=", true)
    .where("s.match_key", "in", [...new Set(keys)]);
  if (reachPath !== null) q = q.where(sql<boolean>`u.path <@ ${reachPath}::ltree`);
  const rows = await q.execute();
  return rows.map((r) => ({ ...toMember(r), matchKey: r.match_key }));
}

/** One staff member by id (active or not), or null. */
export async function staffById(db: Db, id: string): Promise<(StaffMember & { unitPath: string }) | null> {
  if (!/^\d{1,18}$/.test(id)) return null;
  const r = await db
    .selectFrom("staff as s")
    .innerJoin("unit as u", "u.id", "s.unit_id")
    .select([...COLUMNS, sql<string>`u.path::text`.as("unit_path")])
    .where("s.id", "=", id)
    .executeTakeFirst();
  return r ? { ...toMember(r), unitPath: r.unit_path } : null;
}

/**
 * Adds a staff member to a unit, or gives the active one of the same unit and key (linking it to the
 * account given, where it has none); returns its id.
 */
export async function addStaffMember(
  db: Db,
  m: { unitId: string; name: string | null; post: string | null; matchKey: string; userId?: string | null },
): Promise<{ id: string; created: boolean }> {
  const existing = await db
    .selectFrom("staff")
    .select(["id", "user_id"])
    .where("unit_id", "=", m.unitId)
    .where("match_key", "=", m.matchKey)
    .where("active", "=", true)
    .executeTakeFirst();
  if (existing) {
    // Listed before (from a plan's flag) and now given the account they sign in with.
    if (m.userId && existing.user_id === null)
      await db.updateTable("staff").set({ user_id: m.userId }).where("id", "=", existing.id).execute();
    return { id: String(existing.id), created: false };
  }
  const r = await db
    .insertInto("staff")
    .values({
      unit_id: m.unitId,
      name: m.name,
      post: m.post,
      match_key: m.matchKey,
      user_id: m.userId ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: String(r.id), created: true };
}

/** The staff member an account is, if any. */
export async function staffOfAccount(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("staff")
    .select("id")
    .where("user_id", "=", userId)
    .where("active", "=", true)
    .execute();
  return rows.map((r) => String(r.id));
}

/**
 * The names of the staff a work item names, by work item id: the staff of its task's unit
 * references of its role who belong to its unit.
 */
export function personsOf(workItem: RawBuilder<unknown>): RawBuilder<string[]> {
  return sql<string[]>`coalesce((select array_agg(
      case when ps.name is null then ps.post when ps.post is null then ps.name
           else ps.name || ' (' || ps.post || ')' end order by ps.name)
    from work_item pw join task_unit ptu on ptu.task_id = pw.task_id and ptu.role = pw.role
    join staff ps on ps.id = any(ptu.staff_ids) and ps.unit_id = pw.unit_id
    where pw.id = ${workItem}), '{}')`;
}
