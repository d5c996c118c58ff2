// The pool of reader processes against files made to bring a server down, and against real plans:
// each bomb is refused with its id while the parent's event loop keeps ticking; afterwards no tool
// of the job runs, its folder is gone and the pool reads the next file. A job past its time is
// killed with its process group; a child past its memory is replaced; a full queue refuses; a
// parent that dies takes its children with it. Runs the compiled child (npm test builds first).

import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FILES, HAS_FILES, PROJECT_ROOT } from "../../test/shared-corpus.js";
import { DomainError } from "../domain/errors.js";
import { docConversionAvailable } from "../extract/doc-convert.js";
import { ocrAvailable } from "../extract/ocr.js";
import {
  brokenUtf16,
  DOC_PLAN_HTML,
  manyPagesPdf,
  posterPagesPdf,
  saveAsDoc,
  zipBombDocx,
} from "../extract/test-files.js";
import { createPlanReaderPool, type PlanReaderPool, readPlanInProcess } from "./index.js";
import { groupGone, groupMembers, processes } from "./process-group.js";

const OCR = await ocrAvailable();
const SOFFICE = await docConversionAvailable();
const PLAN = readFileSync(join(PROJECT_ROOT, "test", "fixtures", "ke-hoach-ubnd-tinh.txt"));
const SCAN = join(FILES, "CV-813-CucHoaChat-scan.pdf");

/** The longest the parent's event loop went without running a 50 ms timer, while `work` ran. */
async function withLag<T>(work: () => Promise<T>): Promise<{ result: T | Error; lagMs: number }> {
  let lagMs = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    lagMs = Math.max(lagMs, now - last - 50);
    last = now;
  }, 50);
  try {
    const result = await work().catch((error: unknown) =>
      error instanceof Error ? error : new Error(String(error)),
    );
    return { result, lagMs };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Live processes (not ended) in the groups `pgids` but their leaders (the pool's children, which
 * live on), and tools among this process's descendants.
 */
function leftOver(pgids: readonly number[], names = /^(tesseract|pdftoppm|soffice|oosplash)/): string[] {
  const out: string[] = [];
  for (const pgid of pgids)
    for (const m of groupMembers(pgid) ?? [])
      if (m.state !== "Z" && m.pid !== pgid) out.push(`${m.pid} ${m.name} (group ${pgid})`);
  const parents = new Map<number, number>();
  const live: Array<{ pid: number; name: string }> = [];
  for (const m of processes() ?? []) {
    parents.set(m.pid, m.ppid);
    if (m.state !== "Z" && names.test(m.name)) live.push(m);
  }
  for (const p of live) {
    for (let up = parents.get(p.pid); up; up = parents.get(up))
      if (up === process.pid) {
        out.push(`${p.pid} ${p.name} (under this test)`);
        break;
      }
  }
  return out;
}

let jobs: string;
let pool: PlanReaderPool;
beforeEach(() => {
  jobs = mkdtempSync(join(tmpdir(), "kehoach-pool-test-"));
});
afterEach(async () => {
  await pool?.close();
  rmSync(jobs, { recursive: true, force: true });
});

/** Expects `error` to be the refusal `id`, its message in Vietnamese naming the limit. */
function expectRefusal(error: unknown, id: string, message: RegExp): void {
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).id).toBe(id);
  expect((error as DomainError).message).toMatch(message);
}

describe("the pool against bombs", () => {
  const bombs: Array<[string, () => Uint8Array, string, RegExp, boolean]> = [
    ["a Word file unpacking to 100 MB", () => zipBombDocx(), "docx.too_large", /giải nén ra 100,\d MB/, true],
    [
      "a PDF of 50,000 pages",
      () => manyPagesPdf(),
      "pdf.too_many_pages",
      /50000 trang.*tối đa 500 trang/,
      true,
    ],
    ["three poster-sized scanned pages", () => posterPagesPdf(), "pdf.page_too_large", /176 × 176 cm/, OCR],
    ["UTF-16 that is not", () => brokenUtf16(), "file.encoding", /không phải UTF-16 hợp lệ/, true],
  ];
  for (const [name, build, id, message, runs] of bombs) {
    it.skipIf(!runs)(`refuses ${name}, keeps ticking, leaves nothing behind and reads on`, async () => {
      pool = createPlanReaderPool({ workers: 1, tmpDir: jobs });
      const bytes = build();
      const { result, lagMs } = await withLag(() => pool.read(name, bytes));
      expectRefusal(result, id, message);
      expect(lagMs).toBeLessThan(1000);
      expect(leftOver(pool.workerPids())).toEqual([]);
      expect(readdirSync(jobs)).toEqual([]);
      const next = await pool.read("ke-hoach.txt", PLAN);
      expect(next.plan.document.number).toBe("88/KH-UBND");
    });
  }
});

describe("the pool's time and memory limits", () => {
  it.skipIf(!OCR || !HAS_FILES)(
    "kills a scan past its time with the tools in its group, and says so",
    async () => {
      // 1 s, and 0.5 s a page once the 2 pages go to OCR (which takes several seconds a page).
      pool = createPlanReaderPool({ workers: 1, timeoutMs: 1000, ocrPageMs: 500, tmpDir: jobs });
      const bytes = readFileSync(SCAN);
      let pgid = 0;
      const reading = pool.read("CV-813.pdf", bytes);
      // Wait for the tools to start, to see them go.
      for (let i = 0; i < 100 && !pgid; i++) {
        await new Promise((done) => setTimeout(done, 50));
        const [pid] = pool.workerPids();
        if (pid && (groupMembers(pid) ?? []).some((m) => /pdftoppm|tesseract/.test(m.name))) pgid = pid;
      }
      expect(pgid).toBeGreaterThan(0);
      const { result, lagMs } = await withLag(() => reading);
      expectRefusal(result, "file.timeout", /^Đọc tệp «CV-813\.pdf» quá 2,0 giây nên đã dừng/);
      expect(lagMs).toBeLessThan(1000);
      // The group is gone, its tools reaped by the child before it ended (no zombie either).
      expect(leftOver([pgid])).toEqual([]);
      expect(groupMembers(pgid)).toEqual([]);
      expect(readdirSync(jobs)).toEqual([]);
      expect(pool.workerPids()).not.toContain(pgid);
      const next = await pool.read("ke-hoach.txt", PLAN);
      expect(next.plan.tasks).toHaveLength(1);
    },
    60_000,
  );

  it("kills a child stuck in work past its time", async () => {
    pool = createPlanReaderPool({ workers: 1, timeoutMs: 300, tmpDir: jobs });
    // Five megabytes of tasks: seconds of parsing, far past 0.3 s.
    const big = Buffer.from(`KẾ HOẠCH\nII. NỘI DUNG NHIỆM VỤ\n${"1. Sở Y tế chủ trì\n".repeat(260_000)}`);
    await pool.read("ke-hoach.txt", PLAN);
    const [pid] = pool.workerPids();
    const { result, lagMs } = await withLag(() => pool.read("lon.txt", big));
    expectRefusal(result, "file.timeout", /«lon\.txt» quá 0,3 giây/);
    expect(lagMs).toBeLessThan(1000);
    expect(await groupGone(pid ?? 0, 0)).toBe(true);
    expect(readdirSync(jobs)).toEqual([]);
    expect((await pool.read("ke-hoach.txt", PLAN)).plan.tasks).toHaveLength(1);
  });

  it("replaces a child that runs out of memory, and says so", async () => {
    pool = createPlanReaderPool({ workers: 1, memoryMb: 32, tmpDir: jobs });
    const big = Buffer.from(`KẾ HOẠCH\nII. NỘI DUNG NHIỆM VỤ\n${"1. Sở Y tế chủ trì\n".repeat(260_000)}`);
    const { result } = await withLag(() => pool.read("lon.txt", big));
    expectRefusal(result, "file.too_complex", /cần quá nhiều bộ nhớ \(giới hạn 32 MB\)/);
    expect(readdirSync(jobs)).toEqual([]);
    expect((await pool.read("ke-hoach.txt", PLAN)).plan.tasks).toHaveLength(1);
  });
});

describe("the pool and a file's name", () => {
  it("passes the name to its child: a .md file is read as Markdown, a fragment named .htm as a page", async () => {
    pool = createPlanReaderPool({ workers: 1, tmpDir: jobs });
    const md = readFileSync(
      join(PROJECT_ROOT, "test", "fixtures", "qd254-2023-ubnd-sonla-ke-hoach-bao-ve-bmnn.md"),
    );
    const reading = await pool.read("qd254.md", md);
    expect(reading.format).toBe("md");
    expect(reading.plan.document.number).toBe("254/QĐ-UBND");
    expect((await pool.read("qd254.txt", md)).format).toBe("txt");
    const fragment = Buffer.from(
      "KẾ HOẠCH<br>Tổng vệ sinh môi trường<p>I. NHIỆM VỤ</p><p>1. Ra quân</p>",
      "utf8",
    );
    const page = await pool.read("ke-hoach.htm", fragment);
    expect(page.format).toBe("html");
    expect(page.sourceText).toContain("KẾ HOẠCH\nTổng vệ sinh môi trường");
  });
});

describe("the pool's queue", () => {
  it("refuses a file when the queue is full, and reads the ones it took", async () => {
    pool = createPlanReaderPool({ workers: 1, queue: 1, tmpDir: jobs });
    const first = pool.read("a.txt", PLAN);
    const second = pool.read("b.txt", PLAN);
    const third = pool.read("c.txt", PLAN).catch((e: unknown) => e);
    expectRefusal(await third, "intake.busy", /đang đọc các tệp khác \(1 tệp đang chờ\)/);
    expect((await first).format).toBe("txt");
    expect((await second).format).toBe("txt");
  });

  it("refuses the files waiting when it closes, and ends its children", async () => {
    pool = createPlanReaderPool({ workers: 1, queue: 4, tmpDir: jobs });
    await pool.read("a.txt", PLAN);
    const pids = pool.workerPids();
    const waiting = [pool.read("b.txt", PLAN), pool.read("c.txt", PLAN)].map((p) =>
      p.catch((e: unknown) => e),
    );
    await pool.close();
    const outcomes = await Promise.all(waiting);
    expect(outcomes.some((o) => o instanceof DomainError && o.id === "intake.closed")).toBe(true);
    for (const pid of pids) expect(await groupGone(pid, 2000)).toBe(true);
    expectRefusal(await pool.read("d.txt", PLAN).catch((e: unknown) => e), "intake.closed", /đang dừng/);
  });
});

describe("a parent that dies", () => {
  it.skipIf(!OCR || !HAS_FILES)(
    "takes its reader and the reader's tools with it",
    async () => {
      // A parent of its own, killed outright while its child is reading a scan by OCR.
      const script = `
        import { readFileSync } from "node:fs";
        import { createPlanReaderPool } from ${JSON.stringify(join(PROJECT_ROOT, "dist", "intake", "index.js"))};
        const pool = createPlanReaderPool({ workers: 1, tmpDir: ${JSON.stringify(jobs)} });
        pool.read("scan.pdf", readFileSync(${JSON.stringify(SCAN)})).catch(() => {});
        setInterval(() => { const [pid] = pool.workerPids(); if (pid) console.log(pid); }, 100);
      `;
      const parent = spawn(process.execPath, ["--input-type=module", "-e", script], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      const pgid = await new Promise<number>((found) =>
        parent.stdout.on("data", (chunk: Buffer) => {
          const pid = Number(chunk.toString().trim().split("\n")[0]);
          if ((groupMembers(pid) ?? []).some((m) => /pdftoppm|tesseract/.test(m.name))) found(pid);
        }),
      );
      parent.kill("SIGKILL");
      expect(await groupGone(pgid, 5000)).toBe(true);
      expect(leftOver([pgid])).toEqual([]);
    },
    60_000,
  );
});

describe("old Word files through the pool", () => {
  it.skipIf(!SOFFICE)(
    "read the same as on this thread, and LibreOffice is gone afterwards",
    async () => {
      pool = createPlanReaderPool({ workers: 1, tmpDir: jobs });
      const doc = await saveAsDoc(DOC_PLAN_HTML);
      const there = await pool.read("ke-hoach.doc", doc);
      expect(there).toEqual(await readPlanInProcess(doc));
      expect(there.plan.tasks).toHaveLength(2);
      expect(leftOver(pool.workerPids())).toEqual([]);
      expect(readdirSync(jobs)).toEqual([]);
    },
    60_000,
  );
});

describe.skipIf(!HAS_FILES)("real files through the pool", () => {
  it("read the same as on this thread", async () => {
    pool = createPlanReaderPool({ tmpDir: jobs });
    for (const name of readdirSync(FILES).filter((f) => /\.(docx|pdf)$/.test(f))) {
      const bytes = readFileSync(join(FILES, name));
      const here = await readPlanInProcess(bytes);
      const there = await pool.read(name, bytes);
      expect(there, name).toEqual(here);
    }
    expect(readdirSync(jobs)).toEqual([]);
  }, 120_000);
});
