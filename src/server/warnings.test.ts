// Warnings as facts through the API, on a set clock: the unit's workspace and the leader's overview
// state what the dates and the last report say — not started after a third of the time, days left,
// days overdue, days without a report — and nothing outside the reader's reach.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoApi, demoApi } from "../../test/api-client.js";
import { STORES } from "../../test/stores.js";

const PLAN = `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 993/KH-SGDĐT                     Hải Phòng, ngày 01 tháng 6 năm 2026

KẾ HOẠCH
Rà soát cơ sở vật chất trường học năm 2026

I. NHIỆM VỤ
1. Rà soát phòng học bộ môn các trường THPT
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Thời gian thực hiện: Trước ngày 30/6/2026
2. Cập nhật cơ sở dữ liệu cơ sở vật chất
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Thời gian thực hiện: Trước ngày 31/12/2026
`;

const kind = STORES[0];
if (!kind) throw new Error("no store");

interface Warned {
  planId: string;
  taskKey: string;
  warnings: Array<{ kind: string; value: number; text: string }>;
}

describe("warnings as facts", () => {
  let api: DemoApi;
  let now = new Date("2026-06-01T01:00:00Z");
  const call: DemoApi["call"] = (...args) => api.call(...args);
  let planId = "";
  const walk = async (iso: string) => {
    now = new Date(`${iso}T01:00:00Z`);
    await api.signInAgain();
  };
  const workspace = async () => {
    const items = (await call("phongtrunghoc", "GET", "/api/v1/workspace")).json().items as Warned[];
    return Object.fromEntries(
      items.filter((i) => i.planId === planId).map((i) => [i.taskKey, i.warnings.map((w) => w.text)]),
    );
  };
  const overview = async (who: string) => {
    const r = await call(who, "GET", "/api/v1/overview/warnings");
    expect(r.statusCode).toBe(200);
    const body = r.json() as { counts: Record<string, number>; items: Warned[] };
    return { counts: body.counts, mine: body.items.filter((i) => i.planId === planId) };
  };
  beforeAll(async () => {
    api = await demoApi(kind, { now: () => new Date(now) });
    planId = await api.importText("vanthu", "ke-hoach-993.txt", PLAN);
    expect((await api.confirmAndPublish("vanthu", planId)).statusCode).toBe(204);
  });
  afterAll(async () => api.close());

  it("says nothing of work just published", async () => {
    await walk("2026-06-05");
    expect(await workspace()).toEqual({ "I.1": [], "I.2": [] });
  });

  it("states the share of time gone on work not started, then the days left", async () => {
    await walk("2026-06-11");
    expect(await workspace()).toEqual({ "I.1": ["chưa triển khai, đã qua 34% thời gian"], "I.2": [] });
    const leader = await overview("giamdoc");
    expect(leader.mine.map((i) => i.taskKey)).toEqual(["I.1"]);
    expect(leader.counts.not_started).toBeGreaterThanOrEqual(1);
    // Another province's officer sees none of this plan's work.
    expect((await overview("vanthukhac")).mine).toEqual([]);

    await walk("2026-06-25");
    expect((await workspace())["I.1"]).toEqual([
      "còn 5 ngày đến hạn 30/06/2026",
      "chưa triển khai, đã qua 83% thời gian",
    ]);
  });

  it("counts days overdue from the deadline, and days without a report from the last one sent", async () => {
    // The unit reports on 26 June (both tasks in progress), the Sở accepts it.
    await walk("2026-06-26");
    const ws = (await call("phongtrunghoc", "GET", "/api/v1/workspace")).json();
    const items = (ws.items as Array<{ planId: string; workItemId: string }>)
      .filter((i) => i.planId === planId)
      .map((i) => ({ workItemId: i.workItemId, status: "in_progress", results: "Đang rà soát" }));
    const saved = await call("phongtrunghoc", "PUT", `/api/v1/reports/plans/${planId}`, { items });
    expect(saved.statusCode).toBe(200);
    expect(
      (await call("phongtrunghoc", "POST", `/api/v1/reports/${saved.json().id}/submit`)).statusCode,
    ).toBe(204);
    expect(
      (await call("vanthu", "POST", `/api/v1/reports/${saved.json().id}/decision`, { accept: true }))
        .statusCode,
    ).toBe(204);
    expect((await workspace())["I.1"]).toEqual([
      "còn 4 ngày đến hạn 30/06/2026",
      "đang thực hiện, đã qua 86% thời gian",
    ]);

    await walk("2026-07-12");
    expect(await workspace()).toEqual({ "I.1": ["quá hạn 12 ngày (hạn 30/06/2026)"], "I.2": [] });
    await walk("2026-07-26");
    expect(await workspace()).toEqual({
      "I.1": ["quá hạn 26 ngày (hạn 30/06/2026)", "không cập nhật 30 ngày"],
      "I.2": ["không cập nhật 30 ngày"],
    });
    // The overview lists the most pressing first: overdue before the rest.
    const leader = await overview("giamdoc");
    expect(leader.mine.map((i) => [i.taskKey, i.warnings[0]?.kind])).toEqual([
      ["I.1", "overdue"],
      ["I.2", "no_update"],
    ]);
  });
});
