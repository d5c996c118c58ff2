// /api/v1/summaries: the summary report of a plan's period — read (compiled or as saved), edited,
// compiled again, downloaded as a Word file.

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ServiceContext } from "../../services/context.js";
import {
  recompileSummary,
  saveSummaryEdits,
  summaryFile,
  summaryOf,
} from "../../services/summary.service.js";
import { signedIn } from "../context.js";
import {
  FileReply,
  Id,
  SummaryEditBody,
  SummaryQuery,
  SummaryRecompileBody,
  SummaryReply,
} from "../contract/index.js";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export const summaryRoutes =
  (ctx: ServiceContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["reports"];
    const params = z.object({ id: Id.describe("Mã kế hoạch") });
    app.get(
      "/plans/:id",
      {
        schema: {
          tags,
          summary: "Báo cáo tổng hợp kết quả thực hiện kế hoạch của một kỳ (bản đã lưu, hoặc tổng hợp ngay)",
          params,
          querystring: SummaryQuery,
          response: { 200: SummaryReply },
        },
      },
      async (request) => summaryOf(ctx, signedIn(request), request.params.id, request.query.period),
    );
    app.put(
      "/plans/:id",
      {
        schema: {
          tags,
          summary: "Lưu nội dung báo cáo tổng hợp đã sửa (cán bộ kế hoạch của cơ quan ban hành)",
          params,
          body: SummaryEditBody,
          response: { 200: SummaryReply },
        },
      },
      async (request) => saveSummaryEdits(ctx, signedIn(request), request.params.id, request.body),
    );
    app.post(
      "/plans/:id/recompile",
      {
        schema: {
          tags,
          summary: "Bỏ nội dung đã sửa, tổng hợp lại từ các báo cáo đã chấp nhận",
          params,
          body: SummaryRecompileBody,
          response: { 200: SummaryReply },
        },
      },
      async (request) => recompileSummary(ctx, signedIn(request), request.params.id, request.body.period),
    );
    app.get(
      "/plans/:id/report.docx",
      {
        schema: {
          tags,
          summary: "Báo cáo tổng hợp, tệp Word theo thể thức Nghị định 30/2020/NĐ-CP",
          params,
          querystring: SummaryQuery,
          produces: [DOCX],
          response: { 200: FileReply },
        },
      },
      async (request, reply) => {
        const file = await summaryFile(ctx, signedIn(request), request.params.id, request.query.period);
        return reply
          .type(DOCX)
          .header("content-disposition", `attachment; filename="${file.fileName}"`)
          .send(Buffer.from(file.content));
      },
    );
  };
