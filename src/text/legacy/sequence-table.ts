// A table between legacy sequences and Unicode letters, for the encodings that write a letter as
// one byte (TCVN3: "Õ" is ế) or as a base letter and a mark byte (VNI: "eá" is ế). Decoding takes
// the longest sequence the table knows at each place; encoding writes each letter's first sequence.

export class SequenceTable {
  private readonly letterOf = new Map<string, string>();
  private readonly sequenceOf = new Map<string, string>();
  private longest = 1;

  /** `new SequenceTable([["Õ", "ế"], ["¹", "ạ"]])`: the first sequence given for a letter is the one encoding writes. */
  constructor(entries: Iterable<readonly [sequence: string, letter: string]>) {
    for (const [sequence, letter] of entries) {
      if (sequence === letter) continue;
      if (!this.letterOf.has(sequence)) this.letterOf.set(sequence, letter);
      if (!this.sequenceOf.has(letter)) this.sequenceOf.set(letter, sequence);
      this.longest = Math.max(this.longest, sequence.length);
    }
  }

  /** Legacy text to Unicode NFC: each known sequence replaced, the rest left as it is. */
  decode(text: string): string {
    let out = "";
    let i = 0;
    while (i < text.length) {
      let step = 1;
      let letter: string | undefined;
      for (let length = Math.min(this.longest, text.length - i); length >= 1; length--) {
        letter = this.letterOf.get(text.slice(i, i + length));
        if (letter !== undefined) {
          step = length;
          break;
        }
      }
      out += letter ?? text.charAt(i);
      i += step;
    }
    return out.normalize("NFC");
  }

  /** Unicode to legacy text: each letter the table writes replaced, the rest left as it is. */
  encode(text: string): string {
    let out = "";
    for (const ch of text.normalize("NFC")) out += this.sequenceOf.get(ch) ?? ch;
    return out;
  }
}
