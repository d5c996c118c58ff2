// Every syllable Vietnamese spelling allows, from its onsets, rhymes and tones: the candidates a
// word without diacritics may stand for. "ban" may be ban bán bàn bản bạn bắn bằn bẵn bận bấn bần …;
// the language model chooses among them. Generated, not listed, so that a syllable the training
// text never held ("nghiễm") can still be offered where an OCR engine kept its marks.

import { ONSETS, RHYMES } from "../syllable.js";
import { foldKey, type Tone, withTone } from "./letters.js";

// Onsets written one way before front vowels and another elsewhere: "ki", "ke", "kê", "ky" but
// "ca", "co"; "ghi", "ghe" but "ga"; "nghe" but "nga".
const FRONT = /^[ieêy]/;
function spellingAllows(onset: string, rhyme: string): boolean {
  const front = FRONT.test(rhyme);
  if (onset === "k" || onset === "gh" || onset === "ngh") return front;
  if (onset === "c" || onset === "ng") return !front;
  if (onset === "g") return !/^[eê]/.test(rhyme) && !rhyme.startsWith("i");
  if (onset === "qu") return !/^[uư]/.test(rhyme) && !rhyme.startsWith("o");
  return true;
}

// A rhyme closed by p, t, c or ch takes only the acute or the dot: "tập", "cấp", "thích".
const STOPPED = /(?:p|t|c|ch)$/;
const ALL_TONES: readonly Tone[] = [0, 1, 2, 3, 4, 5];
const STOP_TONES: readonly Tone[] = [2, 5];

function bareSyllables(): string[] {
  const out = new Set<string>();
  for (const onset of ONSETS) {
    for (const rhyme of RHYMES) {
      if (!spellingAllows(onset, rhyme)) continue;
      // "gi" + "in" is written "gin" (gìn), "gi" + "iêng" is "giêng".
      if (onset === "gi" && rhyme.startsWith("i")) out.add(`gi${rhyme.slice(1)}`);
      else out.add(onset + rhyme);
    }
  }
  out.add("gi");
  return [...out];
}

/** Every spelled syllable, lower case, NFC, with its tone: "a", "à", …, "nghiễm", "quyết". */
export function spelledSyllables(): string[] {
  const out: string[] = [];
  for (const bare of bareSyllables()) {
    for (const tone of STOPPED.test(bare) ? STOP_TONES : ALL_TONES) out.push(withTone(bare, tone));
  }
  return out;
}

/** The spelled syllables grouped by key: `byKey.get("hoach")` → ["hoạch", "hoách"]. */
export function syllablesByKey(syllables: Iterable<string>): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const syllable of syllables) {
    const key = foldKey(syllable);
    const list = byKey.get(key);
    if (list) list.push(syllable);
    else byKey.set(key, [syllable]);
  }
  return byKey;
}
