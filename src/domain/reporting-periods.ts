// Reporting periods: a plan's own reporting obligations set them; a plan that orders no datable
// report follows the issuing unit's default regime — out of the box half-yearly with the cut-offs
// of Decree 09/2019/NĐ-CP (data to 14/6 due 15/6, data to 14/12 due 15/12).

import { expandDeadlines } from "../time/expand.js";
import type { Reporting } from "./plan.js";

export const DEFAULT_REGIME = ["06-15", "12-15"];

/** The due dates of a plan's reports in `year`: `reportingDueDates(plan.reporting, 2026)`. */
export function reportingDueDates(
  obligations: readonly Reporting[],
  year: number,
  regime: readonly string[] = DEFAULT_REGIME,
): string[] {
  const dates = new Set<string>();
  for (const o of obligations)
    for (const d of expandDeadlines(o.timeframe, year)) if (d.startsWith(String(year))) dates.add(d);
  if (!dates.size) for (const md of regime) dates.add(`${year}-${md}`);
  return [...dates].sort();
}

/** The period open on `today`: the first due date not yet past, else the last one. */
export function openPeriod(dueDates: readonly string[], today: string): string | null {
  return dueDates.find((d) => d >= today) ?? dueDates[dueDates.length - 1] ?? null;
}
