// `kehoach backup FILE` and `kehoach restore FILE [--replace]`: the store the environment names
// (./data, KEHOACH_DATA or DATABASE_URL, as every command) to one file and back.

import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import { type Store, storeOptionsFromEnv } from "../db/connection.js";
import { DomainError } from "../domain/errors.js";
import { restoreBackup, writeBackup } from "../services/backup.service.js";
import { writeAtomically } from "./backup-file.js";
import { cliContext, openCliStore } from "./open-store.js";

const count = (n: number) => n.toLocaleString("vi-VN");
const megabytes = (bytes: number) =>
  `${(bytes / 1048576).toLocaleString("vi-VN", { maximumFractionDigits: 1, minimumFractionDigits: 1 })} MB`;

/** The store as it stands (no migration: a backup copies it, a restore rebuilds it). */
async function openStoreFor(action: string): Promise<Store> {
  try {
    return await openCliStore(process.env, { migrate: false });
  } catch (error) {
    // The embedded store belongs to the one process that opened it: a running server keeps it.
    if (error instanceof DomainError && error.id === "store.locked")
      throw new DomainError(
        "store.locked",
        `Không ${action} được: thư mục dữ liệu ${storeOptionsFromEnv().dataDir} đang được máy chủ kehoach (hoặc một lệnh kehoach khác) sử dụng. Hãy dừng máy chủ (kehoach serve) rồi chạy lại lệnh.`,
      );
    throw error;
  }
}

export async function backupCommand(args: string[], out: (s: string) => void): Promise<number> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true });
  const file = positionals[0];
  if (!file || positionals.length > 1)
    throw new DomainError("cli.usage", "cần đúng một tệp: kehoach backup FILE");
  const store = await openStoreFor("sao lưu");
  try {
    const { result, bytes } = await writeAtomically(file, (destination) =>
      writeBackup(cliContext(store), store.kind, destination),
    );
    out(
      `Đã sao lưu ${count(result.tables)} bảng, ${count(result.rows)} dòng (${megabytes(bytes)}) từ ${store.location} vào ${file}.`,
    );
    out("Phiên đăng nhập không được sao lưu: sau khi khôi phục, mọi người đăng nhập lại.");
  } finally {
    await store.close();
  }
  return 0;
}

export async function restoreCommand(args: string[], out: (s: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { replace: { type: "boolean" } },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (!file || positionals.length > 1)
    throw new DomainError("cli.usage", "cần đúng một tệp: kehoach restore FILE [--replace]");
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new DomainError("file.not_found", `không mở được tệp ${file}`);
  const store = await openStoreFor("khôi phục");
  try {
    const r = await restoreBackup(cliContext(store), () => createReadStream(file), {
      replace: values.replace === true,
    });
    out(
      `Đã khôi phục ${count(r.tables)} bảng, ${count(r.rows)} dòng từ ${file} (sao lưu lúc ${r.createdAt}, từ ${
        r.source === "pglite" ? "thư mục dữ liệu" : "PostgreSQL"
      }) vào ${store.location}.`,
    );
    if (r.upgradedBy.length)
      out(
        `Bản sao lưu ở mức cấu trúc ${r.level}: đã nâng lên ${r.upgradedBy.at(-1)} (${r.upgradedBy.length} bước).`,
      );
  } finally {
    await store.close();
  }
  return 0;
}
