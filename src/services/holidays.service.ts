// Working days and holidays of the installation: the holiday calendar (the Labour Code's days by
// default, Tết from the lunar calendar; a year an administrator set from the Government's notice
// replaces them), whether a due date on a day off moves to the next working day when a plan is
// published, and the time zone "today" is counted in.

import {
  clearHolidayYear,
  dueDatesOfPlan,
  holidayYears,
  moveDueDates,
  replaceHolidayYear,
} from "../db/holidays.repository.js";
import type { Db } from "../db/schema.js";
import { readSetting, writeSetting } from "../db/settings.repository.js";
import { inTransaction } from "../db/transaction.js";
import { DEFAULT_ZONE, today as todayOf } from "../domain/clock.js";
import { DomainError } from "../domain/errors.js";
import { defaultHolidays, type Holiday, nextWorkingDay, readHolidayLines } from "../domain/holidays.js";
import { audit } from "./audit.js";
import type { ServiceContext } from "./context.js";
import { type Actor, ensureAllowed, may } from "./policies.js";

const MOVE_SETTING = "due_on_day_off";

export interface HolidayCalendar {
  year: number;
  /** "default": the Labour Code's days, computed; "set": entered by an administrator. */
  source: "default" | "set";
  setAt: string | null;
  holidays: Holiday[];
}

export interface WorkingDaySettings {
  /** True: a due date on a Sunday or a holiday moves to the next working day when a plan is published. */
  moveDueToWorkingDay: boolean;
  zone: string;
}

/** The holidays of the years asked, as the installation has them. */
export async function holidaysFor(db: Db, years: readonly number[]): Promise<Holiday[]> {
  const wanted = [...new Set(years)];
  const set = new Map((await holidayYears(db, wanted)).map((y) => [y.year, y.holidays]));
  return wanted.flatMap((y) => set.get(y) ?? defaultHolidays(y));
}

/** One year's calendar, where it comes from: `await holidayCalendar(ctx, 2027)`. */
export async function holidayCalendar(ctx: ServiceContext, year: number): Promise<HolidayCalendar> {
  const [set] = await holidayYears(ctx.db, [year]);
  return set
    ? { year, source: "set", setAt: set.setAt, holidays: set.holidays }
    : { year, source: "default", setAt: null, holidays: defaultHolidays(year) };
}

/**
 * An administrator sets a year's holidays from the Government's notice, one a line
 * ("2027-02-05 Tết Nguyên đán" or "05/02/2027 Tết Nguyên đán"); an empty list returns the year to
 * the defaults.
 */
export async function setHolidays(
  ctx: ServiceContext,
  actor: Actor,
  year: number,
  text: string,
): Promise<HolidayCalendar> {
  ensureAllowed(may.administer(actor));
  if (!Number.isInteger(year) || year < 1900 || year > 2199)
    throw new DomainError("holiday.invalid", "Năm không hợp lệ.", [
      { field: "year", reason: "từ 1900 đến 2199" },
    ]);
  const read = readHolidayLines(text);
  if ("error" in read)
    throw new DomainError("holiday.invalid", `Danh sách ngày nghỉ không hợp lệ:\n${read.error}`, [
      { field: "text", reason: read.error },
    ]);
  const outside = read.holidays.filter((h) => !h.date.startsWith(`${year}-`));
  if (outside.length)
    throw new DomainError("holiday.invalid", `Có ngày không thuộc năm ${year}.`, [
      { field: "text", reason: `ngày ngoài năm ${year}: ${outside.map((h) => h.date).join(", ")}` },
    ]);
  await inTransaction(ctx.db, async (trx) => {
    if (read.holidays.length) await replaceHolidayYear(trx, year, read.holidays, actor.id, ctx.clock.now());
    else await clearHolidayYear(trx, year);
    await audit(ctx, trx, actor, {
      action: "holidays.set",
      objectType: "setting",
      objectId: String(year),
      after: { holidays: read.holidays },
    });
  });
  return holidayCalendar(ctx, year);
}

export async function workingDaySettings(ctx: ServiceContext): Promise<WorkingDaySettings> {
  return {
    moveDueToWorkingDay: (await readSetting(ctx.db, MOVE_SETTING)) === "next_working_day",
    zone: ctx.clock.zone ?? DEFAULT_ZONE,
  };
}

export async function setMoveDueToWorkingDay(
  ctx: ServiceContext,
  actor: Actor,
  on: boolean,
): Promise<WorkingDaySettings> {
  ensureAllowed(may.administer(actor));
  await inTransaction(ctx.db, async (trx) => {
    await writeSetting(trx, MOVE_SETTING, on ? "next_working_day" : "keep", actor.id, ctx.clock.now());
    await audit(ctx, trx, actor, {
      action: "setting.due_on_day_off",
      objectType: "setting",
      objectId: MOVE_SETTING,
      after: { moveDueToWorkingDay: on },
    });
  });
  return workingDaySettings(ctx);
}

/**
 * On publication, where the installation says so: a plan's due dates that fall on a Sunday, a
 * Saturday or a holiday move to the next working day; the date the plan wrote is kept. Returns how
 * many deadlines moved.
 */
export async function moveDueDatesOffDaysOff(trx: Db, planId: string): Promise<number> {
  if ((await readSetting(trx, MOVE_SETTING)) !== "next_working_day") return 0;
  const dues = await dueDatesOfPlan(trx, planId);
  if (!dues.length) return 0;
  const years = dues.flatMap((d) => [Number(d.slice(0, 4)), Number(d.slice(0, 4)) + 1]);
  const holidays = await holidaysFor(trx, years);
  const moves = dues
    .map((from) => ({ from, to: nextWorkingDay(from, holidays) }))
    .filter((m) => m.to !== m.from);
  return moves.length ? moveDueDates(trx, planId, moves) : 0;
}

/** The day off a date falls on, for showing beside it ("Chủ nhật", "Quốc khánh"), with the calendar of today's years. */
export async function todaysCalendar(ctx: ServiceContext): Promise<Holiday[]> {
  const year = Number(todayOf(ctx.clock).slice(0, 4));
  return holidaysFor(ctx.db, [year - 1, year, year + 1, year + 2]);
}
