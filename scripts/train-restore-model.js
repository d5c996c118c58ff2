#!/usr/bin/env node
// Trains the diacritic-restoration model at build time (`npm run build` runs this after tsc):
// data/restore-corpus/train-*.txt.gz → dist/restore-model.bin, with dist/restore-model.json saying
// what it was trained on. Skipped when the corpus and the training code are what the last model
// was built from, so a build that changed nothing here costs a hash, not a training.

import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const corpusDir = join(root, "data", "restore-corpus");
const out = join(root, "dist", "restore-model.bin");
const facts = join(root, "dist", "restore-model.json");
// The compiled code the model depends on: a change to any of them retrains.
const code = ["train", "tokens", "inventory", "letters", "model"].map((m) =>
  join(root, "dist", "text", "restore", `${m}.js`),
);
code.push(join(root, "dist", "text", "syllable.js"), join(root, "dist", "text", "tone.js"));

const files = readdirSync(corpusDir)
  .filter((f) => /^train-\d+\.txt\.gz$/.test(f))
  .sort();
if (files.length === 0) {
  console.error(`train-restore-model: no training text in ${corpusDir}`);
  process.exit(1);
}
const hash = createHash("sha256");
for (const path of [...files.map((f) => join(corpusDir, f)), ...code]) hash.update(readFileSync(path));
const digest = hash.digest("hex");
if (existsSync(out) && existsSync(facts) && JSON.parse(readFileSync(facts, "utf8")).source === digest)
  process.exit(0);

const { ModelTrainer } = await import(join(root, "dist", "text", "restore", "train.js"));
const { serializeModel } = await import(join(root, "dist", "text", "restore", "model.js"));
const started = performance.now();
const trainer = new ModelTrainer();
let documents = 0;
for (const file of files) {
  const text = gunzipSync(readFileSync(join(corpusDir, file))).toString("utf8");
  for (const document of text.split(/\n\f\n/)) {
    if (!document.trim()) continue;
    trainer.add(document);
    documents++;
  }
}
const tables = trainer.build(1);
writeFileSync(out, serializeModel(tables));
const summary = {
  source: digest,
  files,
  documents,
  syllables: trainer.syllables,
  vocabulary: tables.vocab.length,
  bigrams: tables.bigramKeys.length,
  trigrams: tables.trigramKeys.length,
  seconds: Math.round((performance.now() - started) / 100) / 10,
};
writeFileSync(facts, `${JSON.stringify(summary, null, 2)}\n`);
console.log(
  `restore model: ${documents} documents, ${summary.syllables} syllables → ${summary.trigrams} trigrams (${summary.seconds} s)`,
);
