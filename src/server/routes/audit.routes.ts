// /api/v1/audit: the audit log, for administrators (append-only; newest first).

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { readAudit } from "../../services/audit.js";
import type { ServiceContext } from "../../services/context.js";
import { signedIn } from "../context.js";
import { AuditQuery, AuditReply } from "../contract/index.js";

export const auditRoutes =
  (ctx: ServiceContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "",
      {
        schema: {
          tags: ["audit"],
          summary: "Nhật ký thay đổi",
          querystring: AuditQuery,
          response: { 200: AuditReply },
        },
      },
      async (request) => {
        const q = request.query;
        const events = await readAudit(ctx, signedIn(request), {
          objectType: q.objectType,
          objectId: q.objectId,
          actorLogin: q.actor,
          beforeId: q.before,
          limit: q.limit,
        });
        return { events };
      },
    );
  };
