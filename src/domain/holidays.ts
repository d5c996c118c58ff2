// Vietnam's public holidays and the working days of state agencies, to move a deadline that falls
// on a day off. The holidays are those of the Labour Code 2019 (Bộ luật Lao động 2019, điều 112);
// each year the Government's notice fixes the Tết days, the second Quốc khánh day and any day in
// lieu (nghỉ bù), which an administrator enters as a list that `readHolidayLines` reads.

import { addDays } from "./clock.js";
import { lunarToSolar } from "./lunar-calendar.js";

export type Holiday = { date: string; name: string };

/** Either holidays with their names or just their ISO days. */
export type Holidays = ReadonlySet<string> | readonly Holiday[];

/**
 * The holidays of `year` as the Labour Code sets them, before the year's notice, sorted by date:
 * eleven days, `defaultHolidays(2026)` → 2026-01-01 Tết Dương lịch, 2026-02-16 … 2026-02-20 Tết
 * Nguyên đán, 2026-04-26 Giỗ Tổ Hùng Vương, 2026-04-30, 2026-05-01, 2026-09-01 and 2026-09-02.
 */
export function defaultHolidays(year: number): Holiday[] {
  const tet = lunarToSolar(year, 1, 1);
  const holidays: Holiday[] = [
    { date: `${year}-01-01`, name: "Tết Dương lịch" },
    // Five days of Tết: the law leaves the choice to the Government; by default the last day of the
    // old lunar year (30 or 29 of month 12) and the first four of the new one.
    ...[-1, 0, 1, 2, 3].map((d) => ({ date: addDays(tet, d), name: "Tết Nguyên đán" })),
    { date: lunarToSolar(year, 3, 10), name: "Giỗ Tổ Hùng Vương" },
    { date: `${year}-04-30`, name: "Ngày Chiến thắng" },
    { date: `${year}-05-01`, name: "Ngày Quốc tế Lao động" },
    // The law gives 2/9 and one day before or after it; by default the day before, 1/9.
    { date: `${year}-09-01`, name: "Quốc khánh" },
    { date: `${year}-09-02`, name: "Quốc khánh" },
  ];
  return holidays.sort((a, b) => a.date.localeCompare(b.date));
}

/** 0 for Sunday … 6 for Saturday; throws on anything but an ISO day. */
function weekday(iso: string): number {
  const day = new Date(Date.parse(`${iso}T00:00:00Z`));
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== iso) {
    throw new RangeError(`not a date: ${iso}`);
  }
  return day.getUTCDay();
}

/** Saturday and Sunday: state agencies work five days a week. `isWeekend("2026-05-02")` → true. */
export function isWeekend(iso: string): boolean {
  const day = weekday(iso);
  return day === 0 || day === 6;
}

/** The name of the holiday on a day, if any, for a list with names or a bare set of days. */
function holidayNames(holidays: Holidays): (iso: string) => string | null {
  if ("has" in holidays) return (iso) => (holidays.has(iso) ? "Ngày nghỉ lễ" : null);
  const names = new Map(holidays.map((h) => [h.date, h.name]));
  return (iso) => names.get(iso) ?? null;
}

/**
 * Why a day is off, or null on a working day. A holiday is named before a weekend:
 * `dayOff("2026-05-02", holidays)` → { kind: "weekend", name: "Thứ bảy" };
 * `dayOff("2026-09-02", holidays)` → { kind: "holiday", name: "Quốc khánh" }.
 */
export function dayOff(
  iso: string,
  holidays: Holidays,
): { kind: "weekend" | "holiday"; name: string } | null {
  const name = holidayNames(holidays)(iso);
  if (name) return { kind: "holiday", name };
  const day = weekday(iso);
  if (day === 0) return { kind: "weekend", name: "Chủ nhật" };
  if (day === 6) return { kind: "weekend", name: "Thứ bảy" };
  return null;
}

export function isWorkingDay(iso: string, holidays: Holidays): boolean {
  return dayOff(iso, holidays) === null;
}

/** The day itself if it is a working day, else the next one: "2026-05-02" (Saturday) → "2026-05-04". */
export function nextWorkingDay(iso: string, holidays: Holidays): string {
  const holiday = holidayNames(holidays);
  let day = iso;
  while (holiday(day) || isWeekend(day)) day = addDays(day, 1);
  return day;
}

// "2027-02-05 Tết Nguyên đán"
const ISO_LINE = /^(\d{4})-(\d{2})-(\d{2})(?:\s+(.*))?$/;
// "05/02/2027 Tết Nguyên đán", as Vietnamese documents write dates; also "5/2/2027 - Nghỉ bù"
const VI_LINE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(.*))?$/;
// "- Nghỉ bù" or ": Nghỉ bù": a dash or colon between the date and the name is left out
const SEPARATOR = /^[-–:]\s*/;

/**
 * An administrator's list of holidays, one a line, the date first, ISO or dd/mm/yyyy, then the
 * name; blank lines and lines starting with "#" are skipped, a line with no name is "Ngày nghỉ lễ",
 * a date given twice keeps its first name. Every bad line is named in the error, one a line:
 * `readHolidayLines("31/02/2027 Nghỉ bù")` → { error: "dòng 1: «31/02/2027» không phải ngày có thật" }.
 */
export function readHolidayLines(text: string): { holidays: Holiday[] } | { error: string } {
  const found = new Map<string, Holiday>();
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith("#")) return;
    const iso = ISO_LINE.exec(line);
    const m = iso ?? VI_LINE.exec(line);
    if (!m) {
      errors.push(
        `dòng ${i + 1}: «${line}» không bắt đầu bằng một ngày; viết như «2027-02-05 Tết Nguyên đán» hoặc «05/02/2027 Tết Nguyên đán»`,
      );
      return;
    }
    const [year, month, day] = (iso ? [m[1], m[2], m[3]] : [m[3], m[2], m[1]]).map(Number) as [
      number,
      number,
      number,
    ];
    const date = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    const real = new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10) === date;
    if (!real) {
      errors.push(`dòng ${i + 1}: «${line.split(/\s/)[0]}» không phải ngày có thật`);
      return;
    }
    const name = (m[4] ?? "").replace(SEPARATOR, "").trim() || "Ngày nghỉ lễ";
    if (!found.has(date)) found.set(date, { date, name });
  });
  if (errors.length) return { error: errors.join("\n") };
  return { holidays: [...found.values()].sort((a, b) => a.date.localeCompare(b.date)) };
}
