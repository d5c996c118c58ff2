// `kehoach import` as a user runs it — and killed with SIGKILL in the middle of a batch, after
// which the database holds each plan whole or not at all.

import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../test/shared-corpus.js";
import { openStore } from "../db/connection.js";
import { generatePlan } from "../testing/generate-plan.js";

const BIN = join(PROJECT_ROOT, "bin", "kehoach.js");

function env(dataDir: string): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, KEHOACH_DATA: dataDir };
  delete e.DATABASE_URL;
  return e;
}

describe("kehoach import", () => {
  it("imports what it can, explains what it cannot, and goes on with the batch", () => {
    const data = mkdtempSync(join(tmpdir(), "kehoach-import-"));
    const letter = join(data, "cong-van.txt");
    writeFileSync(letter, "Kính gửi các trường,\nĐề nghị gửi số liệu trước ngày 15/12/2025.\n");
    const empty = join(data, "rong.txt");
    writeFileSync(empty, "");
    const plan = join(PROJECT_ROOT, "examples", "ke-hoach-mau.txt");
    const r = spawnSync(process.execPath, [BIN, "import", letter, plan, empty, join(data, "khong-co.txt")], {
      encoding: "utf8",
      env: env(data),
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/✓ .*ke-hoach-mau\.txt: kế hoạch #1, 4 nhiệm vụ/);
    expect(r.stderr).toMatch(/✗ .*cong-van\.txt: không phải kế hoạch/);
    expect(r.stderr).toMatch(/✗ .*rong\.txt: Tệp rỗng/);
    expect(r.stderr).toMatch(/✗ .*khong-co\.txt: không mở được tệp/);
    expect(r.stdout).toMatch(/Đã nhập 1 kế hoạch, 0 đã có, 3 lỗi/);
    const again = spawnSync(process.execPath, [BIN, "import", plan], {
      encoding: "utf8",
      env: env(data),
      timeout: 60_000,
    });
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/= .*đã có \(kế hoạch #1\)/);
    const search = spawnSync(process.execPath, [BIN, "search", "chuyen doi so"], {
      encoding: "utf8",
      env: env(data),
      timeout: 60_000,
    });
    expect(search.stdout).toMatch(/#1 145\/KH-SGDĐT/);
  });

  it("leaves each plan whole or absent when killed mid-batch (SIGKILL)", async () => {
    const data = mkdtempSync(join(tmpdir(), "kehoach-kill-"));
    const TASKS = 150;
    const files = Array.from({ length: 12 }, (_, i) => {
      const path = join(data, `ke-hoach-${i}.txt`);
      writeFileSync(path, generatePlan(i, TASKS));
      return path;
    });
    const child: ChildProcess = spawn(process.execPath, [BIN, "import", ...files], {
      env: env(data),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let imported = 0;
    await new Promise<void>((resolve) => {
      child.stdout?.on("data", (chunk: Buffer) => {
        imported += (chunk.toString().match(/✓/g) ?? []).length;
        // Kill it once it is well into the batch, while it writes the next plan.
        if (imported >= 2) {
          setTimeout(() => child.kill("SIGKILL"), 15 + Math.floor(Math.random() * 40));
          resolve();
        }
      });
      child.on("exit", () => resolve());
    });
    await new Promise((resolve) => child.on("exit", resolve));
    expect(child.signalCode).toBe("SIGKILL");

    const store = await openStore({ dataDir: data });
    try {
      const plans = await sql<{ id: string; tasks: number; units: number }>`
        select p.id, (select count(*) from task t where t.plan_id = p.id)::int as tasks,
               (select count(*) from task_unit u join task t on t.id = u.task_id where t.plan_id = p.id)::int as units
        from plan p order by p.id`.execute(store.db);
      const orphans = await sql<{
        n: number;
      }>`select count(*)::int as n from document d where not exists (select 1 from plan p where p.document_id = d.id)`.execute(
        store.db,
      );
      expect(plans.rows.length).toBeGreaterThanOrEqual(2);
      expect(plans.rows.length).toBeLessThan(files.length);
      for (const p of plans.rows) expect([p.tasks, p.units]).toEqual([TASKS, TASKS * 3]);
      expect(orphans.rows[0]?.n).toBe(0);
    } finally {
      await store.close();
    }
    // The next run takes over the dead process's lock and finishes the batch.
    const rest = spawnSync(process.execPath, [BIN, "import", ...files], {
      encoding: "utf8",
      env: env(data),
      timeout: 120_000,
    });
    expect(rest.status).toBe(0);
    expect(rest.stdout).toMatch(/Đã nhập \d+ kế hoạch, \d+ đã có, 0 lỗi/);
  });
});
