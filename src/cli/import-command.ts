// `kehoach import FILE...`: each file in its own transaction; a bad file gets its reason and the
// batch goes on. A progress bar on a terminal, one line per file otherwise.

import { basename } from "node:path";
import { DomainError } from "../domain/errors.js";
import { importPlanFile, readDirectory } from "../services/plan-import.service.js";
import { cliContext, openCliStore } from "./open-store.js";
import { readDocumentFile } from "./read-file.js";

function bar(done: number, total: number, width = 24): string {
  const filled = Math.round((done / Math.max(total, 1)) * width);
  return `[${"█".repeat(filled)}${"░".repeat(width - filled)}] ${done}/${total}`;
}

export async function importCommand(
  files: string[],
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  if (!files.length) throw new DomainError("cli.usage", "cần ít nhất một tệp: kehoach import FILE...");
  const store = await openCliStore();
  const tty = process.stderr.isTTY === true;
  let imported = 0;
  let duplicates = 0;
  let failed = 0;
  try {
    const ctx = cliContext(store);
    const dir = await readDirectory(ctx);
    for (const [i, file] of files.entries()) {
      if (tty) process.stderr.write(`\r${bar(i, files.length)} ${basename(file).slice(0, 40).padEnd(40)}`);
      try {
        const r = await importPlanFile(ctx, dir, null, basename(file), readDocumentFile(file));
        if (r.status === "duplicate") {
          duplicates++;
          out(`= ${file}: đã có (kế hoạch #${r.planId}), không nhập lại`);
        } else {
          imported++;
          out(
            `✓ ${file}: kế hoạch #${r.planId}, ${r.tasks} nhiệm vụ${r.review ? `, ${r.review} mục cần xem lại` : ""}`,
          );
        }
      } catch (error) {
        failed++;
        const reason =
          error instanceof DomainError
            ? error.message
            : `lỗi: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
        err(`✗ ${file}: ${reason}`);
      }
    }
    if (tty) process.stderr.write(`\r${bar(files.length, files.length)}${" ".repeat(42)}\n`);
  } finally {
    await store.close();
  }
  out(`Đã nhập ${imported} kế hoạch, ${duplicates} đã có, ${failed} lỗi (${store.location}).`);
  return failed ? 1 : 0;
}
