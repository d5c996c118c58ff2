// A unit's workspace a page of plans at a time: plans with overdue work first, counts and the most
// pressing work over every plan whatever the page, and the same number of statements for a unit
// in three plans as in thirty.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoApi, demoApi } from "../../test/api-client.js";
import { STORES } from "../../test/stores.js";
import { accountByLogin } from "../db/accounts.repository.js";
import type { Clock } from "../domain/clock.js";
import { actorOf } from "../services/auth.service.js";
import { unitWorkspace } from "../services/workspace.service.js";

const AT = "2026-12-10T03:00:00Z";

// A plan of the Sở giving Phòng Giáo dục Trung học two tasks; every third one overdue since n days.
const plan = (n: number) => `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: ${500 + n}/KH-SGDĐT                     Hải Phòng, ngày 5 tháng 1 năm 2026

KẾ HOẠCH
Công tác chuyên môn đợt ${n}

I. NHIỆM VỤ
1. Rà soát hồ sơ chuyên môn đợt ${n}
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Thời gian thực hiện: Trước ngày ${n % 3 === 0 ? `${n}/11/2026` : "30/6/2027"}
2. Tổng hợp kết quả đợt ${n}
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Thời gian thực hiện: Trước ngày 31/12/2027
`;

interface Item {
  workItemId: string;
  planId: string;
  state: string;
  overdueDays: number | null;
  nextDue: string | null;
}

describe.each(STORES.map((s) => [s.name, s] as const))("the workspace in pages (%s)", (_name, kind) => {
  let api: DemoApi;
  const clock: Clock = { now: () => new Date(AT), zone: "Asia/Ho_Chi_Minh" };

  // Statements one workspace request makes, counted on the store's own connection.
  async function statements(): Promise<number> {
    let n = 0;
    const db = api.store.db.withPlugin({
      transformQuery: (args) => {
        n++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const account = await accountByLogin(api.store.db, "phongtrunghoc");
    if (!account) throw new Error("the demo has no phongtrunghoc");
    const ws = await unitWorkspace({ ...api.ctx, db }, actorOf(account));
    expect(ws.items.length).toBeGreaterThan(0);
    return n;
  }

  beforeAll(async () => {
    api = await demoApi(kind, clock);
  });
  afterAll(async () => api?.close());

  it("pages the plans, overdue work first, and counts and ranks the work of all of them", async () => {
    await statements(); // the day's first reader: the tally is brought to today
    const few = await statements();
    for (let n = 1; n <= 27; n++) {
      const id = await api.importText("vanthu", `ke-hoach-${n}.txt`, plan(n));
      expect((await api.confirmAndPublish("vanthu", id)).statusCode).toBe(204);
    }
    // As many statements for thirty plans as for the demo's few.
    expect(await statements()).toBe(few);

    const first = (await api.call("phongtrunghoc", "GET", "/api/v1/workspace?limit=20")).json();
    const total = first.page.plansTotal as number;
    expect(total).toBeGreaterThanOrEqual(27);
    const pages = [first];
    for (let offset = 20; offset < total; offset += 20)
      pages.push(
        (await api.call("phongtrunghoc", "GET", `/api/v1/workspace?limit=20&offset=${offset}`)).json(),
      );
    const plansOf = (p: { items: Item[] }) => [...new Set(p.items.map((i) => i.planId))];
    expect(plansOf(first)).toHaveLength(20);
    // Every plan once, over all pages.
    const all = pages.flatMap(plansOf);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(total);
    // Plans with overdue work come first.
    const items = pages.flatMap((p) => p.items as Item[]);
    const overdue = (planId: string) => items.some((i) => i.planId === planId && i.state === "overdue");
    const firstCalm = all.findIndex((p) => !overdue(p));
    expect(all.slice(firstCalm).some(overdue)).toBe(false);
    // The counts and the agenda are of every plan, the same on each page.
    const counted = { done_on_time: 0, done_late: 0, in_progress: 0, overdue: 0 } as Record<string, number>;
    for (const i of items) counted[i.state] = (counted[i.state] ?? 0) + 1;
    for (const p of pages) {
      expect(p.counts).toEqual(counted);
      expect(p.agenda).toEqual(first.agenda);
    }
    const agenda = first.agenda as Item[];
    expect(agenda).toHaveLength(10);
    const longestOverdue = Math.max(...items.map((i) => i.overdueDays ?? -1));
    expect(agenda[0]?.overdueDays).toBe(longestOverdue);
    const days = agenda.map((i) => i.overdueDays ?? -1);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    // Each period shown belongs to a plan of its page.
    for (const p of pages)
      for (const period of p.periods as Array<{ planId: string }>)
        expect(plansOf(p)).toContain(period.planId);
  });

  it("refuses a page size out of bounds with the field named", async () => {
    const r = await api.call("phongtrunghoc", "GET", "/api/v1/workspace?limit=500");
    expect(r.statusCode).toBe(400);
    expect(r.json().fields?.[0]?.field ?? r.json().message).toContain("limit");
  });
});
