// Putting the diacritics back into Vietnamese that lost them: "Ke hoach thuc hien Nghi quyet" →
// "Kế hoạch thực hiện Nghị quyết". Every word keeps its place and its length (NFC writes a marked
// letter as one code unit), so offsets into the restored text are offsets into the original, and
// each change is listed with how sure the model is. A word it is unsure of is marked for review.

import { CandidateIndex, type Candidates, type ChannelWeights, DEFAULT_CHANNEL } from "./candidates.js";
import { decodeSentence } from "./decode.js";
import { NUMBER, OTHER, type SyllableModel } from "./model.js";
import { sentences } from "./tokens.js";

/** One word as restoring left it. */
export interface RestoredWord {
  start: number;
  end: number;
  /** On the page: "hien". */
  from: string;
  /** Restored: "hiện". Equal to `from` where the word was left as it was. */
  to: string;
  /** How sure the model is of `to`, 0–1. */
  confidence: number;
  /** The next best reading, where there was one: "hiền". */
  alternative?: string;
}

export interface Restoration {
  text: string;
  /** Words whose restored form differs from the page, or that are uncertain. */
  words: RestoredWord[];
  /** Vietnamese words read (numbers and codes aside). */
  syllables: number;
  changed: number;
  uncertain: number;
}

export interface RestoreOptions {
  /** Below this confidence a word is marked for review. */
  uncertainBelow?: number;
  /** Readings kept per word (more: slower, rarely better). */
  readings?: number;
  channel?: ChannelWeights;
  /** The text is OCR output: read words through the letter confusions OCR makes. */
  ocr?: boolean;
}

const FIXED: Candidates = { ids: [OTHER], channel: [0] };
const FIXED_NUMBER: Candidates = { ids: [NUMBER], channel: [0] };
export const UNCERTAIN_BELOW = 0.8;

/** Writes `reading` in the case of `page`, letter by letter: ("KE", "kế") → "KẾ". */
function inCaseOf(page: string, reading: string): string {
  let out = "";
  for (let i = 0; i < reading.length; i++) {
    const ch = reading[i] as string;
    const seen = page[i] ?? "";
    out += seen !== seen.toLowerCase() ? ch.toUpperCase() : ch;
  }
  return out;
}

const indexes = new WeakMap<SyllableModel, Map<string, CandidateIndex>>();
function indexFor(model: SyllableModel, channel: ChannelWeights): CandidateIndex {
  let byChannel = indexes.get(model);
  if (!byChannel) {
    byChannel = new Map();
    indexes.set(model, byChannel);
  }
  const key = JSON.stringify(channel);
  let index = byChannel.get(key);
  if (!index) {
    index = new CandidateIndex(model, channel);
    byChannel.set(key, index);
  }
  return index;
}

/** Restores a text's diacritics: `restoreDiacritics("Ke hoach", model).text` → "Kế hoạch". */
export function restoreDiacritics(
  text: string,
  model: SyllableModel,
  options: RestoreOptions = {},
): Restoration {
  const uncertainBelow = options.uncertainBelow ?? UNCERTAIN_BELOW;
  const limit = options.readings ?? 8;
  const index = indexFor(model, options.channel ?? DEFAULT_CHANNEL);
  const words: RestoredWord[] = [];
  const pieces: string[] = [];
  let copied = 0;
  let syllables = 0;
  let changed = 0;
  let uncertain = 0;
  for (const sentence of sentences(text)) {
    const lattice = sentence.map((token) => {
      if (token.fixed === "number") return FIXED_NUMBER;
      if (token.fixed === "code") return FIXED;
      return index.readings(token.text, limit, options.ocr) ?? FIXED;
    });
    const decoded = decodeSentence(model, lattice);
    sentence.forEach((token, i) => {
      const readings = lattice[i] as Candidates;
      if (readings === FIXED || readings === FIXED_NUMBER) return;
      syllables++;
      const pick = decoded.choice[i] as number;
      const as = (k: number) =>
        readings.ids[k] === OTHER ? token.text : inCaseOf(token.text, model.word(readings.ids[k] as number));
      const to = as(pick);
      const confidence = decoded.confidence[i] as number;
      const second = decoded.runnerUp[i];
      const isChanged = to !== token.text;
      const isUncertain = confidence < uncertainBelow;
      if (!isChanged && !isUncertain) return;
      if (isChanged) changed++;
      if (isUncertain) uncertain++;
      words.push({
        start: token.start,
        end: token.end,
        from: token.text,
        to,
        confidence,
        ...(second != null ? { alternative: as(second) } : {}),
      });
      if (isChanged) {
        pieces.push(text.slice(copied, token.start), to);
        copied = token.end;
      }
    });
  }
  pieces.push(text.slice(copied));
  return { text: pieces.join(""), words, syllables, changed, uncertain };
}
