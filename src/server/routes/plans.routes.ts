// /api/v1/plans: the plans within reach, one plan, its progress and reporting settings, importing a
// plan file, a unit's implementing plan of it and the cascade of plans implementing it.

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { MAX_FILE_BYTES } from "../../extract/extract.js";
import { createImplementingPlan, planCascade } from "../../services/cascade.service.js";
import type { ServiceContext } from "../../services/context.js";
import { importPlanFile, readDirectory } from "../../services/plan-import.service.js";
import { getPlan, listPlans, planProgress, updatePlanSettings } from "../../services/plans.service.js";
import { signedIn } from "../context.js";
import {
  CascadeReply,
  ForceQuery,
  Id,
  ImplementingReply,
  ImportReply,
  Page,
  PlanList,
  PlanProgressReply,
  PlanReply,
  PlanSettingsBody,
  PlanSettingsReply,
  presentCascade,
  presentImplementing,
  presentPlan,
  presentProgress,
  presentSummary,
} from "../contract/index.js";
import { readUpload } from "../upload.js";

const PlanParams = z.object({ id: Id.describe("Mã kế hoạch") });

export const planRoutes =
  (ctx: ServiceContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "",
      {
        schema: {
          tags: ["plans"],
          summary: "Kế hoạch trong phạm vi",
          querystring: Page,
          response: { 200: PlanList },
        },
      },
      async (request) => {
        const page = await listPlans(ctx, signedIn(request), request.query);
        return { plans: page.plans.map(presentSummary), total: page.total };
      },
    );
    app.get(
      "/:id",
      {
        schema: {
          tags: ["plans"],
          summary: "Một kế hoạch",
          params: PlanParams,
          response: { 200: PlanReply },
        },
      },
      async (request) => presentPlan(await getPlan(ctx, signedIn(request), request.params.id)),
    );
    app.get(
      "/:id/progress",
      {
        schema: {
          tags: ["plans"],
          summary: "Tiến độ và báo cáo kỳ đang mở",
          params: PlanParams,
          response: { 200: PlanProgressReply },
        },
      },
      async (request) => presentProgress(await planProgress(ctx, signedIn(request), request.params.id)),
    );
    app.put(
      "/:id/settings",
      {
        schema: {
          tags: ["plans"],
          summary: "Thiết lập: số ngày nhận báo cáo muộn, các mốc nhắc hạn",
          params: PlanParams,
          body: PlanSettingsBody,
          response: { 200: PlanSettingsReply },
        },
      },
      async (request) => updatePlanSettings(ctx, signedIn(request), request.params.id, request.body),
    );
    app.post(
      "/:id/implementing",
      {
        schema: {
          tags: ["plans"],
          summary: "Lập kế hoạch triển khai của đơn vị (bản nháp) từ kế hoạch đã công bố",
          params: PlanParams,
          response: { 200: ImplementingReply },
        },
      },
      async (request) =>
        presentImplementing(await createImplementingPlan(ctx, signedIn(request), request.params.id)),
    );
    app.get(
      "/:id/cascade",
      {
        schema: {
          tags: ["plans"],
          summary: "Các kế hoạch triển khai kế hoạch này, từng cấp, với tiến độ và báo cáo",
          params: PlanParams,
          response: { 200: CascadeReply },
        },
      },
      async (request) => presentCascade(await planCascade(ctx, signedIn(request), request.params.id)),
    );
    app.post(
      "/import",
      {
        schema: {
          tags: ["plans"],
          summary: "Nhập tệp kế hoạch (.txt, .doc, .docx, .pdf, trang web .html, .md)",
          consumes: ["multipart/form-data"],
          querystring: ForceQuery,
          response: { 200: ImportReply },
        },
      },
      async (request) => {
        const actor = signedIn(request);
        const file = await readUpload(request, MAX_FILE_BYTES, "tệp kế hoạch");
        return importPlanFile(ctx, await readDirectory(ctx), actor, file.fileName, file.bytes, {
          force: request.query.force !== undefined,
        });
      },
    );
  };
