// One tone-mark placement: "hoà"/"hòa", "khoẻ"/"khỏe", "thuỷ"/"thủy" are written two ways in
// real documents. We settle on the placement state documents use most ("hòa", "Ủy ban"), so that
// exact comparisons downstream see one spelling. Each rewrite swaps two letters' marks in place,
// so offsets do not move.

const TONES = ["\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];

function splitTone(ch: string): [base: string, tone: string | null] {
  const nfd = ch.normalize("NFD");
  for (const tone of TONES) {
    const at = nfd.indexOf(tone);
    if (at >= 0) return [(nfd.slice(0, at) + nfd.slice(at + 1)).normalize("NFC"), tone];
  }
  return [ch, null];
}

// A syllable ending in o+a, o+e or u+y whose tone sits on the last vowel, with no final consonant
// and no "q" before the u ("quý" keeps its mark): hoà | hoá | khoẻ | thuỷ | Uỷ | toà
const NEW_STYLE = /(?<![qQ])([oOuU])([\u00C0-\u1EF9])(?![\p{L}\p{M}])/gu;

/**
 * Moves tone marks to the older, official placement: `normalizeTones("Uỷ ban hoà giải")` →
 * `"Ủy ban hòa giải"`. Text must be NFC; the length is unchanged.
 */
export function normalizeTones(text: string): string {
  if (!/[oOuU][\u00C0-\u1EF9]/.test(text)) return text;
  return text.replace(NEW_STYLE, (whole, first: string, second: string) => {
    const [base, tone] = splitTone(second);
    const lower = base.toLowerCase();
    if (!tone) return whole;
    const pairOk =
      ((first === "o" || first === "O") && (lower === "a" || lower === "e")) ||
      ((first === "u" || first === "U") && lower === "y");
    if (!pairOk) return whole;
    return (first + tone).normalize("NFC") + base;
  });
}
