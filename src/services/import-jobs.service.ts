// Imports as background work: a file sent is queued and answered at once with its job; a runner
// inside the server reads queued files one reader at a time, writes the job's progress (pages read
// by OCR, tasks found) as it goes, and its outcome. The person who sent the file follows it by the
// job's id — after a page reload too — and a job a stopped server was running is taken up again
// when a server runs (the import stores a plan in one transaction: nothing is half-stored).

import { accountById } from "../db/accounts.repository.js";
import {
  claimImportJob,
  finishImportJob,
  type ImportJobRow,
  importJobById,
  importJobsOf,
  insertImportJob,
  recordImportProgress,
  requeueStaleImportJobs,
} from "../db/import-jobs.repository.js";
import { DomainError } from "../domain/errors.js";
import { actorOf } from "./auth.service.js";
import type { ImportQueue, ServiceContext } from "./context.js";
import { type ImportProgress, importPlanFile, readDirectory } from "./plan-import.service.js";
import { type Actor, ensureAllowed, ensureFound, may } from "./policies.js";

export type ImportJob = ImportJobRow;

/** What a failed job says: the refusal's id, its message and the fields, as an error reply would. */
export interface JobError {
  error: string;
  message: string;
  fields: DomainError["details"];
}

/** Queues a file for import: `await submitImport(ctx, actor, "kh.pdf", bytes)` → the job, queued. */
export async function submitImport(
  ctx: ServiceContext,
  actor: Actor,
  fileName: string,
  bytes: Uint8Array,
  options: { force?: boolean } = {},
): Promise<ImportJob> {
  ensureAllowed(may.review(actor));
  const job = await insertImportJob(ctx.db, {
    actorId: actor.id,
    fileName,
    content: bytes,
    force: options.force ?? false,
  });
  ctx.imports?.wake();
  return job;
}

/** One of the actor's jobs (an administrator sees every job). */
export async function importJob(ctx: ServiceContext, actor: Actor, id: string): Promise<ImportJob> {
  const job = await importJobById(ctx.db, id);
  ensureFound(!!job && (job.actorId === actor.id || may.administer(actor)), "import");
  return job as ImportJob;
}

/** The actor's latest jobs, newest first. */
export async function myImportJobs(ctx: ServiceContext, actor: Actor): Promise<ImportJob[]> {
  ensureAllowed(may.review(actor));
  return importJobsOf(ctx.db, actor.id, 20);
}

function jobError(error: unknown): JobError {
  if (error instanceof DomainError)
    return { error: error.id, message: error.message, fields: [...error.details] };
  return {
    error: "import.failed",
    message: "Không nhập được tệp do lỗi của máy chủ; hãy thử lại, hoặc báo quản trị hệ thống.",
    fields: [],
  };
}

export interface ImportRunnerOptions {
  /** Jobs read side by side (the reader pool's size sets the real limit). Default 1. */
  concurrency?: number;
  /** A running job with no word for this long belongs to a stopped server. Default 120 s. */
  staleSeconds?: number;
  /** Tries before a job that stops its server each time is failed. Default 3. */
  maxAttempts?: number;
  /** Logs a fault (not a refusal) of a job. */
  onFault?: (error: unknown, jobId: string) => void;
}

export interface ImportRunner extends ImportQueue {
  /** Takes up jobs a stopped server left, then queued ones; sweeps for stale jobs now and then. */
  start(): void;
  /** Stops taking jobs and waits for those running (their files are read to the end). */
  stop(): Promise<void>;
}

/** The runner inside a server: `const runner = createImportRunner(ctx); runner.start()`. */
export function createImportRunner(ctx: ServiceContext, options: ImportRunnerOptions = {}): ImportRunner {
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const staleSeconds = options.staleSeconds ?? 120;
  const maxAttempts = options.maxAttempts ?? 3;
  const running = new Set<Promise<void>>();
  let stopped = true;
  let sweeper: NodeJS.Timeout | null = null;

  const interrupted: JobError = {
    error: "import.interrupted",
    message: `Máy chủ dừng ${maxAttempts} lần khi đang đọc tệp này: tệp không nhập được. Hãy kiểm tra tệp rồi gửi lại.`,
    fields: [],
  };

  async function run(job: ImportJob & { content: Uint8Array }): Promise<void> {
    // Progress is written at most every half second, and always for a new stage and the last page.
    // The claim has just written the first stage, reading: that one is not written again.
    let last = performance.now();
    let lastStage = "reading";
    let writing = Promise.resolve();
    const onProgress = (p: ImportProgress) => {
      // (a monotonic timer for spacing the writes, not the time of day: that is the clock's)
      const now = performance.now();
      const lastPage = p.stage === "ocr" && p.ocrPagesDone === p.ocrPages;
      if (p.stage === lastStage && now - last < 500 && !lastPage) return;
      last = now;
      lastStage = p.stage;
      writing = writing
        .then(() =>
          recordImportProgress(ctx.db, job.id, {
            stage: p.stage,
            ...(p.stage === "ocr" ? { ocrPagesDone: p.ocrPagesDone, ocrPages: p.ocrPages } : {}),
            ...(p.stage === "storing" ? { tasks: p.tasks } : {}),
          }),
        )
        .catch(() => {});
    };
    // A heartbeat while a long file is read without progress (a big Word file, a conversion).
    const beat = setInterval(() => onProgress({ stage: lastStage } as ImportProgress), 15_000);
    beat.unref();
    try {
      const account = job.actorId ? await accountById(ctx.db, job.actorId) : null;
      if (job.actorId && !account?.active)
        throw new DomainError("auth.forbidden", "Tài khoản gửi tệp không còn hoạt động.");
      const actor = account ? actorOf(account) : null;
      const result = await importPlanFile(ctx, await readDirectory(ctx), actor, job.fileName, job.content, {
        force: job.force,
        onProgress,
      });
      clearInterval(beat);
      await writing;
      await finishImportJob(ctx.db, job.id, { status: "done", result, tasks: result.tasks });
    } catch (error) {
      clearInterval(beat);
      await writing;
      if (!(error instanceof DomainError)) options.onFault?.(error, job.id);
      await finishImportJob(ctx.db, job.id, { status: "failed", error: jobError(error) }).catch(() => {});
    }
  }

  // A wake-up while the queue is being read is not lost: the reading goes round once more.
  let pumping = false;
  let again = false;
  async function pump(): Promise<void> {
    if (pumping) {
      again = true;
      return;
    }
    pumping = true;
    try {
      do {
        again = false;
        while (!stopped && running.size < concurrency) {
          const job = await claimImportJob(ctx.db);
          if (!job) break;
          const task = run(job).finally(() => {
            running.delete(task);
            void pump();
          });
          running.add(task);
        }
      } while (again && !stopped);
    } catch (error) {
      options.onFault?.(error, "");
    } finally {
      pumping = false;
    }
  }

  async function sweep(): Promise<void> {
    try {
      if (await requeueStaleImportJobs(ctx.db, staleSeconds, maxAttempts, interrupted)) void pump();
    } catch (error) {
      options.onFault?.(error, "");
    }
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      void sweep().then(pump);
      sweeper = setInterval(() => void sweep(), Math.max(5, staleSeconds / 2) * 1000);
      sweeper.unref();
    },
    wake() {
      if (!stopped) void pump();
    },
    async stop() {
      stopped = true;
      if (sweeper) clearInterval(sweeper);
      await Promise.allSettled([...running]);
    },
  };
}
