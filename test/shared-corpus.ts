// Where the real documents of ../shared live, and whether this checkout has them. A user's fresh
// clone has no ../shared: tests that need it skip with a notice.

import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const SHARED = process.env.KEHOACH_SHARED ?? resolve(PROJECT_ROOT, "..", "shared");
export const SEEDS = join(SHARED, "corpus", "seeds");
export const GOLD = join(SHARED, "eval", "gold", "seeds");
export const HAS_SHARED = existsSync(SEEDS) && existsSync(GOLD);

if (!HAS_SHARED) {
  console.warn(`[kehoach] ${SEEDS} not found: tests on the real plans in ../shared are skipped.`);
}

/** Real DOCX and PDF files as agencies send them. */
export const FILES = join(SHARED, "corpus", "files");
export const HAS_FILES = existsSync(FILES);
