// The holiday calendar as administrators set it, year by year; the deadlines a plan's work falls
// due on, and moving those that fall on a day off.

import { sql } from "kysely";
import type { Db } from "./schema.js";

export interface StoredHolidayYear {
  year: number;
  holidays: Array<{ date: string; name: string }>;
  setAt: string;
}

/** The years among `years` an administrator set, with their days. */
export async function holidayYears(db: Db, years: readonly number[]): Promise<StoredHolidayYear[]> {
  if (!years.length) return [];
  const set = await db
    .selectFrom("holiday_year")
    .select(["year", "set_at"])
    .where("year", "in", [...years])
    .execute();
  if (!set.length) return [];
  const days = await db
    .selectFrom("holiday")
    .select([sql<string>`day::text`.as("day"), "name", "year"])
    .where(
      "year",
      "in",
      set.map((y) => y.year),
    )
    .orderBy("day")
    .execute();
  return set.map((y) => ({
    year: y.year,
    setAt: new Date(y.set_at).toISOString(),
    holidays: days.filter((d) => d.year === y.year).map((d) => ({ date: d.day, name: d.name })),
  }));
}

/** Replaces a year's holidays with those given (every date within the year). */
export async function replaceHolidayYear(
  db: Db,
  year: number,
  holidays: ReadonlyArray<{ date: string; name: string }>,
  by: string,
  at: Date,
): Promise<void> {
  await db.deleteFrom("holiday_year").where("year", "=", year).execute();
  await db.insertInto("holiday_year").values({ year, set_by: by, set_at: at }).execute();
  if (holidays.length)
    await db
      .insertInto("holiday")
      .values(holidays.map((h) => ({ day: h.date, year, name: h.name })))
      .execute();
}

/** Returns a year to the Labour Code's defaults. */
export async function clearHolidayYear(db: Db, year: number): Promise<void> {
  await db.deleteFrom("holiday_year").where("year", "=", year).execute();
}

/** The distinct due dates of a plan's work. */
export async function dueDatesOfPlan(db: Db, planId: string): Promise<string[]> {
  const rows = await sql<{ due: string }>`
    select distinct d.due::text as due from deadline d
    join work_item w on w.id = d.work_item_id
    join task t on t.id = w.task_id
    where t.plan_id = ${planId} order by 1`.execute(db);
  return rows.rows.map((r) => r.due);
}

/** Moves a plan's deadlines by `moves` (from → to), keeping the date the plan wrote. */
export async function moveDueDates(
  db: Db,
  planId: string,
  moves: ReadonlyArray<{ from: string; to: string }>,
): Promise<number> {
  let n = 0;
  for (const m of moves) {
    // Work already due on the working day keeps that one deadline (a deadline is a day, once).
    await sql`
      delete from deadline d using work_item w, task t
      where w.id = d.work_item_id and t.id = w.task_id and t.plan_id = ${planId} and d.due = ${m.from}::date
        and exists (select 1 from deadline e where e.work_item_id = d.work_item_id and e.due = ${m.to}::date)`.execute(
      db,
    );
    const r = await sql`
      update deadline d set due = ${m.to}::date, moved_from = coalesce(d.moved_from, d.due)
      from work_item w join task t on t.id = w.task_id
      where w.id = d.work_item_id and t.plan_id = ${planId} and d.due = ${m.from}::date`.execute(db);
    n += Number(r.numAffectedRows ?? 0);
  }
  return n;
}
