// String similarity for matching damaged text to a closed set (positions, labels).

import { foldKey } from "../text/fold.js";

// Bigrams of the closed sets compared again and again (positions, labels) are kept.
const cache = new Map<string, Map<string, number>>();

function bigrams(s: string): Map<string, number> {
  const known = cache.get(s);
  if (known) return known;
  const fresh = computeBigrams(s);
  if (cache.size < 2000 && s.length < 80) cache.set(s, fresh);
  return fresh;
}

function computeBigrams(s: string): Map<string, number> {
  const t = foldKey(s).replace(/ /g, "");
  const m = new Map<string, number>();
  for (let i = 0; i < t.length - 1; i++) {
    const b = t.slice(i, i + 2);
    m.set(b, (m.get(b) ?? 0) + 1);
  }
  return m;
}

/** Dice coefficient over character bigrams of the folded strings: 1 means the same letters. */
export function diceSimilarity(a: string, b: string): number {
  if (foldKey(a) === foldKey(b)) return 1;
  const ma = bigrams(a);
  const mb = bigrams(b);
  let na = 0;
  let nb = 0;
  for (const v of ma.values()) na += v;
  for (const v of mb.values()) nb += v;
  if (na + nb === 0) return 0;
  let common = 0;
  for (const [k, v] of ma) common += Math.min(v, mb.get(k) ?? 0);
  return (2 * common) / (na + nb);
}

/** Levenshtein distance, for labels of a few words. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] ?? 0;
      prev[j] = Math.min(up + 1, (prev[j - 1] ?? 0) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length] ?? 0;
}
