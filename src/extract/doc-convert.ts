// Old Word files (.doc, Word 97–2003) are still what many offices send. Debian's LibreOffice
// (libreoffice-writer-nogui) converts one to .docx, which is then read as any Word file, tables
// and numbering included. Without it (or with KEHOACH_SOFFICE=off) a .doc is refused with the reason.
// The conversion runs under a memory ceiling and a time limit (external-tool.ts).

import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { runTool } from "./external-tool.js";
import { TOOL_MEMORY_BYTES } from "./limits.js";

const run = promisify(execFile);

let available: Promise<boolean> | null = null;

/** Whether this machine can convert old Word files: LibreOffice's soffice is installed. */
export function docConversionAvailable(): Promise<boolean> {
  if (process.env.KEHOACH_SOFFICE === "off") return Promise.resolve(false);
  available ??= run("soffice", ["--version"], { timeout: 30_000 }).then(
    () => true,
    () => false,
  );
  return available;
}

/**
 * Converts a .doc to .docx bytes; null when LibreOffice cannot read it (an old Excel file, say).
 * `workDir`: a folder of the job's own (removed by whoever made it); else a temporary one is made.
 */
export async function docToDocx(bytes: Uint8Array, workDir?: string): Promise<Uint8Array | null> {
  const dir = await mkdtemp(join(workDir ?? tmpdir(), "kehoach-doc-"));
  try {
    const input = join(dir, "plan.doc");
    await writeFile(input, bytes);
    await runTool(
      "soffice",
      [
        // A profile of its own: conversions never wait on each other's lock, nor on a user's.
        `-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "docx",
        "--outdir",
        dir,
        input,
      ],
      { memoryBytes: TOOL_MEMORY_BYTES.soffice, timeoutMs: 120_000 },
    );
    return await readFile(join(dir, "plan.docx")).catch(() => null);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
