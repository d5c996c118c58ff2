// Sign in, sign out, who am I.

import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Store } from "../../db/connection.js";
import { DomainError } from "../../domain/errors.js";
import { SESSION_DAYS, signIn, signOut } from "../../services/auth.service.js";
import { SESSION_COOKIE } from "../context.js";

const User = z.object({
  id: z.string(),
  login: z.string(),
  displayName: z.string(),
  role: z.enum(["admin", "plan_officer", "unit_officer", "leader"]),
  unitId: z.string(),
});

export async function authRoutes(app: FastifyInstance, store: Store, secureCookies: boolean): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const perAccount = app.createRateLimit({
    max: 10,
    timeWindow: "1 minute",
    keyGenerator: (request) =>
      `${request.ip}|${String((request.body as { login?: unknown } | undefined)?.login ?? "").toLowerCase()}`,
  });
  r.post(
    "/api/v1/auth/login",
    {
      // A whole office behind one address (a Sở signing in at 8 a.m.) is held back only past 300
      // sign-ins a minute; ten tries a minute per account and address slow down password guessing.
      config: { rateLimit: { max: 300, timeWindow: "1 minute" } },
      preHandler: async (request) => {
        const limit = await perAccount(request);
        if (!limit.isAllowed && limit.isExceeded)
          throw Object.assign(new Error("too many sign-in attempts"), { statusCode: 429 });
      },
      schema: {
        tags: ["auth"],
        body: z.object({
          login: z.string().min(3).max(64).describe("Tên đăng nhập"),
          password: z.string().min(1).max(200).describe("Mật khẩu"),
        }),
        response: { 200: z.object({ user: User, csrfToken: z.string() }) },
      },
    },
    async (request, reply) => {
      const s = await signIn(store.db, request.body.login, request.body.password);
      reply.setCookie(SESSION_COOKIE, s.sessionId, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: secureCookies,
        maxAge: SESSION_DAYS * 86_400,
      });
      const { id, login, displayName, role, unitId } = s.actor;
      return { user: { id, login, displayName, role, unitId }, csrfToken: s.csrfToken };
    },
  );
  r.post("/api/v1/auth/logout", { schema: { tags: ["auth"] } }, async (request, reply) => {
    const sid = request.cookies[SESSION_COOKIE];
    if (sid) await signOut(store.db, sid);
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return reply.code(204).send();
  });
  r.get(
    "/api/v1/me",
    { schema: { tags: ["auth"], response: { 200: z.object({ user: User, csrfToken: z.string() }) } } },
    async (request) => {
      const u = request.user;
      if (!u) throw new DomainError("auth.required", "Cần đăng nhập.");
      return {
        user: { id: u.id, login: u.login, displayName: u.displayName, role: u.role, unitId: u.unitId },
        csrfToken: u.csrfToken,
      };
    },
  );
}
