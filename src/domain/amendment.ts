// What an amending plan changes in the plan it amends, task by task. Tasks are paired by their
// titles (the words they share), the amendment's numbering being its own. An amendment that restates
// most of the plan ("Kế hoạch … (sửa đổi)") replaces its list: a task it leaves out is removed. One
// that restates a few tasks ("Điều chỉnh thời gian thực hiện nhiệm vụ 3 …") changes those and adds
// its new ones; nothing else is touched.

import { foldKey } from "../text/fold.js";
import type { Timeframe } from "./plan.js";

export interface ComparedTask {
  key: string;
  title: string;
  timeframe: Timeframe | null;
  /** The dated deadlines its timeframe gives. */
  deadlines: string[];
  /** Lead units as resolved (ids) and as written. */
  leadIds: string[];
  leadNames: string[];
}

export type TaskChange =
  | { kind: "added"; key: string; title: string }
  | { kind: "removed"; target: string; title: string }
  | {
      kind: "changed";
      key: string;
      target: string;
      title: string;
      deadline: {
        before: ComparedTask["timeframe"];
        after: ComparedTask["timeframe"];
        from: string[];
        to: string[];
      } | null;
      lead: { from: string[]; to: string[]; toIds: string[] } | null;
    };

export interface AmendmentDiff {
  /** "full": the amendment restates the plan, what it leaves out is removed; "partial": it names changes. */
  mode: "full" | "partial";
  changes: TaskChange[];
  /** Tasks paired and found the same. */
  unchanged: number;
}

const words = (title: string) =>
  new Set(
    foldKey(title)
      .split(" ")
      .filter((w) => w.length > 1),
  );

/** Shared words over the words of the longer title: 1 for the same title. */
export function titleLikeness(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (!x.size || !y.size) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / Math.max(x.size, y.size);
}

/** Pairs above this likeness are the same task restated. */
const SAME_TASK = 0.6;
/** An amendment pairing more than this share of the plan's tasks restates the plan. */
const RESTATES = 0.5;

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join("|") === [...b].sort().join("|");

/** `diffAmendment(planTasks, amendmentTasks)`: what publishing the amendment would change. */
export function diffAmendment(
  target: readonly ComparedTask[],
  amendment: readonly ComparedTask[],
): AmendmentDiff {
  // Greedy pairing, best likeness first; a tie goes to the same key.
  const candidates: Array<{ a: number; t: number; score: number }> = [];
  amendment.forEach((a, i) => {
    target.forEach((t, j) => {
      const score = titleLikeness(a.title, t.title) + (a.key === t.key ? 0.01 : 0);
      if (score >= SAME_TASK) candidates.push({ a: i, t: j, score });
    });
  });
  candidates.sort((x, y) => y.score - x.score);
  const pairOfA = new Map<number, number>();
  const paired = new Set<number>();
  for (const c of candidates)
    if (!pairOfA.has(c.a) && !paired.has(c.t)) {
      pairOfA.set(c.a, c.t);
      paired.add(c.t);
    }
  const mode: AmendmentDiff["mode"] =
    target.length && paired.size / target.length > RESTATES ? "full" : "partial";
  const changes: TaskChange[] = [];
  let unchanged = 0;
  amendment.forEach((a, i) => {
    const j = pairOfA.get(i);
    const t = j === undefined ? undefined : target[j];
    if (!t) {
      changes.push({ kind: "added", key: a.key, title: a.title });
      return;
    }
    // A restated task that gives no date or no lead keeps the plan's.
    const dated = a.timeframe && a.timeframe.kind !== "none" && a.deadlines.length > 0;
    const deadline =
      dated && !sameSet(a.deadlines, t.deadlines)
        ? { before: t.timeframe, after: a.timeframe, from: t.deadlines, to: a.deadlines }
        : null;
    const lead =
      a.leadIds.length && !sameSet(a.leadIds, t.leadIds)
        ? { from: t.leadNames, to: a.leadNames, toIds: a.leadIds }
        : null;
    if (deadline || lead)
      changes.push({ kind: "changed", key: a.key, target: t.key, title: t.title, deadline, lead });
    else unchanged++;
  });
  if (mode === "full")
    target.forEach((t, j) => {
      if (!paired.has(j)) changes.push({ kind: "removed", target: t.key, title: t.title });
    });
  return { mode, changes, unchanged };
}
