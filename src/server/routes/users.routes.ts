// /api/v1/users: accounts, for administrators.

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ServiceContext } from "../../services/context.js";
import { accounts, addAccount } from "../../services/users.service.js";
import { signedIn } from "../context.js";
import { AccountList, Created, NewAccountBody } from "../contract/index.js";

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
  };
