// Calendar feeds end to end: a person makes a secret link, calendar apps fetch the feeds with it
// and no session — their work, their unit's, one plan's with its reporting due dates — and read
// them back (node-ical) with the plan's deadlines on their days (an approved extension's date in
// place of the old); a plan the account may not read is not found; a renewed link stops the old.

import type { LightMyRequestResponse } from "fastify";
import ical, { type VEvent } from "node-ical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoApi, demoApi } from "../../test/api-client.js";
import { STORES } from "../../test/stores.js";
import { buildApp } from "./app.js";

const PLAN = `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 996/KH-SGDĐT                     Hải Phòng, ngày 01 tháng 6 năm 2026

KẾ HOẠCH
Kiểm tra thư viện trường học năm 2026

I. NHIỆM VỤ
1. Kiểm tra thư viện các trường THPT
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Đơn vị phối hợp: Văn phòng Sở
- Thời gian thực hiện: Trước ngày 30/6/2026
2. Tổng hợp kết quả kiểm tra thư viện
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Thời gian thực hiện: Trước ngày 15/9/2026
3. Rà soát sách giáo khoa của thư viện
- Người thực hiện: Vũ Việt Linh
- Thời gian thực hiện: Trước ngày 31/10/2026

II. BÁO CÁO
Các đơn vị định kỳ trước ngày 10/6 và 10/12 gửi báo cáo kết quả về Sở Giáo dục và Đào tạo (qua Văn phòng Sở).
`;

const DRAFT = `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 995/KH-SGDĐT                     Hải Phòng, ngày 01 tháng 6 năm 2026

KẾ HOẠCH
Bồi dưỡng cán bộ thư viện năm 2026

I. NHIỆM VỤ
1. Bồi dưỡng cán bộ thư viện
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Thời gian thực hiện: Trước ngày 30/11/2026
`;

const kind = STORES[0];
if (!kind) throw new Error("no store");

/** The local day a parsed all-day start stands for (node-ical gives local midnight). */
const dayOf = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
const urlOf = (u: unknown) => (typeof u === "string" ? u : (u as { val: string }).val);

function eventsOf(r: LightMyRequestResponse): VEvent[] {
  expect(r.statusCode, r.body).toBe(200);
  expect(r.headers["content-type"]).toBe("text/calendar; charset=utf-8");
  return Object.values(ical.sync.parseICS(r.body))
    .filter((c): c is VEvent => c?.type === "VEVENT")
    .sort((a, b) => dayOf(a.start).localeCompare(dayOf(b.start)) || a.uid.localeCompare(b.uid));
}
// Phòng Giáo dục Trung học's work in the demo's own plan (examples/demo), cooperating.
const DEMO = [
  ["2026-12-31", "Hạn: II.1 Rà soát cơ sở vật chất trường học (KH 901/KH-SGDĐT)"],
  ["2027-04-30", "Hạn: II.3 Kiểm tra công tác an toàn trường học (KH 901/KH-SGDĐT)"],
];
const summaries = (events: VEvent[]) => events.map((e) => [dayOf(e.start), e.summary]);

describe("calendar feeds", () => {
  let api: DemoApi;
  const call: DemoApi["call"] = (...args) => api.call(...args);
  let planId = "";
  let draftId = "";
  let feeds = { person: "", unit: "", plan: "" };
  // A feed as a calendar app fetches it: no cookie, no CSRF token.
  const fetchFeed = (url: string) => api.app.inject({ method: "GET", url: new URL(url).pathname });

  beforeAll(async () => {
    api = await demoApi(kind, { now: () => new Date("2026-06-02T01:00:00Z") });
    const units = (await call("vanthu", "GET", "/api/v1/units")).json().units as Array<{
      id: string;
      name: string;
    }>;
    const vp = units.find((u) => u.name === "Văn phòng Sở")?.id ?? "";
    planId = await api.importText("vanthu", "ke-hoach-996.txt", PLAN);
    // Vũ Việt Linh works in Văn phòng Sở and signs in as "phongtrunghoc".
    const settled = await call("vanthu", "POST", `/api/v1/review/${planId}/units/settle`, {
      version: (await api.versions(planId)).plan,
      text: "Vũ Việt Linh",
      choice: { action: "person", unitId: vp },
    });
    expect(settled.statusCode, settled.body).toBe(200);
    const linked = await call("vanthu", "POST", `/api/v1/units/${vp}/staff`, {
      name: "Vũ Việt Linh",
      login: "phongtrunghoc",
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect((await api.confirmAndPublish("vanthu", planId)).statusCode).toBe(204);
    draftId = await api.importText("vanthu", "ke-hoach-995.txt", DRAFT);
  });
  afterAll(async () => api.close());

  it("makes a secret link once, by a signed-in POST with its CSRF token, and never shows it again", async () => {
    expect((await call("phongtrunghoc", "GET", "/api/v1/calendar/token")).json()).toEqual({
      exists: false,
      createdAt: null,
    });
    expect(
      (await call("phongtrunghoc", "POST", "/api/v1/calendar/token", undefined, { "x-csrf-token": "" }))
        .statusCode,
    ).toBe(403);
    expect((await api.app.inject({ method: "POST", url: "/api/v1/calendar/token" })).statusCode).toBe(401);
    const made = await call("phongtrunghoc", "POST", "/api/v1/calendar/token");
    expect(made.statusCode, made.body).toBe(200);
    feeds = made.json().feeds;
    expect(feeds.person).toMatch(/^http:\/\/localhost(:80)?\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\/me\.ics$/);
    expect(feeds.unit).toBe(feeds.person.replace(/me\.ics$/, "unit.ics"));
    expect(feeds.plan).toBe(feeds.person.replace(/me\.ics$/, "plans/{planId}.ics"));
    const status = (await call("phongtrunghoc", "GET", "/api/v1/calendar/token")).json();
    expect(status).toEqual({ exists: true, createdAt: "2026-06-02T01:00:00.000Z" });
    expect(JSON.stringify(status)).not.toContain(feeds.person.split("/")[6]);
  });

  it("gives the unit's feed: each deadline of its work on its day, with the plan, task and a link back", async () => {
    const events = eventsOf(await fetchFeed(feeds.unit));
    // The demo's plan 901 gives Phòng GDTrH work too: "Trong quý IV/2026", "trong tháng 4/2027".
    expect(summaries(events)).toEqual([
      ["2026-06-30", "Hạn: I.1 Kiểm tra thư viện các trường THPT (KH 996/KH-SGDĐT)"],
      ["2026-09-15", "Hạn: I.2 Tổng hợp kết quả kiểm tra thư viện (KH 996/KH-SGDĐT)"],
      ...DEMO,
    ]);
    expect(events[2]?.description).toContain("Đơn vị: Phòng Giáo dục Trung học (phối hợp)");
    const [first] = events as [VEvent];
    expect(first.start.dateOnly).toBe(true);
    expect(urlOf(first.url)).toMatch(new RegExp(`^http://localhost(:80)?/#/plans/${planId}$`));
    expect(first.description).toContain("Kế hoạch số 996/KH-SGDĐT: Kiểm tra thư viện trường học năm 2026");
    expect(first.description).toContain("Nhiệm vụ I.1: Kiểm tra thư viện các trường THPT");
    expect(first.description).toContain("Đơn vị: Phòng Giáo dục Trung học (chủ trì)");
    expect((await fetchFeed(feeds.unit)).body).toContain(
      "X-WR-CALNAME:Công việc của Phòng Giáo dục Trung học (kehoach)",
    );
  });

  it("gives the person's feed: the unit's work and the work that names them, whatever its unit", async () => {
    const events = eventsOf(await fetchFeed(feeds.person));
    expect(summaries(events)).toEqual([
      ["2026-06-30", "Hạn: I.1 Kiểm tra thư viện các trường THPT (KH 996/KH-SGDĐT)"],
      ["2026-09-15", "Hạn: I.2 Tổng hợp kết quả kiểm tra thư viện (KH 996/KH-SGDĐT)"],
      ["2026-10-31", "Hạn: I.3 Rà soát sách giáo khoa của thư viện (KH 996/KH-SGDĐT)"],
      ...DEMO,
    ]);
    expect(events[2]?.description).toContain("Đơn vị: Văn phòng Sở (chủ trì)");
    expect(events[2]?.description).toContain("Người thực hiện: Vũ Việt Linh");
  });

  it("gives a plan's feed: every deadline its reader may see, one event a task and day, and its reporting due dates", async () => {
    const r = await call("vanthu", "POST", "/api/v1/calendar/token");
    const officer = (r.json().feeds.plan as string).replace("{planId}", planId);
    const events = eventsOf(await fetchFeed(officer));
    expect(summaries(events)).toEqual([
      ["2026-06-10", "Hạn báo cáo kỳ 10/06/2026 (KH 996/KH-SGDĐT)"],
      ["2026-06-30", "Hạn: I.1 Kiểm tra thư viện các trường THPT (KH 996/KH-SGDĐT)"],
      ["2026-09-15", "Hạn: I.2 Tổng hợp kết quả kiểm tra thư viện (KH 996/KH-SGDĐT)"],
      ["2026-10-31", "Hạn: I.3 Rà soát sách giáo khoa của thư viện (KH 996/KH-SGDĐT)"],
      ["2026-12-10", "Hạn báo cáo kỳ 10/12/2026 (KH 996/KH-SGDĐT)"],
    ]);
    expect(events[1]?.description).toContain("Đơn vị chủ trì: Phòng Giáo dục Trung học");
    expect(events[1]?.description).toContain("Đơn vị phối hợp: Văn phòng Sở");
    // The unit officer sees its own unit's work of the plan, as on the plan's page.
    const unitView = eventsOf(await fetchFeed(feeds.plan.replace("{planId}", planId)));
    expect(summaries(unitView).map(([day]) => day)).toEqual([
      "2026-06-10",
      "2026-06-30",
      "2026-09-15",
      "2026-12-10",
    ]);
  });

  it("answers 404 for a plan the account may not read, a draft it may not review, and a token it does not know", async () => {
    const outsider = (await call("vanthukhac", "POST", "/api/v1/calendar/token")).json().feeds.plan as string;
    const hidden = await fetchFeed(outsider.replace("{planId}", planId));
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error).toBe("plan.not_found");
    expect((await fetchFeed(feeds.plan.replace("{planId}", draftId))).statusCode).toBe(404);
    for (const bad of ["x".repeat(43), "short", "%20"]) {
      const r = await api.app.inject({ method: "GET", url: `/api/v1/calendar/${bad}/me.ics` });
      expect(r.statusCode).toBe(404);
      expect(r.json().error).toBe("calendar.not_found");
    }
  });

  it("follows an approved extension: the new date replaces the old", async () => {
    const work = (await call("phongtrunghoc", "GET", "/api/v1/workspace")).json().items as Array<{
      workItemId: string;
      planId: string;
      taskKey: string;
    }>;
    const item = work.find((w) => w.planId === planId && w.taskKey === "I.1");
    const asked = await call("phongtrunghoc", "POST", "/api/v1/extensions", {
      workItemId: item?.workItemId,
      newDue: "2026-07-31",
      reason: "Các trường đang tổ chức thi",
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const decided = await call("vanthu", "POST", `/api/v1/extensions/${asked.json().id}/decision`, {
      approve: true,
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const events = eventsOf(await fetchFeed(feeds.unit));
    expect(summaries(events).map(([day]) => day)).toEqual([
      "2026-07-31",
      "2026-09-15",
      "2026-12-31",
      "2027-04-30",
    ]);
    expect(events[0]?.description).toContain("Gia hạn 1 lần, hạn gốc 30/06/2026");
  });

  it("links to the installation's public address where one is set", async () => {
    const app = await buildApp({
      store: api.store,
      reader: api.ctx.reader,
      clock: api.ctx.clock,
      importJobs: false,
      publicUrl: "https://kehoach.sogddt.example",
    });
    try {
      const events = eventsOf(await app.inject({ method: "GET", url: new URL(feeds.unit).pathname }));
      expect(urlOf(events[0]?.url)).toBe(`https://kehoach.sogddt.example/#/plans/${planId}`);
    } finally {
      await app.close();
    }
  });

  it("stops the old link when renewed; the new one works", async () => {
    const renewed = await call("phongtrunghoc", "POST", "/api/v1/calendar/token");
    const next = renewed.json().feeds as typeof feeds;
    expect(next.person).not.toBe(feeds.person);
    for (const old of [feeds.person, feeds.unit, feeds.plan.replace("{planId}", planId)]) {
      const r = await fetchFeed(old);
      expect(r.statusCode).toBe(404);
      expect(r.json().error).toBe("calendar.not_found");
    }
    expect(eventsOf(await fetchFeed(next.person))).toHaveLength(5);
    expect(eventsOf(await fetchFeed(next.plan.replace("{planId}", planId)))).toHaveLength(4);
  });
});
