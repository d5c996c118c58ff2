// The child process of the pool (compiled to dist/intake/reader-process.js and forked by
// pool.ts): reads one file at a time as the parent sends them. It leads a process group of its own;
// when told to abort, or when the parent is gone (the IPC channel closes), it kills the tools it
// runs and then the whole group, itself included, so that nothing it started outlives it.

import { killRunningTools } from "../extract/external-tool.js";
import { type FromReader, type ToReader, toSent } from "./protocol.js";
import { readPlanInProcess } from "./read-plan.js";

function send(message: FromReader): void {
  if (process.connected) process.send?.(message);
}

/** Ends the tools (reaped here, so none is left a zombie), then everything left in the group. */
async function endEverything(): Promise<never> {
  await killRunningTools();
  try {
    process.kill(-process.pid, "SIGKILL");
  } catch {
    // Not a group leader (run by hand): the process alone ends.
  }
  process.exit(1);
}

async function read(message: Extract<ToReader, { type: "read" }>): Promise<void> {
  const { job } = message;
  try {
    const reading = await readPlanInProcess(message.bytes, {
      fileName: message.fileName,
      workDir: message.workDir,
      onOcrPages: (pages) => send({ type: "ocr", job, pages }),
      onOcrPage: (done, pages) => send({ type: "page", job, done, pages }),
    });
    // A tool the work left running (it should not) ends with the job.
    await killRunningTools();
    send({ type: "done", job, reading });
  } catch (error) {
    await killRunningTools();
    send({ type: "failed", job, error: toSent(error) });
  }
}

process.on("message", (message: ToReader) => {
  if (message.type === "read") void read(message);
  else if (message.type === "abort") void endEverything();
});
process.on("disconnect", () => void endEverything());
send({ type: "ready" });
