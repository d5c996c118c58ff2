import { describe, expect, it } from "vitest";
import { type WarningFacts, warningsOf } from "./warnings.js";

// Work of a plan published 1 June, due 30 June (29 days), never reported on.
const base: WarningFacts = {
  status: "not_started",
  doneOn: null,
  deadlines: ["2026-06-30"],
  startOn: "2026-06-01",
  updatedOn: null,
};
const kinds = (w: WarningFacts, day: string) => warningsOf(w, day).map((x) => x.kind);

describe("warnings as facts", () => {
  it("says nothing of fresh work, and nothing of done work however late", () => {
    expect(warningsOf(base, "2026-06-05")).toEqual([]);
    expect(warningsOf({ ...base, status: "done", doneOn: "2026-09-01" }, "2026-12-01")).toEqual([]);
  });

  it("states how many days are left, then how many days overdue, with the date", () => {
    expect(warningsOf({ ...base, status: "in_progress", updatedOn: "2026-06-20" }, "2026-06-25")[0]).toEqual({
      kind: "due_soon",
      value: 5,
      text: "còn 5 ngày đến hạn 30/06/2026",
    });
    expect(warningsOf({ ...base, updatedOn: "2026-06-29" }, "2026-06-30")[0]?.text).toBe(
      "đến hạn hôm nay (30/06/2026)",
    );
    expect(warningsOf({ ...base, updatedOn: "2026-07-10" }, "2026-07-12")).toEqual([
      { kind: "overdue", value: 12, text: "quá hạn 12 ngày (hạn 30/06/2026)" },
    ]);
  });

  it("says work is not started once a third of its time is gone, and in progress near its end", () => {
    // 10 of 29 days gone: 34%.
    expect(warningsOf(base, "2026-06-11")).toEqual([
      { kind: "not_started", value: 34, text: "chưa triển khai, đã qua 34% thời gian" },
    ]);
    expect(kinds(base, "2026-06-10")).toEqual([]); // 31%
    const going = { ...base, status: "in_progress" as const, updatedOn: "2026-06-20" };
    expect(kinds(going, "2026-06-22")).toEqual([]); // 72%, more than a week left
    expect(kinds(going, "2026-06-24")).toEqual(["due_soon"]); // 79%
    expect(warningsOf(going, "2026-06-25").map((w) => w.text)).toEqual([
      "còn 5 ngày đến hạn 30/06/2026",
      "đang thực hiện, đã qua 83% thời gian",
    ]);
  });

  it("counts the days without a report from the last one, or from the start when there was none", () => {
    const long = { ...base, deadlines: ["2026-12-31"], status: "in_progress" as const };
    expect(kinds({ ...long, updatedOn: "2026-06-20" }, "2026-07-19")).toEqual([]);
    expect(warningsOf({ ...long, updatedOn: "2026-06-20" }, "2026-07-20")).toEqual([
      { kind: "no_update", value: 30, text: "không cập nhật 30 ngày" },
    ]);
    expect(warningsOf({ ...long, status: "not_started" }, "2026-07-01").map((w) => w.text)).toEqual([
      "chưa báo cáo lần nào sau 30 ngày",
    ]);
  });

  it("never dates continuous work: no deadline, no share of time, only the days without a report", () => {
    const continuous = { ...base, deadlines: [] };
    expect(kinds(continuous, "2026-06-20")).toEqual([]);
    expect(kinds(continuous, "2026-08-01")).toEqual(["no_update"]);
  });
});
