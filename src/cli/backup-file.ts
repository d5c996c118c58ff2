// Writing a backup file so that a crash never costs the previous one: the new backup is written to a
// file of its own beside it (FILE.partial-<pid>), flushed to disk, and only then renamed over FILE,
// and the directory flushed so the rename itself survives a power cut. Killed halfway, a backup
// leaves FILE as it was and a partial file, which the next backup removes.

import { constants } from "node:fs";
import { type FileHandle, open, readdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { Writable } from "node:stream";
import { processAlive } from "../db/data-lock.js";

const partialName = (file: string, pid: number) => `${basename(file)}.partial-${pid}`;

/** Removes partial files of FILE left by backups that died (a running one keeps its own). */
export async function removeStalePartials(file: string): Promise<string[]> {
  const dir = dirname(resolve(file));
  const prefix = `${basename(file)}.partial-`;
  const removed: string[] = [];
  for (const name of await readdir(dir)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (!Number.isInteger(pid) || pid <= 0 || (pid !== process.pid && processAlive(pid))) continue;
    await rm(join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

function fileSink(handle: FileHandle, counted: { bytes: number }): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      handle.write(chunk).then(() => {
        counted.bytes += chunk.length;
        done();
      }, done);
    },
  });
}

/**
 * Writes FILE whole or not at all: `await writeAtomically(file, (out) => writeBackup(ctx, kind, out))`.
 * `produce` writes to the stream and ends it; returns its result and the bytes written.
 */
export async function writeAtomically<T>(
  file: string,
  produce: (out: Writable) => Promise<T>,
): Promise<{ result: T; bytes: number }> {
  const target = resolve(file);
  await removeStalePartials(target);
  const partial = join(dirname(target), partialName(target, process.pid));
  // A backup holds every account's password hash and every document: its owner alone reads it.
  const handle = await open(partial, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC, 0o600);
  const counted = { bytes: 0 };
  try {
    const result = await produce(fileSink(handle, counted));
    await handle.sync();
    await handle.close();
    await rename(partial, target);
    await syncDirectory(dirname(target));
    return { result, bytes: counted.bytes };
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(partial, { force: true });
    throw error;
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
