// The kept rollups must always say what counting every pair from scratch says (the grouping the
// overview did on each request before, kept here as the reference): for every reach — everything, a
// department, one of its offices, a unit outside its tree — after reports are sent, returned and
// accepted, after work is given to a unit outside the issuer's tree, and as days pass a period's
// due date and its grace days without anyone writing anything.

import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoApi, demoApi } from "../../test/api-client.js";
import { STORES } from "../../test/stores.js";
import { type Clock, dayIn } from "../domain/clock.js";
import { planPeriod } from "../domain/reporting-periods.js";
import { WARNING_ORDER, warningsOf } from "../domain/warnings.js";
import { createAccount } from "../services/auth.service.js";
import { bringTallyUpToDate, refreshTally, reportsRollup, tallyByPlan } from "./progress-tally.repository.js";
import { workItems } from "./reports.repository.js";
import { planRollups, refreshRollups, unitRollups } from "./rollups.repository.js";
import { warningCounts } from "./warnings.repository.js";

describe.each(STORES.map((s) => [s.name, s] as const))("the dashboard's kept rollups (%s)", (_name, kind) => {
  let api: DemoApi;
  let at = "2026-12-10T03:00:00Z";
  const clock: Clock = { now: () => new Date(at), zone: "Asia/Ho_Chi_Minh" };
  const day = () => at.slice(0, 10);
  const reaches: Record<string, string | null> = { all: null };

  // The reference: every pair grouped on the spot, each plan at its open period on `today`.
  async function live(reach: string | null, today: string) {
    const plans = await tallyByPlan(api.store.db, reach);
    const periods = plans.map((p) => ({
      planId: p.planId,
      due: planPeriod(p.unitReporting, p.regime, today, p.graceDays),
    }));
    const reports = await reportsRollup(api.store.db, reach, periods, today);
    return {
      plans: plans.map((p, i) => ({
        planId: p.planId,
        counts: p.counts,
        periodDue: periods[i]?.due,
        expected: reports.byPlan.get(p.planId)?.expected ?? 0,
        sent: reports.byPlan.get(p.planId)?.sent ?? 0,
      })),
      units: [...reports.byUnit].sort((a, b) => Number(a.unitId) - Number(b.unitId)),
    };
  }

  async function kept(reach: string | null, today: string) {
    await bringTallyUpToDate(api.store.db, today);
    return {
      plans: (await planRollups(api.store.db, reach)).map(({ number: _n, title: _t, ...p }) => p),
      units: (await unitRollups(api.store.db, reach, today)).sort(
        (a, b) => Number(a.unitId) - Number(b.unitId),
      ),
    };
  }

  // The warnings as the work items state them on the day, counted kind by kind.
  async function liveWarnings(reach: string | null, today: string) {
    const counts = Object.fromEntries(WARNING_ORDER.map((k) => [k, 0]));
    for (const w of await workItems(api.store.db, { reach })) {
      const updatedOn = w.reportedAt ? dayIn(new Date(w.reportedAt), "Asia/Ho_Chi_Minh") : null;
      for (const x of warningsOf({ ...w, updatedOn }, today)) counts[x.kind] = (counts[x.kind] ?? 0) + 1;
    }
    return counts;
  }

  async function expectKeptEqualsLive(when: string) {
    for (const [name, reach] of Object.entries(reaches)) {
      const k = await kept(reach, day());
      expect(k, `${when}: ${name}`).toEqual(await live(reach, day()));
      expect(await warningCounts(api.store.db, reach), `${when}: warnings, ${name}`).toEqual(
        await liveWarnings(reach, day()),
      );
    }
  }

  const pathOf = async (name: string) =>
    (
      await sql<{
        path: string;
      }>`select path::text as path from unit where name = ${name} or code = ${name}`.execute(api.store.db)
    ).rows[0]?.path ?? "";

  beforeAll(async () => {
    api = await demoApi(kind, clock);
    reaches.department = await pathOf("SGDDT");
    reaches.office = await pathOf("Phòng Giáo dục Trung học");
    reaches.outsider = await pathOf("KHAC");
  });
  afterAll(async () => api?.close());

  it("are built for an installation that has none and count what every pair counts", async () => {
    await sql`update tally_clock set rollups_as_of = null`.execute(api.store.db);
    await sql`delete from plan_rollup`.execute(api.store.db);
    await sql`delete from unit_rollup`.execute(api.store.db);
    await expectKeptEqualsLive("built");
    const all = await kept(null, day());
    expect(all.plans.length).toBeGreaterThan(0);
    expect(all.units.length).toBeGreaterThan(0);
  });

  it("count a report saved and sent in one request after its due date as late, and nothing of one refused", async () => {
    const ws = (await api.call("phongtrunghoc", "GET", "/api/v1/workspace")).json();
    const period = (ws.periods as Array<{ planId: string; periodDue: string }>)[0];
    if (!period) throw new Error("the demo gives the office no plan");
    const unitId = String(
      ws.unit?.id ??
        (await sql<{ id: string }>`select id from unit where code = 'SGDDT.GDTRH'`.execute(api.store.db))
          .rows[0]?.id,
    );
    const items = (ws.items as Array<{ planId: string; workItemId: string }>)
      .filter((i) => i.planId === period.planId)
      .map((i) => ({ workItemId: i.workItemId, status: "done", results: "Đã tổ chức" }));
    // Sent a day after the due date, within the plan's days of grace.
    await sql`update plan set grace_days = 10 where id = ${period.planId}`.execute(api.store.db);
    await refreshRollups(api.store.db, [period.planId], null, day());
    at = new Date(Date.parse(`${period.periodDue}T03:00:00Z`) + 86_400_000).toISOString();
    const reports = async () =>
      (
        await sql<{
          n: number;
        }>`select count(*)::int as n from report where plan_id = ${period.planId}`.execute(api.store.db)
      ).rows[0]?.n;
    const lateBefore =
      (await unitRollups(api.store.db, null, day())).find((u) => u.unitId === unitId)?.late ?? 0;
    const none = await reports();

    const refused = await api.call("phongtrunghoc", "PUT", `/api/v1/reports/plans/${period.planId}`, {
      periodDue: period.periodDue,
      items,
      submit: true,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toBe("report.evidence_required");
    expect(await reports()).toBe(none);
    await expectKeptEqualsLive("refused");

    const sent = await api.call("phongtrunghoc", "PUT", `/api/v1/reports/plans/${period.planId}`, {
      periodDue: period.periodDue,
      items: items.map((i) => ({ ...i, evidence: "Báo cáo số 15/BC-GDTrH ngày 16/12/2026" })),
      submit: true,
    });
    expect(sent.statusCode).toBe(200);
    expect(sent.json().status).toBe("submitted");
    await expectKeptEqualsLive("sent late in one request");
    expect((await unitRollups(api.store.db, null, day())).find((u) => u.unitId === unitId)?.late).toBe(
      lateBefore + 1,
    );
    // Returned, it is no longer counted, late or not; the office can write it again.
    const back = await api.call("vanthu", "POST", `/api/v1/reports/${sent.json().id}/decision`, {
      accept: false,
      comment: "Thiếu số liệu",
    });
    expect(back.statusCode).toBe(204);
    await expectKeptEqualsLive("returned late");
    expect((await unitRollups(api.store.db, null, day())).find((u) => u.unitId === unitId)?.late).toBe(
      lateBefore,
    );
    at = "2026-12-10T03:00:00Z";
  });

  it("follow a report sent, returned, sent again and accepted", async () => {
    const ws = (await api.call("phongtrunghoc", "GET", "/api/v1/workspace")).json();
    const planId = ws.periods[0].planId as string;
    const items = (ws.items as Array<{ planId: string; workItemId: string }>)
      .filter((i) => i.planId === planId)
      .map((i) => ({ workItemId: i.workItemId, status: "in_progress", results: "Đang làm" }));
    const before = (await kept(reaches.department ?? null, day())).plans.find((p) => p.planId === planId);
    const saved = await api.call("phongtrunghoc", "PUT", `/api/v1/reports/plans/${planId}`, { items });
    const reportId = saved.json().id;
    expect((await api.call("phongtrunghoc", "POST", `/api/v1/reports/${reportId}/submit`)).statusCode).toBe(
      204,
    );
    const sent = (await kept(reaches.department ?? null, day())).plans.find((p) => p.planId === planId);
    expect(sent?.sent).toBe((before?.sent ?? 0) + 1);
    await expectKeptEqualsLive("sent");

    const back = await api.call("vanthu", "POST", `/api/v1/reports/${reportId}/decision`, {
      accept: false,
      comment: "Bổ sung số liệu",
    });
    expect(back.statusCode).toBe(204);
    await expectKeptEqualsLive("returned");

    await api.call("phongtrunghoc", "PUT", `/api/v1/reports/plans/${planId}`, { items });
    await api.call("phongtrunghoc", "POST", `/api/v1/reports/${reportId}/submit`);
    await api.call("vanthu", "POST", `/api/v1/reports/${reportId}/decision`, { accept: true });
    await expectKeptEqualsLive("accepted");
  });

  it("count work given to a unit outside the issuer's tree for the issuer's leaders and for that unit", async () => {
    const row = await sql<{ task_id: string; plan_id: string; unit_id: string }>`
      select t.id as task_id, t.plan_id, (select id from unit where code = 'KHAC') as unit_id
      from task t join plan p on p.id = t.plan_id join unit iu on iu.id = p.issuer_unit_id
      where p.status = 'published' and iu.code = 'SGDDT' order by t.id limit 1`.execute(api.store.db);
    const w = row.rows[0];
    if (!w) throw new Error("the demo has no published task");
    const item = await sql<{ id: string }>`
      insert into work_item (task_id, unit_id, role) values (${w.task_id}, ${w.unit_id}, 'cooperate') returning id`.execute(
      api.store.db,
    );
    await sql`insert into deadline (work_item_id, due) values (${item.rows[0]?.id}, date '2026-12-31')`.execute(
      api.store.db,
    );
    await refreshTally(api.store.db, String(w.plan_id), day(), String(w.unit_id));
    await expectKeptEqualsLive("outside");
    const seenByDepartment = await kept(reaches.department ?? null, day());
    expect(seenByDepartment.units.map((u) => u.unitId)).toContain(String(w.unit_id));
    const seenByOutsider = await kept(reaches.outsider ?? null, day());
    expect(seenByOutsider.plans.map((p) => p.planId)).toEqual([String(w.plan_id)]);
    expect(seenByOutsider.plans[0]?.counts.in_progress).toBe(1);
  });

  it("count every report of units sending one plan's reports at once, while the plan is recounted", async () => {
    // The busiest plan of the demo, and an officer for each of its units (but the office above).
    const busiest = await sql<{ plan_id: string }>`
      select t.plan_id from work_item w join task t on t.id = w.task_id join plan p on p.id = t.plan_id
      where p.status = 'published' group by 1 order by count(distinct w.unit_id) desc, 1 limit 1`.execute(
      api.store.db,
    );
    const planId = String(busiest.rows[0]?.plan_id);
    const units = await sql<{ id: string; items: string[] }>`
      select w.unit_id as id, array_agg(w.id::text order by w.id) as items
      from work_item w join task t on t.id = w.task_id join unit u on u.id = w.unit_id
      where t.plan_id = ${planId} and u.code <> 'SGDDT.GDTRH' and u.code <> 'KHAC'
      group by 1 order by 1 limit 8`.execute(api.store.db);
    expect(units.rows.length).toBeGreaterThan(2);
    const sessions: Array<{ cookie: string; csrf: string }> = [];
    for (const [i, u] of units.rows.entries()) {
      const login = `canbo${i}`;
      await createAccount(api.ctx, null, {
        login,
        displayName: `Cán bộ ${i}`,
        unitId: String(u.id),
        role: "unit_officer",
        password: "Mat-khau-can-bo-1",
      });
      const r = await api.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { login, password: "Mat-khau-can-bo-1" },
      });
      sessions.push({
        cookie: String(r.headers["set-cookie"]).split(";")[0] ?? "",
        csrf: r.json().csrfToken,
      });
    }
    const sends = units.rows.map((u, i) =>
      api.app.inject({
        method: "PUT",
        url: `/api/v1/reports/plans/${planId}`,
        payload: {
          items: u.items.map((id) => ({ workItemId: id, status: "in_progress", results: "Đang làm" })),
          submit: true,
        },
        headers: { cookie: sessions[i]?.cookie ?? "", "x-csrf-token": sessions[i]?.csrf ?? "" },
      }),
    );
    const recount = api.store.db.transaction().execute((trx) => refreshRollups(trx, [planId], null, day()));
    const answers = await Promise.all(sends);
    await recount;
    expect(answers.map((a) => a.statusCode)).toEqual(units.rows.map(() => 200));
    await expectKeptEqualsLive("sent at once");
  });

  it("follow the days: reports not sent turn missing after the due date, the period moves after its grace days", async () => {
    const periods = new Set((await kept(null, day())).plans.map((p) => p.periodDue));
    // Walk a year a week at a time (and back), crossing every period's due date and grace days.
    for (let d = 0; d <= 371; d += 7) {
      at = new Date(Date.parse("2026-12-10T03:00:00Z") + d * 86_400_000).toISOString();
      await expectKeptEqualsLive(day());
      for (const p of (await kept(null, day())).plans) periods.add(p.periodDue);
    }
    // The walk saw periods move, and units with reports missing.
    expect(periods.size).toBeGreaterThan(1);
    at = "2026-12-10T03:00:00Z";
    await expectKeptEqualsLive("back again");
  });
});
