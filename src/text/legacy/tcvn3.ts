// TCVN3 (ABC; TCVN 5712:1993, set VN3), the encoding of the ".Vn" fonts (.VnTime, .VnArial …) most
// offices typed in before Unicode: "KÕ ho¹ch" is "Kế hoạch". One byte a letter. The lower-case
// fonts hold every toned lower-case letter but only seven capitals (Ă Â Ê Ô Ơ Ư Đ); a capital
// with a tone was typed in the capitals font (".VnTimeH"), which draws the lower-case codes as
// capitals: "KÕ HO¹CH" in .VnTimeH is "KẾ HOẠCH".

import type { LegacyCodec } from "./codec.js";
import { VOWELS, withTone } from "./letters.js";
import { SequenceTable } from "./sequence-table.js";
import { byteCharacter } from "./windows-1252.js";

// Each vowel's byte bare, then with grave, acute, hook above, tilde, dot below (letters.ts's order).
//   "Hµ Néi" (Hà Nội): µ 0xB5 is à, é 0xE9 is ộ | "ho¹ch" (hoạch): ¹ 0xB9 is ạ | "KÕ" (Kế): Õ 0xD5 is ế
const VOWEL_BYTES: Readonly<Record<(typeof VOWELS)[number], readonly number[]>> = {
  a: [0x61, 0xb5, 0xb8, 0xb6, 0xb7, 0xb9],
  ă: [0xa8, 0xbb, 0xbe, 0xbc, 0xbd, 0xc6],
  â: [0xa9, 0xc7, 0xca, 0xc8, 0xc9, 0xcb],
  e: [0x65, 0xcc, 0xd0, 0xce, 0xcf, 0xd1],
  ê: [0xaa, 0xd2, 0xd5, 0xd3, 0xd4, 0xd6],
  i: [0x69, 0xd7, 0xdd, 0xd8, 0xdc, 0xde],
  o: [0x6f, 0xdf, 0xe3, 0xe1, 0xe2, 0xe4],
  ô: [0xab, 0xe5, 0xe8, 0xe6, 0xe7, 0xe9],
  ơ: [0xac, 0xea, 0xed, 0xeb, 0xec, 0xee],
  u: [0x75, 0xef, 0xf3, 0xf1, 0xf2, 0xf4],
  ư: [0xad, 0xf5, 0xf8, 0xf6, 0xf7, 0xf9],
  y: [0x79, 0xfa, 0xfd, 0xfb, 0xfc, 0xfe],
};

// đ, and the seven capitals the lower-case fonts have: "§µo t¹o" (Đào tạo), "¤ng" (Ông), "¦u tiªn" (Ưu tiên).
const OTHER_BYTES: ReadonlyArray<readonly [string, number]> = [
  ["đ", 0xae],
  ["Ă", 0xa1],
  ["Â", 0xa2],
  ["Ê", 0xa3],
  ["Ô", 0xa4],
  ["Ơ", 0xa5],
  ["Ư", 0xa6],
  ["Đ", 0xa7],
];

// Each legacy character and its lower-case letter; 0xFD "ý" is ý in both.
const LETTER_OF = new Map<string, string>();
for (const vowel of VOWELS)
  for (const [tone, byte] of VOWEL_BYTES[vowel].entries())
    if (byte >= 0x80) LETTER_OF.set(byteCharacter(byte), withTone(vowel, tone));
for (const [letter, byte] of OTHER_BYTES) LETTER_OF.set(byteCharacter(byte), letter);

const TABLE = new SequenceTable(LETTER_OF);

/** The letter a TCVN3 byte stands for: `tcvn3Letter(0xd5)` → "ế"; null for ASCII and unused codes. */
export function tcvn3Letter(byte: number): string | null {
  return LETTER_OF.get(byteCharacter(byte)) ?? null;
}

const isAsciiUpper = (ch: string) => ch >= "A" && ch <= "Z";
const isAsciiLower = (ch: string) => ch >= "a" && ch <= "z";

/**
 * A line typed in the capitals font and saved as text keeps its lower-case codes: "KÕ HO¹CH",
 * "UBND TØNH", "III. Tæ CHøC THùC HIÖN". A legacy letter is a capital where the word's ASCII
 * letters are capitals and the next of them is one ("HO¹CH", "TØNH"), or it ends a word of two
 * ASCII capitals or more ("CHñ"); and a line with no ASCII small letter where that happened is in
 * capitals throughout ("KÕ", "Tæ"). "Sè: 12/KH-SGD§T" (Số) has no such word and stays as it is.
 */
function restoreCapitals(source: string, decoded: string): string {
  // One byte, one letter: source and decoded line up character by character (not so for text
  // that is no legacy text, with combining marks: left as decoded).
  if (source.length !== decoded.length) return decoded;
  const out = [...decoded];
  let fired = false;
  for (const word of decoded.matchAll(/\p{L}+/gu)) {
    const start = word.index;
    const end = start + word[0].length;
    const ascii = [...source.slice(start, end)].filter((ch) => isAsciiUpper(ch) || isAsciiLower(ch));
    if (ascii.length === 0 || ascii.some(isAsciiLower)) continue;
    for (let i = start; i < end; i++) {
      const letter = LETTER_OF.get(source.charAt(i));
      if (!letter || letter !== letter.toLowerCase()) continue;
      let next = "";
      for (let j = i + 1; j < end && !next; j++)
        if (!LETTER_OF.has(source.charAt(j))) next = source.charAt(j);
      if (next ? isAsciiUpper(next) : ascii.length >= 2) {
        out[i] = letter.toUpperCase();
        fired = true;
      }
    }
  }
  const line = out.join("");
  return fired && ![...source].some(isAsciiLower) ? line.toUpperCase() : line;
}

/** TCVN3 text as typed in a lower-case font (.VnTime): `decodeTcvn3("KÕ ho¹ch")` → "Kế hoạch". */
export function decodeTcvn3(text: string): string {
  return text
    .split("\n")
    .map((line) => restoreCapitals(line, TABLE.decode(line)))
    .join("\n");
}

/** TCVN3 text as typed in a capitals font (.VnTimeH): `decodeTcvn3Capitals("kÕ ho¹ch")` → "KẾ HOẠCH". */
export function decodeTcvn3Capitals(text: string): string {
  return TABLE.decode(text).toUpperCase();
}

/**
 * Unicode to TCVN3: `encodeTcvn3("Kế hoạch")` → "KÕ ho¹ch". A capital with a tone has no code of its
 * own and is written with its lower-case one, as in the capitals font ("KẾ" → "KÕ").
 */
export function encodeTcvn3(text: string): string {
  return [...text.normalize("NFC")]
    .map((ch) => {
      const own = TABLE.encode(ch);
      return own !== ch || ch === ch.toLowerCase()
        ? own
        : TABLE.encode(ch.toLowerCase()).replace(/^[a-z]$/, ch);
    })
    .join("");
}

export const TCVN3: LegacyCodec = { encoding: "tcvn3", decode: decodeTcvn3, encode: encodeTcvn3 };

/** The capitals fonts (.VnTimeH …): decoding draws every letter as a capital. */
export const TCVN3_CAPITALS: LegacyCodec = {
  encoding: "tcvn3",
  decode: decodeTcvn3Capitals,
  // Lower-case letters only: the legacy characters have no case of their own ("Õ" is not "õ").
  encode: (text) => encodeTcvn3(text.toLowerCase()),
};
