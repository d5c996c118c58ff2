// A pool of long-lived child processes that read plan files (reader-process.ts), so that no file can
// stop the server: a file is read off the server's thread, in a child with a heap ceiling, within a
// time limit that grows with the pages a scan sends to OCR. A child that runs out of time or
// memory is killed with its whole process group (the tools it ran with it), replaced, and the
// caller is told why; the job's folder is removed whatever happens. Files wait in a bounded queue.

import { type ChildProcess, fork } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { PlanReader, PlanReading, ReadingProgress } from "../services/context.js";
import { groupGone, killGroup } from "./process-group.js";
import { type FromReader, fromSent, type ToReader } from "./protocol.js";
import { intakeRefusals } from "./refusals.js";

export interface PoolOptions {
  /** Child processes reading side by side (default: one fewer than the cores, at least 1). */
  workers?: number;
  /** Time one file may take, OCR aside (default 30 s: text, Word, PDF, a LibreOffice conversion). */
  timeoutMs?: number;
  /** Time added for each page of a scan read by OCR (default 20 s: about 8 s of work a page here). */
  ocrPageMs?: number;
  /** Heap ceiling of each child, in MB (--max-old-space-size; default 1024). */
  memoryMb?: number;
  /** Files that may wait for a free child; one more is refused with intake.busy (default 16). */
  queue?: number;
  /** Where each job's folder is made (default the system's temporary folder). */
  tmpDir?: string;
}

/** The pool: a PlanReader that must be closed, and the ids of its children (each its process group's). */
export interface PlanReaderPool extends PlanReader {
  /** Stops reading: waiting files are refused (intake.closed), running ones stopped, children ended. */
  close(): Promise<void>;
  workerPids(): number[];
}

interface Job {
  fileName: string;
  bytes: Uint8Array;
  onProgress?: ((progress: ReadingProgress) => void) | undefined;
  resolve: (reading: PlanReading) => void;
  reject: (error: Error) => void;
}

interface Running {
  id: number;
  job: Job;
  dir: string | null;
  timer: NodeJS.Timeout | null;
  /** The time the job has been given so far, for the message. */
  budgetMs: number;
  settled: boolean;
}

interface Slot {
  child: ChildProcess;
  running: Running | null;
  /** Being stopped: takes no job. */
  stopping: boolean;
  /** Settles when the child has loaded (its start-up is not the job's time). */
  ready: Promise<void>;
  exited: Promise<void>;
}

/** The child's script: dist/intake/reader-process.js, also when this module runs from src (tests). */
function readerScript(): string {
  const here = fileURLToPath(import.meta.url);
  const script = here.endsWith(".ts")
    ? resolve(dirname(here), "..", "..", "dist", "intake", "reader-process.js")
    : join(dirname(here), "reader-process.js");
  if (!existsSync(script)) throw new Error(`${script} is missing: build kehoach first (npm run build).`);
  return script;
}

const delay = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** The time a child may take to load before its first job (it loads PDF.js, mammoth … in about 0.5 s). */
const STARTUP_MS = 30_000;

/** Removes a job's folder; a folder that cannot be removed is left, never an error for the caller. */
const removeFolder = (dir: string) => rm(dir, { recursive: true, force: true }).catch(() => {});

/**
 * Starts a pool of readers: `const reader = createPlanReaderPool(); await reader.read("kh.pdf", bytes)`.
 * Children start when the first files come and live on; `close()` ends them.
 */
export function createPlanReaderPool(options: PoolOptions = {}): PlanReaderPool {
  const workers = Math.max(1, options.workers ?? availableParallelism() - 1);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const ocrPageMs = options.ocrPageMs ?? 20_000;
  const memoryMb = options.memoryMb ?? 1024;
  const queueMax = options.queue ?? 16;
  const script = readerScript();
  const slots: Slot[] = [];
  const waiting: Job[] = [];
  const stops = new Set<Promise<void>>();
  let nextId = 1;
  let closed = false;

  function spawnSlot(): Slot {
    const child = fork(script, [], {
      execArgv: [`--max-old-space-size=${memoryMb}`],
      serialization: "advanced",
      // A process group of its own: one signal ends it and every tool it started.
      detached: true,
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const exited = new Promise<void>((done) => child.once("exit", () => done()));
    const ready = new Promise<void>((done) => {
      child.on("message", (message: FromReader) => message.type === "ready" && done());
      void exited.then(done);
    });
    const slot: Slot = { child, running: null, stopping: false, ready, exited };
    child.on("message", (message: FromReader) => onMessage(slot, message));
    child.once("exit", () => onExit(slot));
    child.on("error", () => {
      // Failing to start or to send shows as an exit, or as a job that never answers (its timer).
    });
    idle(slot);
    return slot;
  }

  // An idle child keeps nothing alive: the server may end without closing the pool (the child then
  // sees its channel close and ends itself).
  function idle(slot: Slot): void {
    slot.child.unref();
    slot.child.channel?.unref();
  }

  function busy(slot: Slot): void {
    slot.child.ref();
    slot.child.channel?.ref();
  }

  function dispatch(): void {
    while (waiting.length && !closed) {
      let slot = slots.find((s) => !s.running && !s.stopping);
      if (!slot && slots.length < workers) {
        slot = spawnSlot();
        slots.push(slot);
      }
      const job = slot ? waiting.shift() : undefined;
      if (!slot || !job) return;
      start(slot, job);
    }
  }

  function start(slot: Slot, job: Job): void {
    const running: Running = {
      id: nextId++,
      job,
      dir: null,
      timer: null,
      budgetMs: timeoutMs,
      settled: false,
    };
    slot.running = running;
    busy(slot);
    // A child that never comes up is stopped too; its start-up itself is not counted in the job's time.
    running.timer = setTimeout(() => void fail(slot, running, "timeout"), timeoutMs + STARTUP_MS);
    Promise.all([mkdtemp(join(options.tmpDir ?? tmpdir(), "kehoach-job-")), slot.ready]).then(
      ([dir]) => {
        running.dir = dir;
        if (running.settled) return void removeFolder(dir);
        const message: ToReader = {
          type: "read",
          job: running.id,
          fileName: job.fileName,
          bytes: job.bytes,
          workDir: dir,
        };
        if (running.timer) clearTimeout(running.timer);
        running.timer = setTimeout(() => void fail(slot, running, "timeout"), timeoutMs);
        slot.child.send(message, (error) => {
          if (error) void fail(slot, running, "crashed");
        });
      },
      (error: unknown) =>
        void settle(slot, running, error instanceof Error ? error : new Error(String(error))),
    );
  }

  function onMessage(slot: Slot, message: FromReader): void {
    const running = slot.running;
    // A child being stopped may still answer (its tools killed under it): the stop has the last word.
    if (
      message.type === "ready" ||
      !running ||
      running.settled ||
      slot.stopping ||
      message.job !== running.id
    )
      return;
    if (message.type === "ocr") {
      // OCR takes seconds a page: the job's time starts again, with the pages' time added.
      if (running.timer) clearTimeout(running.timer);
      running.budgetMs = timeoutMs + message.pages * ocrPageMs;
      running.timer = setTimeout(() => void fail(slot, running, "timeout"), running.budgetMs);
      running.job.onProgress?.({ ocrPagesDone: 0, ocrPages: message.pages });
    } else if (message.type === "page")
      running.job.onProgress?.({ ocrPagesDone: message.done, ocrPages: message.pages });
    else if (message.type === "done") void settle(slot, running, message.reading);
    else void settle(slot, running, fromSent(message.error));
  }

  function onExit(slot: Slot): void {
    const running = slot.running;
    if (running && !running.settled) void fail(slot, running, "crashed");
    else if (!slot.stopping) {
      // An idle child that ended (killed from outside): forget it, a new one starts when needed.
      const at = slots.indexOf(slot);
      if (at >= 0) slots.splice(at, 1);
      killGroup(slot.child.pid ?? 0);
    }
  }

  /** Stops a child and everything in its group, and waits until none of them runs. */
  async function stopSlot(slot: Slot): Promise<void> {
    slot.stopping = true;
    const at = slots.indexOf(slot);
    if (at >= 0) slots.splice(at, 1);
    const pid = slot.child.pid;
    // Asked first, the child kills and reaps its tools itself; a child stuck in work is killed with them.
    try {
      if (slot.child.connected) slot.child.send({ type: "abort" } satisfies ToReader);
    } catch {
      // Channel already closed.
    }
    await Promise.race([slot.exited, delay(1000)]);
    if (pid) killGroup(pid);
    await slot.exited;
    if (pid) await groupGone(pid, 2000);
  }

  async function fail(slot: Slot, running: Running, why: "timeout" | "crashed"): Promise<void> {
    if (running.settled || slot.stopping) return;
    const error =
      why === "timeout"
        ? intakeRefusals.timeout(running.job.fileName, running.budgetMs)
        : intakeRefusals.crashed(running.job.fileName, memoryMb);
    const stopping = stopSlot(slot);
    stops.add(stopping);
    await stopping;
    stops.delete(stopping);
    await settle(slot, running, error);
  }

  /** Ends a job: its timer, its folder, then its promise; the child takes the next file. */
  async function settle(slot: Slot, running: Running, outcome: PlanReading | Error): Promise<void> {
    if (running.settled) return;
    running.settled = true;
    if (running.timer) clearTimeout(running.timer);
    if (running.dir) await removeFolder(running.dir);
    if (slot.running === running) slot.running = null;
    if (!slot.stopping) idle(slot);
    if (outcome instanceof Error) running.job.reject(outcome);
    else running.job.resolve(outcome);
    dispatch();
  }

  return {
    read(fileName, bytes, options) {
      if (closed) return Promise.reject(intakeRefusals.closed());
      const free = slots.some((s) => !s.running && !s.stopping) || slots.length < workers;
      if (!free && waiting.length >= queueMax) return Promise.reject(intakeRefusals.busy(waiting.length));
      return new Promise<PlanReading>((resolve, reject) => {
        waiting.push({ fileName, bytes, resolve, reject, onProgress: options?.onProgress });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const job of waiting.splice(0)) job.reject(intakeRefusals.closed());
      await Promise.all([
        ...slots.map(async (slot) => {
          const running = slot.running;
          await stopSlot(slot);
          if (running) await settle(slot, running, intakeRefusals.closed());
        }),
        ...stops,
      ]);
    },
    workerPids: () => slots.map((s) => s.child.pid ?? 0).filter(Boolean),
  };
}
