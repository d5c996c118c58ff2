// The summary report through the API, on the demo plan on school safety (901/KH-SGDĐT): a Phòng
// reports, the Văn phòng accepts, the report compiles with its sentences traced to that report;
// a plan officer edits and saves it, a second edit from the old version is refused, compiling
// again drops the edits; the Word file downloads; who may not read or edit it is told so.

import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoApi, demoApi } from "../../test/api-client.js";
import { STORES } from "../../test/stores.js";

const PERIOD = "2026-12-15";

for (const kind of STORES) {
  describe(`the summary report on ${kind.name}`, () => {
    let api: DemoApi;
    const now = new Date("2026-12-10T02:00:00Z");
    let planId = "";
    let reportId = "";

    beforeAll(async () => {
      api = await demoApi(kind, { now: () => new Date(now) });
      const plans = (await api.call("vanthu", "GET", "/api/v1/plans")).json();
      planId = (plans.plans as Array<{ id: string; number: string }>).find((p) => p.number === "901/KH-SGDĐT")
        ?.id as string;
      // Phòng Giáo dục Trung học reports on its work in the plan, with a difficulty and a proposal.
      const ws = (await api.call("phongtrunghoc", "GET", "/api/v1/workspace")).json();
      const mine = (ws.items as Array<{ workItemId: string; planId: string; taskKey: string }>).filter(
        (i) => i.planId === planId,
      );
      expect(mine.length).toBeGreaterThan(0);
      const saved = await api.call("phongtrunghoc", "PUT", `/api/v1/reports/plans/${planId}`, {
        items: mine.map((i, n) => ({
          workItemId: i.workItemId,
          status: n === 0 ? "done" : "in_progress",
          results: n === 0 ? "Đã phối hợp rà soát 45 trường trung học" : "Đang triển khai tại các trường",
          evidence: n === 0 ? "Báo cáo số 15/BC-GDTrH ngày 02/12/2026" : "",
          difficulties: "Thiếu kinh phí sửa chữa phòng học xuống cấp",
          proposals: "Đề nghị Sở ban hành văn bản hướng dẫn kiểm định phòng học",
        })),
      });
      expect(saved.statusCode, saved.body).toBe(200);
      reportId = saved.json().id;
      expect((await api.call("phongtrunghoc", "POST", `/api/v1/reports/${reportId}/submit`)).statusCode).toBe(
        204,
      );
      expect(
        (await api.call("vanthu", "POST", `/api/v1/reports/${reportId}/decision`, { accept: true }))
          .statusCode,
      ).toBe(204);
    });
    afterAll(async () => {
      await api?.close();
    });

    const url = () => `/api/v1/summaries/plans/${planId}`;

    it("compiles the open period's report from the accepted reports, each sentence traced to its report", async () => {
      const r = await api.call("vanthu", "GET", url());
      expect(r.statusCode, r.body).toBe(200);
      const { document: doc, version, periods, canEdit } = r.json();
      expect({ version, canEdit, period: doc.periodDue, first: periods[0] }).toEqual({
        version: 0,
        canEdit: true,
        period: PERIOD,
        first: PERIOD,
      });
      expect(doc.header).toMatchObject({
        parentBody: "UBND THÀNH PHỐ HẢI PHÒNG",
        body: "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
      });
      expect(doc.opening[0].text).toMatch(
        /^Thực hiện Kế hoạch số 901\/KH-SGDĐT ngày 05\/09\/2026 của Sở Giáo dục và Đào tạo về bảo đảm an toàn trường học năm học 2026-2027 .*, Sở Giáo dục và Đào tạo báo cáo kết quả thực hiện đến kỳ báo cáo ngày 15\/12\/2026 như sau:$/,
      );
      const paragraphs = doc.sections.flatMap((s: { paragraphs: unknown[] }) => s.paragraphs) as Array<{
        text: string;
        sources: Array<{ reportId: string; unitName: string }>;
      }>;
      const said = paragraphs.find((p) => p.text.includes("Đã phối hợp rà soát 45 trường"));
      expect(said).toEqual({
        text: "- Phòng Giáo dục Trung học: Đã phối hợp rà soát 45 trường trung học (đã hoàn thành).",
        sources: [{ reportId, unitName: "Phòng Giáo dục Trung học" }],
      });
      // The same difficulty written on every item is said once, under its theme, naming the unit.
      const difficulty = paragraphs.filter((p) => p.text.startsWith("- Thiếu kinh phí sửa chữa"));
      expect(difficulty).toEqual([
        {
          text: "- Thiếu kinh phí sửa chữa phòng học xuống cấp (Phòng Giáo dục Trung học).",
          sources: [{ reportId, unitName: "Phòng Giáo dục Trung học" }],
        },
      ]);
      // The units with work that sent nothing accepted are named; the reporting unit is not.
      expect(doc.missing).toContain("Phòng Kế hoạch – Tài chính");
      expect(doc.missing).not.toContain("Phòng Giáo dục Trung học");
      // The Sở reports to the city, as the plan's "Tổ chức thực hiện" says.
      expect(doc.recipients[0]).toBe("Ủy ban nhân dân thành phố (để báo cáo)");
      const row = doc.appendix.find((a: { task: string }) => a.task.includes("Rà soát cơ sở vật chất"));
      expect(row).toMatchObject({
        lead: "Phòng Kế hoạch – Tài chính",
        evidence: "15/BC-GDTrH ngày 02/12/2026",
      });
    });

    it("keeps a plan officer's edits, refuses an edit made from an old version, and compiles again on request", async () => {
      const read = (await api.call("vanthu", "GET", url())).json();
      const edits = {
        header: { ...read.document.header, number: "125/BC-SGDĐT" },
        subject: "Kết quả thực hiện Kế hoạch bảo đảm an toàn trường học năm 2026",
        opening: read.document.opening,
        sections: read.document.sections,
        closing: read.document.closing,
        signer: { capacity: "KT. GIÁM ĐỐC", position: "PHÓ GIÁM ĐỐC", name: "Nguyễn Văn An" },
        recipients: ["UBND thành phố (để báo cáo)", "Lưu: VT, VP"],
      };
      const first = await api.call("vanthu", "PUT", url(), { period: PERIOD, version: 0, edits });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({ version: 1, updatedBy: "Chuyên viên Văn phòng Sở" });
      // Someone else, still on the compiled text, saves: refused, nothing of theirs kept.
      const stale = await api.call("vanthu", "PUT", url(), {
        period: PERIOD,
        version: 0,
        edits: { ...edits, subject: "Bản của người thứ hai" },
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error).toBe("summary.version_conflict");
      const again = (await api.call("vanthu", "GET", url())).json();
      expect(again.version).toBe(1);
      expect(again.document.subject).toBe(edits.subject);
      expect(again.document.header.number).toBe("125/BC-SGDĐT");
      // The figures and the appendix are compiled, not edited: what a client sends of them is ignored.
      expect(again.document.appendix).toEqual(read.document.appendix);

      const docx = await api.call("giamdoc", "GET", `${url()}/report.docx`);
      expect(docx.statusCode).toBe(200);
      expect(docx.headers["content-type"]).toMatch(/wordprocessingml/);
      expect(docx.headers["content-disposition"]).toBe(
        'attachment; filename="bao-cao-901-KH-SGDDT-2026-12-15.docx"',
      );
      const xml = strFromU8(
        unzipSync(new Uint8Array(docx.rawPayload))["word/document.xml"] ?? new Uint8Array(),
      );
      expect(xml).toContain("Số: 125/BC-SGDĐT");
      expect(xml).toContain("Nguyễn Văn An");
      expect(xml).toContain("Đã phối hợp rà soát 45 trường trung học");

      const fresh = await api.call("vanthu", "POST", `${url()}/recompile`, { period: PERIOD });
      expect(fresh.statusCode).toBe(200);
      expect(fresh.json().version).toBe(0);
      expect(fresh.json().document.subject).toMatch(/^Kết quả thực hiện Kế hoạch số 901\/KH-SGDĐT/);
    });

    it("is read by the body's leaders, edited only by its plan officers, and refuses a period the plan has not", async () => {
      const leader = await api.call("giamdoc", "GET", url());
      expect(leader.statusCode).toBe(200);
      expect(leader.json().canEdit).toBe(false);
      const read = leader.json().document;
      const edits = {
        header: read.header,
        subject: "x",
        opening: [],
        sections: [],
        closing: "",
        signer: read.signer,
        recipients: [],
      };
      expect(
        (await api.call("giamdoc", "PUT", url(), { period: PERIOD, version: 0, edits })).statusCode,
      ).toBe(404);
      expect((await api.call("phongtrunghoc", "GET", url())).statusCode).toBe(403);
      expect((await api.call("vanthukhac", "GET", url())).statusCode).toBe(404);
      const bad = await api.call("vanthu", "GET", `${url()}?period=2026-11-30`);
      expect(bad.statusCode).toBe(422);
      expect(bad.json().fields).toEqual([
        { field: "period", reason: expect.stringMatching(/^kỳ báo cáo phải là một trong: 2026-12-15/) },
      ]);
      const empty = await api.call("vanthu", "PUT", url(), {
        period: PERIOD,
        version: 0,
        edits: { ...edits, subject: " ", header: { ...edits.header, date: "2026-02-30" } },
      });
      expect(empty.statusCode).toBe(400);
      expect(
        empty
          .json()
          .fields.map((f: { field: string }) => f.field)
          .sort(),
      ).toEqual(["edits.header.date", "edits.subject"]);
      // Nothing half-written: the report is still the compiled one.
      expect((await api.call("vanthu", "GET", url())).json().version).toBe(0);
    });
  });
}
