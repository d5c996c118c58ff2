// Saving a report over and over: what the unit writes last is what the report says (items left out
// are gone, items written again are replaced), and an item written twice in one request is refused
// with its field, saving nothing.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoApi, demoApi } from "../../test/api-client.js";
import { STORES } from "../../test/stores.js";
import { reportItems } from "../db/reports.repository.js";

describe.each(STORES.map((s) => [s.name, s] as const))("saving a report (%s)", (_name, kind) => {
  let api: DemoApi;
  let planId = "";
  let ids: string[] = [];
  beforeAll(async () => {
    api = await demoApi(kind);
    const ws = (await api.call("phongtrunghoc", "GET", "/api/v1/workspace")).json();
    planId = ws.periods[0].planId;
    ids = (ws.items as Array<{ planId: string; workItemId: string }>)
      .filter((i) => i.planId === planId)
      .map((i) => i.workItemId);
  });
  afterAll(async () => api?.close());

  it("keeps what was written last: an item left out is gone, one written again replaced", async () => {
    expect(ids.length).toBeGreaterThan(1);
    const [first, second] = ids as [string, string];
    const save = (items: unknown[]) =>
      api.call("phongtrunghoc", "PUT", `/api/v1/reports/plans/${planId}`, { items });
    const a = await save([
      { workItemId: first, status: "in_progress", results: "Bước 1" },
      { workItemId: second, status: "not_started" },
    ]);
    expect(a.statusCode).toBe(200);
    const b = await save([
      { workItemId: first, status: "done", results: "Xong", evidence: "Số 5/BC ngày 1/12/2026" },
    ]);
    expect(b.json().id).toBe(a.json().id);
    const items = await reportItems(api.store.db, a.json().id);
    expect(items.map((i) => [i.workItemId, i.status, i.results, i.evidence])).toEqual([
      [first, "done", "Xong", "Số 5/BC ngày 1/12/2026"],
    ]);
  });

  it("refuses an item written twice, naming it, and leaves the report as it was", async () => {
    const [first] = ids as [string];
    const before = await api.call("phongtrunghoc", "GET", "/api/v1/workspace");
    const reportId = before.json().periods[0].report?.id as string;
    const was = await reportItems(api.store.db, reportId);
    expect(was).toHaveLength(1);
    const r = await api.call("phongtrunghoc", "PUT", `/api/v1/reports/plans/${planId}`, {
      items: [
        { workItemId: first, status: "in_progress" },
        { workItemId: first, status: "not_started" },
      ],
    });
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({
      error: "report.invalid",
      fields: [{ field: `items.${first}`, reason: "nhiệm vụ ghi hai lần" }],
    });
    expect(await reportItems(api.store.db, reportId)).toEqual(was);
  });
});
