// /api/v1/search: plans, tasks and units by words, with or without diacritics.

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ServiceContext } from "../../services/context.js";
import { search } from "../../services/plans.service.js";
import { signedIn } from "../context.js";
import { presentSummary, SearchReply } from "../contract/index.js";

export const searchRoutes =
  (ctx: ServiceContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "",
      {
        schema: {
          tags: ["plans"],
          summary: "Tìm kế hoạch, nhiệm vụ, đơn vị",
          querystring: z.object({ q: z.string().min(1).max(200).describe("Từ khóa, có dấu hay không dấu") }),
          response: { 200: SearchReply },
        },
      },
      async (request) => {
        const hits = await search(ctx, signedIn(request), request.query.q);
        return { ...hits, plans: hits.plans.map(presentSummary) };
      },
    );
  };
