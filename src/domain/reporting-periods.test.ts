import { describe, expect, it } from "vitest";
import {
  isLocked,
  lastLockedPeriod,
  lockedFrom,
  openPeriod,
  planPeriod,
  readRegime,
  reportingDueDates,
  reportRemindersOn,
} from "./reporting-periods.js";

describe("reporting periods", () => {
  it("come from the plan's reporting obligations", () => {
    const obligations = [
      {
        from: [],
        to: [],
        text: "",
        timeframe: {
          text: "định kỳ trước ngày 15/6 và 15/12",
          kind: "recurring" as const,
          dates: ["06-15", "12-15"],
        },
      },
      {
        from: [],
        to: [],
        text: "",
        timeframe: { text: "trước ngày 20/12/2026", kind: "deadline" as const, due: "2026-12-20" },
      },
    ];
    expect(reportingDueDates(obligations, 2026)).toEqual(["2026-06-15", "2026-12-15", "2026-12-20"]);
  });

  it("fall back to the half-yearly regime of Decree 09/2019/NĐ-CP", () => {
    expect(reportingDueDates([], 2026)).toEqual(["2026-06-15", "2026-12-15"]);
  });

  it("open on the first due date not yet past", () => {
    expect(openPeriod(["2026-06-15", "2026-12-15"], "2026-07-01")).toBe("2026-12-15");
    expect(openPeriod(["2026-06-15", "2026-12-15"], "2026-06-15")).toBe("2026-06-15");
    expect(openPeriod(["2026-06-15", "2026-12-15"], "2027-01-02")).toBe("2026-12-15");
    expect(openPeriod([], "2027-01-02")).toBeNull();
  });
});

describe("a unit's reporting regime", () => {
  it("is read as an administrator types it, day before month", () => {
    expect(readRegime("15/6, 15/12")).toEqual({ days: ["06-15", "12-15"] });
    expect(readRegime("30/9; 31/3")).toEqual({ days: ["03-31", "09-30"] });
    expect(readRegime("06-15,12-15,06-15")).toEqual({ days: ["06-15", "12-15"] });
  });

  it("refuses days that do not exist every year, and says which", () => {
    expect(readRegime("31/2")).toEqual({ error: "«31/2» không phải ngày/tháng có thật" });
    expect(readRegime("29/2")).toEqual({ error: "«29/2» không phải ngày/tháng có thật" });
    expect(readRegime("15/13")).toHaveProperty("error");
    expect(readRegime("hằng quý")).toHaveProperty("error");
    expect(readRegime(" , ")).toHaveProperty("error");
  });

  it("sets the open period of a plan that orders no datable report", () => {
    expect(planPeriod([], ["03-31", "09-30"], "2026-11-23")).toBe("2027-03-31");
    expect(planPeriod([], ["03-31", "09-30"], "2026-09-30")).toBe("2026-09-30");
    expect(planPeriod([], null, "2026-11-23")).toBe("2026-12-15");
  });

  it("keeps a period open ten days past its due date for the late reports, then opens the next", () => {
    expect(planPeriod([], null, "2026-12-20")).toBe("2026-12-15");
    expect(planPeriod([], null, "2026-12-25")).toBe("2026-12-15");
    expect(planPeriod([], null, "2026-12-26")).toBe("2027-06-15");
    expect(openPeriod(["2026-06-15"], "2026-06-20", 10)).toBe("2026-06-15");
  });

  it("locks a period the day after its grace days, the plan's own or the default ten", () => {
    expect(lockedFrom("2026-06-15", 10)).toBe("2026-06-26");
    expect(isLocked("2026-06-15", "2026-06-25", 10)).toBe(false);
    expect(isLocked("2026-06-15", "2026-06-26", 10)).toBe(true);
    expect(isLocked("2026-06-15", "2026-06-16", 0)).toBe(true);
    // With three grace days, the June period gives way to December's on the 19th.
    expect(planPeriod([], null, "2026-06-18", 3)).toBe("2026-06-15");
    expect(planPeriod([], null, "2026-06-19", 3)).toBe("2026-12-15");
  });

  it("names the last locked period, across the turn of a year", () => {
    expect(lastLockedPeriod([], null, "2026-07-01", 10)).toBe("2026-06-15");
    expect(lastLockedPeriod([], null, "2026-06-20", 10)).toBe("2025-12-15");
    expect(lastLockedPeriod([], null, "2027-01-05", 10)).toBe("2026-12-15");
    expect(lastLockedPeriod([], null, "2026-12-20", 10)).toBe("2026-06-15");
    expect(lastLockedPeriod([], null, "2026-12-20", 0)).toBe("2026-12-15");
  });
});

describe("report reminders", () => {
  const halfYearly = (day: string, published = "2026-03-01") =>
    reportRemindersOn([], null, day, [7, 3, 1], 10, published);

  it("come on the plan's reminder days before a due date, on the day and on the last day taken", () => {
    expect(halfYearly("2026-06-08")).toEqual([{ due: "2026-06-15", left: 7 }]);
    expect(halfYearly("2026-06-12")).toEqual([{ due: "2026-06-15", left: 3 }]);
    expect(halfYearly("2026-06-14")).toEqual([{ due: "2026-06-15", left: 1 }]);
    expect(halfYearly("2026-06-15")).toEqual([{ due: "2026-06-15", left: 0 }]);
    expect(halfYearly("2026-06-25")).toEqual([{ due: "2026-06-15", left: -10 }]);
    for (const quiet of ["2026-06-07", "2026-06-10", "2026-06-16", "2026-06-24", "2026-06-26"])
      expect(halfYearly(quiet)).toEqual([]);
  });

  it("cross a year's end: a period due on 5/1 is reminded of in December", () => {
    expect(reportRemindersOn([], ["01-05", "07-05"], "2026-12-29", [7], 10, "2026-01-10")).toEqual([
      { due: "2027-01-05", left: 7 },
    ]);
  });

  it("follow the plan's own report dates, two of which may fall on one day's reminders", () => {
    const obligations = [
      {
        from: [],
        to: [],
        text: "",
        timeframe: { text: "trước ngày 20/12/2026", kind: "deadline" as const, due: "2026-12-20" },
      },
      {
        from: [],
        to: [],
        text: "",
        timeframe: { text: "trước ngày 13/12/2026", kind: "deadline" as const, due: "2026-12-13" },
      },
    ];
    expect(reportRemindersOn(obligations, null, "2026-12-13", [7, 3, 1], 10, "2026-11-01")).toEqual([
      { due: "2026-12-20", left: 7 },
      { due: "2026-12-13", left: 0 },
    ]);
  });

  it("leave out periods due before the plan was published", () => {
    expect(halfYearly("2026-06-12", "2026-06-20")).toEqual([]);
    expect(halfYearly("2026-06-25", "2026-06-20")).toEqual([]);
    expect(halfYearly("2026-12-12", "2026-06-20")).toEqual([{ due: "2026-12-15", left: 3 }]);
  });

  it("with no grace days, the due day is the last and is reminded of once", () => {
    expect(reportRemindersOn([], null, "2026-06-15", [7], 0, null)).toEqual([{ due: "2026-06-15", left: 0 }]);
  });
});
