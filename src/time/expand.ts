// A timeframe as the dated deadlines it gives in one year: the dates units are held to.
//   deadline "Trong quý I/2023"                 → 2023-03-31
//   recurring "trước ngày 15/6 và 15/12 hằng năm" → 2024-06-15, 2024-12-15 (for 2024)
//   range "Giai đoạn 2021–2025"                 → 2025-12-31 (its end)
// "Thường xuyên" has no date of its own: such a task is judged per reporting period.

import type { Timeframe } from "../domain/plan.js";

function lastDayOfFebruary(year: number): number {
  return new Date(Date.UTC(year, 2, 0)).getUTCDate();
}

/** `expandDeadlines({ kind: "recurring", dates: ["06-15", "12-15"], text: "…" }, 2024)` → `["2024-06-15", "2024-12-15"]` */
export function expandDeadlines(tf: Timeframe | null, year: number): string[] {
  if (!tf) return [];
  switch (tf.kind) {
    case "deadline":
      return tf.due ? [tf.due] : [];
    case "range":
      return tf.end ? [tf.end] : [];
    case "recurring": {
      if (tf.from && tf.from > year) return [];
      return (tf.dates ?? [])
        .map((md) => {
          // "02-29" in a year without it falls on the last day of February.
          if (md === "02-29" && lastDayOfFebruary(year) === 28) return `${year}-02-28`;
          return `${year}-${md}`;
        })
        .sort();
    }
    default:
      return [];
  }
}
