// VNI (VNI-Windows), the encoding of the "VNI-" fonts (VNI-Times, VNI-Helve …): a letter is its base
// letter followed by one mark byte that carries the tone, and the circumflex, breve or horn with
// it: "Keá hoaïch" is "Kế hoạch", "KEÁ HOAÏCH" is "KẾ HOẠCH". Capitals have capital marks, so no
// capitals font is needed. ơ, ư, đ and the toned i are single bytes ("ô", "ö", "ñ", "í").

import type { LegacyCodec } from "./codec.js";
import { VOWELS, withTone } from "./letters.js";
import { SequenceTable } from "./sequence-table.js";

// Each vowel bare, then with grave, acute, hook above, tilde, dot below (letters.ts's order).
//   "Vieät Nam" (Việt Nam): "eä" is ệ | "tröôøng" (trường): "ö" is ư, "ôø" is ờ | "nghóa" (nghĩa): "ó" is ĩ
const VOWEL_SEQUENCES: Readonly<Record<(typeof VOWELS)[number], readonly string[]>> = {
  a: ["a", "aø", "aù", "aû", "aõ", "aï"],
  ă: ["aê", "aè", "aé", "aú", "aü", "aë"],
  â: ["aâ", "aà", "aá", "aå", "aã", "aä"],
  e: ["e", "eø", "eù", "eû", "eõ", "eï"],
  ê: ["eâ", "eà", "eá", "eå", "eã", "eä"],
  i: ["i", "ì", "í", "æ", "ó", "ò"],
  o: ["o", "oø", "où", "oû", "oõ", "oï"],
  ô: ["oâ", "oà", "oá", "oå", "oã", "oä"],
  ơ: ["ô", "ôø", "ôù", "ôû", "ôõ", "ôï"],
  u: ["u", "uø", "uù", "uû", "uõ", "uï"],
  ư: ["ö", "öø", "öù", "öû", "öõ", "öï"],
  y: ["y", "yø", "yù", "yû", "yõ", "î"],
};

// "ñoàng" (đồng): đ is "ñ".
const D_STROKE = "ñ";

// A capital is its lower-case sequence in capitals ("AÙ" Á, "Ö" Ư, "Î" Ỵ); a base and a mark of
// different cases ("Aù", "aÙ"), as a hurried typist leaves them, read by the base's case.
function* entries(): Generator<readonly [string, string]> {
  const forms: Array<readonly [string, string]> = VOWELS.flatMap((vowel) =>
    VOWEL_SEQUENCES[vowel].map((sequence, tone) => [sequence, withTone(vowel, tone)] as const),
  );
  forms.push([D_STROKE, "đ"]);
  for (const [sequence, letter] of forms) {
    yield [sequence, letter];
    yield [sequence.toUpperCase(), letter.toUpperCase()];
  }
  for (const [sequence, letter] of forms) {
    if (sequence.length !== 2) continue;
    const [base = "", mark = ""] = sequence;
    yield [base.toUpperCase() + mark, letter.toUpperCase()];
    yield [base + mark.toUpperCase(), letter];
  }
}

const TABLE = new SequenceTable(entries());

/** VNI text: `decodeVni("Keá hoaïch")` → "Kế hoạch". */
export function decodeVni(text: string): string {
  return TABLE.decode(text);
}

/** Unicode to VNI: `encodeVni("Kế hoạch")` → "Keá hoaïch". */
export function encodeVni(text: string): string {
  return TABLE.encode(text);
}

export const VNI: LegacyCodec = { encoding: "vni", decode: decodeVni, encode: encodeVni };
