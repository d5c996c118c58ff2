// The runs of text PDF.js gives are neither words nor cells, and what they are depends on the font
// the PDF was printed with:
// - a font without Vietnamese letters leaves each "ộ" to a fallback font, and PDF.js starts a new
//   run at every change of font: "Nội dung" comes as "N" | "ộ" | "i dung" (Liberation Serif's first
//   version, Nimbus Sans; the Official Gazette's PDFs do the same: "Đ" | "ổ" | "i m" | "ớ" | "nh").
// - PDF.js joins runs of one font that lie closer than 0.6 of the type size into one, with a space:
//   two table cells whose texts come that close are one run, "Trung tâm Y tế huyện 10 Văn phòng Sở"
//   (FreeSans, where "huyện 10" fills its cell; with "huyện 9" the cells stay apart).
// Here fragments are joined as PDF.js joins text in one font, and a run is split where a column
// starts inside it.

/** A word run as PDF.js places it: text, left edge, baseline, font size, width (in points). */
export interface PlacedText {
  str: string;
  x: number;
  y: number;
  size: number;
  width: number;
  /** Where each run joined into this one begins in its text, and its exact place (joinFragments). */
  pieces?: Piece[];
}

/** A run joined into a longer one: its first letter's index in the text, its left edge, width. */
export interface Piece {
  from: number;
  x: number;
  width: number;
}

// PDF.js writes a space between glyphs further apart than 0.102 of the type size, and starts a
// new run beyond 0.6 of it (SPACE_IN_FLOW_MIN_FACTOR and SPACE_IN_FLOW_MAX_FACTOR in its
// evaluator). Runs of different fonts are joined here by the same measures, so that a page reads
// alike in every font: "Đ" ends at 110.24, "ổ" starts at 110.30 (type size 14): one word; "Các"
// ends at 413.32, "b" of "bộ" starts at 417.14: a space.
const TOUCHING = 0.1;
const IN_FLOW = 0.6;
// A fragment may start a little inside the one before (kerning, rounding): "52" | "-" | "CT/TW"
// in the Official Gazette, "-" ending 0.12 points after "CT/TW" starts; "c hi" | "ệ", 0.09.
const OVERLAP = 0.2;
// One baseline: the fragments of a word sit on the same one.
const SAME_BASELINE = 0.15;

const isMark = (s: string) => /^\p{M}/u.test(s);

/** What joins `b` to the run `a` ends with: "" within a word, " " in its flow, null apart. */
function joint(a: PlacedText, b: PlacedText): string | null {
  const size = Math.max(a.size, b.size);
  if (Math.abs(a.y - b.y) > size * SAME_BASELINE) return null;
  const gap = b.x - (a.x + a.width);
  // A combining mark ("̣" of "ạ") may be set anywhere over the letter before it.
  if (isMark(b.str)) return b.x >= a.x - size * OVERLAP && gap <= size * TOUCHING ? "" : null;
  if (gap < -size * OVERLAP) return null;
  if (gap <= size * TOUCHING) return "";
  return gap <= size * IN_FLOW ? " " : null;
}

/**
 * The page's runs as PDF.js makes them from text in one font, whatever fonts the text is in:
 * "N" | "ộ" | "i dung" → "Nội dung", "Các" | "b" | "ộ" → "Các bộ"; blank runs dropped.
 */
export function joinFragments(items: readonly PlacedText[]): PlacedText[] {
  const sorted = items.filter((i) => i.str.trim()).sort((a, b) => b.y - a.y || a.x - b.x);
  const out: PlacedText[] = [];
  let line: PlacedText[] = [];
  const flush = () => {
    let run: PlacedText | undefined;
    for (const item of line.sort((a, b) => a.x - b.x)) {
      const glue = run ? joint(run, item) : null;
      if (run && glue !== null) {
        const end = Math.max(run.x + run.width, item.x + item.width);
        const pieces = [...(run.pieces ?? [{ from: 0, x: run.x, width: run.width }])];
        let str: string;
        if (glue) {
          // The space between two runs is where they were, exactly: kept for splitAt.
          str = `${run.str.trimEnd()} `;
          pieces.push({ from: Array.from(str).length, x: item.x, width: item.width });
          str += item.str.trimStart();
        } else {
          str = run.str + item.str;
          const last = pieces.pop() as Piece;
          pieces.push({ ...last, width: end - last.x });
        }
        run = { ...run, str, size: Math.max(run.size, item.size), width: end - run.x, pieces };
      } else {
        if (run) out.push(run);
        run = { ...item };
      }
    }
    if (run) out.push(run);
    line = [];
  };
  for (const item of sorted) {
    const first = line[0];
    if (first && Math.abs(first.y - item.y) > first.size * SAME_BASELINE) flush();
    line.push(item);
  }
  flush();
  return out;
}

// How wide a letter is, in parts of the type size, in a common text face (the mean of Times and
// Arial, which most faces come near): a run's width shared out by these places each word inside
// it to within a letter, whatever face it was set in, because only the proportions count.
const NARROW = new Set("iljI.,:;'!|");
const HALF_NARROW = new Set('frt()[]/-"');
function advance(ch: string): number {
  const base = (ch.normalize("NFD")[0] ?? ch).replace("đ", "d").replace("Đ", "D");
  if (isMark(base)) return 0;
  if (/\s/.test(base)) return 0.27;
  if (NARROW.has(base)) return 0.28;
  if (HALF_NARROW.has(base)) return 0.36;
  if (base === "m" || base === "w") return 0.76;
  if (base === "M" || base === "W") return 0.88;
  if (/[A-Z]/.test(base)) return 0.68;
  return 0.5;
}

/**
 * A run split at the space nearest `at` (where the next column starts), the parts placed by the
 * letters' usual widths: "Trung tâm Y tế huyện 10 Văn phòng Sở" at the column of "Văn phòng
 * Sở" → "Trung tâm Y tế huyện 10" | "Văn phòng Sở". Null when no space lies within `tolerance`
 * (in parts of the type size) of it.
 */
export function splitAt(run: PlacedText, at: number, tolerance: number): [PlacedText, PlacedText] | null {
  const chars = Array.from(run.str);
  // Each letter's left and right edge: shared out within each joined run, whose edges are exact.
  const left: number[] = [];
  const right: number[] = [];
  const pieces = run.pieces ?? [{ from: 0, x: run.x, width: run.width }];
  pieces.forEach((piece, k) => {
    const next = pieces[k + 1];
    const to = next ? next.from - 1 : chars.length;
    const advances = chars.slice(piece.from, to).map(advance);
    const total = advances.reduce((a, b) => a + b, 0);
    const scale = total > 0 ? piece.width / total : 0;
    let x = piece.x;
    advances.forEach((a, i) => {
      left[piece.from + i] = x;
      x += a * scale;
      right[piece.from + i] = x;
    });
    // (the piece's end exactly, not a sum of shares)
    if (advances.length > 0) right[to - 1] = piece.x + piece.width;
    // The space that joined the next run spans the gap to it.
    if (next) {
      left[to] = piece.x + piece.width;
      right[to] = next.x;
    }
  });
  let best: { cut: number; resume: number } | undefined;
  const distance = (resume: number) => Math.abs((left[resume] ?? 0) - at);
  for (let i = 1; i < chars.length; i++) {
    if (!/\s/.test(chars[i] ?? "") || /\s/.test(chars[i - 1] ?? "")) continue;
    let j = i;
    while (j < chars.length && /\s/.test(chars[j] ?? "")) j++;
    if (j < chars.length && (!best || distance(j) < distance(best.resume))) best = { cut: i, resume: j };
  }
  if (!best || distance(best.resume) > run.size * tolerance) return null;
  const { cut, resume } = best;
  const end = right[cut - 1] ?? run.x;
  const start = left[resume] ?? end;
  // Each part keeps the places of the runs joined in it; the run cut in two ends or starts at the cut.
  const beforePieces = pieces
    .filter((p) => p.from < cut)
    .map((p) => ({ ...p, width: Math.min(p.x + p.width, end) - p.x }));
  const holding = pieces.filter((p) => p.from <= resume).pop() ?? { from: 0, x: run.x, width: run.width };
  const afterPieces = [
    { from: 0, x: start, width: holding.x + holding.width - start },
    ...pieces.filter((p) => p.from > resume).map((p) => ({ ...p, from: p.from - resume })),
  ];
  const before: PlacedText = {
    ...run,
    str: chars.slice(0, cut).join(""),
    width: end - run.x,
    pieces: beforePieces,
  };
  const after: PlacedText = {
    ...run,
    str: chars.slice(resume).join(""),
    x: start,
    width: run.x + run.width - start,
    pieces: afterPieces,
  };
  return [before, after];
}

/** The run moved to start at `x`, its end where it was: a cell's text set where its column starts. */
export function startingAt(run: PlacedText, x: number): PlacedText {
  const end = run.x + run.width;
  const [first, ...rest] = run.pieces ?? [{ from: 0, x: run.x, width: run.width }];
  const pieces = first ? [{ ...first, x, width: first.x + first.width - x }, ...rest] : rest;
  return { ...run, x, width: end - x, pieces };
}
