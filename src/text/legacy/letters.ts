// The letters Vietnamese writes: twelve vowels, each bare and with five tones, and đ. Every legacy
// table below lists a vowel's six forms in one order, TONES', so a row reads as the letter is taught.

/** Tone marks in the tables' order: none, grave (huyền), acute (sắc), hook above (hỏi), tilde (ngã), dot below (nặng). */
export const TONE_MARKS = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"] as const;

/** The twelve vowels, bare. */
export const VOWELS = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"] as const;

/** A vowel with a tone, NFC: `withTone("ê", 2)` → "ế"; `withTone("a", 0)` → "a". */
export function withTone(vowel: string, tone: number): string {
  return `${vowel}${TONE_MARKS[tone] ?? ""}`.normalize("NFC");
}

/** Every lower-case Vietnamese letter with a mark: the 72 vowel forms but the 6 bare a e i o u y, and đ. */
export function markedLetters(): string[] {
  const letters = VOWELS.flatMap((vowel) => TONE_MARKS.map((_, tone) => withTone(vowel, tone)));
  return [...letters.filter((letter) => !/^[a-z]$/.test(letter)), "đ"];
}
