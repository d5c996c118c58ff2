// The syllable language model: how likely a syllable is after the two before it, smoothed by
// interpolated Kneser–Ney (Chen & Goodman 1998), so that "kế hoạch" after "ban hành" outweighs
// "kê hoách" even where the three never met in training. Stored as sorted typed arrays that load
// in milliseconds and are searched in place; nothing is rebuilt at start-up.
//
// P(w | u v) = tri(uvw) + γ3(uv) · P2(w | v)
// P2(w | v)  = bi(vw)  + γ2(v)  · P1(w)
// where tri and bi are the discounted shares of what was seen and γ the mass left to back off with.

import { gunzipSync } from "node:zlib";
import { DomainError } from "../../domain/errors.js";

/** Ids below this number pack into keys: bigram v·2¹⁶+w (< 2³²), trigram (u·2¹⁶+v)·2¹⁶+w (< 2⁵³). */
export const KEY_BASE = 65536;
export const SENTENCE_START = 0;
export const SENTENCE_END = 1;
export const NUMBER = 2;
export const OTHER = 3;
export const SPECIALS = ["<s>", "</s>", "<n>", "<x>"];

const MAGIC = "KHRM2";

/** The model's tables, as training writes them and restoring reads them. */
export interface ModelTables {
  vocab: string[];
  /** P1(w), the unigram continuation share. */
  unigram: Float32Array;
  /** γ2(v): the mass v leaves to the unigram. */
  unigramBackoff: Float32Array;
  bigramKeys: Uint32Array;
  bigramProb: Float32Array;
  /** γ3(uv) for each bigram uv as a context (1 where it never was one). */
  bigramBackoff: Float32Array;
  trigramKeys: Float64Array;
  trigramProb: Float32Array;
}

function search(keys: Uint32Array | Float64Array, key: number, from = 0, to = keys.length): number {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid] as number;
    if (k < key) lo = mid + 1;
    else if (k > key) hi = mid - 1;
    else return mid;
  }
  return -1;
}

function lowerBound(keys: Float64Array, key: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] as number) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The trigrams after one context u v: keys from..to share its prefix. */
export interface TrigramContext {
  backoff: number;
  from: number;
  to: number;
  prefix: number;
}

/** A loaded model: ids of syllables and the log-probability of one after two others. */
export class SyllableModel {
  readonly ids: ReadonlyMap<string, number>;
  constructor(readonly tables: ModelTables) {
    this.ids = new Map(tables.vocab.map((word, id) => [word, id]));
  }

  get size(): number {
    return this.tables.vocab.length;
  }

  word(id: number): string {
    return this.tables.vocab[id] ?? "";
  }

  /** P2(w | v): `bigram(id("kế"), id("hoạch"))`. */
  bigram(v: number, w: number): number {
    const t = this.tables;
    const at = search(t.bigramKeys, v * KEY_BASE + w);
    const seen = at >= 0 ? (t.bigramProb[at] as number) : 0;
    return seen + (t.unigramBackoff[v] as number) * (t.unigram[w] as number);
  }

  /** Where the trigrams that follow u v are, and the mass u v leaves: one look-up for all its w. */
  context(u: number, v: number): TrigramContext {
    const t = this.tables;
    const at = search(t.bigramKeys, u * KEY_BASE + v);
    if (at < 0) return { backoff: 1, from: 0, to: 0, prefix: 0 };
    const prefix = (u * KEY_BASE + v) * KEY_BASE;
    return {
      backoff: t.bigramBackoff[at] as number,
      from: lowerBound(t.trigramKeys, prefix),
      to: lowerBound(t.trigramKeys, prefix + KEY_BASE),
      prefix,
    };
  }

  /** ln P(w | context), with `lower` = P2(w | v). */
  logProbIn(context: TrigramContext, w: number, lower: number): number {
    if (context.from === context.to) return Math.log(context.backoff * lower);
    const t = this.tables;
    const at = search(t.trigramKeys, context.prefix + w, context.from, context.to);
    const seen = at >= 0 ? (t.trigramProb[at] as number) : 0;
    return Math.log(seen + context.backoff * lower);
  }

  /** ln P(w | u v), with `lower` = P2(w | v) when the caller has it already. */
  logProb(u: number, v: number, w: number, lower = this.bigram(v, w)): number {
    const t = this.tables;
    const context = search(t.bigramKeys, u * KEY_BASE + v);
    if (context < 0) return Math.log(lower);
    const backoff = t.bigramBackoff[context] as number;
    const at = search(t.trigramKeys, (u * KEY_BASE + v) * KEY_BASE + w);
    const seen = at >= 0 ? (t.trigramProb[at] as number) : 0;
    return Math.log(seen + backoff * lower);
  }
}

// Layout: magic, then each table as [length u32][bytes]; the vocabulary as UTF-8 lines.
/** Writes a model as one gzip'd buffer. */
export function serializeModel(t: ModelTables): Buffer {
  const parts: Buffer[] = [Buffer.from(MAGIC)];
  const push = (bytes: Uint8Array) => {
    const length = Buffer.alloc(4);
    length.writeUInt32LE(bytes.byteLength);
    parts.push(length, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  };
  push(Buffer.from(t.vocab.join("\n"), "utf8"));
  for (const array of [
    t.unigram,
    t.unigramBackoff,
    t.bigramKeys,
    t.bigramProb,
    t.bigramBackoff,
    t.trigramKeys,
    t.trigramProb,
  ])
    push(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  return Buffer.concat(parts);
}

/** Reads what `serializeModel` wrote (gzip'd or not). */
export function deserializeModel(input: Uint8Array): SyllableModel {
  const bytes = input[0] === 0x1f && input[1] === 0x8b ? gunzipSync(input) : Buffer.from(input);
  if (bytes.subarray(0, MAGIC.length).toString() !== MAGIC)
    throw new DomainError("restore.model", "Tệp mô hình phục hồi dấu không đúng định dạng.");
  let at = MAGIC.length;
  const next = (): Uint8Array => {
    const length = bytes.readUInt32LE(at);
    // Copied to an aligned buffer: a typed array over the file's buffer must start on its element size.
    const out = new Uint8Array(length);
    out.set(bytes.subarray(at + 4, at + 4 + length));
    at += 4 + length;
    return out;
  };
  const vocab = Buffer.from(next()).toString("utf8").split("\n");
  const f32 = () => new Float32Array(next().buffer);
  const unigram = f32();
  const unigramBackoff = f32();
  const bigramKeys = new Uint32Array(next().buffer);
  const bigramProb = f32();
  const bigramBackoff = f32();
  const trigramKeys = new Float64Array(next().buffer);
  const trigramProb = f32();
  return new SyllableModel({
    vocab,
    unigram,
    unigramBackoff,
    bigramKeys,
    bigramProb,
    bigramBackoff,
    trigramKeys,
    trigramProb,
  });
}
