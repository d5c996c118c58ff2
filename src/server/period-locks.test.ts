// Period locks end to end in the API: a reporting period stays open for the plan's grace days after
// its due date, then locks — nothing of its report is saved or sent. The unit asks to reopen it
// with a reason; the plan officer refuses (with a comment) or grants some days, in which the unit
// writes and sends the period's report, marked late; then it locks again. Every request stays as
// the period's history.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoApi, demoApi } from "../../test/api-client.js";
import { STORES } from "../../test/stores.js";

const PLAN = `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 995/KH-SGDĐT                     Hải Phòng, ngày 01 tháng 6 năm 2026

KẾ HOẠCH
Phát triển văn hóa đọc trong trường học năm 2026

I. NHIỆM VỤ
1. Xây dựng tủ sách lớp học ở các trường THPT
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Thời gian thực hiện: Trước ngày 31/12/2026
`;

const kind = STORES[0];
if (!kind) throw new Error("no store");

interface Period {
  planId: string;
  periodDue: string;
  lockedFrom: string;
  locked: boolean;
  reopen: { id: string; status: string; openUntil: string | null } | null;
  report: { id: string; status: string } | null;
  standing: string;
}

describe("period locks", () => {
  let api: DemoApi;
  let now = new Date("2026-06-01T01:00:00Z");
  const call: DemoApi["call"] = (...args) => api.call(...args);
  let planId = "";
  let workItemId = "";
  const walk = async (iso: string) => {
    now = new Date(`${iso}T01:00:00Z`);
    await api.signInAgain();
  };
  const periods = async (): Promise<Period[]> => {
    const r = await call("phongtrunghoc", "GET", "/api/v1/workspace");
    if (r.statusCode !== 200) throw new Error(`workspace: ${r.statusCode} ${r.body}`);
    return (r.json().periods as Period[]).filter((p) => p.planId === planId);
  };
  const save = (periodDue?: string) =>
    call("phongtrunghoc", "PUT", `/api/v1/reports/plans/${planId}`, {
      ...(periodDue ? { periodDue } : {}),
      items: [{ workItemId, status: "in_progress", results: "Đã có tủ sách ở 12/20 lớp" }],
    });

  beforeAll(async () => {
    api = await demoApi(kind, { now: () => new Date(now) });
    planId = await api.importText("vanthu", "ke-hoach-995.txt", PLAN);
    expect((await api.confirmAndPublish("vanthu", planId)).statusCode).toBe(204);
    const ws = (await call("phongtrunghoc", "GET", "/api/v1/workspace")).json();
    workItemId = ws.items.find((i: { planId: string }) => i.planId === planId).workItemId;
  });
  afterAll(async () => api.close());

  it("takes the plan's grace days from its officers, checked", async () => {
    const before = (await call("vanthu", "GET", `/api/v1/plans/${planId}/progress`)).json();
    expect(before).toMatchObject({
      periodDue: "2026-06-15",
      lockedFrom: "2026-06-26",
      settings: { graceDays: 10, reminderDays: [7, 3, 1] },
      mayEditSettings: true,
    });
    const put = (who: string, body: unknown) => call(who, "PUT", `/api/v1/plans/${planId}/settings`, body);
    expect((await put("vanthu", { graceDays: 91 })).statusCode).toBe(400);
    expect((await put("vanthu", { graceDays: 2.5 })).statusCode).toBe(400);
    expect((await put("phongtrunghoc", { graceDays: 5 })).statusCode).toBe(403);
    const set = await put("vanthu", { graceDays: 5, reminderDays: [1, 3, 3] });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ graceDays: 5, reminderDays: [3, 1] });
    const unit = (await call("phongtrunghoc", "GET", `/api/v1/plans/${planId}/progress`)).json();
    expect(unit).toMatchObject({ lockedFrom: "2026-06-21", mayEditSettings: false });
  });

  it("locks a period after its grace days: nothing of it is saved or sent", async () => {
    await walk("2026-06-18");
    const draft = await save();
    expect(draft.statusCode).toBe(200);
    expect(draft.json()).toMatchObject({ periodDue: "2026-06-15", status: "draft" });
    const reportId = draft.json().id as string;

    await walk("2026-06-21");
    // The open period is now December's; June's, named, is refused with the reason and the way out.
    const late = await save("2026-06-15");
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({
      error: "report.period_locked",
      fields: [{ field: "periodDue", reason: "kỳ đã khóa" }],
    });
    expect(late.json().message).toContain("đã khóa từ ngày 21/06/2026");
    expect((await call("phongtrunghoc", "POST", `/api/v1/reports/${reportId}/submit`)).statusCode).toBe(409);
    // A date that is no period of the plan is refused as such.
    expect((await save("2026-06-16")).statusCode).toBe(422);
    const ws = await periods();
    expect(ws.map((p) => [p.periodDue, p.locked, p.standing])).toEqual([
      ["2026-12-15", false, "not_sent"],
      ["2026-06-15", true, "missing"],
    ]);
    expect(ws[1]).toMatchObject({ lockedFrom: "2026-06-21", report: { id: reportId, status: "draft" } });
  });

  it("is reopened on request: refused with a comment, granted for some days, then locks again", async () => {
    const ask = (periodDue: string, reason = "Cán bộ phụ trách nghỉ ốm, chưa kịp gửi") =>
      call("phongtrunghoc", "POST", "/api/v1/reopen", { planId, periodDue, reason });
    expect((await ask("2026-12-15")).statusCode).toBe(409); // open: send it as usual
    expect((await ask("2026-06-16")).statusCode).toBe(422); // no period of the plan
    expect(
      (await call("vanthu", "POST", "/api/v1/reopen", { planId, periodDue: "2026-06-15", reason: "x" }))
        .statusCode,
    ).toBe(403); // only units report
    const first = await ask("2026-06-15");
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      status: "pending",
      periodDue: "2026-06-15",
      unitName: "Phòng Giáo dục Trung học",
    });
    expect((await ask("2026-06-15")).statusCode).toBe(409); // one pending request at a time

    // The plan officer is told; a unit officer cannot decide.
    const told = (await call("vanthu", "GET", "/api/v1/notifications")).json().items as Array<{
      kind: string;
      title: string;
    }>;
    expect(told).toContainEqual(
      expect.objectContaining({ kind: "request_received", title: "Đề nghị mở lại kỳ báo cáo 15/06/2026" }),
    );
    const decide = (who: string, id: string, body: unknown) =>
      call(who, "POST", `/api/v1/reopen/${id}/decision`, body);
    expect((await decide("phongtrunghoc", first.json().id, { grant: true })).statusCode).toBe(403);
    const bare = await decide("vanthu", first.json().id, { grant: false });
    expect(bare.statusCode).toBe(422);
    expect(bare.json().fields).toEqual([{ field: "comment", reason: "bắt buộc khi không đồng ý" }]);
    const refused = await decide("vanthu", first.json().id, {
      grant: false,
      comment: "Cần nêu rõ lý do cụ thể",
    });
    expect(refused.json()).toMatchObject({
      status: "refused",
      openUntil: null,
      comment: "Cần nêu rõ lý do cụ thể",
    });
    expect((await decide("vanthu", first.json().id, { grant: true })).statusCode).toBe(409);
    expect((await periods())[1]).toMatchObject({ locked: true, reopen: { status: "refused" } });

    await walk("2026-06-22");
    const second = await ask(
      "2026-06-15",
      "Cán bộ phụ trách nghỉ ốm từ 10/6 đến 20/6 (giấy ra viện kèm theo)",
    );
    expect(second.statusCode).toBe(201);
    const granted = await decide("vanthu", second.json().id, { grant: true, days: 3, comment: "Đồng ý" });
    expect(granted.json()).toMatchObject({ status: "granted", openUntil: "2026-06-24" });
    const reopened = (await periods())[1];
    expect(reopened).toMatchObject({
      periodDue: "2026-06-15",
      locked: false,
      reopen: { status: "granted", openUntil: "2026-06-24" },
    });

    // Written and sent in the days granted: accepted, and marked late.
    await walk("2026-06-24");
    const saved = await save("2026-06-15");
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ periodDue: "2026-06-15" });
    expect(
      (await call("phongtrunghoc", "POST", `/api/v1/reports/${saved.json().id}/submit`)).statusCode,
    ).toBe(204);
    const reports = (await call("vanthu", "GET", `/api/v1/reports/plans/${planId}?period=2026-06-15`)).json();
    expect(reports.reports).toHaveLength(1);
    expect(reports.reports[0]).toMatchObject({ status: "submitted", unitName: "Phòng Giáo dục Trung học" });
    const sent = (await periods()).find((p) => p.periodDue === "2026-06-15");
    expect(sent?.standing).toBe("sent_late");

    // After the days granted it locks again; the sent report stays.
    await walk("2026-06-25");
    expect((await save("2026-06-15")).statusCode).toBe(409);
    expect((await ask("2026-06-15")).statusCode).toBe(409); // sent: nothing to reopen

    // The unit is told of each decision; the plan keeps the history, newest first.
    const bell = (await call("phongtrunghoc", "GET", "/api/v1/notifications")).json().items as Array<{
      title: string;
    }>;
    expect(bell.map((n) => n.title)).toEqual(
      expect.arrayContaining([
        "Đồng ý mở lại kỳ báo cáo 15/06/2026 đến hết 24/06/2026",
        "Không đồng ý mở lại kỳ báo cáo 15/06/2026",
      ]),
    );
    const history = (await call("vanthu", "GET", `/api/v1/reopen?planId=${planId}`)).json().requests;
    expect(history.map((r: { status: string }) => r.status)).toEqual(["granted", "refused"]);
    expect(
      (await call("phongtrunghoc", "GET", `/api/v1/reopen?planId=${planId}`)).json().requests,
    ).toHaveLength(2);
    expect((await call("vanthukhac", "GET", `/api/v1/reopen?planId=${planId}`)).statusCode).toBe(404);
  });
});
