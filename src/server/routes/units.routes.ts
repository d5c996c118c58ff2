// /api/v1/units: the unit directory, suggestions for a unit string, CSV import, a unit's regime.

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ServiceContext } from "../../services/context.js";
import { addStaff, unitStaff } from "../../services/staff.service.js";
import {
  directory,
  importDirectory,
  setUnitReportRegime,
  suggestUnits,
} from "../../services/units.service.js";
import { signedIn } from "../context.js";
import {
  DirectoryImportReply,
  Id,
  RegimeBody,
  RegimeReply,
  StaffBody,
  StaffList,
  StaffReply,
  Suggestion,
  UnitList,
} from "../contract/index.js";
import { readUpload } from "../upload.js";

export const unitRoutes =
  (ctx: ServiceContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["units"];
    app.get(
      "",
      { schema: { tags, summary: "Danh mục đơn vị", response: { 200: UnitList } } },
      async (request) => ({ units: await directory(ctx, signedIn(request)) }),
    );
    app.get(
      "/suggest",
      {
        schema: {
          tags,
          summary: "Gợi ý đơn vị cho một tên như văn bản viết",
          querystring: z.object({ q: z.string().min(1).max(300).describe("Tên đơn vị như kế hoạch viết") }),
          response: { 200: Suggestion },
        },
      },
      async (request) => suggestUnits(ctx, signedIn(request), request.query.q),
    );
    app.post(
      "/import",
      {
        schema: {
          tags,
          summary: "Nhập danh mục đơn vị từ tệp CSV",
          consumes: ["multipart/form-data"],
          response: { 200: DirectoryImportReply },
        },
      },
      async (request) => {
        const actor = signedIn(request);
        const file = await readUpload(request, 5 * 1024 * 1024, "tệp CSV");
        return importDirectory(ctx, actor, file.bytes.toString("utf8"));
      },
    );
    app.get(
      "/:id/staff",
      {
        schema: {
          tags,
          summary: "Cán bộ và chức danh của đơn vị (người thực hiện nhiệm vụ)",
          params: z.object({ id: Id.describe("Mã đơn vị") }),
          response: { 200: StaffList },
        },
      },
      async (request) => ({ staff: await unitStaff(ctx, signedIn(request), request.params.id) }),
    );
    app.post(
      "/:id/staff",
      {
        schema: {
          tags,
          summary: "Thêm cán bộ hoặc chức danh vào đơn vị",
          params: z.object({ id: Id.describe("Mã đơn vị") }),
          body: StaffBody,
          response: { 200: StaffReply },
        },
      },
      async (request) => addStaff(ctx, signedIn(request), request.params.id, request.body),
    );
    app.put(
      "/:id/report-regime",
      {
        schema: {
          tags,
          summary: "Chế độ báo cáo mặc định của đơn vị",
          params: z.object({ id: Id.describe("Mã đơn vị") }),
          body: RegimeBody,
          response: { 200: RegimeReply },
        },
      },
      async (request) =>
        setUnitReportRegime(ctx, signedIn(request), request.params.id, request.body.reportRegime),
    );
  };
