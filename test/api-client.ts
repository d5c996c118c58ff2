// An API tester's kit: the app on a fresh demo store, every demo account signed in, calls by
// account name (cookie and CSRF token sent), and multipart uploads.

import { join } from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Store } from "../src/db/connection.js";
import type { Clock } from "../src/domain/clock.js";
import { buildApp } from "../src/server/app.js";
import { createAccount } from "../src/services/auth.service.js";
import type { ServiceContext } from "../src/services/context.js";
import { loadDemo } from "../src/services/demo.service.js";
import { testContext } from "./context.js";
import { PROJECT_ROOT } from "./shared-corpus.js";
import { freshStore, type TestStoreKind } from "./stores.js";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface DemoApi {
  store: Store;
  ctx: ServiceContext;
  app: FastifyInstance;
  /** `call("vanthu", "POST", "/api/v1/plans/1/publish")` */
  call(
    who: string,
    method: Method,
    url: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  /** A plan's current version and its tasks' (edits are made against the version read). */
  versions(planId: string): Promise<{ plan: number; tasks: Record<string, number> }>;
  /** Uploads a plan's text as `who` (the sync import); returns the plan's id, or throws with the reply. */
  importText(who: string, fileName: string, text: string): Promise<string>;
  /** Confirms every open flag of a draft as `who`, then publishes it; returns the publish reply. */
  confirmAndPublish(who: string, planId: string): Promise<LightMyRequestResponse>;
  /** The demo accounts' passwords, for signing in through a browser. */
  passwords: Record<string, string>;
  /** Signs every account in again: sessions last seven days, and a test's clock may walk a year. */
  signInAgain(): Promise<void>;
  close(): Promise<void>;
}

/** A multipart body with one file in the field "file". */
export function multipart(
  name: string,
  content: string | Buffer,
): { body: Buffer; headers: Record<string, string> } {
  const boundary = "----kehoach";
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n`,
    ),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

// A plan officer of another province's department, outside the demo tree's reach: `call("vanthukhac", …)`.
const OUTSIDER = { login: "vanthukhac", password: "Mat-khau-ngoai-pham-vi-1" };

async function addOutsider(ctx: ServiceContext): Promise<void> {
  const unit = await ctx.db
    .insertInto("unit")
    .values({ code: "KHAC", name: "Sở Giáo dục và Đào tạo tỉnh Khác", kind: "department", path: "0" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await ctx.db
    .updateTable("unit")
    .set({ path: String(unit.id) })
    .where("id", "=", String(unit.id))
    .execute();
  await createAccount(ctx, null, {
    login: OUTSIDER.login,
    displayName: "Văn thư tỉnh Khác",
    unitId: String(unit.id),
    role: "plan_officer",
    password: OUTSIDER.password,
  });
}

export async function demoApi(
  kind: TestStoreKind,
  clock?: Clock,
  options: { webRoot?: string } = {},
): Promise<DemoApi> {
  const store = await freshStore(kind);
  const ctx = testContext(store, clock);
  const accounts = [...(await loadDemo(ctx, join(PROJECT_ROOT, "examples"))), OUTSIDER];
  await addOutsider(ctx);
  const app = await buildApp({ store, reader: ctx.reader, clock: ctx.clock, ...options });
  const sessions: Record<string, { cookie: string; csrf: string }> = {};
  const signIn = async () => {
    for (const a of accounts) {
      const r = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { login: a.login, password: a.password },
      });
      if (r.statusCode !== 200) throw new Error(`sign-in ${a.login}: ${r.statusCode} ${r.body}`);
      sessions[a.login] = {
        cookie: String(r.headers["set-cookie"]).split(";")[0] ?? "",
        csrf: r.json().csrfToken,
      };
    }
  };
  await signIn();
  const api: DemoApi = {
    passwords: Object.fromEntries(accounts.map((a) => [a.login, a.password])),
    signInAgain: signIn,
    store,
    ctx,
    app,
    call: async (who, method, url, payload, headers = {}) => {
      const response: LightMyRequestResponse = await app.inject({
        method,
        url,
        payload: payload as never,
        headers: {
          cookie: sessions[who]?.cookie ?? "",
          "x-csrf-token": sessions[who]?.csrf ?? "",
          ...headers,
        },
      });
      return response;
    },
    versions: async (planId) => {
      const plan = await store.db
        .selectFrom("plan")
        .select("version")
        .where("id", "=", planId)
        .executeTakeFirst();
      const tasks = await store.db
        .selectFrom("task")
        .select(["key", "version"])
        .where("plan_id", "=", planId)
        .execute();
      return { plan: plan?.version ?? 0, tasks: Object.fromEntries(tasks.map((t) => [t.key, t.version])) };
    },
    async importText(who, fileName, text) {
      const file = multipart(fileName, text);
      const r = await api.call(who, "POST", "/api/v1/plans/import", file.body, file.headers);
      if (r.statusCode !== 200) throw new Error(`import ${fileName}: ${r.statusCode} ${r.body}`);
      return r.json().planId as string;
    },
    async confirmAndPublish(who, planId) {
      const flags = (await api.call(who, "GET", `/api/v1/review/${planId}`)).json().flags as Array<{
        id: string;
        resolved: boolean;
      }>;
      for (const f of flags.filter((x) => !x.resolved)) {
        const r = await api.call(who, "POST", `/api/v1/review/${planId}/flags/${f.id}/confirm`);
        if (r.statusCode !== 204) throw new Error(`confirm ${f.id}: ${r.statusCode} ${r.body}`);
      }
      return api.call(who, "POST", `/api/v1/review/${planId}/publish`);
    },
    close: async () => {
      await app.close();
      await store.close();
    },
  };
  return api;
}
