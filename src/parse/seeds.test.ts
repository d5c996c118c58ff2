// The parser on the real plans of ../shared/corpus/seeds, checked against the gold annotations
// field by field (the scorer in ../shared/eval gives the overall figure).

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GOLD, HAS_SHARED, SEEDS } from "../../test/shared-corpus.js";
import { foldKey } from "../text/fold.js";
import { parsePlan } from "./parse-plan.js";
import { diceSimilarity } from "./similarity.js";

interface GoldTask {
  id: string;
  leads: string[];
  timeframe: { kind: string; due?: string; dates?: string[] } | null;
}

const docs = HAS_SHARED
  ? readdirSync(SEEDS)
      .filter((f) => f.endsWith(".txt"))
      .sort()
  : [];

describe.skipIf(!HAS_SHARED)("real plans in ../shared/corpus/seeds", () => {
  for (const file of docs) {
    const name = file.replace(/\.txt$/, "");
    const gold = JSON.parse(readFileSync(join(GOLD, `${name}.json`), "utf8"));
    const plan = parsePlan(readFileSync(join(SEEDS, file), "utf8"));

    describe(name, () => {
      it("reads number, date and year", () => {
        const num = (s: string | null) => (s ? foldKey(s).replace(/ /g, "") : null);
        expect(num(plan.document.number)).toBe(num(gold.document.number));
        expect(plan.document.date).toBe(gold.document.date);
        expect(plan.document.year).toBe(gold.document.year);
      });

      it("finds every task with its id", () => {
        expect(plan.tasks.map((t) => t.id)).toEqual(gold.tasks.map((t: GoldTask) => t.id));
      });

      it("reads each task's timeframe", () => {
        const key = (tf: GoldTask["timeframe"]) =>
          tf ? `${tf.kind}:${tf.due ?? tf.dates?.join(",") ?? ""}` : "null";
        expect(plan.tasks.map((t) => key(t.timeframe))).toEqual(
          gold.tasks.map((t: GoldTask) => key(t.timeframe)),
        );
      });

      it("reads each task's leads (OCR text: 95% the same letters to within the scorer's 0.85)", () => {
        let pairs = 0;
        const misses: string[] = [];
        gold.tasks.forEach((g: GoldTask, k: number) => {
          const leads = plan.tasks[k]?.leads ?? [];
          expect(leads, g.id).toHaveLength(g.leads.length);
          g.leads.forEach((u, i) => {
            pairs++;
            if (diceSimilarity(u, leads[i] ?? "") < 0.85) misses.push(`${g.id}: ${u} ~ ${leads[i]}`);
          });
        });
        expect(misses.length / Math.max(pairs, 1), misses.join("; ")).toBeLessThanOrEqual(0.05);
      });

      it("finds every numbered reference and what the plan implements", () => {
        const set = (refs: Array<{ number: string }>) => refs.map((r) => foldKey(r.number)).sort();
        expect(set(plan.references)).toEqual(set(gold.references));
        expect(set(plan.references.filter((r) => r.relation === "implements"))).toEqual(
          set(gold.references.filter((r: { relation: string }) => r.relation === "implements")),
        );
      });

      it("reads the reporting dates", () => {
        const keys = (list: Array<{ timeframe: { due?: string; dates?: string[] } }>) =>
          [
            ...new Set(list.flatMap((r) => r.timeframe.dates ?? (r.timeframe.due ? [r.timeframe.due] : []))),
          ].sort();
        expect(keys(plan.reporting)).toEqual(keys(gold.reporting));
      });

      it("reads as many recipients as the plan lists", () => {
        expect(plan.document.recipients).toHaveLength(gold.document.recipients.length);
      });
    });
  }
});
