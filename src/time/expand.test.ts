import { describe, expect, it } from "vitest";
import { expandDeadlines } from "./expand.js";

describe("expandDeadlines", () => {
  it("gives a deadline's due date, a range's end and a recurring timeframe's dates in the year", () => {
    expect(expandDeadlines({ text: "Trong quý I/2023", kind: "deadline", due: "2023-03-31" }, 2023)).toEqual([
      "2023-03-31",
    ]);
    expect(
      expandDeadlines(
        { text: "Giai đoạn 2021–2025", kind: "range", start: "2021-01-01", end: "2025-12-31" },
        2022,
      ),
    ).toEqual(["2025-12-31"]);
    expect(
      expandDeadlines(
        { text: "trước ngày 15/6 và 15/12 hằng năm", kind: "recurring", dates: ["12-15", "06-15"] },
        2024,
      ),
    ).toEqual(["2024-06-15", "2024-12-15"]);
  });

  it("gives nothing for continuous work, unreadable timeframes and years before a recurring start", () => {
    expect(expandDeadlines({ text: "Thường xuyên", kind: "continuous" }, 2024)).toEqual([]);
    expect(expandDeadlines({ text: "Trong quý /2023", kind: "none" }, 2023)).toEqual([]);
    expect(expandDeadlines(null, 2023)).toEqual([]);
    expect(
      expandDeadlines(
        { text: "từ năm 2026, trước ngày 15/12 hằng năm", kind: "recurring", dates: ["12-15"], from: 2026 },
        2025,
      ),
    ).toEqual([]);
  });

  it("moves 29 February to the 28th in a common year", () => {
    expect(
      expandDeadlines({ text: "cuối tháng 2 hằng năm", kind: "recurring", dates: ["02-29"] }, 2025),
    ).toEqual(["2025-02-28"]);
    expect(
      expandDeadlines({ text: "cuối tháng 2 hằng năm", kind: "recurring", dates: ["02-29"] }, 2024),
    ).toEqual(["2024-02-29"]);
  });
});
