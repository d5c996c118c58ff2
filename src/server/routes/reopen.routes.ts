// /api/v1/reopen: a unit asks to reopen its report of a locked period; the plan officers of the
// issuing body grant or refuse.

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ServiceContext } from "../../services/context.js";
import { decideReopen, reopensOf, requestReopen } from "../../services/reopen.service.js";
import { signedIn } from "../context.js";
import {
  Id,
  presentReopen,
  ReopenBody,
  ReopenDecisionBody,
  ReopenList,
  ReopenReply,
} from "../contract/index.js";

export const reopenRoutes =
  (ctx: ServiceContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["reports"];
    app.post(
      "",
      {
        schema: {
          tags,
          summary: "Đề nghị mở lại báo cáo của một kỳ đã khóa (đơn vị)",
          body: ReopenBody,
          response: { 201: ReopenReply },
        },
      },
      async (request, reply) =>
        reply.code(201).send(presentReopen(await requestReopen(ctx, signedIn(request), request.body))),
    );
    app.get(
      "",
      {
        schema: {
          tags,
          summary: "Các đề nghị mở lại kỳ báo cáo của một kế hoạch (đang chờ trước)",
          querystring: z.object({ planId: Id.describe("Mã kế hoạch") }),
          response: { 200: ReopenList },
        },
      },
      async (request) => ({
        requests: (await reopensOf(ctx, signedIn(request), request.query.planId)).map(presentReopen),
      }),
    );
    app.post(
      "/:id/decision",
      {
        schema: {
          tags,
          summary: "Đồng ý hoặc không đồng ý mở lại",
          params: z.object({ id: Id.describe("Mã đề nghị") }),
          body: ReopenDecisionBody,
          response: { 200: ReopenReply },
        },
      },
      async (request) =>
        presentReopen(await decideReopen(ctx, signedIn(request), request.params.id, request.body)),
    );
  };
