// /api/v1/review/:id — the review of an imported plan: its source beside the parser's reading and
// the flags; corrections of the document, a task, its units, a reference, the reporting duty;
// confirming a flag; publishing; discarding a draft.

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ServiceContext } from "../../services/context.js";
import {
  confirmFlag,
  discardDraft,
  linkReference,
  publicationPreview,
  publishPlan,
  recordOwnWork,
  reviewView,
  setReportingSchedule,
  setTaskUnits,
  updateDocument,
  updateTask,
} from "../../services/plan-review.service.js";
import { signedIn } from "../context.js";
import {
  DocumentPatch,
  Id,
  NoContent,
  OwnWorkBody,
  OwnWorkReply,
  PublicationReply,
  presentReview,
  ReferenceBody,
  ReportingBody,
  ReportingReply,
  ReviewReply,
  TaskPatch,
  TaskPatchReply,
  TaskUnitsBody,
  VersionReply,
} from "../contract/index.js";

const PlanParams = z.object({ id: Id.describe("Mã kế hoạch") });
const TaskParams = PlanParams.extend({ key: z.string().min(1).max(40).describe("Mã nhiệm vụ, ví dụ II.1") });

export const reviewRoutes =
  (ctx: ServiceContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["review"];
    app.get(
      "/:id",
      {
        schema: {
          tags,
          summary: "Văn bản nguồn, kết quả đọc và các mục cần xem lại",
          params: PlanParams,
          response: { 200: ReviewReply },
        },
      },
      async (request) => presentReview(await reviewView(ctx, signedIn(request), request.params.id)),
    );
    app.patch(
      "/:id",
      {
        schema: {
          tags,
          summary: "Sửa số, trích yếu, ngày ban hành, người ký",
          params: PlanParams,
          body: DocumentPatch,
          response: { 200: VersionReply },
        },
      },
      async (request) => updateDocument(ctx, signedIn(request), request.params.id, request.body),
    );
    app.delete(
      "/:id",
      {
        schema: {
          tags,
          summary: "Bỏ bản nháp nhập nhầm (cùng tệp của nó)",
          params: PlanParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await discardDraft(ctx, signedIn(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
    app.get(
      "/:id/publication",
      {
        schema: {
          tags,
          summary: "Công bố sẽ tạo gì (nhiệm vụ, phần việc, đơn vị, hạn) và còn vướng gì",
          params: PlanParams,
          response: { 200: PublicationReply },
        },
      },
      async (request) => publicationPreview(ctx, signedIn(request), request.params.id),
    );
    app.post(
      "/:id/own-work",
      {
        schema: {
          tags,
          summary: "Ghi nhận nhiệm vụ chưa có đơn vị chủ trì là việc của chính cơ quan ban hành",
          params: PlanParams,
          body: OwnWorkBody,
          response: { 200: OwnWorkReply },
        },
      },
      async (request) => recordOwnWork(ctx, signedIn(request), request.params.id, request.body),
    );
    app.post(
      "/:id/publish",
      { schema: { tags, summary: "Công bố kế hoạch", params: PlanParams, response: { 204: NoContent } } },
      async (request, reply) => {
        await publishPlan(ctx, signedIn(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
    app.post(
      "/:id/flags/:flagId/confirm",
      {
        schema: {
          tags,
          summary: "Xác nhận một mục cần xem lại",
          params: PlanParams.extend({ flagId: Id.describe("Mã mục cần xem lại") }),
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await confirmFlag(ctx, signedIn(request), request.params.id, request.params.flagId);
        return reply.code(204).send(null);
      },
    );
    app.patch(
      "/:id/tasks/:key",
      {
        schema: {
          tags,
          summary: "Sửa tên, nội dung, thời gian của nhiệm vụ",
          params: TaskParams,
          body: TaskPatch,
          response: { 200: TaskPatchReply },
        },
      },
      async (request) =>
        updateTask(ctx, signedIn(request), request.params.id, request.params.key, request.body),
    );
    app.put(
      "/:id/tasks/:key/units",
      {
        schema: {
          tags,
          summary: "Chọn đơn vị chủ trì, phối hợp của nhiệm vụ",
          params: TaskParams,
          body: TaskUnitsBody,
          response: { 200: VersionReply },
        },
      },
      async (request) =>
        setTaskUnits(ctx, signedIn(request), request.params.id, request.params.key, request.body),
    );
    app.put(
      "/:id/references",
      {
        schema: {
          tags,
          summary: "Liên kết văn bản dẫn chiếu với kế hoạch trong hệ thống",
          params: PlanParams,
          body: ReferenceBody,
          response: { 200: VersionReply },
        },
      },
      async (request) => linkReference(ctx, signedIn(request), request.params.id, request.body),
    );
    app.put(
      "/:id/reporting",
      {
        schema: {
          tags,
          summary: "Sửa chế độ báo cáo của kế hoạch",
          params: PlanParams,
          body: ReportingBody,
          response: { 200: ReportingReply },
        },
      },
      async (request) => setReportingSchedule(ctx, signedIn(request), request.params.id, request.body),
    );
  };
