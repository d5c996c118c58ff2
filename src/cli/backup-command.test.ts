// `kehoach backup` and `kehoach restore` as a user runs them (bin/kehoach.js over dist/: run
// `npm run build` first), on data folders of their own and, when DATABASE_URL is set, on
// PostgreSQL databases: the summary, the refusals, a backup killed halfway that leaves the previous
// file whole, and a data folder moved to a server.

import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../test/shared-corpus.js";
import { openStore, type Store } from "../db/connection.js";
import { migrateToLatest } from "../db/migrate.js";
import { openFreshPostgres } from "../testing/fresh-postgres.js";

const BIN = join(PROJECT_ROOT, "bin", "kehoach.js");
const DATABASE_URL = process.env.DATABASE_URL;

type Where = { data: string } | { url: string };

function env(where: Where): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env };
  delete e.DATABASE_URL;
  delete e.KEHOACH_DATA;
  if ("data" in where) e.KEHOACH_DATA = where.data;
  else e.DATABASE_URL = where.url;
  return e;
}

function run(where: Where, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    timeout: 180_000,
    env: env(where),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

// Documents of random bytes (gzip cannot shrink them), so a backup takes long enough to be caught.
async function fillDataFolder(dir: string, documents: number, bytes: number): Promise<void> {
  const store = await openStore({ dataDir: dir });
  try {
    expect((await migrateToLatest(store.db)).error).toBeNull();
    await sql`insert into unit (code, name, kind, path) values ('SGDDT', 'Sở Giáo dục và Đào tạo', 'department', '1')`.execute(
      store.db,
    );
    for (let i = 0; i < documents; i++) {
      const content = randomBytes(bytes);
      await sql`insert into document (sha256, file_name, media_type, size_bytes, content, text, keeper_unit_id)
        values (${createHash("sha256").update(content).digest("hex")}, ${`van-ban-${i}.pdf`}, 'application/pdf',
                ${bytes}, decode(${content.toString("hex")}, 'hex'), ${`Văn bản ${i}`}, 1)`.execute(store.db);
    }
  } finally {
    await store.close();
  }
}

/** What a store holds, to compare: its units and its documents' names and checksums. */
async function contents(where: Where): Promise<string[]> {
  const store: Store = await openStore("data" in where ? { dataDir: where.data } : { url: where.url });
  try {
    const r = await sql<{ line: string }>`
      select 'unit ' || code || ' ' || name as line from unit
      union all
      select 'document ' || file_name || ' ' || encode(sha256(content), 'hex') || ' ' || sha256 from document
      order by 1`.execute(store.db);
    return r.rows.map((x) => x.line);
  } finally {
    await store.close();
  }
}

const partials = (file: string) => {
  const dir = join(file, "..");
  const base = file.slice(dir.length + 1);
  return readdirSync(dir).filter((n) => n.startsWith(`${base}.partial-`));
};

// Each test runs the command line several times, each a process opening a store: far from the
// default 30 s on a busy machine.
describe("kehoach backup and restore on data folders", { timeout: 180_000 }, () => {
  const root = mkdtempSync(join(tmpdir(), "kehoach-backup-cli-"));
  const source = { data: join(root, "data") };
  const file = join(root, "kehoach.backup");
  let held: string[];

  beforeAll(async () => {
    await fillDataFolder(source.data, 16, 2 * 1024 * 1024);
    held = await contents(source);
  }, 120_000);

  it("writes a backup and says what it holds, readable by its owner alone", () => {
    const r = run(source, "backup", file);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Đã sao lưu \d+ bảng, 19 dòng \([\d,]+ MB\) từ .+ vào .+kehoach\.backup\./);
    expect(r.stdout).toMatch(/Phiên đăng nhập không được sao lưu/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(partials(file)).toEqual([]);
  });

  it("restores into a new data folder, refuses it a second time without --replace, replaces with it", async () => {
    const target = { data: join(root, "restored") };
    const first = run(target, "restore", file);
    expect(first.stderr).toBe("");
    expect(first.stdout).toMatch(
      /^Đã khôi phục \d+ bảng, 19 dòng từ .+kehoach\.backup \(sao lưu lúc .+, từ thư mục dữ liệu\)/,
    );
    expect(await contents(target)).toEqual(held);
    const again = run(target, "restore", file);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/đã có dữ liệu .*--replace/);
    const replaced = run(target, "restore", file, "--replace");
    expect(replaced.code).toBe(0);
    expect(await contents(target)).toEqual(held);
  });

  it("refuses a file that is not a backup, and says the usage", () => {
    const other = join(root, "other.csv");
    writeFileSync(other, "code,name,kind\n");
    const r = run({ data: join(root, "other") }, "restore", other);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/không phải bản sao lưu của kehoach/);
    expect(run(source, "backup").code).toBe(2);
    expect(run(source, "restore", join(root, "missing")).stderr).toMatch(/không mở được tệp/);
  });

  it("tells to stop the server while one holds the data folder", () => {
    writeFileSync(join(source.data, ".kehoach.lock"), String(process.pid));
    try {
      for (const args of [
        ["backup", join(root, "locked.backup")],
        ["restore", file, "--replace"],
      ]) {
        const r = run(source, ...args);
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(/đang được máy chủ kehoach .* sử dụng\. Hãy dừng máy chủ \(kehoach serve\)/);
      }
      expect(existsSync(join(root, "locked.backup"))).toBe(false);
    } finally {
      writeFileSync(join(source.data, ".kehoach.lock"), "999999");
    }
  });

  it("leaves the previous backup whole when a backup is killed halfway; the next removes the leftover", async () => {
    let previous = sha(file);
    let killedMidway = false;
    // The partial file appears before the first byte is read; the kill lands while it is written.
    // A backup that renamed before the kill (never seen here) is simply tried again.
    for (let attempt = 0; attempt < 5 && !killedMidway; attempt++) {
      const child: ChildProcess = spawn(process.execPath, [BIN, "backup", file], {
        env: env(source),
        stdio: "ignore",
      });
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      const partial = `${file}.partial-${child.pid}`;
      while (!existsSync(partial) && child.exitCode === null) await sleep(5);
      child.kill("SIGKILL");
      await exited;
      killedMidway = existsSync(partial) && child.signalCode === "SIGKILL";
      if (!killedMidway) {
        expect(sha(file)).not.toBe(previous);
        previous = sha(file);
      }
    }
    expect(killedMidway).toBe(true);
    expect(sha(file)).toBe(previous);
    expect(partials(file)).toHaveLength(1);
    // The previous backup still restores whole.
    const target = { data: join(root, "after-kill") };
    expect(run(target, "restore", file).code).toBe(0);
    expect(await contents(target)).toEqual(held);
    // The next backup (the killed one's lock is stale) clears the leftover and writes a new file.
    const next = run(source, "backup", file);
    expect(next.stderr).toBe("");
    expect(partials(file)).toEqual([]);
    expect(sha(file)).not.toBe(previous);
  }, 180_000);

  describe.runIf(DATABASE_URL)("and PostgreSQL", () => {
    const servers: Store[] = [];
    const server = async () => {
      const store = await openFreshPostgres(DATABASE_URL ?? "", "kehoach_backup_cli");
      servers.push(store);
      // The test server trusts its clients: the location is the whole URL.
      return { url: store.location };
    };
    afterAll(async () => {
      for (const s of servers) await s.close();
    });

    it("moves a data folder to a server, and back", async () => {
      const target = await server();
      const moved = run(target, "restore", file);
      expect(moved.stderr).toBe("");
      expect(moved.stdout).toMatch(/từ thư mục dữ liệu\) vào postgres:/);
      expect(await contents(target)).toEqual(held);
      const fromServer = join(root, "from-server.backup");
      expect(run(target, "backup", fromServer).code).toBe(0);
      const back = { data: join(root, "back") };
      expect(run(back, "restore", fromServer).stdout).toMatch(/từ PostgreSQL\)/);
      expect(await contents(back)).toEqual(held);
    }, 180_000);

    it("refuses a server database that holds data unless --replace", async () => {
      const target = await server();
      expect(run(target, "restore", file).code).toBe(0);
      const r = run(target, "restore", file);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/đã có dữ liệu/);
      expect(run(target, "restore", file, "--replace").code).toBe(0);
      expect(await contents(target)).toEqual(held);
    }, 180_000);
  });
});
