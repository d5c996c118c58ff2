// /api/v1/exports: files to download — a plan's task × unit status matrix (XLSX, a sheet per
// reporting period), its assignment table (DOCX and XLSX), report completeness by unit (XLSX).

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ServiceContext } from "../../services/context.js";
import { planAssignmentsFile, planMatrixFile, reportingFile } from "../../services/exports.service.js";
import { signedIn } from "../context.js";
import { ExportPlanParams, FileReply } from "../contract/index.js";
import { sendFile } from "../download.js";

const XLSX = ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"];
const DOCX = ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"];

export const exportRoutes =
  (ctx: ServiceContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["exports"];
    app.get(
      "/plans/:id/matrix.xlsx",
      {
        schema: {
          tags,
          summary: "Tình trạng từng nhiệm vụ × đơn vị của kế hoạch (XLSX; hiện tại và từng kỳ báo cáo)",
          params: ExportPlanParams,
          produces: XLSX,
          response: { 200: FileReply },
        },
      },
      async (request, reply) =>
        sendFile(reply, await planMatrixFile(ctx, signedIn(request), request.params.id)),
    );
    app.get(
      "/plans/:id/assignments.docx",
      {
        schema: {
          tags,
          summary: "Phụ lục phân công nhiệm vụ của kế hoạch (DOCX)",
          params: ExportPlanParams,
          produces: DOCX,
          response: { 200: FileReply },
        },
      },
      async (request, reply) =>
        sendFile(reply, await planAssignmentsFile(ctx, signedIn(request), request.params.id, "docx")),
    );
    app.get(
      "/plans/:id/assignments.xlsx",
      {
        schema: {
          tags,
          summary: "Phụ lục phân công nhiệm vụ của kế hoạch (XLSX)",
          params: ExportPlanParams,
          produces: XLSX,
          response: { 200: FileReply },
        },
      },
      async (request, reply) =>
        sendFile(reply, await planAssignmentsFile(ctx, signedIn(request), request.params.id, "xlsx")),
    );
    app.get(
      "/reporting.xlsx",
      {
        schema: {
          tags,
          summary: "Báo cáo của các đơn vị: đầy đủ, đúng hạn, theo đơn vị và theo kế hoạch (XLSX)",
          produces: XLSX,
          response: { 200: FileReply },
        },
      },
      async (request, reply) => sendFile(reply, await reportingFile(ctx, signedIn(request))),
    );
  };
