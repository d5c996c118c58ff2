// /api/v1/imports: plan files imported as background jobs — queued at once, followed by their id.

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { MAX_FILE_BYTES } from "../../extract/extract.js";
import type { ServiceContext } from "../../services/context.js";
import { importJob, myImportJobs, submitImport } from "../../services/import-jobs.service.js";
import { signedIn } from "../context.js";
import { ForceQuery, Id, ImportJobList, ImportJobReply, presentImportJob } from "../contract/index.js";
import { readUpload } from "../upload.js";

export const importRoutes =
  (ctx: ServiceContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["imports"];
    app.post(
      "",
      {
        schema: {
          tags,
          summary: "Gửi tệp kế hoạch để nhập (đọc ở nền; theo dõi theo mã lượt nhập)",
          consumes: ["multipart/form-data"],
          querystring: ForceQuery,
          response: { 202: ImportJobReply },
        },
      },
      async (request, reply) => {
        const actor = signedIn(request);
        const file = await readUpload(request, MAX_FILE_BYTES, "tệp kế hoạch");
        const job = await submitImport(ctx, actor, file.fileName, file.bytes, {
          force: request.query.force !== undefined,
        });
        return reply.code(202).send(presentImportJob(job));
      },
    );
    app.get(
      "",
      { schema: { tags, summary: "Các lượt nhập tệp gần đây của tôi", response: { 200: ImportJobList } } },
      async (request) => ({ jobs: (await myImportJobs(ctx, signedIn(request))).map(presentImportJob) }),
    );
    app.get(
      "/:id",
      {
        schema: {
          tags,
          summary: "Một lượt nhập tệp: tiến độ và kết quả",
          params: z.object({ id: Id.describe("Mã lượt nhập") }),
          response: { 200: ImportJobReply },
        },
      },
      async (request) => presentImportJob(await importJob(ctx, signedIn(request), request.params.id)),
    );
  };
