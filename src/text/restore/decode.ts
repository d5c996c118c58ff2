// Choosing the readings of a sentence together: Viterbi over a trigram lattice, and how sure each
// choice is. A word's confidence is its reading's share of the best whole-sentence scores with each
// reading in its place (max-marginals, forward and backward), so "bàn" is unsure exactly where
// "bản" would make the sentence almost as likely.

import type { Candidates } from "./candidates.js";
import { SENTENCE_END, SENTENCE_START, type SyllableModel } from "./model.js";

/** The chosen reading of each position and how sure it is (0–1), with the runner-up. */
export interface Decoded {
  choice: number[];
  confidence: number[];
  runnerUp: Array<number | null>;
}

const START: Candidates = { ids: [SENTENCE_START], channel: [0] };
const END: Candidates = { ids: [SENTENCE_END], channel: [0] };

/** Decodes one sentence: `lattice[i]` holds the readings of its i-th word. */
export function decodeSentence(model: SyllableModel, lattice: Candidates[]): Decoded {
  // Two start positions and one end position around the words.
  const cols = [START, START, ...lattice, END];
  const n = cols.length;
  const size = (i: number) => (cols[i] as Candidates).ids.length;
  // trans[i][(h·|j|+j)·|k|+k] = ln P(c_i=k | c_{i-2}=h, c_{i-1}=j) + channel(k), for i ≥ 2.
  const trans: Float64Array[] = [];
  for (let i = 2; i < n; i++) {
    const a = cols[i - 2] as Candidates;
    const b = cols[i - 1] as Candidates;
    const c = cols[i] as Candidates;
    const table = new Float64Array(a.ids.length * b.ids.length * c.ids.length);
    const lower = new Float64Array(b.ids.length * c.ids.length);
    for (let j = 0; j < b.ids.length; j++)
      for (let k = 0; k < c.ids.length; k++)
        lower[j * c.ids.length + k] = model.bigram(b.ids[j] as number, c.ids[k] as number);
    for (let h = 0; h < a.ids.length; h++)
      for (let j = 0; j < b.ids.length; j++) {
        const context = model.context(a.ids[h] as number, b.ids[j] as number);
        for (let k = 0; k < c.ids.length; k++)
          table[(h * b.ids.length + j) * c.ids.length + k] =
            model.logProbIn(context, c.ids[k] as number, lower[j * c.ids.length + k] as number) +
            (c.channel[k] as number);
      }
    trans[i] = table;
  }
  // alpha[i][j·|k|+k]: best score of a path ending with readings j at i-1 and k at i.
  const alpha: Float64Array[] = [];
  const back: Int32Array[] = [];
  alpha[1] = new Float64Array([0]);
  for (let i = 2; i < n; i++) {
    const A = size(i - 2);
    const B = size(i - 1);
    const C = size(i);
    const prev = alpha[i - 1] as Float64Array;
    const t = trans[i] as Float64Array;
    const cur = new Float64Array(B * C).fill(-Infinity);
    const bp = new Int32Array(B * C);
    for (let j = 0; j < B; j++)
      for (let k = 0; k < C; k++)
        for (let h = 0; h < A; h++) {
          const s = (prev[h * B + j] as number) + (t[(h * B + j) * C + k] as number);
          if (s > (cur[j * C + k] as number)) {
            cur[j * C + k] = s;
            bp[j * C + k] = h;
          }
        }
    alpha[i] = cur;
    back[i] = bp;
  }
  // beta[i][j·|k|+k]: best score of the rest of the sentence after readings j at i-1, k at i.
  const beta: Float64Array[] = [];
  beta[n - 1] = new Float64Array(size(n - 2) * size(n - 1)).fill(0);
  for (let i = n - 2; i >= 1; i--) {
    const B = size(i - 1);
    const C = size(i);
    const D = size(i + 1);
    const next = beta[i + 1] as Float64Array;
    const t = trans[i + 1] as Float64Array;
    const cur = new Float64Array(B * C).fill(-Infinity);
    for (let j = 0; j < B; j++)
      for (let k = 0; k < C; k++)
        for (let l = 0; l < D; l++) {
          const s = (t[(j * C + k) * D + l] as number) + (next[k * D + l] as number);
          if (s > (cur[j * C + k] as number)) cur[j * C + k] = s;
        }
    beta[i] = cur;
  }
  // The best path, from its end.
  const choice = new Array<number>(n).fill(0);
  {
    const last = alpha[n - 1] as Float64Array;
    let best = 0;
    for (let s = 1; s < last.length; s++) if ((last[s] as number) > (last[best] as number)) best = s;
    const C = size(n - 1);
    choice[n - 1] = best % C;
    choice[n - 2] = Math.floor(best / C);
    for (let i = n - 1; i >= 3; i--) {
      const C2 = size(i);
      choice[i - 2] = (back[i] as Int32Array)[
        (choice[i - 1] as number) * C2 + (choice[i] as number)
      ] as number;
    }
  }
  const out: Decoded = { choice: [], confidence: [], runnerUp: [] };
  for (let i = 2; i < n - 1; i++) {
    const B = size(i - 1);
    const C = size(i);
    const marginal = new Float64Array(C).fill(-Infinity);
    const a = alpha[i] as Float64Array;
    const b = beta[i] as Float64Array;
    for (let j = 0; j < B; j++)
      for (let k = 0; k < C; k++) {
        const s = (a[j * C + k] as number) + (b[j * C + k] as number);
        if (s > (marginal[k] as number)) marginal[k] = s;
      }
    const chosen = choice[i] as number;
    const top = marginal[chosen] as number;
    let sum = 0;
    let second: number | null = null;
    for (let k = 0; k < C; k++) {
      sum += Math.exp((marginal[k] as number) - top);
      if (k !== chosen && (second === null || (marginal[k] as number) > (marginal[second] as number)))
        second = k;
    }
    out.choice.push(chosen);
    out.confidence.push(1 / sum);
    out.runnerUp.push(second);
  }
  return out;
}
