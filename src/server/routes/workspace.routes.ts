// /api/v1/workspace: the signed-in person's unit's work and reports of the open periods.

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ServiceContext } from "../../services/context.js";
import { myWork, unitWorkspace } from "../../services/workspace.service.js";
import { signedIn } from "../context.js";
import {
  MyWorkReply,
  presentMyWork,
  presentWorkspace,
  WorkspaceQuery,
  WorkspaceReply,
} from "../contract/index.js";

export const workspaceRoutes =
  (ctx: ServiceContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "",
      {
        schema: {
          tags: ["workspace"],
          summary: "Công việc và báo cáo của đơn vị, từng trang kế hoạch",
          querystring: WorkspaceQuery,
          response: { 200: WorkspaceReply },
        },
      },
      async (request) => presentWorkspace(await unitWorkspace(ctx, signedIn(request), request.query)),
    );
    app.get(
      "/mine",
      {
        schema: {
          tags: ["workspace"],
          summary: "Việc của tôi: công việc giao đích danh cho người đăng nhập",
          response: { 200: MyWorkReply },
        },
      },
      async (request) => presentMyWork(await myWork(ctx, signedIn(request))),
    );
  };
