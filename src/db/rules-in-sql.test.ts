// The SQL copies of the domain's counting rules say what the rules say, case by case: the four
// states of a work item (domain/progress.ts classify) and whether a report is sent, and sent by its
// due date (domain/report-standing.ts reportStanding) — on every database, in any session time zone.

import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshStore, STORES } from "../../test/stores.js";
import { classify, type ProgressState } from "../domain/progress.js";
import { type ReportStatus, reportStanding } from "../domain/report-standing.js";
import { addLeadWork, addRootUnit } from "../testing/work-rows.js";
import type { Store } from "./connection.js";
import { REPORT_SENT, REPORT_SENT_ON_TIME, STATE_OF } from "./state-rules.js";

const STATUSES = [null, "not_started", "in_progress", "done"] as const;
const DONE_ON = [null, "2026-06-10", "2026-06-15", "2026-06-20"];
const DEADLINES = [[], ["2026-06-15"], ["2026-06-15", "2026-12-15"], ["2026-12-15", "2026-06-15"]];
const DAYS = ["2026-06-14", "2026-06-15", "2026-06-16", "2026-12-20"];

const REPORT_STATUSES: ReportStatus[] = ["draft", "submitted", "returned", "accepted"];
// Around the end of the due day in UTC (23:30 on 15/6 in UTC is 06:30 on 16/6 in Vietnam).
const SUBMITTED = [null, "2026-06-15T16:30:00Z", "2026-06-15T23:59:59Z", "2026-06-16T00:00:01Z"];

describe.each(STORES.map((s) => [s.name, s] as const))("the counting rules in SQL (%s)", (_name, kind) => {
  let store: Store;
  const items: Array<{
    id: string;
    status: (typeof STATUSES)[number];
    doneOn: string | null;
    deadlines: string[];
  }> = [];
  const reports: Array<{ id: string; status: ReportStatus; submittedAt: string | null }> = [];

  beforeAll(async () => {
    store = await freshStore(kind);
    const db = store.db;
    const unitId = await addRootUnit(db);
    const doc = await sql<{ id: string }>`
      insert into document (sha256, file_name, media_type, size_bytes, content, text)
      values (${"a".repeat(64)}, 'x.txt', 'text/plain', 0, '', '') returning id`.execute(db);
    const plan = await sql<{ id: string }>`
      insert into plan (document_id, issuer_unit_id, status, parsed, search_text)
      values (${doc.rows[0]?.id}, ${unitId}, 'published', '{}', '') returning id`.execute(db);
    const planId = String(plan.rows[0]?.id);
    let n = 0;
    for (const status of STATUSES)
      for (const doneOn of status === "done" ? DONE_ON : [null])
        for (const deadlines of DEADLINES) {
          const id = await addLeadWork(db, { planId, unitId, position: n++, deadlines, status, doneOn });
          items.push({ id, status, doneOn, deadlines });
        }
    let period = 0;
    for (const status of REPORT_STATUSES)
      for (const submittedAt of SUBMITTED) {
        // One report per period: the due day is the same, the year differs (the rule reads days only).
        const due = `${2026 + period++}-06-15`;
        const at = submittedAt?.replace("2026", due.slice(0, 4)) ?? null;
        const r = await sql<{ id: string }>`
          insert into report (plan_id, unit_id, period_due, status, submitted_at)
          values (${planId}, ${unitId}, ${due}, ${status}, ${at}) returning id`.execute(db);
        reports.push({ id: String(r.rows[0]?.id), status, submittedAt: at });
      }
  });
  afterAll(async () => store?.close());

  it("classifies every work item as classify() does, on every day", async () => {
    for (const day of DAYS) {
      const rows = await sql<{ id: string; state: ProgressState }>`
        select w.id, ${STATE_OF(day)} as state from work_item w
        left join work_item_progress g on g.work_item_id = w.id
        left join lateral (select min(d.due) as first_due from deadline d where d.work_item_id = w.id) fd on true`.execute(
        store.db,
      );
      const inSql = new Map(rows.rows.map((r) => [String(r.id), r.state]));
      for (const i of items)
        expect(inSql.get(i.id), `${day} ${JSON.stringify(i)}`).toBe(
          classify({ status: i.status ?? "not_started", doneOn: i.doneOn, deadlines: i.deadlines }, day),
        );
    }
    expect(items.length).toBe(28);
  });

  it("says a report is sent, and sent on time, as reportStanding() does, in any session time zone", async () => {
    for (const zone of ["UTC", "Asia/Ho_Chi_Minh", "America/Los_Angeles"]) {
      const rows = await store.db.transaction().execute(async (trx) => {
        await sql`select set_config('TimeZone', ${zone}, true)`.execute(trx);
        return (
          await sql<{ id: string; due: string; sent: boolean; on_time: boolean }>`
            select r.id, r.period_due::text as due, ${REPORT_SENT(sql`r`)} as sent,
                   ${REPORT_SENT_ON_TIME(sql`r`, sql`r.period_due`)} as on_time from report r`.execute(trx)
        ).rows;
      });
      for (const r of reports) {
        const row = rows.find((x) => String(x.id) === r.id);
        const standing = reportStanding(r, row?.due ?? "", "2000-01-01");
        expect(row?.sent, `${zone} ${JSON.stringify(r)}`).toBe(standing.startsWith("sent"));
        expect(row?.on_time, `${zone} ${JSON.stringify(r)}`).toBe(standing === "sent_on_time");
      }
    }
  });
});
