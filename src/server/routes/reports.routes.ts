// Publishing, the unit workspace, reports and their review, plan progress.

import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Store } from "../../db/connection.js";
import { DomainError } from "../../domain/errors.js";
import { listReviewItems } from "../../services/plan-review.service.js";
import {
  attachToReport,
  confirmReviewItem,
  dashboard,
  dashboardWork,
  downloadAttachment,
  planProgress,
  publishPlan,
  reportsToReview,
  reviewReport,
  saveReport,
  submitReport,
  unitWorkspace,
} from "../../services/reports.service.js";
import { workCsv, workCsvName } from "../../services/work-csv.js";

const Id = z.string().regex(/^\d{1,18}$/, "mã phải là số");
const ItemStatus = z
  .enum(["not_started", "in_progress", "done"])
  .describe("chưa triển khai / đang thực hiện / hoàn thành");
const text = (max: number, about: string) => z.string().max(max).optional().describe(about);

export async function reportRoutes(app: FastifyInstance, store: Store): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    "/api/v1/plans/:id/publish",
    { schema: { tags: ["plans"], params: z.object({ id: Id }) } },
    async (request, reply) => {
      await publishPlan(store.db, request.user, request.params.id);
      return reply.code(204).send();
    },
  );
  r.get(
    "/api/v1/plans/:id/review-items",
    { schema: { tags: ["plans"], params: z.object({ id: Id }) } },
    async (request) => ({ items: await listReviewItems(store.db, request.user, request.params.id) }),
  );
  r.post(
    "/api/v1/plans/:id/review-items/:itemId/confirm",
    { schema: { tags: ["plans"], params: z.object({ id: Id, itemId: Id }) } },
    async (request, reply) => {
      await confirmReviewItem(store.db, request.user, request.params.id, request.params.itemId);
      return reply.code(204).send();
    },
  );
  r.get("/api/v1/workspace", { schema: { tags: ["reports"] } }, async (request) =>
    unitWorkspace(store.db, request.user),
  );
  r.put(
    "/api/v1/plans/:id/report",
    {
      schema: {
        tags: ["reports"],
        params: z.object({ id: Id }),
        body: z.object({
          items: z
            .array(
              z.object({
                workItemId: Id.describe("Nhiệm vụ của đơn vị"),
                status: ItemStatus,
                results: text(10_000, "Kết quả"),
                difficulties: text(5_000, "Khó khăn, vướng mắc"),
                proposals: text(5_000, "Đề xuất, kiến nghị"),
                evidence: text(500, "Minh chứng: số, ngày văn bản kết quả"),
                doneOn: z
                  .string()
                  .regex(/^\d{4}-\d{2}-\d{2}$/, "ngày có dạng YYYY-MM-DD")
                  .optional(),
              }),
            )
            .min(1, "cần ít nhất một nhiệm vụ")
            .max(500),
        }),
      },
    },
    async (request) =>
      saveReport(store.db, request.user, { planId: request.params.id, items: request.body.items }),
  );
  r.post(
    "/api/v1/reports/:id/attachments",
    { schema: { tags: ["reports"], params: z.object({ id: Id }), consumes: ["multipart/form-data"] } },
    async (request) => {
      const file = await request.file({ limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
      if (!file) throw new DomainError("file.missing", "Chưa chọn tệp đính kèm (trường «file»).");
      let content: Buffer;
      try {
        content = await file.toBuffer();
      } catch {
        throw new DomainError("file.too_large", "Tệp đính kèm quá lớn: tối đa 20 MB.");
      }
      return {
        id: await attachToReport(store.db, request.user, request.params.id, {
          name: file.filename,
          mediaType: file.mimetype,
          content,
        }),
      };
    },
  );
  r.post(
    "/api/v1/reports/:id/submit",
    { schema: { tags: ["reports"], params: z.object({ id: Id }) } },
    async (request, reply) => {
      await submitReport(store.db, request.user, request.params.id);
      return reply.code(204).send();
    },
  );
  r.post(
    "/api/v1/reports/:id/review",
    {
      schema: {
        tags: ["reports"],
        params: z.object({ id: Id }),
        body: z.object({
          accept: z.boolean().describe("true: chấp nhận; false: trả lại"),
          comment: z.string().max(5_000).optional().describe("Nhận xét"),
        }),
      },
    },
    async (request, reply) => {
      await reviewReport(store.db, request.user, request.params.id, request.body);
      return reply.code(204).send();
    },
  );
  r.get(
    "/api/v1/plans/:id/reports",
    {
      schema: {
        tags: ["reports"],
        params: z.object({ id: Id }),
        querystring: z.object({
          period: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/, "kỳ báo cáo có dạng YYYY-MM-DD")
            .optional()
            .describe("Hạn của kỳ báo cáo"),
        }),
      },
    },
    async (request) => reportsToReview(store.db, request.user, request.params.id, request.query.period),
  );
  r.get(
    "/api/v1/reports/:id/attachments/:attachmentId",
    { schema: { tags: ["reports"], params: z.object({ id: Id, attachmentId: Id }) } },
    async (request, reply) => {
      const file = await downloadAttachment(
        store.db,
        request.user,
        request.params.id,
        request.params.attachmentId,
      );
      return reply
        .type(file.mediaType || "application/octet-stream")
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .send(Buffer.from(file.content));
    },
  );
  r.get("/api/v1/dashboard", { schema: { tags: ["reports"] } }, async (request) =>
    dashboard(store.db, request.user),
  );
  r.get(
    "/api/v1/dashboard/work",
    {
      schema: {
        tags: ["reports"],
        querystring: z.object({
          state: z
            .enum(["done_on_time", "done_late", "in_progress", "overdue"])
            .describe("Hoàn thành đúng hạn / trễ hạn / đang thực hiện trong hạn / quá hạn"),
          unitId: Id.optional().describe("Chỉ công việc của một đơn vị"),
          format: z.enum(["json", "csv"]).optional().describe("csv: tệp mở bằng Excel"),
        }),
      },
    },
    async (request, reply) => {
      const work = await dashboardWork(store.db, request.user, request.query.state, request.query.unitId);
      if (request.query.format !== "csv") return work;
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${workCsvName(work.state)}"`)
        .send(workCsv(work));
    },
  );
  r.get(
    "/api/v1/plans/:id/progress",
    { schema: { tags: ["reports"], params: z.object({ id: Id }) } },
    async (request) => planProgress(store.db, request.user, request.params.id),
  );
}
