import { describe, expect, it } from "vitest";
import { classify, daysBetween } from "./progress.js";

describe("classify", () => {
  const today = "2026-08-01";
  it.each([
    [{ status: "done", doneOn: "2026-06-20", deadlines: ["2026-06-30"] }, "done_on_time"],
    [{ status: "done", doneOn: "2026-07-02", deadlines: ["2026-06-30"] }, "done_late"],
    [{ status: "done", doneOn: null, deadlines: [] }, "done_on_time"],
    [{ status: "in_progress", doneOn: null, deadlines: ["2026-12-31"] }, "in_progress"],
    [{ status: "not_started", doneOn: null, deadlines: ["2026-06-30"] }, "overdue"],
    [{ status: "in_progress", doneOn: null, deadlines: [] }, "in_progress"],
  ] as const)("%o → %s", (item, state) => {
    expect(classify(item, today)).toBe(state);
  });

  it("counts days", () => {
    expect(daysBetween("2026-06-30", "2026-07-12")).toBe(12);
  });
});
