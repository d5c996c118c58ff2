import { describe, expect, it } from "vitest";
import {
  dayOff,
  defaultHolidays,
  type Holiday,
  isWeekend,
  isWorkingDay,
  nextWorkingDay,
  readHolidayLines,
} from "./holidays.js";

const y2026 = defaultHolidays(2026);

describe("defaultHolidays", () => {
  it("lists the Labour Code's eleven days, sorted", () => {
    expect(y2026).toEqual([
      { date: "2026-01-01", name: "Tết Dương lịch" },
      { date: "2026-02-16", name: "Tết Nguyên đán" }, // 29/12 Ất Tỵ, the last day of the year
      { date: "2026-02-17", name: "Tết Nguyên đán" },
      { date: "2026-02-18", name: "Tết Nguyên đán" },
      { date: "2026-02-19", name: "Tết Nguyên đán" },
      { date: "2026-02-20", name: "Tết Nguyên đán" },
      { date: "2026-04-26", name: "Giỗ Tổ Hùng Vương" },
      { date: "2026-04-30", name: "Ngày Chiến thắng" },
      { date: "2026-05-01", name: "Ngày Quốc tế Lao động" },
      { date: "2026-09-01", name: "Quốc khánh" },
      { date: "2026-09-02", name: "Quốc khánh" },
    ]);
  });

  it("moves Tết and Giỗ Tổ with the lunar calendar", () => {
    const tet = (year: number) =>
      defaultHolidays(year)
        .filter((h) => h.name === "Tết Nguyên đán")
        .map((h) => h.date);
    const hungKings = (year: number) =>
      defaultHolidays(year).find((h) => h.name === "Giỗ Tổ Hùng Vương")?.date;
    expect(tet(2024)).toEqual(["2024-02-09", "2024-02-10", "2024-02-11", "2024-02-12", "2024-02-13"]);
    expect(tet(2025)).toEqual(["2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01"]);
    expect(hungKings(2024)).toBe("2024-04-18");
    expect(hungKings(2025)).toBe("2025-04-07");
  });

  it("keeps eleven different days inside the year, every year", () => {
    for (let year = 1950; year <= 2100; year++) {
      const dates = defaultHolidays(year).map((h) => h.date);
      expect(new Set(dates).size, String(year)).toBe(11);
      expect(
        dates.every((d) => d.startsWith(`${year}-`)),
        String(year),
      ).toBe(true);
      expect(dates, String(year)).toEqual([...dates].sort());
    }
  });
});

describe("weekends and days off", () => {
  it("takes Saturday and Sunday off", () => {
    expect(isWeekend("2026-05-02")).toBe(true); // Saturday
    expect(isWeekend("2026-05-03")).toBe(true); // Sunday
    expect(isWeekend("2026-05-04")).toBe(false); // Monday
    expect(() => isWeekend("2026-02-30")).toThrow(RangeError);
  });

  it("says why a day is off, a holiday before a weekend", () => {
    expect(dayOff("2026-05-02", y2026)).toEqual({ kind: "weekend", name: "Thứ bảy" });
    expect(dayOff("2026-05-03", y2026)).toEqual({ kind: "weekend", name: "Chủ nhật" });
    expect(dayOff("2026-04-30", y2026)).toEqual({ kind: "holiday", name: "Ngày Chiến thắng" });
    expect(dayOff("2027-05-01", defaultHolidays(2027))).toEqual({
      kind: "holiday",
      name: "Ngày Quốc tế Lao động",
    }); // a Saturday
    expect(dayOff("2026-05-05", y2026)).toBeNull();
  });

  it("takes the holidays as a bare set of days too", () => {
    const days = new Set(["2026-09-01", "2026-09-02"]);
    expect(dayOff("2026-09-02", days)).toEqual({ kind: "holiday", name: "Ngày nghỉ lễ" });
    expect(isWorkingDay("2026-09-02", days)).toBe(false);
    expect(isWorkingDay("2026-09-03", days)).toBe(true);
    expect(nextWorkingDay("2026-09-01", days)).toBe("2026-09-03"); // Tuesday, Wednesday off
  });
});

describe("nextWorkingDay", () => {
  it("keeps a working day", () => {
    expect(nextWorkingDay("2026-05-05", y2026)).toBe("2026-05-05");
  });

  it("moves a due date past weekends and holidays", () => {
    // Saturday after 30/4 (Thursday) and 1/5 (Friday): Monday.
    expect(nextWorkingDay("2026-05-02", y2026)).toBe("2026-05-04");
    expect(nextWorkingDay("2026-04-30", y2026)).toBe("2026-05-04");
    // Tết 2026 runs Monday 16/2 to Friday 20/2, then a weekend.
    expect(nextWorkingDay("2026-02-16", y2026)).toBe("2026-02-23");
    expect(nextWorkingDay("2026-01-01", y2026)).toBe("2026-01-02");
  });

  it("with no holidays skips only the weekend", () => {
    expect(nextWorkingDay("2026-05-02", [])).toBe("2026-05-04");
    expect(nextWorkingDay("2026-04-30", [])).toBe("2026-04-30");
  });
});

describe("readHolidayLines", () => {
  it("reads ISO and Vietnamese dates, skips blanks and comments, sorts", () => {
    const text = [
      "# Thông báo nghỉ Tết 2027",
      "2027-02-05 Tết Nguyên đán",
      "",
      "06/02/2027 Tết Nguyên đán",
      "  8/2/2027 - Nghỉ bù  ",
      "2027-02-04",
      "05/02/2027 trùng ngày",
    ].join("\r\n");
    const holidays: Holiday[] = [
      { date: "2027-02-04", name: "Ngày nghỉ lễ" },
      { date: "2027-02-05", name: "Tết Nguyên đán" },
      { date: "2027-02-06", name: "Tết Nguyên đán" },
      { date: "2027-02-08", name: "Nghỉ bù" },
    ];
    expect(readHolidayLines(text)).toEqual({ holidays });
    expect(readHolidayLines("")).toEqual({ holidays: [] });
  });

  it("accepts 29 February in a leap year only", () => {
    expect(readHolidayLines("29/02/2028 Nghỉ")).toEqual({ holidays: [{ date: "2028-02-29", name: "Nghỉ" }] });
    expect(readHolidayLines("29/02/2027 Nghỉ")).toEqual({
      error: "dòng 1: «29/02/2027» không phải ngày có thật",
    });
  });

  it("names every line it refuses", () => {
    const text = [
      "2027-02-05 Tết Nguyên đán",
      "2027-13-01 Tết",
      "31/02/2027 Tết Nguyên đán",
      "Tết 2027",
    ].join("\n");
    const read = readHolidayLines(text);
    expect(read).toEqual({
      error: [
        "dòng 2: «2027-13-01» không phải ngày có thật",
        "dòng 3: «31/02/2027» không phải ngày có thật",
        "dòng 4: «Tết 2027» không bắt đầu bằng một ngày; viết như «2027-02-05 Tết Nguyên đán» hoặc «05/02/2027 Tết Nguyên đán»",
      ].join("\n"),
    });
  });
});
