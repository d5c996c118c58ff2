// Old Word files (.doc, Word 97–2003) are still what many offices send. Debian's LibreOffice
// (libreoffice-writer-nogui) converts one to .docx, which is then read as any Word file, tables
// and numbering included. Without it (or with KEHOACH_SOFFICE=off) a .doc is refused with the reason.

import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

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

/** Converts a .doc to .docx bytes; null when LibreOffice cannot read it (an old Excel file, say). */
export async function docToDocx(bytes: Uint8Array): Promise<Uint8Array | null> {
  const dir = await mkdtemp(join(tmpdir(), "kehoach-doc-"));
  try {
    const input = join(dir, "plan.doc");
    await writeFile(input, bytes);
    await run(
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
      { timeout: 120_000 },
    );
    return await readFile(join(dir, "plan.docx")).catch(() => null);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
