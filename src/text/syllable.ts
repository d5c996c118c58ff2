// Whether a word is a Vietnamese syllable: an onset, a rhyme and at most one tone mark, as the
// spelling rules allow. "nghiệm" and "Thương" are; "ngh1ệm", "qwe" and "SCT" are not. Used to
// tell a repaired text layer from a broken one, letter by letter.

// Tone marks (grave, acute, tilde, hook above, dot below), as NFD writes them.
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** Every onset the spelling allows, longest first; "" is a syllable that opens on its vowel. */
export const ONSETS: readonly string[] = [
  "ngh",
  "ng",
  "nh",
  "ch",
  "gh",
  "gi",
  "kh",
  "ph",
  "qu",
  "th",
  "tr",
  "b",
  "c",
  "d",
  "đ",
  "g",
  "h",
  "k",
  "l",
  "m",
  "n",
  "p",
  "r",
  "s",
  "t",
  "v",
  "x",
  "",
];

// Every rhyme the spelling allows, tone marks aside: "a ai ao … ương ướt …".
const RHYME_LIST = `a ai ao au ay am an ang anh ac ach ap at
  ăm ăn ăng ăc ăp ăt âm ân âng âc âp ât âu ây
  e eo em en eng ec ep et ê êu êm ên ênh êch êp êt
  i ia iu im in inh ich ip it iêm iên iêng iêc iêp iêt iêu
  o oa oai oao oay oan oang oanh oac oach oap oat oe oeo oen oet oi om on ong oc op ot oong ooc
  oăm oăn oăng oăc oăt ô ôi ôm ôn ông ôc ôp ôt ơ ơi ơm ơn ơp ơt
  u ua uân uâng uât uây uê uênh uêch uy uya uyên uyêt uych uynh uyt uyu ui um un ung uc up ut
  uôi uôm uôn uông uôc uôt uơ ư ưa ưi ưu ưm ưn ưng ưc ưt ươ ươi ươu ươm ươn ương ươc ươp ươt
  y yêm yên yêng yêt yêu`;
/** Every rhyme the spelling allows, without its tone mark: "a", "ương", "uyêt". */
export const RHYMES: ReadonlySet<string> = new Set(RHYME_LIST.split(/\s+/).filter(Boolean));

/** `isSyllable("Nghiệm")` → true; `isSyllable("1ghiệm")` → false. */
export function isSyllable(word: string): boolean {
  if (!word || word.length > 8) return false;
  const nfd = word.toLowerCase().normalize("NFD");
  const tones = nfd.match(TONES)?.length ?? 0;
  if (tones > 1) return false;
  const bare = nfd.replace(TONES, "").normalize("NFC");
  if (!/^[a-zđăâêôơư]+$/.test(bare)) return false;
  for (const onset of ONSETS) {
    if (!bare.startsWith(onset)) continue;
    const rhyme = bare.slice(onset.length);
    if (RHYMES.has(rhyme)) return true;
    // "gì", "gìn": the i of "gi" is also the rhyme's vowel.
    if (onset === "gi" && (rhyme === "" || RHYMES.has(`i${rhyme}`))) return true;
  }
  return false;
}
