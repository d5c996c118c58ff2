// What every browser test needs: a demo server of its own on a fresh embedded database, Debian's
// Chromium (never a downloaded browser), signing in as a demo account, screenshots to
// test-artifacts/. Browser tests skip with a notice where Chromium is missing.

import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { PROJECT_ROOT } from "../shared-corpus.js";

export const CHROMIUM = "/usr/bin/chromium";
export const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM)
  console.warn(
    "[kehoach] /usr/bin/chromium not found: the browser tests are skipped (apt-get install chromium).",
  );
export const ARTIFACTS = join(PROJECT_ROOT, "test-artifacts");

export interface DemoSite {
  base: string;
  /** The demo accounts' passwords, as the server printed them. */
  passwords: Record<string, string>;
  browser: Browser;
  signIn(login: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** A full-page screenshot to test-artifacts/NAME.png. */
  shot(page: Page, name: string): Promise<Buffer>;
  close(): Promise<void>;
}

/** Debian's Chromium, headless, with nothing of its own reaching out to the network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A new page of `browser` signed in at `base` as `login`. */
export async function signInOn(
  browser: Browser,
  base: string,
  login: string,
  password: string,
  viewport = { width: 1366, height: 768 },
): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(base);
  await page.getByLabel("Tên đăng nhập").fill(login);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.getByRole("button", { name: "Đăng xuất" }).waitFor();
  return page;
}

/** A full-page screenshot to test-artifacts/NAME.png. */
export function shot(page: Page, name: string): Promise<Buffer> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Starts `kehoach serve --demo` on a free port and a fresh data folder, and Chromium beside it. */
export async function startDemoSite(): Promise<DemoSite> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const data = mkdtempSync(join(tmpdir(), "kehoach-e2e-"));
  const env: NodeJS.ProcessEnv = { ...process.env, KEHOACH_DATA: data };
  delete env.DATABASE_URL;
  const server: ChildProcess = spawn(
    process.execPath,
    [join(PROJECT_ROOT, "bin", "kehoach.js"), "serve", "--demo", "--port", "0"],
    { env, stdio: ["ignore", "pipe", "pipe"] },
  );
  const passwords: Record<string, string> = {};
  const base = await new Promise<string>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    server.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      for (const m of out.matchAll(/^\s+(\w+)\s+(\S+)\s+\(/gm)) passwords[m[1] ?? ""] = m[2] ?? "";
      const url = /http:\/\/[\d.]+:\d+\//.exec(out);
      if (url) {
        clearTimeout(timer);
        resolve(url[0]);
      }
    });
  });
  const browser = await launchChromium();
  return {
    base,
    passwords,
    browser,
    signIn: (login, viewport) => signInOn(browser, base, login, passwords[login] ?? "", viewport),
    shot,
    async close() {
      await browser.close();
      server.kill("SIGTERM");
    },
  };
}
