// /api/v1/auth: sign in, sign out, who am I.

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { normalizeLogin, SESSION_DAYS, signIn, signOut } from "../../services/auth.service.js";
import type { ServiceContext } from "../../services/context.js";
import { SESSION_COOKIE, signedIn } from "../context.js";
import { LoginBody, NoContent, presentSession, SessionReply } from "../contract/index.js";

export const authRoutes =
  (ctx: ServiceContext): FastifyPluginAsyncZod =>
  async (app) => {
    // Ten tries a minute per account (its login as the person typed it, normalised) and address slow
    // down password guessing; a whole office behind one address (a Sở signing in at 8 a.m.) is held
    // back only past 300 sign-ins a minute.
    const perAccount = app.createRateLimit({
      max: 10,
      timeWindow: "1 minute",
      keyGenerator: (request) =>
        `${request.ip}|${normalizeLogin(String((request.body as { login?: unknown } | undefined)?.login ?? ""))}`,
    });
    app.post(
      "/login",
      {
        config: { rateLimit: { max: 300, timeWindow: "1 minute" } },
        preHandler: async (request) => {
          const limit = await perAccount(request);
          if (!limit.isAllowed && limit.isExceeded)
            throw Object.assign(new Error("too many sign-in attempts"), { statusCode: 429 });
        },
        schema: { tags: ["auth"], summary: "Đăng nhập", body: LoginBody, response: { 200: SessionReply } },
      },
      async (request, reply) => {
        const s = await signIn(ctx, request.body.login, request.body.password);
        reply.setCookie(SESSION_COOKIE, s.sessionId, {
          path: "/",
          httpOnly: true,
          sameSite: "lax",
          // Secure whenever the request came over HTTPS (directly, or through a trusted proxy).
          secure: request.protocol === "https",
          maxAge: SESSION_DAYS * 86_400,
        });
        return presentSession(s.user);
      },
    );
    app.post(
      "/logout",
      { schema: { tags: ["auth"], summary: "Đăng xuất", response: { 204: NoContent } } },
      async (request, reply) => {
        const sid = request.cookies[SESSION_COOKIE];
        if (sid) await signOut(ctx, sid);
        reply.clearCookie(SESSION_COOKIE, { path: "/" });
        return reply.code(204).send(null);
      },
    );
    app.get(
      "/me",
      { schema: { tags: ["auth"], summary: "Người đang đăng nhập", response: { 200: SessionReply } } },
      async (request) => presentSession(signedIn(request)),
    );
  };
