// One file cannot bring the server down, nor freeze it for everyone else: uploads made to exhaust
// memory, time or disk (a Word file that unpacks to 100 MB, a PDF of 50,000 pages, a PDF of
// poster-sized scanned pages, text in broken UTF-16) are refused with a reason, while a second
// person's requests keep being answered within a second; a sound plan is imported after them.
// The server reads uploads in its pool of worker processes, as `kehoach serve` does.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../test/shared-corpus.js";
import { freshStore, STORES } from "../../test/stores.js";
import type { Store } from "../db/connection.js";
import { listUnits } from "../db/units.repository.js";
import { systemClock } from "../domain/clock.js";
import { brokenUtf16, manyPagesPdf, posterPagesPdf, zipBombDocx } from "../extract/test-files.js";
import { inProcessReader } from "../intake/in-process-reader.js";
import { createPlanReaderPool, type PlanReaderPool } from "../intake/index.js";
import { createAccount } from "../services/auth.service.js";
import { buildApp } from "./app.js";

const kind = STORES[0];
if (!kind) throw new Error("no store");

function multipart(name: string, content: Uint8Array) {
  const boundary = "----kehoachintake";
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.from(content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

describe("uploads a server must survive", () => {
  let store: Store;
  let pool: PlanReaderPool;
  let app: FastifyInstance;
  const sessions: Record<string, { cookie: string; csrf: string }> = {};

  beforeAll(async () => {
    store = await freshStore(kind);
    const ctx = { db: store.db, clock: systemClock, reader: inProcessReader };
    const { importDirectory } = await import("../services/units.service.js");
    await importDirectory(ctx, null, readFileSync(join(PROJECT_ROOT, "examples", "don-vi-mau.csv"), "utf8"));
    const vp = (await listUnits(store.db)).find((u) => u.code === "SGDDT.VP")?.id ?? "";
    const password = "Mat-khau-kiem-thu-1";
    for (const login of ["vanthu", "giamdoc"])
      await createAccount(ctx, null, {
        login,
        displayName: login,
        unitId: vp,
        role: login === "vanthu" ? "plan_officer" : "leader",
        password,
      });
    pool = createPlanReaderPool({ workers: 1 });
    app = await buildApp({ store, reader: pool });
    for (const login of ["vanthu", "giamdoc"]) {
      const r = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { login, password } });
      sessions[login] = {
        cookie: String(r.headers["set-cookie"]).split(";")[0] ?? "",
        csrf: r.json().csrfToken,
      };
    }
  });
  afterAll(async () => {
    await app?.close();
    await pool?.close();
    await store?.close();
  });

  /** Uploads `bytes` as the plan officer while the leader asks for the plan list every 100 ms. */
  async function uploadWhileOthersWork(name: string, bytes: Uint8Array) {
    const s = sessions.vanthu as { cookie: string; csrf: string };
    const leader = sessions.giamdoc as { cookie: string; csrf: string };
    const waits: number[] = [];
    let uploading = true;
    const other = (async () => {
      while (uploading) {
        const t0 = performance.now();
        const r = await app.inject({
          method: "GET",
          url: "/api/v1/plans",
          headers: { cookie: leader.cookie },
        });
        expect(r.statusCode).toBe(200);
        waits.push(performance.now() - t0);
        await new Promise((done) => setTimeout(done, 100));
      }
    })();
    const f = multipart(name, bytes);
    const reply = await app.inject({
      method: "POST",
      url: "/api/v1/plans/import",
      payload: f.payload,
      headers: { ...f.headers, cookie: s.cookie, "x-csrf-token": s.csrf },
    });
    uploading = false;
    await other;
    return { reply, slowest: Math.max(...waits), answered: waits.length };
  }

  it.each([
    ["a Word file whose text unpacks to 100 MB", "bom.docx", () => zipBombDocx(), "docx.too_large"],
    ["a PDF of 50,000 pages", "sach.pdf", () => manyPagesPdf(50_000), "pdf.too_many_pages"],
    [
      "a scan of three 5000 × 5000 pt pages",
      "ban-quet.pdf",
      () => posterPagesPdf(3, 5000),
      "pdf.page_too_large",
    ],
    ["text that says UTF-16 and is not", "hong.txt", () => brokenUtf16(), "file.encoding"],
  ])("refuses %s with a reason, and keeps answering everyone else", async (_what, name, make, id) => {
    const { reply, slowest, answered } = await uploadWhileOthersWork(name, make());
    expect(reply.statusCode).toBe(422);
    expect(reply.json().error).toBe(id);
    expect(reply.json().message).toMatch(/\p{L}{2,}/u);
    expect(answered).toBeGreaterThan(0);
    expect(slowest).toBeLessThan(1000);
  });

  it("imports a Markdown file and refuses a saved page with no plan, read by the name sent with them", async () => {
    const md = readFileSync(
      join(PROJECT_ROOT, "test", "fixtures", "qd254-2023-ubnd-sonla-ke-hoach-bao-ve-bmnn.md"),
    );
    const { reply } = await uploadWhileOthersWork("qd254.md", md);
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({ status: "imported" });
    expect(reply.json().tasks).toBeGreaterThanOrEqual(8);
    const page = readFileSync(join(PROJECT_ROOT, "test", "fixtures", "congbao-sonla-danh-muc-van-ban.html"));
    const none = await uploadWhileOthersWork("danh-muc.html", page);
    expect(none.reply.statusCode).toBe(422);
    expect(none.reply.json().error).toBe("import.not_a_plan");
  });

  it("imports a sound plan afterwards, through the same workers", async () => {
    const { reply, slowest } = await uploadWhileOthersWork(
      "ke-hoach-mau.txt",
      readFileSync(join(PROJECT_ROOT, "examples", "ke-hoach-mau.txt")),
    );
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({ status: "imported", tasks: 4 });
    expect(slowest).toBeLessThan(1000);
  });
});
