// Which legacy encoding a text is in, judged by how its words read (word-score.ts), and the text
// converted. Within a Unicode text (a UTF-8 file, a Word file's text) only the segments that read
// much better converted are converted: a TCVN3 table in a Unicode document. A file's bytes that are
// no UTF-8 are read whole in the encoding that reads them best. Unicode, English and ASCII
// punctuation are left alone: "ngày 01/8/2022." is no VIQR.

import {
  addTallies,
  BYTE_ENCODINGS,
  type ByteEncoding,
  type ByteTally,
  mayBeByteLegacy,
  readsBetterIn,
  tallyBytes,
} from "./byte-tally.js";
import type { LegacyEncoding } from "./codec.js";
import { decodeLegacy } from "./codecs.js";
import { uncertainNote } from "./messages.js";
import { mapSegments, textSegments } from "./segments.js";
import { decodeViqr, escapesPunctuation } from "./viqr.js";
import { isClearlyViqr, tallyViqr, type ViqrTally } from "./viqr-tally.js";
import { isLegacyText, legacyTextOfBytes } from "./windows-1252.js";
import { hasNonAscii } from "./word-score.js";

export interface LegacyGuess {
  /** The text in Unicode NFC: converted where a legacy encoding was found, else as given. */
  text: string;
  /** The legacy encoding found, or "unicode": nothing was converted. */
  encoding: LegacyEncoding | "unicode";
  /** How sure the guess is, 0 to 1: how much better the encoding read than the next, and over how many words. */
  confidence: number;
  /** How many segments (lines, table cells) were converted. */
  converted: number;
  /** Whether the text has Unicode Vietnamese too, the legacy text only part of it. */
  partly: boolean;
  /** A Vietnamese sentence naming the guess where it is unsure (confidence under 0.5); else null. */
  warning: string | null;
}

/** Below this a guess carries a warning. */
export const SURE = 0.5;

/**
 * How sure: the lead of the best reading over the next, as a share of the words (a lead of 60 in
 * 100 or more is sure), weighed down below six words ("KÕ ho¹ch" alone is two words, a guess).
 */
function confidenceOf(best: number, next: number, words: number): number {
  if (words === 0) return 0;
  const lead = Math.max(0, best - next) / words;
  return Math.min(1, lead / 0.6) * Math.min(1, words / 6);
}

function guessed(
  text: string,
  encoding: LegacyEncoding,
  confidence: number,
  converted: { segments: number; partly: boolean },
): LegacyGuess {
  const rounded = Math.round(confidence * 100) / 100;
  return {
    text,
    encoding,
    confidence: rounded,
    converted: converted.segments,
    partly: converted.partly,
    warning: rounded < SURE ? uncertainNote(encoding) : null,
  };
}

const unchanged = (text: string): LegacyGuess => ({
  text,
  encoding: "unicode",
  confidence: 1,
  converted: 0,
  partly: false,
  warning: null,
});

/** The best of the one-byte encodings by a tally, and the reading of the runner-up. */
function bestOf(tally: ByteTally): { encoding: ByteEncoding; next: number } {
  const ranked = [...BYTE_ENCODINGS].sort((a, b) => tally.read[b] - tally.read[a]);
  const encoding = ranked[0] ?? "tcvn3";
  return { encoding, next: tally.read[ranked[1] ?? encoding] };
}

interface ByteFinding {
  encoding: ByteEncoding;
  /** The segments converted, by their text. */
  segments: Set<string>;
  /** Words that read as Vietnamese converted and did not as they stood. */
  gain: number;
  confidence: number;
  /** Whether the text reads as legacy throughout, not in some segments only. */
  throughout: boolean;
}

// The one-byte encoding that most improves the segments it improves, if any does. Over all the
// segments that may be legacy text it must gain 20 words in 100: OCR text that lost its marks
// ("hién", "déi") reads a few words better in TCVN3 ("dội") by chance, not a fifth of them.
function findByteLegacy(segments: readonly string[]): ByteFinding | null {
  const tallies = new Map<string, ByteTally>();
  for (const segment of segments) if (mayBeByteLegacy(segment)) tallies.set(segment, tallyBytes(segment));
  const all = addTallies(tallies.values());
  let found: ByteFinding | null = null;
  for (const encoding of BYTE_ENCODINGS) {
    if (all.words === 0 || all.read[encoding] - all.asIs < 0.2 * all.words) continue;
    const improved = [...tallies].filter(([, tally]) => readsBetterIn(tally, encoding));
    const sum = addTallies(improved.map(([, tally]) => tally));
    const gain = sum.read[encoding] - sum.asIs;
    if (gain <= 0 || (found && found.gain >= gain)) continue;
    const rival = Math.max(sum.asIs, ...BYTE_ENCODINGS.filter((e) => e !== encoding).map((e) => sum.read[e]));
    const confidence = confidenceOf(sum.read[encoding], rival, sum.words);
    found = {
      encoding,
      segments: new Set(improved.map(([segment]) => segment)),
      gain,
      confidence,
      throughout: readsBetterIn(all, encoding),
    };
  }
  return found;
}

interface ViqrFinding {
  segments: Set<string>;
  gain: number;
  confidence: number;
}

// VIQR, where the ASCII segments clearly are.
function findViqr(segments: readonly string[]): ViqrFinding | null {
  const ascii = segments.filter((segment) => !hasNonAscii(segment) && /[A-Za-z]/.test(segment));
  const tallies = ascii.map(tallyViqr);
  const sum = tallies.reduce<ViqrTally>(
    (a, t) => ({
      words: a.words + t.words,
      evidence: a.evidence + t.evidence,
      decoded: a.decoded + t.decoded,
      asIs: a.asIs + t.asIs,
    }),
    { words: 0, evidence: 0, decoded: 0, asIs: 0 },
  );
  if (!isClearlyViqr(sum)) return null;
  return {
    segments: new Set(ascii.filter((_, i) => (tallies[i]?.evidence ?? 0) > 0)),
    gain: sum.decoded - sum.asIs,
    confidence: confidenceOf(sum.decoded, sum.asIs, sum.words),
  };
}

/**
 * Finds legacy text within a text and converts it, segment by segment:
 * `guessLegacyText("KÕ ho¹ch\nKế hoạch")` → `{ text: "Kế hoạch\nKế hoạch", encoding: "tcvn3", … }`;
 * `guessLegacyText("Kế hoạch số 12")` → `{ text: "Kế hoạch số 12", encoding: "unicode", confidence: 1, … }`.
 */
export function guessLegacyText(text: string): LegacyGuess {
  const segments = textSegments(text);
  const partly = segments.some((segment) => !isLegacyText(segment));
  const bytes = findByteLegacy(segments);
  const viqr = findViqr(segments);
  if (viqr && (!bytes || viqr.gain > bytes.gain)) {
    // A text that escapes its punctuation anywhere follows the RFC on every line.
    const strict = escapesPunctuation(text);
    let converted = 0;
    const out = mapSegments(text, (segment) => {
      if (!viqr.segments.has(segment)) return segment;
      converted++;
      return decodeViqr(segment, strict);
    });
    return guessed(out, "viqr", viqr.confidence, { segments: converted, partly });
  }
  if (!bytes) return unchanged(text);
  // A text with no Unicode letter of its own that reads as legacy throughout (a UTF-8 file holding
  // "KÕ ho¹ch") has each segment converted, as a file's bytes would be.
  const whole = !partly && bytes.throughout;
  let converted = 0;
  const out = mapSegments(text, (segment) => {
    if (!bytes.segments.has(segment) && !(whole && mayBeByteLegacy(segment))) return segment;
    converted++;
    return decodeLegacy(bytes.encoding, segment);
  });
  return guessed(out, bytes.encoding, bytes.confidence, { segments: converted, partly });
}

/**
 * Reads a file's bytes that are no UTF-8 in the one-byte encoding that reads them best as
 * Vietnamese: `guessLegacyBytes(readFileSync("kh-tcvn3.txt"))` → `{ encoding: "tcvn3", text, … }`;
 * null where none reads half the words as Vietnamese (French in Latin-1, a binary file).
 */
const MIN_WORDS = 4;

export function guessLegacyBytes(bytes: Uint8Array): LegacyGuess | null {
  const text = legacyTextOfBytes(bytes);
  const segments = textSegments(text).filter(mayBeByteLegacy);
  const sum = addTallies(segments.map(tallyBytes));
  const { encoding, next } = bestOf(sum);
  // A few words are evidence only if every one reads: "KÕ ho¹ch" does, the bytes "K\xc3(\xa0\xa1 ho"
  // read as one TCVN3 word of two by chance.
  const needed = sum.words < MIN_WORDS ? sum.words : 0.5 * sum.words;
  if (sum.words === 0 || sum.read[encoding] < needed) return null;
  return guessed(decodeLegacy(encoding, text), encoding, confidenceOf(sum.read[encoding], next, sum.words), {
    segments: segments.length,
    partly: false,
  });
}
