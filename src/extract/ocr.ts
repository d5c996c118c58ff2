// Scanned PDFs read by OCR: Debian's poppler-utils renders each page (pdftoppm, grey) and Debian's
// Tesseract with its Vietnamese model reads it. A third of the PDFs an office publishes are scans;
// without these packages (or with KEHOACH_OCR=off) a scan is refused with the reason.
// Install: apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils
// Each page renders at 300 dpi or less, so that no page becomes more than MAX_OCR_PIXELS (a poster
// page is refused rather than rendered to gigabytes), and each tool runs under a memory ceiling.

import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { runTool } from "./external-tool.js";
import { MAX_OCR_PIXELS, MIN_OCR_DPI, OCR_DPI, pdfRefusals, TOOL_MEMORY_BYTES } from "./limits.js";

const run = promisify(execFile);

/** Pages beyond this are not read: a plan is tens of pages; a scan of hundreds is a book. */
export const MAX_OCR_PAGES = 40;
const PAGE_TIMEOUT_MS = 120_000;

/** A page's size in PDF points (1/72 inch), as it is shown (its crop box). */
export interface PageSize {
  width: number;
  height: number;
}

export interface OcrOptions {
  /** A folder of the job's own (removed by whoever made it); else a temporary one is made here. */
  workDir?: string;
  /** Told as each page is read: `(done, pages)` (pages run side by side, so not in page order). */
  onPageRead?: (done: number, pages: number) => void;
}

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

/**
 * The resolution page `number` renders at: 300 dpi, less where that would make more than
 * MAX_OCR_PIXELS; a page that would need less than MIN_OCR_DPI is refused (pdf.page_too_large).
 * `renderDpi({ width: 595, height: 842 }, 1)` → 300 (A4); 5000 × 5000 pt → refused.
 */
export function renderDpi(size: PageSize, number: number): number {
  const squareInches = (Math.abs(size.width) / 72) * (Math.abs(size.height) / 72);
  const dpi = Math.min(OCR_DPI, Math.floor(Math.sqrt(MAX_OCR_PIXELS / Math.max(squareInches, 1e-6))));
  if (dpi < MIN_OCR_DPI)
    throw pdfRefusals.pageTooLarge(number, (size.width / 72) * 2.54, (size.height / 72) * 2.54);
  return dpi;
}

/**
 * Reads a scanned PDF's pages by OCR, in order, a page per core at a time:
 * `await ocrPdf(bytes, [{ width: 595, height: 842 }])`. Every page's size is checked before the
 * first is rendered; the first page that fails stops the others.
 */
export async function ocrPdf(
  bytes: Uint8Array,
  pages: readonly PageSize[],
  options: OcrOptions = {},
): Promise<string> {
  const dpis = pages.slice(0, MAX_OCR_PAGES).map((size, i) => renderDpi(size, i + 1));
  const dir = await mkdtemp(join(options.workDir ?? tmpdir(), "kehoach-ocr-"));
  const stop = new AbortController();
  try {
    const pdf = join(dir, "scan.pdf");
    await writeFile(pdf, bytes);
    const readPage = async (i: number): Promise<string> => {
      const image = join(dir, `page-${i + 1}`);
      // -cropbox: the page as shown, the size its resolution was worked out from.
      const page = String(i + 1);
      const dpi = String(dpis[i]);
      await runTool(
        "pdftoppm",
        ["-f", page, "-l", page, "-r", dpi, "-cropbox", "-gray", "-png", "-singlefile", pdf, image],
        { memoryBytes: TOOL_MEMORY_BYTES.pdftoppm, timeoutMs: PAGE_TIMEOUT_MS, signal: stop.signal },
      );
      const text = await runTool("tesseract", [`${image}.png`, "-", "-l", "vie"], {
        memoryBytes: TOOL_MEMORY_BYTES.tesseract,
        timeoutMs: PAGE_TIMEOUT_MS,
        signal: stop.signal,
        // One thread per Tesseract: the pages run side by side instead.
        env: { ...process.env, OMP_THREAD_LIMIT: "1" },
      });
      await rm(`${image}.png`, { force: true });
      return text;
    };
    const texts: string[] = new Array(dpis.length).fill("");
    let next = 0;
    let done = 0;
    const worker = async () => {
      while (next < dpis.length) {
        const i = next++;
        texts[i] = await readPage(i);
        options.onPageRead?.(++done, dpis.length);
      }
    };
    const workers = Array.from({ length: Math.min(availableParallelism(), dpis.length) }, worker);
    await Promise.all(workers).catch(async (error: unknown) => {
      // The first failure stops the other pages, and their tools are gone before the folder is.
      stop.abort();
      await Promise.allSettled(workers);
      throw error;
    });
    return texts.join("\n\n").normalize("NFC");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
