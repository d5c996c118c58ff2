// Runs of text as PDF.js gives them, made alike whatever the face: the places below are PDF.js's
// own, from plans Chromium printed in Nimbus Sans, FreeSans and DejaVu Sans (type size 12 or 11).

import { describe, expect, it } from "vitest";
import { joinFragments, type PlacedText, splitAt, startingAt } from "./pdf-runs.js";

const run = (str: string, x: number, width: number, y = 600, size = 12): PlacedText => ({
  str,
  x,
  y,
  size,
  width,
});

describe("joinFragments", () => {
  it("joins the pieces a fallback face leaves of a word, and words a space apart", () => {
    // "Nội dung" and "Đơn vị chủ trì" set in a face without "ộ", "ơ", "ị", "ủ".
    const joined = joinFragments([
      run("N", 138.73, 8.66),
      run("ộ", 147.39, 6.0),
      run("i dung", 153.39, 32.28),
      run("Đ", 322.08, 8.66),
      run("ơ", 330.74, 6.64),
      run("n v", 337.39, 15.67),
      run("ị", 353.06, 3.33),
      run(" ", 356.39, 4.0),
      run("ch", 359.39, 11.82),
      run("ủ", 371.21, 6.67),
      run(" ", 377.89, 4.0),
      run("trì", 380.89, 12.61),
    ]);
    expect(joined.map((r) => [r.str, r.x, r.width])).toEqual([
      ["Nội dung", 138.73, 185.67 - 138.73],
      ["Đơn vị chủ trì", 322.08, 393.5 - 322.08],
    ]);
  });

  it("keeps apart runs further apart than PDF.js's own run breaks, and runs on other lines", () => {
    // "1" and its task's title, 19.7 points apart; the title's second line.
    const joined = joinFragments([
      run("1", 7.5, 6.67),
      run("Nhiệm vụ số 1 về công tác", 33.9, 150),
      run("tiêm chủng", 33.9, 60, 586),
    ]);
    expect(joined.map((r) => r.str)).toEqual(["1", "Nhiệm vụ số 1 về công tác", "tiêm chủng"]);
  });

  it("joins a combining mark set over the letter before it", () => {
    const joined = joinFragments([run("Tha", 100, 20), run("\u0323", 113, 0), run("ch", 120, 12)]);
    expect(joined.map((r) => r.str.normalize("NFC"))).toEqual(["Thạch"]);
  });
});

describe("splitAt", () => {
  it("splits two cells PDF.js made one run where the next column starts", () => {
    // FreeSans: "huyện 10" fills its cell; "Văn phòng Sở" starts its column at 425.47.
    const parts = splitAt(run("Trung tâm Y tế huyện 10 Văn phòng Sở", 292.23, 207.25), 425.47, 0.5);
    expect(parts?.map((p) => p.str)).toEqual(["Trung tâm Y tế huyện 10", "Văn phòng Sở"]);
    const [before, after] = parts ?? [];
    expect(Math.abs((after?.x ?? 0) - 425.47)).toBeLessThan(6);
    expect((before?.x ?? 0) + (before?.width ?? 0)).toBeLessThan(after?.x ?? 0);
    expect((after?.x ?? 0) + (after?.width ?? 0)).toBeCloseTo(292.23 + 207.25, 6);
  });

  it("finds no cells where no space lies near the column's start", () => {
    expect(splitAt(run("Trung tâm Y tế huyện 10 Văn phòng Sở", 292.23, 207.25), 390, 0.3)).toBeNull();
    expect(splitAt(run("Quý III/2026", 521.66, 64.62), 570, 0.5)).toBeNull();
  });

  it("splits runs joined here where they were, exactly", () => {
    // DejaVu Sans 11: the title's first line ends 6.5 points before the unit's name starts,
    // within PDF.js's 0.6 of the type size; the two are joined, then split at the unit's column.
    const [joined] = joinFragments([
      run("Nhiệm vụ số 10 về công tác tiêm chủng tại cơ", 32.92, 253.26, 363.63, 10.99),
      run("Trung tâm Y tế huyện", 292.7, 118.22, 363.63, 10.99),
    ]);
    expect(joined?.str).toBe("Nhiệm vụ số 10 về công tác tiêm chủng tại cơ Trung tâm Y tế huyện");
    // Any column start within the gap's reach finds the exact place.
    const parts = joined ? splitAt(joined, 294, 0.5) : null;
    expect(parts?.map((p) => [p.str, p.x, p.x + p.width])).toEqual([
      ["Nhiệm vụ số 10 về công tác tiêm chủng tại cơ", 32.92, 32.92 + 253.26],
      ["Trung tâm Y tế huyện", 292.7, 292.7 + 118.22],
    ]);
  });
});

describe("startingAt", () => {
  it("moves a run's start, its end where it was", () => {
    const moved = startingAt(run("Văn phòng Sở", 423.1, 76.4), 425.47);
    expect([moved.x, moved.x + moved.width]).toEqual([425.47, 423.1 + 76.4]);
  });
});
