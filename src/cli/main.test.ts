// The `kehoach` command as a user runs it: a real process, real files, exit codes and messages.

import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../test/shared-corpus.js";
import { ParsedPlanSchema } from "../domain/plan.js";

const BIN = join(PROJECT_ROOT, "bin", "kehoach.js");
const tmp = mkdtempSync(join(tmpdir(), "kehoach-cli-"));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: string | Buffer): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

describe("kehoach parse", () => {
  it("prints the plan as kehoach.plan/v1 JSON with --json", () => {
    const r = run("parse", "--json", join(PROJECT_ROOT, "examples", "ke-hoach-mau.txt"));
    expect(r.code).toBe(0);
    const plan = ParsedPlanSchema.parse(JSON.parse(r.stdout));
    expect(plan.document.number).toBe("145/KH-SGDĐT");
    expect(plan.tasks).toHaveLength(4);
  });

  it("prints a readable Vietnamese summary by default", () => {
    const r = run("parse", join(PROJECT_ROOT, "examples", "ke-hoach-mau.txt"));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Nhiệm vụ (4):");
    expect(r.stdout).toContain("Chủ trì: Phòng Giáo dục Tiểu học");
  });

  it("reads UTF-16 text with a byte order mark", () => {
    const text =
      "KẾ HOẠCH\nThử nghiệm\n\nI. NHIỆM VỤ\n1. Tập huấn\n- Chủ trì: Văn phòng Sở\n- Thời gian: Quý I/2025\n";
    const path = file("utf16.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    const r = run("parse", "--json", path);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).tasks[0].leads).toEqual(["Văn phòng Sở"]);
  });
});

describe("kehoach parse on web pages and Markdown", () => {
  it("reads a .md file as Markdown and a saved page's document, by the file's name", () => {
    const md = run(
      "parse",
      "--json",
      join(PROJECT_ROOT, "test", "fixtures", "qd254-2023-ubnd-sonla-ke-hoach-bao-ve-bmnn.md"),
    );
    expect(md.code).toBe(0);
    expect(JSON.parse(md.stdout).document).toMatchObject({ number: "254/QĐ-UBND", date: "2023-02-17" });
    const page = file(
      "ke-hoach.htm",
      "<nav>Trang chủ</nav><p>KẾ HOẠCH<br>Thử nghiệm</p><p>I. NHIỆM VỤ</p><p>1. Tập huấn<br>- Chủ trì: Văn phòng Sở</p>",
    );
    const html = run("parse", "--json", page);
    expect(html.code).toBe(0);
    expect(JSON.parse(html.stdout).tasks[0].leads).toEqual(["Văn phòng Sở"]);
  });

  it("says when a saved page holds no plan", () => {
    const r = run("parse", join(PROJECT_ROOT, "test", "fixtures", "congbao-sonla-danh-muc-van-ban.html"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/không tìm thấy kế hoạch/);
  });
});

describe("kehoach parse on bad input", () => {
  const oneLine = (s: string) => s.trim().split("\n").length === 1;

  it.each([
    ["an empty file", () => file("empty.txt", ""), /rỗng/],
    [
      "a binary file",
      () => file("binary.bin", Buffer.from([0, 1, 2, 3, 255, 254, 0, 7, 8, 9, 0, 0, 1])),
      /nhị phân|giải mã/,
    ],
    [
      "undecodable bytes",
      () => file("latin.txt", Buffer.from([0x4b, 0xc3, 0x28, 0xa0, 0xa1, 0x20, 0x68, 0x6f])),
      /giải mã/,
    ],
    ["a missing file", () => join(tmp, "missing.txt"), /không mở được/],
    ["a directory", () => tmp, /thư mục/],
    ["a broken PDF", () => file("x.pdf", "%PDF-1.7\n%âãÏÓ\n"), /PDF/],
  ])("%s gives a one-line error and a non-zero exit", (_name, make, message) => {
    const r = run("parse", make());
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe("");
    expect(oneLine(r.stderr)).toBe(true);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it("says when a readable text holds no plan", () => {
    const r = run(
      "parse",
      file("letter.txt", "Kính gửi các trường,\n\nĐề nghị các trường gửi số liệu trước ngày 15/12/2025.\n"),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/không tìm thấy kế hoạch/);
    expect(oneLine(r.stderr)).toBe(true);
  });

  it("rejects a wrong command line with usage", () => {
    expect(run("parse").code).toBe(2);
    expect(run("frobnicate").code).toBe(2);
    expect(run("--help").stdout).toContain("kehoach parse FILE");
  });
});

describe("kehoach repair", () => {
  it("prints a plan typed without diacritics with them restored, and with --json each change", () => {
    const path = join(PROJECT_ROOT, "test", "fixtures", "ke-hoach-khong-dau.txt");
    const text = run("repair", path);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("KẾ HOẠCH");
    const json = run("repair", "--json", path);
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout);
    expect(out.restored).toBe(true);
    expect(out.text).toHaveLength(out.original.length);
    const change = out.changes.find((c: { from: string }) => c.from === "HOACH");
    expect(change).toMatchObject({ to: "HOẠCH" });
    expect(out.original.slice(change.start, change.end)).toBe("HOACH");
  });
});
