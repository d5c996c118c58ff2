// /api/v1/extensions: a lead unit asks for a later date; the plan officers of the issuing body decide.

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ServiceContext } from "../../services/context.js";
import { decideExtension, extensionsOf, requestExtension } from "../../services/extensions.service.js";
import { signedIn } from "../context.js";
import {
  ExtensionBody,
  ExtensionDecisionBody,
  ExtensionList,
  ExtensionReply,
  Id,
  presentExtension,
} from "../contract/index.js";

export const extensionRoutes =
  (ctx: ServiceContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["extensions"];
    app.post(
      "",
      {
        schema: {
          tags,
          summary: "Xin gia hạn một nhiệm vụ (đơn vị chủ trì)",
          body: ExtensionBody,
          response: { 201: ExtensionReply },
        },
      },
      async (request, reply) =>
        reply.code(201).send(presentExtension(await requestExtension(ctx, signedIn(request), request.body))),
    );
    app.get(
      "",
      {
        schema: {
          tags,
          summary: "Các đề nghị gia hạn của một kế hoạch (đang chờ trước)",
          querystring: z.object({ planId: Id.describe("Mã kế hoạch") }),
          response: { 200: ExtensionList },
        },
      },
      async (request) => ({
        extensions: (await extensionsOf(ctx, signedIn(request), request.query.planId)).map(presentExtension),
      }),
    );
    app.post(
      "/:id/decision",
      {
        schema: {
          tags,
          summary: "Đồng ý hoặc không đồng ý gia hạn",
          params: z.object({ id: Id.describe("Mã đề nghị") }),
          body: ExtensionDecisionBody,
          response: { 200: ExtensionReply },
        },
      },
      async (request) =>
        presentExtension(await decideExtension(ctx, signedIn(request), request.params.id, request.body)),
    );
  };
