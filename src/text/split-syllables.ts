// Syllables a text layer broke with spaces: "Bộ Ng o ại giao" | "UBND các t ỉ nh" | "Trợ l ý TTCP".
// PDF and web-page copies of scanned-then-typeset documents place some glyphs one by one, and the
// converter puts a space between them. A piece that cannot be a Vietnamese syllable ("Ng", "t",
// "l") is joined to the pieces after it where together they make one ("Ngoại", "tỉnh", "lý");
// pieces that are each a syllable ("hộ i") are left alone: either reading could be meant.

import { isSyllable } from "./syllable.js";

// A piece that may be a broken syllable: letters only, not an abbreviation in capitals ("VT",
// "UBND", "TTCP"), at most four letters (the longest onset and a vowel).
const PIECE = /^\p{L}{1,4}$/u;
const ABBREVIATION = /^\p{Lu}{2,}$/u;
const LETTERS = /^\p{L}+$/u;

// Plans are made of a few thousand distinct syllables: each piece is judged once.
const judged = new Map<string, boolean>();

function broken(piece: string): boolean {
  // Four letters are at most eight code units: a longer word is no piece (and needs no look-up).
  if (piece.length > 8) return false;
  let verdict = judged.get(piece);
  if (verdict === undefined) {
    verdict = PIECE.test(piece) && !ABBREVIATION.test(piece) && !isSyllable(piece);
    if (judged.size > 50_000) judged.clear();
    judged.set(piece, verdict);
  }
  return verdict;
}

/**
 * Whether any word of the line (between single spaces, as `split(" ")` cuts it) is a broken piece.
 * Read in place: a line of megabytes is not cut into an array of its words (their garbage slowed
 * every collection down) just to find that none is broken, which is the common case.
 */
function hasBrokenPiece(line: string): boolean {
  for (let start = 0; start <= line.length; ) {
    let end = line.indexOf(" ", start);
    if (end < 0) end = line.length;
    if (end - start <= 8 && broken(line.slice(start, end))) return true;
    start = end + 1;
  }
  return false;
}

function joinLine(line: string): string {
  // Quick exit: most lines have no piece of one or two letters between spaces.
  if (!/(?:^|\s)\p{L}{1,2}(?=\s)/u.test(line)) return line;
  // Most lines hold no broken piece: the line is given back as it is, not rebuilt word by word.
  if (!hasBrokenPiece(line)) return line;
  const words = line.split(" ");
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? "";
    if (broken(word)) {
      // The longest run of up to three pieces that makes one syllable.
      let joined = 0;
      for (let n = 3; n >= 2 && !joined; n--) {
        const run = words.slice(i, i + n);
        if (run.length < n) continue;
        // "t ỉ nh,": the last piece may carry the punctuation that follows the syllable.
        const last = run[n - 1] ?? "";
        const tail = /[,.;:)]+$/.exec(last)?.[0] ?? "";
        run[n - 1] = last.slice(0, last.length - tail.length);
        if (!run.every((w) => LETTERS.test(w))) continue;
        const candidate = run.join("");
        // A capital inside the syllable means two words, not one broken: "Ng" + "Anh" — unless the
        // syllable is in capitals among words in capitals: "CỘNG HÒA XÃ H ỘI CHỦ NGHĨA".
        if (/\p{Lu}/u.test(candidate.slice(1)) && !(isUpper(candidate) && inCapitals(words, i, n))) continue;
        if (isSyllable(candidate)) joined = n;
      }
      if (joined) {
        out.push(words.slice(i, i + joined).join(""));
        // the tail, if any, is still on the last piece joined
        i += joined - 1;
        continue;
      }
    }
    out.push(word);
  }
  return out.join(" ");
}

function isUpper(word: string): boolean {
  return word === word.toUpperCase() && word !== word.toLowerCase();
}

/** Whether a word next to the run words[i, i + n) is a word of two or more capitals. */
function inCapitals(words: readonly string[], i: number, n: number): boolean {
  const capitals = (w: string | undefined) =>
    w !== undefined && w.length >= 2 && ABBREVIATION.test(w.replace(/[,.;:]+$/, ""));
  return capitals(words[i - 1]) || capitals(words[i + n]);
}

/** Joins syllables broken by spaces: `joinSplitSyllables("Bộ Ng o ại giao")` → "Bộ Ngoại giao". */
export function joinSplitSyllables(text: string): string {
  return text.split("\n").map(joinLine).join("\n");
}
