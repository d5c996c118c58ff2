// Diacritic restoration: how many syllables come back right, and how fast. Each text has its marks
// stripped, is restored with the shipped model, and is compared syllable by syllable.
// - unseen: data/restore-corpus/heldout.txt.gz, documents never trained on (SOURCES.md says how
//   they were set aside), and ../shared's real plans (dev corpus and seeds) where present;
// - seen: the first documents of the training text, for comparison.
// Also: the model's load time. Figures only. `node bench/restore.js` (BENCH_RESTORE_DOCS: held-out
// documents read, default all).

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { measureAccuracy } from "../dist/text/restore/accuracy.js";
import { deserializeModel } from "../dist/text/restore/model.js";
import { modelPath } from "../dist/text/restore/model-file.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const corpus = join(root, "data", "restore-corpus");
const shared = resolve(root, "..", "shared", "corpus");

function documents(file) {
  return gunzipSync(readFileSync(file))
    .toString("utf8")
    .split(/\n\f\n/)
    .filter((d) => d.trim());
}

function sharedPlans() {
  const out = [];
  for (const dir of ["dev", "seeds"]) {
    const at = join(shared, dir);
    if (!existsSync(at)) continue;
    // Seed 004 is OCR text that lost its marks: it cannot be stripped and compared.
    for (const f of readdirSync(at))
      if (f.endsWith(".txt") && !f.startsWith("004")) out.push(readFileSync(join(at, f), "utf8"));
  }
  return out;
}

const percent = (x) => `${(x * 100).toFixed(2)} %`;

export function benchRestore() {
  console.log("Diacritic restoration (syllables restored exactly after stripping every mark)");
  const t0 = performance.now();
  const model = deserializeModel(readFileSync(modelPath()));
  const loadMs = performance.now() - t0;
  const facts = JSON.parse(readFileSync(join(dirname(modelPath()), "restore-model.json"), "utf8"));
  console.log(
    `  model: ${facts.syllables} training syllables in ${facts.documents} documents, ${facts.vocabulary} syllables, ${facts.trigrams} trigrams; loads in ${loadMs.toFixed(0)} ms`,
  );
  const limit = Number(process.env.BENCH_RESTORE_DOCS ?? Infinity);
  const sets = [
    ["unseen, held-out documents", documents(join(corpus, "heldout.txt.gz")).slice(0, limit)],
    ["unseen, ../shared real plans", sharedPlans()],
    ["seen, training documents", documents(join(corpus, "train-01.txt.gz")).slice(0, 20)],
  ];
  for (const [name, texts] of sets) {
    if (!texts.length) {
      console.log(`  ${name}: absent`);
      continue;
    }
    const started = performance.now();
    const a = measureAccuracy(model, texts);
    const seconds = (performance.now() - started) / 1000;
    const unsure = a.uncertain ? a.uncertainCorrect / a.uncertain : 0;
    console.log(
      `  ${name}: ${texts.length} documents, ${a.syllables} syllables: ${percent(a.accuracy)} right; ` +
        `${percent(a.uncertain / a.syllables)} marked unsure (${percent(unsure)} of them right), ` +
        `${percent(a.silentErrors / a.syllables)} wrong and unmarked; ${Math.round(a.syllables / seconds)} syllables/s`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) benchRestore();
