// Running the external tools (pdftoppm, tesseract, soffice) so that none can take the machine with
// it: each has a ceiling on its address space (util-linux prlimit --as, where installed), a time
// limit after which it is killed outright, and a registry of the ones still running, so that the
// end of a job can kill what a failed job left behind.

import { type ChildProcess, execFile } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

export interface ToolLimits {
  /** Address space the tool may take, in bytes (prlimit --as); not enforced where prlimit is absent. */
  memoryBytes: number;
  /** Killed (SIGKILL) after this long. */
  timeoutMs: number;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Aborting kills the tool: the other pages of a job that failed stop with it. */
  signal?: AbortSignal;
  /** Standard output beyond this is an error (default 16 MB). */
  maxOutputBytes?: number;
}

let prlimitPath: string | null | undefined;

/** Where util-linux prlimit is (Debian: /usr/bin/prlimit), or null. */
export function findPrlimit(): string | null {
  if (prlimitPath !== undefined) return prlimitPath;
  prlimitPath = null;
  for (const dir of ["/usr/bin", "/bin", ...(process.env.PATH ?? "").split(delimiter)]) {
    if (!dir) continue;
    try {
      accessSync(join(dir, "prlimit"), constants.X_OK);
      prlimitPath = join(dir, "prlimit");
      break;
    } catch {
      // not here
    }
  }
  return prlimitPath;
}

const running = new Set<ChildProcess>();

/**
 * Runs `command args` within `limits` and gives its standard output:
 * `await runTool("tesseract", [png, "-", "-l", "vie"], { memoryBytes: 1 << 30, timeoutMs: 120_000 })`.
 * Rejects when it fails, is killed or runs out of its memory.
 */
export function runTool(command: string, args: readonly string[], limits: ToolLimits): Promise<string> {
  const prlimit = findPrlimit();
  // prlimit sets the limit and then executes the tool in its own place (same process).
  const [file, argv] = prlimit
    ? [prlimit, [`--as=${limits.memoryBytes}`, "--", command, ...args]]
    : [command, [...args]];
  return new Promise((resolve, reject) => {
    const child = execFile(
      file,
      argv,
      {
        timeout: limits.timeoutMs,
        killSignal: "SIGKILL",
        maxBuffer: limits.maxOutputBytes ?? 16 * 1024 * 1024,
        ...(limits.cwd ? { cwd: limits.cwd } : {}),
        ...(limits.env ? { env: limits.env } : {}),
        ...(limits.signal ? { signal: limits.signal } : {}),
      },
      (error, stdout) => {
        running.delete(child);
        if (error) reject(error);
        else resolve(stdout);
      },
    );
    running.add(child);
  });
}

/** How many tools are running now (for tests and the end of a job). */
export function runningTools(): number {
  return running.size;
}

/** Kills every tool still running (SIGKILL) and waits until they have exited. */
export async function killRunningTools(): Promise<void> {
  const left = [...running];
  await Promise.all(
    left.map(
      (child) =>
        new Promise<void>((resolve) => {
          // Never started (no such program), or already gone.
          if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null)
            return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGKILL");
        }),
    ),
  );
  for (const child of left) running.delete(child);
}
