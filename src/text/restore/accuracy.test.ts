// The bar, held by a test: at least 95 % of syllables restored exactly on administrative
// text the model was never trained on (data/restore-corpus/heldout.txt.gz, set aside by document).

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { measureAccuracy, stripMarks } from "./accuracy.js";
import { loadRestoreModel } from "./model-file.js";

const heldOut = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "..",
  "data",
  "restore-corpus",
  "heldout.txt.gz",
);

describe("stripMarks", () => {
  it("strips every mark and keeps case and length", () => {
    expect(stripMarks("Kế hoạch Đào tạo, ƯU TIÊN ỨNG DỤNG")).toBe("Ke hoach Dao tao, UU TIEN UNG DUNG");
  });
});

describe("restoring unseen administrative text", () => {
  it("gets at least 95 % of the syllables right, and marks most of its mistakes", () => {
    const documents = gunzipSync(readFileSync(heldOut))
      .toString("utf8")
      .split(/\n\f\n/);
    // About 25,000 syllables: enough to hold the figure, quick enough for every run.
    const sample: string[] = [];
    let words = 0;
    for (const d of documents) {
      if (words > 25_000) break;
      sample.push(d);
      words += d.split(/\s+/).length;
    }
    const a = measureAccuracy(loadRestoreModel(), sample);
    expect(a.syllables).toBeGreaterThan(20_000);
    expect(a.accuracy).toBeGreaterThanOrEqual(0.95);
    // Of the wrong syllables, most are marked for review rather than passed on silently.
    const wrong = a.syllables - a.correct;
    expect(a.silentErrors).toBeLessThan(wrong / 2);
  });
});
