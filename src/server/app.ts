// The HTTP server: thin routes over the services, one error handler, the OpenAPI description at
// /api/v1/openapi.json. Built without listening, so tests inject requests in-process.

import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import { z } from "zod";
import type { Store } from "../db/connection.js";
import { DomainError } from "../domain/errors.js";
import { loadUser } from "./context.js";
import { statusOf } from "./errors.js";
import { HOME_PAGE } from "./home-page.js";
import { adminRoutes } from "./routes/admin.routes.js";
import { authRoutes } from "./routes/auth.routes.js";
import { planRoutes } from "./routes/plans.routes.js";
import { reportRoutes } from "./routes/reports.routes.js";

/** The API routes open to someone not signed in. */
const PUBLIC_ROUTES = new Set([
  "POST /api/v1/auth/login",
  "POST /api/v1/auth/logout",
  "GET /api/v1/openapi.json",
]);

export interface AppOptions {
  store: Store;
  /** Cookies only over HTTPS (production); off for localhost and tests. */
  secureCookies?: boolean;
  logger?: boolean;
}

// Validation messages in Vietnamese, the language of the people who read them.
z.config(z.locales.vi());

/** Builds the app: `const app = await buildApp({ store }); await app.listen({ port: 8080 })`. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { store } = options;
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1_048_576 });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(helmet, {
    // No upgrade to https: a department's server often runs on plain http inside its network.
    contentSecurityPolicy: {
      directives: { "script-src": ["'self'", "'unsafe-inline'"], "upgrade-insecure-requests": null },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: { title: "kehoach API", description: "Kế hoạch → nhiệm vụ, đơn vị, thời hạn", version: "1.0.0" },
    },
    transform: jsonSchemaTransform,
  });
  app.decorateRequest("user", null);
  // The session is read, and required, before a request's input is validated: someone not signed
  // in learns nothing about a route's input, only that they must sign in.
  app.addHook("preValidation", async (request) => {
    await loadUser(store, request);
    const route = `${request.method} ${request.routeOptions.url ?? ""}`;
    if (!request.user && route.includes(" /api/v1/") && !PUBLIC_ROUTES.has(route))
      throw new DomainError("auth.required", "Cần đăng nhập.");
  });

  app.setErrorHandler((error, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((v) => ({
        field:
          String(
            v.instancePath ||
              (v.params as { issue?: { path?: unknown[] } } | undefined)?.issue?.path?.join(".") ||
              "",
          )
            .replace(/^\//, "")
            .replace(/\//g, ".") || "(thân yêu cầu)",
        reason: v.message ?? "không hợp lệ",
      }));
      return reply.code(400).send({
        error: "validation",
        message: `Dữ liệu không hợp lệ: ${fields.map((f) => `trường «${f.field}»: ${f.reason}`).join("; ")}`,
        fields,
      });
    }
    if (error instanceof DomainError) {
      return reply
        .code(statusOf(error.id))
        .send({ error: error.id, message: error.message, fields: error.details });
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 429)
      return reply
        .code(429)
        .send({ error: "rate.limited", message: "Quá nhiều lần thử: hãy đợi một phút rồi thử lại." });
    if (status && status < 500)
      return reply.code(status).send({ error: "request", message: "Yêu cầu không hợp lệ." });
    request.log.error(error);
    return reply
      .code(500)
      .send({ error: "internal", message: "Lỗi máy chủ: thao tác chưa được thực hiện, hãy thử lại." });
  });

  await authRoutes(app, store, options.secureCookies ?? false);
  await planRoutes(app, store);
  await reportRoutes(app, store);
  await adminRoutes(app, store);
  app.get("/api/v1/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  // The browser application built by Vite (dist/web); a plain page where it has not been built.
  const webRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "web");
  if (existsSync(join(webRoot, "index.html"))) {
    await app.register(fastifyStatic, { root: webRoot, prefix: "/", index: ["index.html"] });
  } else {
    app.get("/", { schema: { hide: true } }, async (_request, reply) =>
      reply.type("text/html; charset=utf-8").send(HOME_PAGE),
    );
  }
  return app;
}
