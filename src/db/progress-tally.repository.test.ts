// The kept tally must always say what the live classification of the work says, also after days
// pass and open work falls overdue without anyone writing anything.

import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../test/context.js";
import { PROJECT_ROOT } from "../../test/shared-corpus.js";
import { freshStore, STORES } from "../../test/stores.js";
import { classify, type ProgressState } from "../domain/progress.js";
import { loadDemo } from "../services/demo.service.js";
import type { Store } from "./connection.js";
import { bringTallyUpToDate, refreshTally, tallyByPlan } from "./progress-tally.repository.js";
import { workItems } from "./reports.repository.js";

const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe.each(STORES.map((s) => [s.name, s] as const))("the dashboard's tally (%s)", (_name, kind) => {
  let store: Store;
  const today = new Date().toISOString().slice(0, 10);

  // Four-state counts per plan by classifying every work item on `day`: what the tally must equal.
  async function live(day: string): Promise<Map<string, Record<ProgressState, number>>> {
    const out = new Map<string, Record<ProgressState, number>>();
    for (const w of await workItems(store.db, {})) {
      const c = out.get(w.planId) ?? { done_on_time: 0, done_late: 0, in_progress: 0, overdue: 0 };
      c[classify(w, day)]++;
      out.set(w.planId, c);
    }
    return out;
  }
  const kept = async () => new Map((await tallyByPlan(store.db, null)).map((p) => [p.planId, p.counts]));

  beforeAll(async () => {
    store = await freshStore(kind);
    await loadDemo(testContext(store), join(PROJECT_ROOT, "examples"));
  });
  afterAll(async () => store?.close());

  it("counts the published plans as the live classification does", async () => {
    await bringTallyUpToDate(store.db, today);
    expect(await kept()).toEqual(await live(today));
  });

  it("moves open work to overdue when its deadline passes, on the first read of the later day", async () => {
    // One unit's work falls due in three days.
    const item = await sql<{ id: string; plan_id: string; unit_id: string }>`
      select w.id, t.plan_id, w.unit_id from work_item w join task t on t.id = w.task_id
      left join work_item_progress g on g.work_item_id = w.id
      where g.work_item_id is null order by w.id limit 1`.execute(store.db);
    const w = item.rows[0];
    if (!w) throw new Error("the demo has no open work");
    await sql`delete from deadline where work_item_id = ${w.id}`.execute(store.db);
    await sql`insert into deadline (work_item_id, due) values (${w.id}, ${addDays(today, 3)}::date)`.execute(
      store.db,
    );
    await refreshTally(store.db, String(w.plan_id), today, String(w.unit_id));
    const before = (await kept()).get(String(w.plan_id));

    const later = addDays(today, 5);
    expect(await bringTallyUpToDate(store.db, later)).toBeGreaterThanOrEqual(1);
    const after = (await kept()).get(String(w.plan_id));
    expect(after?.overdue).toBe((before?.overdue ?? 0) + 1);
    expect(after?.in_progress).toBe((before?.in_progress ?? 0) - 1);
    expect(await kept()).toEqual(await live(later));
    // The same day again: nothing to do.
    expect(await bringTallyUpToDate(store.db, later)).toBe(0);
  });

  it("catches up after months without a reader", async () => {
    const much = addDays(today, 400);
    await bringTallyUpToDate(store.db, much);
    expect(await kept()).toEqual(await live(much));
  });

  it("follows a clock set back (a corrected server clock, a test's day)", async () => {
    await bringTallyUpToDate(store.db, addDays(today, 400));
    await bringTallyUpToDate(store.db, today);
    expect(await kept()).toEqual(await live(today));
  });
});
