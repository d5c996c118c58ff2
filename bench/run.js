// `npm run bench`: parser throughput in MB/s over the sample plans (the real seeds in ../shared
// when present, else the project's own examples), repeated to at least 10 MB, and the ratio to a
// floor every parser pays: NFC-normalising, folding diacritics and splitting into lines; then how the
// parse time grows with the input, on pathological and real inputs up to the most it reads
// (bench/growth.js). Figures only: nothing here passes or fails.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parsePlan } from "../dist/parse/parse-plan.js";
import { foldDiacritics } from "../dist/text/fold.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const seeds = resolve(root, "..", "shared", "corpus", "seeds");
const sources = existsSync(seeds)
  ? readdirSync(seeds)
      .filter((f) => f.endsWith(".txt"))
      .map((f) => join(seeds, f))
  : [
      join(root, "examples", "ke-hoach-mau.txt"),
      join(root, "test", "fixtures", "quyet-dinh-ban-hanh-ke-hoach.txt"),
    ];
const docs = sources.map((f) => readFileSync(f, "utf8"));
const bytesOf = (s) => Buffer.byteLength(s, "utf8");
const corpusBytes = docs.reduce((n, d) => n + bytesOf(d), 0);
const TARGET = 10 * 1024 * 1024;
const rounds = Math.ceil(TARGET / corpusBytes);

// The same floor with the textbook fold (NFD, strip combining marks), for comparison with figures
// measured that way; kehoach's own fold is table-driven and several times faster.
function textbookFloor(text) {
  const folded = text
    .normalize("NFC")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d");
  return folded.split("\n").length;
}

function floor(text) {
  const folded = foldDiacritics(text.normalize("NFC"));
  return folded.split("\n").length;
}

function measure(fn) {
  let sink = 0;
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const d of docs) sink += fn(d) ? 1 : 0;
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { seconds, sink };
}

// Warm up the JIT on both, then alternate so load on the machine hits both alike.
for (let i = 0; i < 3; i++)
  for (const d of docs) {
    parsePlan(d);
    floor(d);
  }
const parseRuns = [];
const floorRuns = [];
const textbookRuns = [];
for (let i = 0; i < 3; i++) {
  floorRuns.push(measure(floor).seconds);
  textbookRuns.push(measure(textbookFloor).seconds);
  parseRuns.push(measure((d) => parsePlan(d).tasks.length >= 0).seconds);
}
const best = (xs) => Math.min(...xs);
const mb = (rounds * corpusBytes) / (1024 * 1024);
const parseRate = mb / best(parseRuns);
const floorRate = mb / best(floorRuns);
const textbookRate = mb / best(textbookRuns);

// Memory: the largest single parse, a plan made 20 times longer than the longest seed.
const longest = docs.reduce((a, b) => (a.length > b.length ? a : b));
const big = Array.from({ length: 20 }, () => longest).join("\n\n");
global.gc?.();
const before = process.memoryUsage().heapUsed;
const t0 = process.hrtime.bigint();
parsePlan(big);
const bigSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
const heap = (process.memoryUsage().heapUsed - before) / (1024 * 1024);

console.log(
  `corpus: ${docs.length} documents, ${(corpusBytes / 1024).toFixed(1)} KB, repeated ${rounds}× = ${mb.toFixed(1)} MB (${existsSync(seeds) ? "shared seeds" : "project examples"})`,
);
console.log(
  `parser:  ${parseRate.toFixed(2)} MB/s  (${((rounds * docs.length) / best(parseRuns)).toFixed(0)} documents/s)`,
);
console.log(`floor:   ${floorRate.toFixed(2)} MB/s  (NFC + fold diacritics + split lines)`);
console.log(`ratio:   ${(floorRate / parseRate).toFixed(2)}× the floor (aim: within 4×)`);
console.log(
  `         ${(textbookRate / parseRate).toFixed(2)}× the floor with the textbook fold (NFD + strip marks: ${textbookRate.toFixed(2)} MB/s)`,
);
console.log(
  `one ${(bytesOf(big) / 1024).toFixed(0)} KB plan: ${(bigSeconds * 1000).toFixed(0)} ms, heap growth ${heap.toFixed(1)} MB`,
);

console.log("");
const { benchGrowth } = await import("./growth.js");
benchGrowth(docs);

console.log("");
const { benchRestore } = await import("./restore.js");
benchRestore();

console.log("");
const { benchStore } = await import("./store.js");
await benchStore();

console.log("");
const { benchDashboard } = await import("./dashboard.js");
await benchDashboard();

console.log("");
const { benchReminders } = await import("./reminders.js");
await benchReminders();

console.log("");
const { benchXlsx } = await import("./xlsx.js");
await benchXlsx();

console.log("");
const { benchSummary } = await import("./summary.js");
await benchSummary();

console.log("");
const { benchBackup } = await import("./backup.js");
await benchBackup();

console.log("");
const { benchSubmit } = await import("./submit.js");
await benchSubmit();

console.log("");
const { benchLoad } = await import("./load.js");
await benchLoad();
