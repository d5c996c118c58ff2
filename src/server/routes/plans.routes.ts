// Plans: list, read, search, import a file.

import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Store } from "../../db/connection.js";
import { DomainError } from "../../domain/errors.js";
import { MAX_FILE_BYTES } from "../../extract/extract.js";
import { importContext, importPlanFile } from "../../services/import-plan.service.js";
import { getPlan, listPlans, search } from "../../services/plan-query.service.js";
import { authorize, reachOf } from "../../services/policies.js";

const PlanSummary = z.object({
  id: z.string(),
  number: z.string().nullable(),
  title: z.string().nullable(),
  issuer: z.string().nullable(),
  issuedOn: z.string().nullable(),
  status: z.string(),
  tasks: z.number(),
});

const PlanDetail = PlanSummary.extend({
  type: z.string().nullable(),
  place: z.string().nullable(),
  signer: z
    .object({ capacity: z.string().nullable(), position: z.string().nullable(), name: z.string().nullable() })
    .nullable(),
  reporting: z.array(z.object({ text: z.string(), timeframe: z.unknown() })),
  tasksDetail: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      content: z.string(),
      timeframe: z.unknown(),
      units: z.array(
        z.object({
          role: z.string(),
          text: z.string(),
          method: z.string(),
          unitIds: z.array(z.string()),
          suggestions: z.array(z.string()),
        }),
      ),
    }),
  ),
  references: z.array(
    z.object({ number: z.string(), relation: z.string(), targetPlanId: z.string().nullable() }),
  ),
  implementedBy: z.array(z.object({ planId: z.string(), number: z.string().nullable() })),
  work: z.array(
    z.object({
      taskKey: z.string(),
      unitId: z.string(),
      unitName: z.string(),
      role: z.string(),
      status: z.string(),
      doneOn: z.string().nullable(),
      deadlines: z.array(z.string()),
    }),
  ),
});

export async function planRoutes(app: FastifyInstance, store: Store): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/v1/plans",
    { schema: { tags: ["plans"], response: { 200: z.object({ plans: z.array(PlanSummary) }) } } },
    async (request) => ({
      plans: await listPlans(store.db, request.user),
    }),
  );
  r.get(
    "/api/v1/plans/:id",
    {
      schema: {
        tags: ["plans"],
        params: z.object({
          id: z
            .string()
            .regex(/^\d{1,18}$/, "mã kế hoạch phải là số")
            .describe("Mã kế hoạch"),
        }),
        response: { 200: PlanDetail },
      },
    },
    async (request) => {
      const {
        issuerUnitPath: _path,
        unitPaths: _units,
        ...shown
      } = await getPlan(store.db, request.user, request.params.id);
      return shown;
    },
  );
  r.get(
    "/api/v1/search",
    {
      schema: {
        tags: ["plans"],
        querystring: z.object({ q: z.string().min(1).max(200).describe("Từ khóa, có dấu hay không dấu") }),
        response: {
          200: z.object({
            plans: z.array(PlanSummary),
            tasks: z.array(z.object({ planId: z.string(), key: z.string(), title: z.string() })),
            units: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
          }),
        },
      },
    },
    async (request) => search(store.db, request.user, request.query.q),
  );
  r.post(
    "/api/v1/plans/import",
    {
      schema: {
        tags: ["plans"],
        consumes: ["multipart/form-data"],
        response: {
          200: z.object({
            status: z.enum(["imported", "duplicate"]),
            planId: z.string(),
            tasks: z.number(),
            review: z.number(),
          }),
        },
      },
    },
    async (request) => {
      authorize(request.user, "plan.import");
      const file = await request.file({ limits: { fileSize: MAX_FILE_BYTES, files: 1 } });
      if (!file) throw new DomainError("file.missing", "Chưa chọn tệp kế hoạch (trường «file»).");
      let bytes: Buffer;
      try {
        bytes = await file.toBuffer();
      } catch {
        throw new DomainError("file.too_large", `Tệp quá lớn: tối đa ${MAX_FILE_BYTES / 1048576} MB.`);
      }
      const ctx = await importContext(store.db);
      if (request.user.role !== "admin") ctx.actingFor = reachOf(request.user);
      return importPlanFile(ctx, file.filename, bytes);
    },
  );
}
