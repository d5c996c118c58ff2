import { describe, expect, it } from "vitest";
import { addDays } from "./clock.js";
import { leapMonth, lunarToSolar, solarToLunar } from "./lunar-calendar.js";

describe("lunarToSolar", () => {
  // Tết (1/1 lunar) as celebrated in Vietnam.
  const tet: Array<[number, string]> = [
    [1968, "1968-01-29"], // the North's first Tết reckoned for UTC+7; the South's, for UTC+8, was 30 Jan
    [1985, "1985-01-21"], // China: 20 Feb
    [2000, "2000-02-05"],
    [2001, "2001-01-24"],
    [2002, "2002-02-12"],
    [2003, "2003-02-01"],
    [2004, "2004-01-22"],
    [2005, "2005-02-09"],
    [2006, "2006-01-29"],
    [2007, "2007-02-17"], // new moon 16:14 UTC, 23:14 in Vietnam; China: 18 Feb
    [2008, "2008-02-07"],
    [2009, "2009-01-26"],
    [2010, "2010-02-14"],
    [2011, "2011-02-03"],
    [2012, "2012-01-23"],
    [2013, "2013-02-10"],
    [2014, "2014-01-31"],
    [2015, "2015-02-19"],
    [2016, "2016-02-08"],
    [2017, "2017-01-28"],
    [2018, "2018-02-16"],
    [2019, "2019-02-05"],
    [2020, "2020-01-25"],
    [2021, "2021-02-12"],
    [2022, "2022-02-01"],
    [2023, "2023-01-22"],
    [2024, "2024-02-10"],
    [2025, "2025-01-29"],
    [2026, "2026-02-17"],
    [2027, "2027-02-06"],
    [2028, "2028-01-26"],
    [2029, "2029-02-13"],
    [2030, "2030-02-02"], // new moon 16:07 UTC, 23:07 in Vietnam; China: 3 Feb
  ];
  it.each(tet)("puts Tết %i on %s", (year, date) => {
    expect(lunarToSolar(year, 1, 1)).toBe(date);
  });

  // Giỗ Tổ Hùng Vương, 10/3 lunar.
  const hungKings: Array<[number, string]> = [
    [2019, "2019-04-14"],
    [2020, "2020-04-02"],
    [2021, "2021-04-21"],
    [2022, "2022-04-10"],
    [2023, "2023-04-29"], // after the leap month 2
    [2024, "2024-04-18"],
    [2025, "2025-04-07"],
    [2026, "2026-04-26"],
  ];
  it.each(hungKings)("puts Giỗ Tổ Hùng Vương %i on %s", (year, date) => {
    expect(lunarToSolar(year, 3, 10)).toBe(date);
  });

  it("tells a leap month from the month it repeats", () => {
    expect(lunarToSolar(2023, 2, 1)).toBe("2023-02-20");
    expect(lunarToSolar(2023, 2, 1, true)).toBe("2023-03-22");
    expect(lunarToSolar(2025, 6, 1)).toBe("2025-06-25");
    expect(lunarToSolar(2025, 6, 1, true)).toBe("2025-07-25");
    expect(lunarToSolar(2025, 7, 1)).toBe("2025-08-23");
  });

  it("refuses a lunar date that does not exist", () => {
    expect(() => lunarToSolar(2024, 2, 1, true)).toThrow(RangeError); // 2024 has no leap month
    expect(() => lunarToSolar(2025, 6, 30, true)).toThrow(RangeError); // the leap 6th has 29 days
    expect(() => lunarToSolar(2025, 13, 1)).toThrow(RangeError);
    expect(() => lunarToSolar(2025, 1, 0)).toThrow(RangeError);
  });
});

describe("leapMonth", () => {
  it("names the month a year repeats", () => {
    expect(leapMonth(2020)).toBe(4);
    expect(leapMonth(2023)).toBe(2);
    expect(leapMonth(2025)).toBe(6);
    expect(leapMonth(2033)).toBe(11); // the "2033 problem": the leap falls after month 11
    expect(leapMonth(2024)).toBeNull();
    expect(leapMonth(2026)).toBeNull();
  });
});

describe("solarToLunar", () => {
  it("reads the lunar date of a day", () => {
    expect(solarToLunar("2026-02-17")).toEqual({ year: 2026, month: 1, day: 1, leap: false });
    expect(solarToLunar("2025-08-22")).toEqual({ year: 2025, month: 6, day: 29, leap: true });
    // The last day of the lunar year: 30 Tết in 2024, 29 in 2026.
    expect(solarToLunar("2024-02-09")).toEqual({ year: 2023, month: 12, day: 30, leap: false });
    expect(solarToLunar("2026-02-16")).toEqual({ year: 2025, month: 12, day: 29, leap: false });
  });

  it("refuses what is not a day", () => {
    expect(() => solarToLunar("2026-02-30")).toThrow(RangeError);
    expect(() => solarToLunar("17/02/2026")).toThrow(RangeError);
  });

  it.each([1900, 1968, 1985, 2023, 2025, 2033, 2099, 2100])(
    "goes there and back for every day of %i, a day at a time",
    (year) => {
      let day = `${year}-01-01`;
      let before = solarToLunar(addDays(day, -1));
      for (; day.startsWith(String(year)); day = addDays(day, 1)) {
        const lunar = solarToLunar(day);
        expect(lunarToSolar(lunar.year, lunar.month, lunar.day, lunar.leap)).toBe(day);
        if (lunar.day === 1) {
          // A new month follows a month of 29 or 30 days: the same number, leap, or the next one.
          expect(before.day === 29 || before.day === 30, day).toBe(true);
          const next = lunar.leap ? before.month : (before.month % 12) + 1;
          expect([lunar.month, lunar.year], day).toEqual([
            next,
            lunar.month === 1 && !lunar.leap ? before.year + 1 : before.year,
          ]);
        } else {
          expect(lunar, day).toEqual({ ...before, day: before.day + 1 });
        }
        before = lunar;
      }
    },
  );
});
