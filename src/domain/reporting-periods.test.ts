import { describe, expect, it } from "vitest";
import { openPeriod, reportingDueDates } from "./reporting-periods.js";

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
