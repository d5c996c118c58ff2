// What the load benches share: the real server started as a second process on the loopback
// interface, requests over keep-alive connections as a signed-in person, and clients that each send
// one request after another for a bounded time, timed from the request's start to its answer's end.

import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import { join } from "node:path";
import { sql } from "kysely";

const root = join(import.meta.dirname, "..");

/** Starts `kehoach serve` on a free loopback port with `env`; resolves with its port and a stop. */
export function startServer(env) {
  // BENCH_SERVER_NODE_ARGS: options for the server's node (`--cpu-prof --cpu-prof-dir=/tmp/p` to profile it).
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(
    process.execPath,
    [...nodeArgs, join(root, "bin", "kehoach.js"), "serve", "--port", "0"],
    {
      env: { ...process.env, LOG_LEVEL: "error", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let errors = "";
  child.stderr.on("data", (d) => {
    errors += d;
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m)
        resolve({
          port: Number(m[1]),
          pid: child.pid,
          stop: () =>
            new Promise((done) => {
              child.once("exit", done);
              child.kill("SIGTERM");
            }),
        });
    });
    child.once("exit", (code) => reject(new Error(`server exited (${code}): ${errors}`)));
  });
}

/**
 * Signs people in without their passwords (a bench has none): a session row per account, as signing
 * in writes it (the id kept by its hash). `accounts`: [{ userId, key }]; returns key → { cookie, csrf }.
 */
export async function openSessions(db, accounts) {
  const sessions = new Map();
  const rows = accounts.map((a) => {
    const cookie = randomBytes(32).toString("hex");
    const csrf = randomBytes(24).toString("hex");
    sessions.set(String(a.key), { cookie, csrf });
    return { id: createHash("sha256").update(cookie).digest("hex"), userId: String(a.userId), csrf };
  });
  await sql`
    insert into app_session (id, user_id, csrf_token, expires_at)
    select x.id, x.user_id, x.csrf, now() + interval '1 day'
    from unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.userId)}::bigint[],
                ${rows.map((r) => r.csrf)}::text[]) as x(id, user_id, csrf)`.execute(db);
  return sessions;
}

/** One request as `session`; resolves with the status, the body and its size. */
export function request(agent, port, method, path, session, body) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: "127.0.0.1",
        port,
        method,
        path,
        headers: {
          cookie: `kh_session=${session.cookie}`,
          "x-csrf-token": session.csrf,
          ...(payload
            ? { "content-type": "application/json", "content-length": Buffer.byteLength(payload) }
            : {}),
        },
      },
      (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => {
          const bytes = Buffer.concat(chunks);
          resolve({ status: res.statusCode, body: bytes.toString(), bytes: bytes.length });
        });
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

export const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * `clients` clients each run `one(agent)` (one timed operation; false when it failed, with the
 * reason in `failed`) again and again for `seconds`, or until `one` returns null (nothing left).
 * Returns operations a second and their latencies.
 */
export async function drive({ port: _port, clients, seconds, one }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const latencies = [];
  let failures = 0;
  let firstFailure = "";
  const started = performance.now();
  const until = started + seconds * 1000;
  const client = async () => {
    while (performance.now() < until) {
      const t0 = performance.now();
      const outcome = await one(agent);
      if (outcome === null) break;
      if (outcome.ok) latencies.push(performance.now() - t0);
      else {
        failures++;
        firstFailure ||= outcome.why;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    rate: latencies.length / elapsed,
    n: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    failures,
    firstFailure,
  };
}

/** "10 clients: 812/s, p50 11 ms, p95 19 ms, p99 27 ms" */
export function line(clients, r) {
  return `${clients} client${clients > 1 ? "s" : ""}: ${r.rate.toFixed(0)}/s, p50 ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms${r.failures ? ` (${r.failures} failed: ${r.firstFailure})` : ""}`;
}

/** CPU time (ms) a process has used so far, from /proc (Linux). */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/**
 * Waits for a server just started to finish what it does on its own first (the scheduler's first
 * round makes the day's reminders at once): until it and its database are both idle for a second.
 */
export async function settle(pid, db, { maxSeconds = 180 } = {}) {
  const until = performance.now() + maxSeconds * 1000;
  let quiet = 0;
  let last = cpuMs(pid);
  while (quiet < 2 && performance.now() < until) {
    await new Promise((r) => setTimeout(r, 500));
    const now = cpuMs(pid);
    const busy = await sql`
      select count(*)::int as n from pg_stat_activity
      where datname = current_database() and state = 'active' and pid <> pg_backend_pid()`.execute(db);
    quiet = now - last < 30 && busy.rows[0].n === 0 ? quiet + 1 : 0;
    last = now;
  }
}

/**
 * What a school writes for its work in a plan: every `doneEvery`-th item done with the number of
 * its result document, the rest in progress. `items`: work item ids.
 */
export function reportItems(items, doneEvery) {
  return items.map((id, i) =>
    i % doneEvery === 0
      ? {
          workItemId: String(id),
          status: "done",
          results: "Đã hoàn thành",
          evidence: "Báo cáo số 12/BC-THPT ngày 01/12/2026",
        }
      : { workItemId: String(id), status: "in_progress", results: "Đang thực hiện theo kế hoạch" },
  );
}
