// What a damaged word may stand for, and how well each reading fits what is on the page: the
// noisy channel. A word without marks fits all its readings alike ("hien" → hiện, hiền, hiến …);
// one whose OCR kept a mark fits the readings that have it better ("hién" → hiến, hiện over hiền);
// one with a digit or a w for a letter is read through the confusions OCR makes on Vietnamese
// print ("s6" → số, "Chwong" → chương, "Pang" → Đảng).

import { foldKey, isMarked, letterParts } from "./letters.js";
import { OTHER, type SyllableModel } from "./model.js";

/** The readings of one word, best first by how common they are. */
export interface Candidates {
  ids: number[];
  /** ln P(what is on the page | this reading). */
  channel: number[];
}

/** How much a kept mark counts for (MATCH) or against (CLASH) a reading, in nats. */
export interface ChannelWeights {
  match: number;
  clash: number;
  /** The cost of reading a character as another (a digit or a w for a letter). */
  confusion: number;
}

export const DEFAULT_CHANNEL: ChannelWeights = { match: 1.5, clash: 1.0, confusion: 1.0 };

// What an OCR engine puts on the page for a Vietnamese letter it misread, and what it meant:
// "s6" (số), "Chwong" (chương), "c4c" (các), "1ap" (lập), "Pang" (Đảng), and, in a word that is
// still a syllable or is none, "tưéng" (tưởng: ơ read as é), "mdi" | "sb" (mới, số: ơ ô read as d
// b), "cht" (chủ), "nim" (năm). Digits and w are never Vietnamese and always read through; the
// letters only where the text is OCR output.
const ALWAYS: Record<string, string> = { "6": "ô", "0": "o", "1": "l", w: "ư", "4": "á", "3": "ă" };
const OCR_INSIDE: Record<string, string> = { e: "o", d: "o", b: "o", t: "u", i: "a", y: "ư" };
const OCR_ONSET: Record<string, string> = { p: "đ", b: "đ" };

/** Readings of a word through OCR's confusions, each with the number of characters changed. */
export function confusionVariants(word: string, ocr = false): Array<{ text: string; changes: number }> {
  const out: Array<{ text: string; changes: number }> = [];
  const chars = [...word];
  const options = chars.map((ch, i) => {
    const base = ch.length === 1 ? ch : "";
    const always = ALWAYS[base];
    if (always) return always;
    if (!ocr) return i === 0 && chars[1] !== "h" ? (OCR_ONSET[base] ?? null) : null;
    if (i === 0) return chars[1] !== "h" ? (OCR_ONSET[base] ?? null) : null;
    const folded = foldKey(ch);
    return OCR_INSIDE[folded] ?? null;
  });
  // Digits and w are always replaced; the letters one or two at a time.
  const forced = chars.map((ch, i) => (ALWAYS[ch] ? i : -1)).filter((i) => i >= 0);
  const base = chars.map((ch, i) => (forced.includes(i) ? (options[i] as string) : ch));
  if (forced.length) out.push({ text: base.join(""), changes: forced.length });
  const optional = options.map((o, i) => (o && !forced.includes(i) ? i : -1)).filter((i) => i >= 0);
  for (let a = 0; a < optional.length; a++) {
    const i = optional[a] as number;
    const one = [...base];
    one[i] = options[i] as string;
    out.push({ text: one.join(""), changes: forced.length + 1 });
    for (let b = a + 1; b < optional.length; b++) {
      const j = optional[b] as number;
      const two = [...one];
      two[j] = options[j] as string;
      out.push({ text: two.join(""), changes: forced.length + 2 });
    }
  }
  return out;
}

const PRUNE = 9;

/** The readings of every key, ids sorted most common first, built once per model. */
export class CandidateIndex {
  private readonly byKey = new Map<string, number[]>();

  constructor(
    private readonly model: SyllableModel,
    private readonly weights: ChannelWeights = DEFAULT_CHANNEL,
  ) {
    const unigram = model.tables.unigram;
    for (let id = 4; id < model.size; id++) {
      const key = foldKey(model.word(id));
      const list = this.byKey.get(key);
      if (list) list.push(id);
      else this.byKey.set(key, [id]);
    }
    for (const list of this.byKey.values())
      list.sort((a, b) => (unigram[b] as number) - (unigram[a] as number));
  }

  /**
   * `readings("hién")` → ids of hiện, hiến, hiền … with their channel scores; null if none. In OCR
   * text a word is also read through the letter confusions, at a cost for each changed letter
   * (and more where the word as written is a syllable already).
   */
  readings(word: string, limit: number, ocr = false): Candidates | null {
    const lower = word.toLowerCase();
    const direct = this.byKey.get(foldKey(lower));
    if (direct && !ocr) return this.score([{ observed: lower, ids: direct, base: 0 }], limit);
    const groups: Array<{ observed: string; ids: number[]; base: number }> = [];
    if (direct) groups.push({ observed: lower, ids: direct, base: 0 });
    const extra = direct ? this.weights.confusion : 0;
    for (const variant of confusionVariants(lower, ocr)) {
      const ids = this.byKey.get(foldKey(variant.text));
      if (ids)
        groups.push({ observed: variant.text, ids, base: -this.weights.confusion * variant.changes - extra });
    }
    if (!groups.length) return null;
    const readings = this.score(groups, limit);
    // A word that is no syllable as written may be a name or a code: keeping it is a reading too.
    if (!direct) {
      readings.ids.push(OTHER);
      readings.channel.push(-this.weights.confusion);
    }
    return readings;
  }

  private score(groups: Array<{ observed: string; ids: number[]; base: number }>, limit: number): Candidates {
    const best = new Map<number, number>();
    for (const group of groups)
      for (const id of group.ids) {
        const channel = group.base + this.fit(group.observed, this.model.word(id));
        if (channel > (best.get(id) ?? -Infinity)) best.set(id, channel);
      }
    const scored = [...best].map(([id, channel]) => ({ id, channel }));
    // The most common readings, and any that fits the kept marks better than they do.
    const unigram = this.model.tables.unigram;
    scored.sort(
      (a, b) =>
        Math.log(unigram[b.id] as number) + b.channel - (Math.log(unigram[a.id] as number) + a.channel),
    );
    // Readings far less likely than the best on their own (by more than PRUNE nats) never win in
    // context often enough to pay for the lattice they cost: "ban" keeps ban bản bàn bạn bán, not bẵn.
    const score = (c: { id: number; channel: number }) => Math.log(unigram[c.id] as number) + c.channel;
    const floor = score(scored[0] as { id: number; channel: number }) - PRUNE;
    const kept = scored.slice(0, limit).filter((c) => score(c) >= floor);
    return { ids: kept.map((c) => c.id), channel: kept.map((c) => c.channel) };
  }

  /** How a reading fits the marks kept on the page: + for each kept mark it has, − for each it contradicts. */
  private fit(observed: string, reading: string): number {
    if (![...observed].some(isMarked)) return 0;
    let score = 0;
    for (let i = 0; i < observed.length; i++) {
      const seen = letterParts(observed[i] as string);
      const meant = letterParts(reading[i] ?? "");
      if (seen.modifier) score += seen.modifier === meant.modifier ? this.weights.match : -this.weights.clash;
      if (seen.tone) score += seen.tone === meant.tone ? this.weights.match : -this.weights.clash;
    }
    return score;
  }
}
