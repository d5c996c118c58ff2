// `kehoach units …` as a user runs it, on the embedded database in a data folder of its own.

import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../test/shared-corpus.js";

const BIN = join(PROJECT_ROOT, "bin", "kehoach.js");

function run(dataDir: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, KEHOACH_DATA: dataDir };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 60_000, env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("kehoach units", () => {
  const data = mkdtempSync(join(tmpdir(), "kehoach-units-"));

  it("imports the sample directory, resolves a name against it and exports it again", () => {
    const imported = run(data, "units", "import", join(PROJECT_ROOT, "examples", "don-vi-mau.csv"));
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/43 đơn vị mới, 0 đơn vị cập nhật/);
    const resolved = run(data, "units", "resolve", "Phòng GDTX&ĐH", "--issuer", "SGDDT");
    expect(resolved.stdout.trim()).toBe("exact\tSGDDT.GDTXDH\tPhòng Giáo dục Thường xuyên và Đại học");
    const exported = run(data, "units", "export");
    expect(exported.stdout.trim().split("\n")).toHaveLength(44);
  });

  it("stops with a clear message while another process holds the data folder", () => {
    writeFileSync(join(data, ".kehoach.lock"), String(process.pid));
    const r = run(data, "units", "export");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/đang được tiến trình \d+ sử dụng/);
  });

  it("takes over a lock its owner left behind when it died", () => {
    writeFileSync(join(data, ".kehoach.lock"), "999999");
    expect(run(data, "units", "export").code).toBe(0);
  });

  it("rejects a bad CSV with the line and field and changes nothing", () => {
    const bad = join(data, "bad.csv");
    writeFileSync(bad, "code,name,kind\nA1,Phòng A,division\nA2,B,bogus\n");
    const r = run(data, "units", "import", bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/dòng 3, cột kind/);
    expect(run(data, "units", "export").stdout).not.toMatch(/^A1,/m);
  });
});

describe("kehoach users add", () => {
  it("creates the first administrator with a password read from standard input", () => {
    const data = mkdtempSync(join(tmpdir(), "kehoach-users-"));
    expect(run(data, "units", "import", join(PROJECT_ROOT, "examples", "don-vi-mau.csv")).code).toBe(0);
    const env: NodeJS.ProcessEnv = { ...process.env, KEHOACH_DATA: data };
    delete env.DATABASE_URL;
    const add = (password: string, ...args: string[]) =>
      spawnSync(process.execPath, [BIN, "users", "add", ...args], {
        encoding: "utf8",
        input: `${password}\n`,
        env,
        timeout: 60_000,
      });
    const ok = add("mat-khau-quan-tri-1", "quantri", "--unit", "SGDDT", "--name", "Quản trị");
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/Đã tạo tài khoản quantri \(admin/);
    expect(add("ngan", "nguoi2", "--unit", "SGDDT").stderr).toMatch(/ít nhất 10 ký tự/);
    expect(add("mat-khau-quan-tri-1", "quantri", "--unit", "SGDDT").stderr).toMatch(/đã có/);
    expect(add("mat-khau-quan-tri-1", "nguoi3", "--unit", "KHONG_CO").stderr).toMatch(
      /không có đơn vị mã KHONG_CO/,
    );
  });
});
