// Scanned PDFs read by OCR: Debian's poppler-utils renders each page (pdftoppm, 300 dpi, grey) and
// Debian's Tesseract with its Vietnamese model reads it. A third of the PDFs an office publishes
// are scans; without these packages (or with KEHOACH_OCR=off) a scan is refused with the reason.
// Install: apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils

import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Pages beyond this are not read: a plan is tens of pages; a scan of hundreds is a book. */
export const MAX_OCR_PAGES = 40;
const PAGE_TIMEOUT_MS = 120_000;

let available: Promise<boolean> | null = null;

/** Whether this machine can read scans: pdftoppm, and Tesseract with the Vietnamese model. */
export function ocrAvailable(): Promise<boolean> {
  if (process.env.KEHOACH_OCR === "off") return Promise.resolve(false);
  available ??= Promise.all([
    run("pdftoppm", ["-v"]).then(
      () => true,
      () => false,
    ),
    run("tesseract", ["--list-langs"]).then(
      ({ stdout }) => /^vie$/m.test(stdout),
      () => false,
    ),
  ]).then(([pdftoppm, tesseract]) => pdftoppm && tesseract);
  return available;
}

/** Reads a scanned PDF's pages by OCR, in order, a page per core at a time. */
export async function ocrPdf(bytes: Uint8Array): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "kehoach-ocr-"));
  try {
    const pdf = join(dir, "scan.pdf");
    await writeFile(pdf, bytes);
    await run(
      "pdftoppm",
      ["-r", "300", "-gray", "-png", "-l", String(MAX_OCR_PAGES), pdf, join(dir, "page")],
      {
        timeout: PAGE_TIMEOUT_MS * 2,
      },
    );
    // pdftoppm numbers pages with as many digits as the last one needs: sort by number.
    const images = (await readdir(dir))
      .filter((f) => f.endsWith(".png"))
      .sort((a, b) => Number(a.replace(/\D/g, "")) - Number(b.replace(/\D/g, "")));
    const texts: string[] = new Array(images.length).fill("");
    let next = 0;
    const worker = async () => {
      while (next < images.length) {
        const i = next++;
        const { stdout } = await run("tesseract", [join(dir, images[i] ?? ""), "-", "-l", "vie"], {
          timeout: PAGE_TIMEOUT_MS,
          maxBuffer: 16 * 1024 * 1024,
          // One thread per Tesseract: the pages run side by side instead.
          env: { ...process.env, OMP_THREAD_LIMIT: "1" },
        });
        texts[i] = stdout;
      }
    };
    await Promise.all(Array.from({ length: Math.min(availableParallelism(), images.length) }, worker));
    return texts.join("\n\n").normalize("NFC");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
