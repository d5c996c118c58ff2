// The layers hold: services run no query, nothing but the clock asks what time it is, dependencies
// point the way DESIGN.md draws them, each URL prefix is answered by the routes file named after
// it, every route declares its reply and the OpenAPI description covers it, and the browser takes
// nothing from the database layer. Read from the source itself, so a change that breaks a rule
// fails here and says where.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../test/context.js";
import { PROJECT_ROOT } from "../test/shared-corpus.js";
import { freshStore, STORES } from "../test/stores.js";
import type { Store } from "./db/connection.js";
import { buildApp } from "./server/app.js";
import { API_PREFIX, ROUTES } from "./server/routes/index.js";

const SRC = join(PROJECT_ROOT, "src");

function files(dir: string, ext = /\.tsx?$/): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path, ext);
    return ext.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const source = (path: string) => readFileSync(path, "utf8");
const rel = (path: string) => relative(PROJECT_ROOT, path);
// Comments say what code does; only code counts.
const code = (path: string) =>
  source(path)
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
const imports = (path: string) =>
  [...code(path).matchAll(/^\s*import\s+(type\s+)?[^;]*?from\s+"([^"]+)"/gm)].map((m) => ({
    typeOnly: !!m[1],
    from: m[2] ?? "",
  }));

describe("the layers", () => {
  it("keep every query in the repositories: services build none and import no query builder", () => {
    const offenders = files(join(SRC, "services")).flatMap((path) => {
      const text = code(path);
      const found = [
        ...text.matchAll(/\.(selectFrom|insertInto|updateTable|deleteFrom|transaction)\(|\bsql`/g),
      ].map((m) => m[0]);
      const builder = imports(path).filter((i) => i.from === "kysely" && !i.typeOnly);
      return [...found, ...builder.map(() => "import from kysely")].map((f) => `${rel(path)}: ${f}`);
    });
    expect(offenders).toEqual([]);
  });

  it("ask the clock, and only the clock, what time it is", () => {
    const offenders = files(SRC)
      .filter(
        (path) => !path.endsWith(join("domain", "clock.ts")) && !path.includes(`${join("src", "testing")}`),
      )
      .flatMap((path) =>
        [...code(path).matchAll(/new Date\(\)|Date\.now\(\)/g)].map((m) => `${rel(path)}: ${m[0]}`),
      );
    expect(offenders).toEqual([]);
  });

  it("point one way: domain and text know no other layer; parse, time, extract no database; db no service", () => {
    const rules: Array<[string, RegExp]> = [
      ["domain", /\/(db|services|server|cli|parse|extract|intake|render)\//],
      ["text", /\/(db|services|server|cli|extract|intake|render)\//],
      ["parse", /\/(db|services|server|cli|intake|render)\//],
      ["time", /\/(db|services|server|cli|intake|render)\//],
      ["extract", /\/(db|services|server|cli|render)\//],
      ["render", /\/(db|services|server|cli)\//],
      ["db", /\/(services|server|cli)\//],
      ["services", /\/(server|cli)\//],
    ];
    const offenders = rules.flatMap(([layer, banned]) =>
      files(join(SRC, layer)).flatMap((path) =>
        imports(path)
          .filter(
            (i) => i.from.startsWith(".") && banned.test(`/${join(relative(SRC, join(path, "..")), i.from)}`),
          )
          .map((i) => `${rel(path)} → ${i.from}`),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it("answer /api/v1/<segment> from routes/<segment>.routes.ts, one file per segment", () => {
    const routeFiles = readdirSync(join(SRC, "server", "routes"))
      .filter((f) => f.endsWith(".routes.ts"))
      .map((f) => f.replace(/\.routes\.ts$/, ""))
      .sort();
    expect(Object.keys(ROUTES).sort()).toEqual(routeFiles);
    for (const segment of routeFiles) {
      const text = source(join(SRC, "server", "routes", `${segment}.routes.ts`));
      // The file says which prefix it answers, and exports the plugin registered for it.
      expect(text.split("\n")[0], segment).toContain(`/api/v1/${segment}`);
      expect(text, segment).toContain(`export const ${ROUTES[segment]?.name}`);
    }
  });

  it("give the browser no database types: web/src imports nothing from src/db", () => {
    const offenders = files(join(PROJECT_ROOT, "web", "src")).flatMap((path) =>
      imports(path)
        .filter((i) => /\/src\/(db|services)\//.test(i.from))
        .map((i) => `${rel(path)} → ${i.from}`),
    );
    expect(offenders).toEqual([]);
  });
});

const kind = STORES[0];
if (!kind) throw new Error("no store");

describe("the API contract", () => {
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    store = await freshStore(kind);
    app = await buildApp({ store, reader: testContext(store).reader });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it("registers every route under the prefix of its routes file", () => {
    const segments = new Set(Object.keys(ROUTES));
    const stray = app.apiRoutes
      .filter((r) => r.url !== `${API_PREFIX}/openapi.json`)
      .filter(
        (r) =>
          !segments.has(
            r.url
              .slice(API_PREFIX.length + 1)
              .split(/[/?]/)[0]
              ?.replace(/\.\w+$/, "") ?? "",
          ),
      );
    expect(stray).toEqual([]);
    expect(app.apiRoutes.length).toBeGreaterThan(30);
  });

  it("declares a reply schema for every route, and the OpenAPI description lists each with it", async () => {
    const openapi = (await app.inject({ method: "GET", url: `${API_PREFIX}/openapi.json` })).json();
    const missing: string[] = [];
    for (const r of app.apiRoutes) {
      if (r.url === `${API_PREFIX}/openapi.json`) continue;
      const success = r.replies.filter((s) => /^2\d\d$/.test(s));
      if (!success.length) missing.push(`${r.method} ${r.url}: no reply schema`);
      const path = r.url.replace(/:(\w+)/g, "{$1}");
      const operation = openapi.paths?.[path]?.[r.method.toLowerCase()];
      if (!operation) missing.push(`${r.method} ${r.url}: not in openapi.json`);
      else
        for (const status of success)
          if (!operation.responses?.[status]) missing.push(`${r.method} ${r.url}: ${status} not described`);
    }
    expect(missing).toEqual([]);
  });
});
