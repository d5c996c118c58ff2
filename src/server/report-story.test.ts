// The whole reporting story through the API, as the e2e test will drive it in the browser:
// import → confirm the flags → publish → a unit reports with evidence → returned with a comment →
// fixed and resubmitted → accepted → the leader sees the progress change.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoApi, demoApi, multipart } from "../../test/api-client.js";
import { STORES } from "../../test/stores.js";

const PLAN = `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 950/KH-SGDĐT                     Hải Phòng, ngày 10 tháng 1 năm 2026

KẾ HOẠCH
Thử nghiệm báo cáo định kỳ

I. NHIỆM VỤ
1. Tổ chức hội thảo chuyên môn
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Đơn vị phối hợp: Văn phòng Sở
- Thời gian thực hiện: Trước ngày 30/6/2099
2. Biên soạn tài liệu hướng dẫn
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Đơn vị phối hợp: Phòng Khảo thí
- Thời gian thực hiện: Năm 2099

II. TỔ CHỨC THỰC HIỆN
1. Các phòng thuộc Sở định kỳ trước ngày 15/6 và 15/12 hằng năm gửi báo cáo về Sở Giáo dục và Đào tạo (qua Văn phòng Sở).
`;

const kind = STORES[0];
if (!kind) throw new Error("no store");

describe("the reporting story through the API", () => {
  let api: DemoApi;
  const call: DemoApi["call"] = (...args) => api.call(...args);
  const upload = multipart;

  beforeAll(async () => {
    api = await demoApi(kind);
  });
  afterAll(async () => api.close());

  it("runs from import to accepted report", async () => {
    // The plan officer imports the plan; one unit ("Phòng Khảo thí") is not in the directory: a flag.
    const file = upload("ke-hoach-950.txt", PLAN);
    const imported = await call("vanthu", "POST", "/api/v1/plans/import", file.body, file.headers);
    expect(imported.statusCode).toBe(200);
    const planId = imported.json().planId as string;
    const early = await call("vanthu", "POST", `/api/v1/review/${planId}/publish`);
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toMatch(/cần xác nhận hoặc sửa trước khi công bố/);
    const flags = (await call("vanthu", "GET", `/api/v1/review/${planId}`)).json().flags as Array<{
      id: string;
      subject: string;
    }>;
    expect(flags.map((f) => f.subject)).toContain("Phòng Khảo thí");
    for (const f of flags)
      expect(
        (await call("vanthu", "POST", `/api/v1/review/${planId}/flags/${f.id}/confirm`)).statusCode,
      ).toBe(204);
    expect((await call("vanthu", "POST", `/api/v1/review/${planId}/publish`)).statusCode).toBe(204);

    // The unit officer sees the unit's tasks and the open period.
    const ws = (await call("phongtrunghoc", "GET", "/api/v1/workspace")).json();
    const mine = (
      ws.items as Array<{ workItemId: string; planId: string; role: string; state: string }>
    ).filter((i) => i.planId === planId);
    expect(mine.map((i) => [i.role, i.state])).toEqual([
      ["lead", "in_progress"],
      ["lead", "in_progress"],
    ]);
    const period = (ws.periods as Array<{ planId: string; periodDue: string }>).find(
      (p) => p.planId === planId,
    );
    expect(period?.periodDue).toMatch(/-(06-15|12-15)$/);

    // A leader may not write a unit's report; the unit writes it.
    const items = [
      { workItemId: mine[0]?.workItemId, status: "done", results: "Đã tổ chức hội thảo" },
      {
        workItemId: mine[1]?.workItemId,
        status: "in_progress",
        results: "Đang biên soạn",
        difficulties: "Thiếu kinh phí",
      },
    ];
    expect((await call("giamdoc", "PUT", `/api/v1/reports/plans/${planId}`, { items })).statusCode).toBe(403);
    const saved = await call("phongtrunghoc", "PUT", `/api/v1/reports/plans/${planId}`, { items });
    expect(saved.statusCode).toBe(200);
    const reportId = saved.json().id as string;
    const noEvidence = await call("phongtrunghoc", "POST", `/api/v1/reports/${reportId}/submit`);
    expect(noEvidence.statusCode).toBe(422);
    expect(noEvidence.json().error).toBe("report.evidence_required");
    const attachment = upload("bien-ban-hoi-thao.txt", "Biên bản hội thảo ngày 12/3/2026");
    expect(
      (
        await call(
          "phongtrunghoc",
          "POST",
          `/api/v1/reports/${reportId}/attachments`,
          attachment.body,
          attachment.headers,
        )
      ).statusCode,
    ).toBe(200);
    expect((await call("phongtrunghoc", "POST", `/api/v1/reports/${reportId}/submit`)).statusCode).toBe(204);
    // The unit sees what it attached, and can open it.
    const mineNow = (await call("phongtrunghoc", "GET", "/api/v1/workspace"))
      .json()
      .periods.find((p: { planId: string }) => p.planId === planId);
    expect(mineNow.attachments.map((a: { fileName: string }) => a.fileName)).toEqual([
      "bien-ban-hoi-thao.txt",
    ]);
    expect(
      (
        await call(
          "phongtrunghoc",
          "GET",
          `/api/v1/reports/${reportId}/attachments/${mineNow.attachments[0].id}`,
        )
      ).statusCode,
    ).toBe(200);

    // The plan officer returns it with a comment (no comment, no return); the unit fixes it.
    expect(
      (await call("phongtrunghoc", "POST", `/api/v1/reports/${reportId}/decision`, { accept: true }))
        .statusCode,
    ).toBe(403);
    const bare = await call("vanthu", "POST", `/api/v1/reports/${reportId}/decision`, { accept: false });
    expect(bare.statusCode).toBe(422);
    expect(bare.json().fields).toEqual([{ field: "comment", reason: "bắt buộc khi trả lại" }]);
    expect(
      (
        await call("vanthu", "POST", `/api/v1/reports/${reportId}/decision`, {
          accept: false,
          comment: "Bổ sung số liệu hội thảo.",
        })
      ).statusCode,
    ).toBe(204);
    const returned = (await call("phongtrunghoc", "GET", "/api/v1/workspace"))
      .json()
      .periods.find((p: { planId: string }) => p.planId === planId);
    expect(returned.report).toMatchObject({ status: "returned", reviewComment: "Bổ sung số liệu hội thảo." });
    const fixed = [
      {
        ...items[0],
        results: "Đã tổ chức hội thảo, 120 giáo viên dự",
        evidence: "Biên bản số 12/BB-GDTrH ngày 12/3/2026",
      },
      items[1],
    ];
    expect(
      (await call("phongtrunghoc", "PUT", `/api/v1/reports/plans/${planId}`, { items: fixed })).statusCode,
    ).toBe(200);
    expect((await call("phongtrunghoc", "POST", `/api/v1/reports/${reportId}/submit`)).statusCode).toBe(204);
    expect(
      (await call("phongtrunghoc", "PUT", `/api/v1/reports/plans/${planId}`, { items: fixed })).statusCode,
    ).toBe(409);

    // Accepted: the leader's dashboard counts the finished task.
    const before = (await call("giamdoc", "GET", `/api/v1/plans/${planId}/progress`)).json();
    expect(before.counts.done_on_time).toBe(0);
    expect(
      (
        await call("vanthu", "POST", `/api/v1/reports/${reportId}/decision`, {
          accept: true,
          comment: "Đạt.",
        })
      ).statusCode,
    ).toBe(204);
    const after = (await call("giamdoc", "GET", `/api/v1/plans/${planId}/progress`)).json();
    expect(after.counts).toMatchObject({ done_on_time: 1, in_progress: before.counts.in_progress - 1 });
    expect(after.byUnit.find((u: { report: { status: string } | null }) => u.report)?.report.status).toBe(
      "accepted",
    );
    // What the plan officer reviewed, the file the unit attached, and the leader's overview.
    const toReview = (await call("vanthu", "GET", `/api/v1/reports/plans/${planId}`)).json();
    const report = toReview.reports[0];
    expect(report).toMatchObject({ unitName: "Phòng Giáo dục Trung học", status: "accepted" });
    expect(report.items.map((i: { taskKey: string; status: string }) => [i.taskKey, i.status])).toEqual([
      ["I.1", "done"],
      ["I.2", "in_progress"],
    ]);
    const download = await call(
      "vanthu",
      "GET",
      `/api/v1/reports/${reportId}/attachments/${report.attachments[0].id}`,
    );
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe("Biên bản hội thảo ngày 12/3/2026");
    expect(download.headers["content-disposition"]).toContain("bien-ban-hoi-thao.txt");
    expect((await call("phongtrunghoc", "GET", `/api/v1/reports/plans/${planId}`)).statusCode).toBe(403);
    // The leader reads what the units reported, and does not decide on it.
    const read = (await call("giamdoc", "GET", `/api/v1/reports/plans/${planId}`)).json();
    expect(read.reports[0]).toMatchObject({ unitName: "Phòng Giáo dục Trung học", status: "accepted" });
    expect(
      (await call("giamdoc", "POST", `/api/v1/reports/${reportId}/decision`, { accept: false, comment: "x" }))
        .statusCode,
    ).toBe(403);
    const overview = (await call("giamdoc", "GET", "/api/v1/overview")).json();
    const row = overview.plans.find((p: { planId: string }) => p.planId === planId);
    expect(row).toMatchObject({ reportsExpected: 2, reportsIn: 1, counts: { done_on_time: 1 } });
    expect(overview.totals.done_on_time).toBeGreaterThanOrEqual(1);
  });

  it("names the field of a bad report", async () => {
    const r = await call("phongtrunghoc", "PUT", "/api/v1/reports/plans/1", {
      items: [{ workItemId: "x", status: "xong" }],
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toMatch(/trường «items\.0\.workItemId»/);
    expect(r.json().message).toMatch(/trường «items\.0\.status»/);
  });
});
