// /api/v1/reports: a unit's report of a plan's open period (save, attach, submit); the reviewers'
// list of a plan's reports and their decision; attachments.

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ServiceContext } from "../../services/context.js";
import {
  attachToReport,
  decideReport,
  downloadAttachment,
  reportsOfPlan,
  saveReport,
  submitReport,
} from "../../services/reports.service.js";
import { signedIn } from "../context.js";
import {
  Created,
  DecisionBody,
  FileReply,
  Id,
  NoContent,
  PeriodQuery,
  presentReport,
  presentReportsOfPlan,
  ReportBody,
  ReportReply,
  ReportsOfPlanReply,
} from "../contract/index.js";
import { readUpload } from "../upload.js";

const PlanParams = z.object({ planId: Id.describe("Mã kế hoạch") });
const ReportParams = z.object({ id: Id.describe("Mã báo cáo") });
const MAX_ATTACHMENT = 20 * 1024 * 1024;
// Files are sent back with their own type only where a browser cannot run them as a page of this
// site (an uploaded "report.html" is downloaded, never rendered).
const SAFE_TYPES =
  /^(application\/(pdf|zip|msword|vnd\.[\w.+-]+)|image\/(png|jpeg|gif|webp)|text\/(plain|csv))$/;

export const reportRoutes =
  (ctx: ServiceContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["reports"];
    app.get(
      "/plans/:planId",
      {
        schema: {
          tags,
          summary: "Báo cáo của các đơn vị về một kế hoạch, theo kỳ",
          params: PlanParams,
          querystring: PeriodQuery,
          response: { 200: ReportsOfPlanReply },
        },
      },
      async (request) => {
        const r = await reportsOfPlan(ctx, signedIn(request), request.params.planId, request.query.period);
        return presentReportsOfPlan(r.plan, r.periodDue, r.reports);
      },
    );
    app.put(
      "/plans/:planId",
      {
        schema: {
          tags,
          summary:
            "Lưu báo cáo của đơn vị mình cho kỳ đang mở (hoặc kỳ đã khóa được mở lại); submit: gửi luôn",
          params: PlanParams,
          body: ReportBody,
          response: { 200: ReportReply },
        },
      },
      async (request) =>
        presentReport(
          await saveReport(ctx, signedIn(request), {
            planId: request.params.planId,
            periodDue: request.body.periodDue,
            items: request.body.items,
            submit: request.body.submit,
          }),
        ),
    );
    app.post(
      "/:id/submit",
      { schema: { tags, summary: "Gửi báo cáo", params: ReportParams, response: { 204: NoContent } } },
      async (request, reply) => {
        await submitReport(ctx, signedIn(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
    app.post(
      "/:id/decision",
      {
        schema: {
          tags,
          summary: "Chấp nhận hoặc trả lại báo cáo",
          params: ReportParams,
          body: DecisionBody,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await decideReport(ctx, signedIn(request), request.params.id, request.body);
        return reply.code(204).send(null);
      },
    );
    app.post(
      "/:id/attachments",
      {
        schema: {
          tags,
          summary: "Đính kèm tệp minh chứng",
          params: ReportParams,
          consumes: ["multipart/form-data"],
          response: { 200: Created },
        },
      },
      async (request) => {
        const actor = signedIn(request);
        const file = await readUpload(request, MAX_ATTACHMENT, "tệp đính kèm");
        return {
          id: await attachToReport(ctx, actor, request.params.id, {
            name: file.fileName,
            mediaType: file.mediaType,
            content: file.bytes,
          }),
        };
      },
    );
    app.get(
      "/:id/attachments/:attachmentId",
      {
        schema: {
          tags,
          summary: "Tải tệp đính kèm",
          params: ReportParams.extend({ attachmentId: Id.describe("Mã tệp đính kèm") }),
          response: { 200: FileReply },
        },
      },
      async (request, reply) => {
        const file = await downloadAttachment(
          ctx,
          signedIn(request),
          request.params.id,
          request.params.attachmentId,
        );
        return reply
          .type(SAFE_TYPES.test(file.mediaType) ? file.mediaType : "application/octet-stream")
          .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
          .send(Buffer.from(file.content));
      },
    );
  };
