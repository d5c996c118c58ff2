// Seed 004 of ../shared: a plan scanned from a poor copy, its OCR text mostly without diacritics
// ("Thuc hién Nghi quyet so 07-NQ/TU ngay 01/8/2022 cua Ban Chap hanh Pang bo thanh pho"). Restored,
// its title and task titles must read as the plan's own words (the gold annotation has them with
// their marks), and parsing must find what it found before.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GOLD, HAS_SHARED, SEEDS } from "../../../test/shared-corpus.js";
import { parsePlanWithText } from "../../parse/parse-plan.js";
import { normalizeTones } from "../tone.js";
import { restoreWithShippedModel } from "./model-file.js";

const SEED = "004_e1e758192b84d9f3";

/** Share of the gold's syllables found, marks and all, in the same order (a longest common subsequence). */
function syllablesRight(got: string, gold: string): number {
  const words = (s: string) =>
    normalizeTones(s.normalize("NFC"))
      .toLowerCase()
      .match(/\p{L}+/gu) ?? [];
  const a = words(got);
  const b = words(gold);
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++)
      row[j] =
        x === b[j - 1] ? (prev[j - 1] as number) + 1 : Math.max(prev[j] as number, row[j - 1] as number);
    prev = row;
  }
  return b.length ? (prev[b.length] as number) / b.length : 1;
}

describe.skipIf(!HAS_SHARED)("seed 004 (OCR without diacritics), restored", () => {
  const text = HAS_SHARED ? readFileSync(join(SEEDS, `${SEED}.txt`), "utf8") : "";
  const gold = HAS_SHARED ? JSON.parse(readFileSync(join(GOLD, `${SEED}.json`), "utf8")) : null;
  const before = parsePlanWithText(text);
  const after = parsePlanWithText(text, { restore: restoreWithShippedModel });

  it("reads as the plan's own words: its title and task titles come back with their marks", () => {
    expect(after.restoration?.changed).toBeGreaterThan(1000);
    const title = syllablesRight(after.plan.document.title ?? "", gold.document.title);
    const titleBefore = syllablesRight(before.plan.document.title ?? "", gold.document.title);
    expect(title).toBeGreaterThanOrEqual(0.8);
    expect(title).toBeGreaterThan(titleBefore + 0.4);
    const tasks = after.plan.tasks.map((t) => t.title).join(" ");
    const goldTasks = gold.tasks.map((t: { title: string }) => t.title).join(" ");
    // The gold's task titles run on where the parser's stop: 0.74 of the gold's syllables are found
    // restored, 0.13 in the OCR text as it was.
    const tasksBefore = syllablesRight(before.plan.tasks.map((t) => t.title).join(" "), goldTasks);
    expect(syllablesRight(tasks, goldTasks)).toBeGreaterThanOrEqual(0.7);
    expect(syllablesRight(tasks, goldTasks)).toBeGreaterThan(tasksBefore + 0.4);
  });

  it("parses at least as well as the OCR text: the same tasks, references and leads", () => {
    expect(after.plan.tasks.length).toBe(before.plan.tasks.length);
    expect(after.plan.references.map((r) => r.number)).toEqual(before.plan.references.map((r) => r.number));
    expect(after.plan.document.number).toBe(before.plan.document.number);
    expect(after.plan.tasks.map((t) => t.timeframe?.kind)).toEqual(
      before.plan.tasks.map((t) => t.timeframe?.kind),
    );
  });

  it("keeps the OCR text beside it, offset for offset", () => {
    const restoration = after.restoration;
    expect(restoration?.original).toHaveLength(after.text.length);
    for (const word of restoration?.words ?? [])
      expect(restoration?.original.slice(word.start, word.end)).toBe(word.from);
  });
});
