// How the one-byte encodings read a segment: of its words with a character outside ASCII, how many
// are Vietnamese syllables as the text stands, and in TCVN3, VNI and Windows-1258. "Gi¸o dôc" reads
// 0 of 2 as it stands, 2 in TCVN3, 0 in VNI; "Giaùo duïc" 2 in VNI. Where both readings are
// syllables ("Sè" and "Số"), the common words of official writing tell them apart.

import { COMMON_MARKED } from "../common-syllables.js";
import type { LegacyEncoding } from "./codec.js";
import { decodeLegacy } from "./codecs.js";
import { isLegacyText } from "./windows-1252.js";
import { hasNonAscii, markedLegacyWords, readsAsVietnamese } from "./word-score.js";

export const BYTE_ENCODINGS = ["tcvn3", "vni", "windows-1258"] as const satisfies readonly LegacyEncoding[];
export type ByteEncoding = (typeof BYTE_ENCODINGS)[number];

export interface ByteTally {
  /** Words with a character outside ASCII: those the encodings read differently. */
  words: number;
  /** How many of them are Vietnamese as the text stands. */
  asIs: number;
  /** How many of them are Vietnamese read in each encoding. */
  read: Record<ByteEncoding, number>;
  /** How many are common words of official writing as they stand ("là") and in each encoding ("số"). */
  common: { asIs: number; read: Record<ByteEncoding, number> };
}

const emptyTally = (): ByteTally => ({
  words: 0,
  asIs: 0,
  read: { tcvn3: 0, vni: 0, "windows-1258": 0 },
  common: { asIs: 0, read: { tcvn3: 0, vni: 0, "windows-1258": 0 } },
});

const isCommon = (word: string) => COMMON_MARKED.has(word.toLowerCase());

/** Whether a segment may be legacy text: something outside ASCII, and every character some byte's. */
export function mayBeByteLegacy(segment: string): boolean {
  return hasNonAscii(segment) && isLegacyText(segment);
}

/** `tallyBytes("Gi¸o dôc")` → `{ words: 2, asIs: 0, read: { tcvn3: 2, vni: 0, "windows-1258": 0 }, … }`. */
export function tallyBytes(segment: string): ByteTally {
  const tally = emptyTally();
  for (const word of markedLegacyWords(segment)) {
    tally.words++;
    if (readsAsVietnamese(word)) tally.asIs++;
    if (isCommon(word)) tally.common.asIs++;
    for (const encoding of BYTE_ENCODINGS) {
      const read = decodeLegacy(encoding, word);
      if (readsAsVietnamese(read)) tally.read[encoding]++;
      if (isCommon(read)) tally.common.read[encoding]++;
    }
  }
  return tally;
}

/** Tallies added up. */
export function addTallies(tallies: Iterable<ByteTally>): ByteTally {
  const sum = emptyTally();
  for (const tally of tallies) {
    sum.words += tally.words;
    sum.asIs += tally.asIs;
    sum.common.asIs += tally.common.asIs;
    for (const encoding of BYTE_ENCODINGS) {
      sum.read[encoding] += tally.read[encoding];
      sum.common.read[encoding] += tally.common.read[encoding];
    }
  }
  return sum;
}

/**
 * A segment that reads much better in an encoding than as it stands: half its words Vietnamese,
 * and 30 in 100 more than as it stands, or as many with more common words ("Sè: 12/KH-SGD§T" is
 * "Số: 12/KH-SGDĐT"; "Tôi là ai" stays: "Tụi là ai" is no better).
 */
export function readsBetterIn(tally: ByteTally, encoding: ByteEncoding): boolean {
  if (tally.words === 0) return false;
  const share = tally.read[encoding] / tally.words;
  const asIs = tally.asIs / tally.words;
  if (share < 0.5) return false;
  return share - asIs >= 0.3 || (share >= asIs && tally.common.read[encoding] > tally.common.asIs);
}
