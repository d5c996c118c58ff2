// /api/v1/users: accounts, for administrators.

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ServiceContext } from "../../services/context.js";
import { accounts, addAccount, revokeSessions, setActive } from "../../services/users.service.js";
import { signedIn } from "../context.js";
import {
  AccountList,
  AccountPatchBody,
  Created,
  Id,
  NewAccountBody,
  NoContent,
  SessionsEnded,
} from "../contract/index.js";

export const userRoutes =
  (ctx: ServiceContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "",
      { schema: { tags: ["users"], summary: "Tài khoản", response: { 200: AccountList } } },
      async (request) => ({ users: await accounts(ctx, signedIn(request)) }),
    );
    app.post(
      "",
      {
        schema: {
          tags: ["users"],
          summary: "Thêm tài khoản",
          body: NewAccountBody,
          response: { 201: Created },
        },
      },
      async (request, reply) =>
        reply.code(201).send({ id: await addAccount(ctx, signedIn(request), request.body) }),
    );
    const params = z.object({ id: Id.describe("Mã tài khoản") });
    app.patch(
      "/:id",
      {
        schema: {
          tags: ["users"],
          summary: "Khóa tài khoản (mọi phiên kết thúc ngay) hoặc mở lại",
          params,
          body: AccountPatchBody,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await setActive(ctx, signedIn(request), request.params.id, request.body.active);
        return reply.code(204).send(null);
      },
    );
    app.delete(
      "/:id/sessions",
      {
        schema: {
          tags: ["users"],
          summary: "Đăng xuất tài khoản khỏi mọi trình duyệt",
          params,
          response: { 200: SessionsEnded },
        },
      },
      async (request) => ({ ended: await revokeSessions(ctx, signedIn(request), request.params.id) }),
    );
  };
