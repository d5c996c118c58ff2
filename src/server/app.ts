// The HTTP server: thin routes over the services (validate → call one service → present), one
// error handler, the OpenAPI description at /api/v1/openapi.json. Built without listening, so tests
// inject requests in-process.

import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Store } from "../db/connection.js";
import { type Clock, systemClock } from "../domain/clock.js";
import { DomainError } from "../domain/errors.js";
import type { PlanReader, ServiceContext } from "../services/context.js";
import { createImportRunner, type ImportRunnerOptions } from "../services/import-jobs.service.js";
import { settingsMailer } from "../services/mail-settings.service.js";
import { createScheduler, type SchedulerOptions } from "../services/reminders.service.js";
import { loadUser } from "./context.js";
import { replyToError } from "./errors.js";
import { HOME_PAGE } from "./home-page.js";
import { API_PREFIX, ROUTES } from "./routes/index.js";

/** The API routes open to someone not signed in. */
const PUBLIC_ROUTES = new Set([
  `POST ${API_PREFIX}/auth/login`,
  `POST ${API_PREFIX}/auth/logout`,
  `GET ${API_PREFIX}/openapi.json`,
  // Calendar feeds: calendar apps send no cookie; the secret link's token stands for its account.
  `GET ${API_PREFIX}/calendar/:token/me.ics`,
  `GET ${API_PREFIX}/calendar/:token/unit.ics`,
  `GET ${API_PREFIX}/calendar/:token/plans/:planId.ics`,
]);

export interface AppOptions {
  store: Store;
  /** Reads plan files; the server gives it worker processes (src/intake). */
  reader: PlanReader;
  clock?: Clock;
  /** Fastify's logger: false in tests, a level (or a stream) for a server. */
  logger?: FastifyServerOptions["logger"];
  /**
   * Behind a reverse proxy that terminates HTTPS: trust its X-Forwarded-For/-Proto (true, or the
   * proxy's addresses "127.0.0.1,10.0.0.0/8"), so cookies are Secure and limits key on the client.
   */
  trustProxy?: boolean | string;
  /** The runner of import jobs (on by default); false: files queue until a server with one runs. */
  importJobs?: ImportRunnerOptions | false;
  /** Reminders and mail (the server's scheduler); none: not run (tests run it by hand). */
  scheduler?: SchedulerOptions;
  /** The address people open kehoach at, for links that leave the app (calendar feeds); default: the request's. */
  publicUrl?: string;
  /** The mail server the environment names, until an administrator sets one in the app. */
  smtpFromEnv?: { url: string; from: string };
  /** The browser application's folder (default: dist/web beside the compiled server). */
  webRoot?: string;
}

/** A route of the API as registered: what the contract test holds against the OpenAPI description. */
export interface RegisteredRoute {
  method: string;
  url: string;
  /** Status codes the route declares a reply schema for. */
  replies: string[];
}

declare module "fastify" {
  interface FastifyInstance {
    /** Every /api/v1 route registered, with the statuses it declares a reply schema for. */
    apiRoutes: RegisteredRoute[];
  }
}

// Validation messages in Vietnamese, the language of the people who read them.
z.config(z.locales.vi());

/** Builds the app: `const app = await buildApp({ store, reader }); await app.listen({ port: 8080 })`. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const ctx: ServiceContext = {
    db: options.store.db,
    clock: options.clock ?? systemClock,
    reader: options.reader,
  };
  if (options.smtpFromEnv) ctx.smtpFromEnv = options.smtpFromEnv;
  if (options.publicUrl)
    ctx.publicUrl = options.publicUrl.endsWith("/") ? options.publicUrl : `${options.publicUrl}/`;

  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1_048_576,
    trustProxy: options.trustProxy ?? false,
  });
  if (options.importJobs !== false) {
    const runner = createImportRunner(ctx, {
      // Two files at once: one is read (in a reader process) while the other's plan is stored, 66 →
      // 84 plans a second through the queue at a province's 1,000 units on two cores. A file sent
      // twice at once is still stored once (importPlanFile's unique hash).
      concurrency: 2,
      onFault: (error, jobId) => app.log.error({ err: error, jobId }, "import job fault"),
      ...options.importJobs,
    });
    ctx.imports = runner;
    runner.start();
    app.addHook("onClose", async () => runner.stop());
  }
  if (options.scheduler) {
    const scheduler = createScheduler(ctx, {
      onFault: (error) => app.log.error({ err: error }, "scheduler fault"),
      // Unless given one, mail goes through the server the settings name, as they stand each round.
      mailer: settingsMailer(ctx),
      ...options.scheduler,
    });
    scheduler.start();
    app.addHook("onClose", async () => scheduler.stop());
  }
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const apiRoutes: RegisteredRoute[] = [];
  app.decorate("apiRoutes", apiRoutes);
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith(`${API_PREFIX}/`)) return;
    for (const method of [route.method].flat())
      if (method !== "HEAD")
        apiRoutes.push({
          method,
          url: route.url,
          replies: Object.keys((route.schema?.response as Record<string, unknown> | undefined) ?? {}),
        });
  });
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
      info: {
        title: "kehoach API",
        description:
          "Kế hoạch → nhiệm vụ, đơn vị, thời hạn. Mọi thay đổi cần cookie phiên và tiêu đề X-CSRF-Token; " +
          "mọi lỗi trả về { error, message, fields } với mã lỗi ổn định và thông báo tiếng Việt.",
        version: "1.0.0",
      },
    },
    transform: jsonSchemaTransform,
  });
  app.decorateRequest("user", null);
  // The session is read, and required, before a request's input is validated: someone not signed
  // in learns nothing about a route's input, only that they must sign in.
  app.addHook("preValidation", async (request) => {
    await loadUser(ctx, request);
    const route = `${request.method} ${request.routeOptions.url ?? ""}`;
    if (!request.user && route.includes(` ${API_PREFIX}/`) && !PUBLIC_ROUTES.has(route))
      throw new DomainError("auth.required", "Cần đăng nhập.");
  });
  app.setErrorHandler(replyToError);
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      error: "route.not_found",
      message: request.url.startsWith(API_PREFIX)
        ? "Không có địa chỉ này trong API."
        : "Không tìm thấy trang.",
    }),
  );

  for (const [segment, routes] of Object.entries(ROUTES))
    await app.register(routes(ctx), { prefix: `${API_PREFIX}/${segment}` });
  app.get(`${API_PREFIX}/openapi.json`, { schema: { hide: true } }, async () => app.swagger());
  // The browser application built by Vite (dist/web); a plain page where it has not been built.
  const webRoot = options.webRoot ?? join(dirname(fileURLToPath(import.meta.url)), "..", "web");
  if (existsSync(join(webRoot, "index.html"))) {
    await app.register(fastifyStatic, { root: webRoot, prefix: "/", index: ["index.html"] });
  } else {
    app.get("/", { schema: { hide: true } }, async (_request, reply) =>
      reply.type("text/html; charset=utf-8").send(HOME_PAGE),
    );
  }
  return app;
}
