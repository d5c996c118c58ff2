// `kehoach serve [--port N] [--host H] [--demo] [--trust-proxy]`: the web application
// and its API. Plan files are read in worker processes, so one bad file cannot stall or end it.

import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { countAccounts } from "../db/accounts.repository.js";
import { DomainError } from "../domain/errors.js";
import { createPlanReaderPool } from "../intake/index.js";
import { buildApp } from "../server/app.js";
import { loadDemo } from "../services/demo.service.js";
import { cliContext, openCliStore } from "./open-store.js";

const ROLE_NAMES = {
  admin: "quản trị",
  plan_officer: "cán bộ kế hoạch",
  unit_officer: "cán bộ đơn vị",
  leader: "lãnh đạo",
};

export async function serveCommand(args: string[], out: (s: string) => void): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: "string", default: process.env.PORT ?? "3000" },
      host: { type: "string", default: "127.0.0.1" },
      demo: { type: "boolean" },
      // Behind a reverse proxy that terminates HTTPS (its addresses in KEHOACH_TRUST_PROXY, or any).
      "trust-proxy": { type: "boolean" },
    },
  });
  const port = Number(values.port);
  // Port 0: any free port (tests); the address printed below is the real one.
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new DomainError("cli.usage", `cổng không hợp lệ: ${values.port}`);
  const env = { ...process.env };
  // The demo keeps its data apart from a real installation's ./data.
  if (values.demo && !env.DATABASE_URL && !env.KEHOACH_DATA) env.KEHOACH_DATA = resolve("data", "demo");
  const store = await openCliStore(env);
  // The demo's own plans are read here, once; uploads are read in worker processes.
  const ctx = cliContext(store);
  if (values.demo) {
    const examples = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "examples");
    const accounts = await loadDemo(ctx, examples);
    out("Chế độ DEMO — tài khoản mẫu (mật khẩu tạo mới mỗi lần khởi động):");
    for (const a of accounts)
      out(`  ${a.login.padEnd(14)} ${a.password}  (${ROLE_NAMES[a.role]}, ${a.unit})`);
  } else if ((await countAccounts(store.db)) === 0) {
    out("Chưa có tài khoản nào. Tạo quản trị viên đầu tiên trước khi dùng (xem README, mục Cài đặt thật).");
  }
  const proxies = process.env.KEHOACH_TRUST_PROXY;
  const reader = createPlanReaderPool();
  // Mail goes out where an SMTP server is configured (here, or by an administrator in the app, which
  // then takes precedence); notifications show in the app either way.
  const smtp = process.env.KEHOACH_SMTP_URL;
  const app = await buildApp({
    store,
    reader,
    clock: ctx.clock,
    ...(smtp
      ? { smtpFromEnv: { url: smtp, from: process.env.KEHOACH_MAIL_FROM ?? "kehoach <kehoach@localhost>" } }
      : {}),
    scheduler: {
      publicUrl: process.env.KEHOACH_PUBLIC_URL ?? `http://${values.host}:${port}/`,
    },
    // Calendar feeds link to the address set, else to the one each request came to.
    ...(process.env.KEHOACH_PUBLIC_URL ? { publicUrl: process.env.KEHOACH_PUBLIC_URL } : {}),
    // Warnings and errors only (an unexpected error is logged with the id its reply gives).
    logger: { level: process.env.LOG_LEVEL ?? "warn" },
    trustProxy: values["trust-proxy"] ? (proxies ?? true) : false,
  });
  const close = async () => {
    await app.close();
    await reader.close();
    await store.close();
    process.exit(0);
  };
  process.on("SIGINT", close);
  process.on("SIGTERM", close);
  await app.listen({ port, host: values.host });
  const address = app.server.address();
  const actual = typeof address === "object" && address ? address.port : port;
  out(
    `kehoach đang chạy: http://${values.host}:${actual}/  (API: /api/v1, mô tả: /api/v1/openapi.json; dữ liệu: ${store.location})`,
  );
  return new Promise(() => {});
}
