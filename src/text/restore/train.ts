// Training the syllable model on administrative text that has its marks: counting trigrams of
// syllables, then smoothing them by interpolated Kneser–Ney. Run at build time
// (scripts/train-restore-model.js) over the shipped corpus in data/restore-corpus/.

import { isSyllable } from "../syllable.js";
import { normalizeTones } from "../tone.js";
import { spelledSyllables } from "./inventory.js";
import {
  KEY_BASE,
  type ModelTables,
  NUMBER,
  OTHER,
  SENTENCE_END,
  SENTENCE_START,
  SPECIALS,
} from "./model.js";
import { sentences, type WordToken } from "./tokens.js";

/** What the model calls a word of marked text: the syllable in lower case, or a class. */
export function trainingWord(token: WordToken): string {
  if (token.fixed === "number") return "<n>";
  if (token.fixed === "code") return "<x>";
  const lower = token.text.toLowerCase();
  return isSyllable(lower) ? lower : "<x>";
}

/** Counts trigrams of syllables over documents, then smooths them into a model. */
export class ModelTrainer {
  private readonly ids = new Map<string, number>();
  private readonly vocab: string[] = [];
  private readonly trigrams = new Map<number, number>();
  private readonly unseenCounts = new Map<string, number>();
  syllables = 0;

  constructor() {
    for (const word of [...SPECIALS, ...spelledSyllables()]) this.idOf(word);
  }

  private idOf(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.vocab.length;
      if (id >= KEY_BASE) return OTHER;
      this.ids.set(word, id);
      this.vocab.push(word);
    }
    return id;
  }

  /** Adds one document's text (with its marks) to the counts. */
  add(text: string): void {
    const normal = normalizeTones(text.normalize("NFC"));
    for (const sentence of sentences(normal)) {
      let u = SENTENCE_START;
      let v = SENTENCE_START;
      for (const token of sentence) {
        const word = trainingWord(token);
        // A syllable the spelling rules do not generate ("quốc" is; a typo such as "nghiã" is not
        // a syllable at all) joins the vocabulary only once it is seen twice.
        let w = this.ids.get(word);
        if (w === undefined) {
          const seen = (this.unseenCounts.get(word) ?? 0) + 1;
          this.unseenCounts.set(word, seen);
          w = seen >= 2 ? this.idOf(word) : OTHER;
        }
        if (w !== NUMBER && w !== OTHER) this.syllables++;
        this.count(u, v, w);
        u = v;
        v = w;
      }
      this.count(u, v, SENTENCE_END);
    }
  }

  private count(u: number, v: number, w: number): void {
    const key = (u * KEY_BASE + v) * KEY_BASE + w;
    this.trigrams.set(key, (this.trigrams.get(key) ?? 0) + 1);
  }

  /**
   * Smooths the counts. Trigrams seen fewer than `minTrigram` times are left out of the tables
   * (their mass goes to the back-off), which keeps the model small.
   */
  build(minTrigram = 2): ModelTables {
    const V = this.vocab.length;
    const ctx3 = new Map<number, number>(); // c(uv·)
    const cont2 = new Map<number, number>(); // N1+(·vw)
    const countsOfCounts3 = [0, 0, 0];
    for (const [key, c] of this.trigrams) {
      const uv = Math.floor(key / KEY_BASE);
      const vw = key % (KEY_BASE * KEY_BASE);
      ctx3.set(uv, (ctx3.get(uv) ?? 0) + c);
      cont2.set(vw, (cont2.get(vw) ?? 0) + 1);
      if (c <= 2) countsOfCounts3[c] = (countsOfCounts3[c] ?? 0) + 1;
    }
    const d3 = discount(countsOfCounts3);

    const ctx2 = new Float64Array(V); // N1+(·v·)
    const types2 = new Float64Array(V); // N1+(v·)
    const cont1 = new Float64Array(V); // N1+(·w)
    const countsOfCounts2 = [0, 0, 0];
    for (const [vw, n] of cont2) {
      const v = Math.floor(vw / KEY_BASE);
      const w = vw % KEY_BASE;
      ctx2[v] = (ctx2[v] ?? 0) + n;
      types2[v] = (types2[v] ?? 0) + 1;
      cont1[w] = (cont1[w] ?? 0) + 1;
      if (n <= 2) countsOfCounts2[n] = (countsOfCounts2[n] ?? 0) + 1;
    }
    const d2 = discount(countsOfCounts2);

    // P1: continuation counts, with half a count for every syllable so that one never seen in
    // training is still possible (the spelled ones the corpus lacks).
    let total1 = 0;
    for (let w = 0; w < V; w++) total1 += (cont1[w] ?? 0) + 0.5;
    const unigram = new Float32Array(V);
    for (let w = 0; w < V; w++) unigram[w] = ((cont1[w] ?? 0) + 0.5) / total1;
    unigram[SENTENCE_START] = 0;

    const unigramBackoff = new Float32Array(V).fill(1);
    for (let v = 0; v < V; v++) {
      const c = ctx2[v] ?? 0;
      if (c > 0) unigramBackoff[v] = (d2 * (types2[v] ?? 0)) / c;
    }

    const bigramKeys = Uint32Array.from([...cont2.keys()].sort((a, b) => a - b));
    const bigramProb = new Float32Array(bigramKeys.length);
    const bigramBackoff = new Float32Array(bigramKeys.length).fill(1);
    for (let i = 0; i < bigramKeys.length; i++) {
      const vw = bigramKeys[i] as number;
      const v = Math.floor(vw / KEY_BASE);
      bigramProb[i] = Math.max((cont2.get(vw) ?? 0) - d2, 0) / (ctx2[v] ?? 1);
    }

    const kept = [...this.trigrams.entries()].filter(([, c]) => c >= minTrigram).sort((a, b) => a[0] - b[0]);
    const trigramKeys = new Float64Array(kept.length);
    const trigramProb = new Float32Array(kept.length);
    const keptMass = new Map<number, number>();
    kept.forEach(([key, c], i) => {
      const uv = Math.floor(key / KEY_BASE);
      const p = Math.max(c - d3, 0) / (ctx3.get(uv) ?? 1);
      trigramKeys[i] = key;
      trigramProb[i] = p;
      keptMass.set(uv, (keptMass.get(uv) ?? 0) + p);
    });
    // γ3(uv) is whatever the kept trigrams leave: the discounts and the pruned trigrams' share.
    const index = new Map<number, number>();
    bigramKeys.forEach((key, i) => {
      index.set(key, i);
    });
    for (const uv of ctx3.keys()) {
      const i = index.get(uv);
      if (i !== undefined) bigramBackoff[i] = Math.max(1 - (keptMass.get(uv) ?? 0), 1e-6);
    }
    return {
      vocab: [...this.vocab],
      unigram,
      unigramBackoff,
      bigramKeys,
      bigramProb,
      bigramBackoff,
      trigramKeys,
      trigramProb,
    };
  }
}

// D = n1 / (n1 + 2·n2), the absolute discount that estimates best from counts of counts.
function discount(countsOfCounts: number[]): number {
  const n1 = countsOfCounts[1] ?? 0;
  const n2 = countsOfCounts[2] ?? 0;
  return n1 + n2 > 0 ? Math.min(Math.max(n1 / (n1 + 2 * n2), 0.1), 0.95) : 0.5;
}
