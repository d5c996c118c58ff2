// Units (directory, suggestions, CSV import), accounts, and the review-screen corrections.

import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Store } from "../../db/connection.js";
import { DomainError } from "../../domain/errors.js";
import {
  addAccount,
  directory,
  importDirectory,
  listAccounts,
  setUnitReportRegime,
  suggestUnits,
} from "../../services/admin.service.js";
import {
  discardDraft,
  linkReference,
  planSource,
  setReportingSchedule,
  setTaskUnits,
  updatePlanFields,
  updateTask,
} from "../../services/plan-review.service.js";

const Id = z.string().regex(/^\d{1,18}$/, "mã phải là số");
const Role = z.enum(["admin", "plan_officer", "unit_officer", "leader"]);

export async function adminRoutes(app: FastifyInstance, store: Store): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get("/api/v1/units", { schema: { tags: ["units"] } }, async (request) => ({
    units: await directory(store.db, request.user),
  }));
  r.get(
    "/api/v1/units/suggest",
    {
      schema: {
        tags: ["units"],
        querystring: z.object({ q: z.string().min(1).max(300).describe("Tên đơn vị như kế hoạch viết") }),
      },
    },
    async (request) => suggestUnits(store.db, request.user, request.query.q),
  );
  r.post(
    "/api/v1/units/import",
    { schema: { tags: ["units"], consumes: ["multipart/form-data"] } },
    async (request) => {
      const file = await request.file({ limits: { fileSize: 5 * 1024 * 1024, files: 1 } });
      if (!file) throw new DomainError("file.missing", "Chưa chọn tệp CSV (trường «file»).");
      return importDirectory(store.db, request.user, (await file.toBuffer()).toString("utf8"));
    },
  );
  r.put(
    "/api/v1/units/:id/report-regime",
    {
      schema: {
        tags: ["units"],
        params: z.object({ id: Id }),
        body: z.object({
          reportRegime: z
            .string()
            .max(200)
            .nullable()
            .describe("Các ngày đến hạn báo cáo trong năm, ví dụ «15/6, 15/12»; để trống: theo mặc định"),
        }),
      },
    },
    async (request) =>
      setUnitReportRegime(store.db, request.user, request.params.id, request.body.reportRegime),
  );
  r.get("/api/v1/users", { schema: { tags: ["users"] } }, async (request) => ({
    users: await listAccounts(store.db, request.user),
  }));
  r.post(
    "/api/v1/users",
    {
      schema: {
        tags: ["users"],
        body: z.object({
          login: z
            .string()
            .regex(/^[a-z0-9._@-]{3,64}$/, "chữ thường không dấu, số, . _ @ - (3–64 ký tự)")
            .describe("Tên đăng nhập"),
          displayName: z.string().min(1).max(120).describe("Họ và tên"),
          unitId: Id.describe("Đơn vị"),
          role: Role.describe("Vai trò"),
          password: z.string().min(10, "mật khẩu cần ít nhất 10 ký tự").max(200).describe("Mật khẩu"),
        }),
      },
    },
    async (request, reply) =>
      reply.code(201).send({ id: await addAccount(store.db, request.user, request.body) }),
  );
  r.get(
    "/api/v1/plans/:id/source",
    { schema: { tags: ["plans"], params: z.object({ id: Id }) } },
    async (request) => planSource(store.db, request.user, request.params.id),
  );
  r.delete(
    "/api/v1/plans/:id",
    { schema: { tags: ["plans"], params: z.object({ id: Id }) } },
    async (request, reply) => {
      await discardDraft(store.db, request.user, request.params.id);
      return reply.code(204).send();
    },
  );
  r.patch(
    "/api/v1/plans/:id",
    {
      schema: {
        tags: ["plans"],
        params: z.object({ id: Id }),
        body: z
          .object({
            number: z.string().max(100).optional().describe("Số, ký hiệu văn bản, ví dụ 123/KH-SGDĐT"),
            title: z
              .string()
              .min(1, "tên kế hoạch không được để trống")
              .max(2000)
              .optional()
              .describe("Trích yếu"),
            issuedOn: z
              .string()
              .regex(/^\d{4}-\d{2}-\d{2}$/, "ngày có dạng YYYY-MM-DD")
              .refine(
                (d) =>
                  !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) &&
                  new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
                "ngày không có thật",
              )
              .nullable()
              .optional()
              .describe("Ngày ban hành"),
            signer: z
              .object({
                capacity: z.string().max(20).nullable().optional().describe("TM., KT., TL. …"),
                position: z.string().max(200).nullable().optional().describe("Chức vụ"),
                name: z.string().max(200).nullable().optional().describe("Họ tên người ký"),
              })
              .optional(),
          })
          .strict(),
      },
    },
    async (request, reply) => {
      await updatePlanFields(store.db, request.user, request.params.id, request.body);
      return reply.code(204).send();
    },
  );
  r.put(
    "/api/v1/plans/:id/references/link",
    {
      schema: {
        tags: ["plans"],
        params: z.object({ id: Id }),
        body: z.object({
          number: z.string().min(1).max(100).describe("Số văn bản dẫn chiếu, như kế hoạch viết"),
          targetPlanId: Id.nullable().describe("Kế hoạch trong hệ thống; null: bỏ liên kết"),
        }),
      },
    },
    async (request, reply) => {
      await linkReference(
        store.db,
        request.user,
        request.params.id,
        request.body.number,
        request.body.targetPlanId,
      );
      return reply.code(204).send();
    },
  );
  r.put(
    "/api/v1/plans/:id/reporting",
    {
      schema: {
        tags: ["plans"],
        params: z.object({ id: Id }),
        body: z.object({
          schedule: z
            .string()
            .max(300)
            .describe(
              "Hạn báo cáo như văn bản viết, ví dụ «Định kỳ trước ngày 15/6 và 15/12 hằng năm»; trống: theo mặc định",
            ),
        }),
      },
    },
    async (request) => ({
      reporting: await setReportingSchedule(store.db, request.user, request.params.id, request.body.schedule),
    }),
  );
  r.patch(
    "/api/v1/plans/:id/tasks/:key",
    {
      schema: {
        tags: ["plans"],
        params: z.object({ id: Id, key: z.string().min(1).max(40).describe("Mã nhiệm vụ, ví dụ II.1") }),
        body: z.object({
          title: z.string().min(1).max(2000).optional().describe("Tên nhiệm vụ"),
          content: z.string().max(20_000).optional().describe("Nội dung nhiệm vụ"),
          timeframe: z.string().max(300).optional().describe("Thời gian thực hiện"),
        }),
      },
    },
    async (request) =>
      updateTask(store.db, request.user, request.params.id, request.params.key, request.body),
  );
  r.put(
    "/api/v1/plans/:id/tasks/:key/units",
    {
      schema: {
        tags: ["plans"],
        params: z.object({ id: Id, key: z.string().min(1).max(40) }),
        body: z.object({
          units: z
            .array(
              z.object({
                role: z.enum(["lead", "cooperate"]),
                text: z.string().min(1).max(300),
                unitIds: z.array(Id).max(500),
              }),
            )
            .max(100),
        }),
      },
    },
    async (request, reply) => {
      await setTaskUnits(store.db, request.user, request.params.id, request.params.key, request.body.units);
      return reply.code(204).send();
    },
  );
}
