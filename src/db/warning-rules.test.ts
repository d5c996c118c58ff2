// The SQL copy of the warnings (state-rules.ts WARNED, what the overview's kept counts and its walk
// of deadlines rely on) says what domain/warnings.ts warningsOf() says, case by case: every status,
// deadlines before, on, around and far after the day, plans published at several distances from
// them, work never reported on or reported on around midnight in Vietnam — on every database.

import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshStore, STORES } from "../../test/stores.js";
import { addDays, dayIn } from "../domain/clock.js";
import { warningsOf } from "../domain/warnings.js";
import { addLeadWork, addRootUnit } from "../testing/work-rows.js";
import type { Store } from "./connection.js";
import { WARNED, WARNING_FACTS, WARNING_KINDS } from "./state-rules.js";

const STATUSES = [null, "not_started", "in_progress", "done"] as const;
const PUBLISHED = [null, "2026-01-01", "2026-05-20", "2026-06-10"];
const DEADLINES = [[], ["2026-06-15"], ["2026-06-15", "2026-12-15"], ["2026-06-20", "2026-06-25"]];
// Reports sent just before and after midnight in Vietnam (17:00 UTC), a month and more apart.
const REPORTED = [null, "2026-05-15T16:59:00Z", "2026-05-15T17:01:00Z", "2026-06-12T02:00:00Z"];
const DAYS = ["2026-05-16", "2026-06-08", "2026-06-14", "2026-06-15", "2026-06-16", "2026-06-22"];

describe.each(STORES.map((s) => [s.name, s] as const))("the warnings in SQL (%s)", (_name, kind) => {
  let store: Store;
  const items: Array<{
    id: string;
    status: (typeof STATUSES)[number];
    published: string | null;
    deadlines: string[];
    reported: string | null;
  }> = [];

  beforeAll(async () => {
    store = await freshStore(kind);
    const db = store.db;
    const unitId = await addRootUnit(db);
    let n = 0;
    for (const published of PUBLISHED) {
      const doc = await sql<{ id: string }>`
        insert into document (sha256, file_name, media_type, size_bytes, content, text)
        values (${String(n).padStart(64, "a")}, 'x.txt', 'text/plain', 0, '', '') returning id`.execute(db);
      const plan = await sql<{ id: string }>`
        insert into plan (document_id, issuer_unit_id, status, parsed, search_text, published_on)
        values (${doc.rows[0]?.id}, ${unitId}, 'published', '{}', '', ${published}) returning id`.execute(db);
      const planId = String(plan.rows[0]?.id);
      let period = 0;
      for (const status of STATUSES)
        for (const deadlines of DEADLINES)
          for (const reported of REPORTED) {
            const id = await addLeadWork(db, {
              planId,
              unitId,
              position: n++,
              deadlines,
              status,
              doneOn: status === "done" ? "2026-06-01" : null,
            });
            if (reported) {
              // A report of its own period for each item, sent at `reported`.
              const r = await sql<{ id: string }>`
                insert into report (plan_id, unit_id, period_due, status, submitted_at)
                values (${planId}, ${unitId}, ${addDays("2000-01-01", period++)}, 'submitted', ${reported}) returning id`.execute(
                db,
              );
              await sql`insert into report_item (report_id, work_item_id, status) values (${r.rows[0]?.id}, ${id}, 'in_progress')`.execute(
                db,
              );
            }
            items.push({ id, status, published, deadlines, reported });
          }
    }
  });
  afterAll(async () => store?.close());

  it("warns of the same work as warningsOf, kind by kind, on every day", async () => {
    let warnedAtAll = 0;
    const seen = new Set<string>();
    for (const day of DAYS) {
      const warned = WARNED(day);
      const rows = await sql<Record<string, boolean> & { id: string }>`
        select w.id, ${sql.join(WARNING_KINDS.map((k) => sql`${warned[k]} as ${sql.ref(k)}`))}
        from work_item w join task t on t.id = w.task_id join plan p on p.id = t.plan_id
        left join work_item_progress g on g.work_item_id = w.id
        ${WARNING_FACTS(day)}`.execute(store.db);
      const byId = new Map(rows.rows.map((r) => [String(r.id), r]));
      for (const i of items) {
        const expected = warningsOf(
          {
            status: i.status ?? "not_started",
            doneOn: i.status === "done" ? "2026-06-01" : null,
            deadlines: i.deadlines,
            startOn: i.published,
            updatedOn: i.reported ? dayIn(new Date(i.reported), "Asia/Ho_Chi_Minh") : null,
          },
          day,
        )
          .map((w) => w.kind)
          .sort();
        const row = byId.get(i.id);
        const actual = WARNING_KINDS.filter((k) => row?.[k]).sort();
        expect(actual, `${day}: ${JSON.stringify(i)}`).toEqual(expected);
        if (expected.length) warnedAtAll++;
        for (const k of expected) seen.add(k);
      }
    }
    // The cases do warn, of every kind.
    expect(warnedAtAll).toBeGreaterThan(100);
    expect([...seen].sort()).toEqual([...WARNING_KINDS].sort());
  });
});
