// The embedded database belongs to one process: two PGlite instances on one data folder corrupt it.
// A lock file in the folder holds the owner's pid; a second process stops with a clear message.

import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { DomainError } from "../domain/errors.js";

const LOCK_NAME = ".kehoach.lock";

/** Whether a process with this pid is running (EPERM: it is, under another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the data folder for this process; returns the release function. */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, LOCK_NAME);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
        process.off("exit", release);
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number.parseInt(readFileSync(path, "utf8"), 10);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid)) {
        throw new DomainError(
          "store.locked",
          `Cơ sở dữ liệu ở ${dataDir} đang được tiến trình ${pid} sử dụng (kehoach serve?). Hãy dừng tiến trình đó, hoặc đặt DATABASE_URL để dùng PostgreSQL.`,
        );
      }
      // The owner died without cleaning up: the lock is stale.
      rmSync(path, { force: true });
    }
  }
  throw new DomainError("store.locked", `Không khóa được thư mục dữ liệu ${dataDir}.`);
}
