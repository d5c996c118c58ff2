import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { encodeLegacyBytes } from "./codecs.js";
import { markedLetters } from "./letters.js";
import { decodeTcvn3, decodeTcvn3Capitals, encodeTcvn3, TCVN3_CAPITALS, tcvn3Letter } from "./tcvn3.js";
import { PHRASES } from "./test-phrases.js";
import { legacyTextOfBytes } from "./windows-1252.js";

// glibc's TCVN5712-1 is set VN1 of the same standard: its 0xA1–0xFF hold VN3's letters where VN3
// has them, and capitals with tones where VN3 has none. An independent reading of the table.
function glibcTcvn(): Map<number, string> | null {
  const bytes = [];
  for (let b = 0xa1; b <= 0xff; b++) bytes.push(b, 0x0a);
  try {
    const out = execFileSync("iconv", ["-f", "TCVN5712-1", "-t", "UTF-8"], { input: Buffer.from(bytes) });
    const lines = out.toString("utf8").split("\n");
    return new Map(lines.slice(0, 0xff - 0xa1 + 1).map((line, i) => [0xa1 + i, line.normalize("NFC")]));
  } catch {
    return null;
  }
}

const GLIBC = glibcTcvn();
if (!GLIBC) console.warn("[kehoach] iconv with TCVN5712-1 not found: TCVN3 is not checked against glibc.");

describe("TCVN3", () => {
  it("reads what offices typed in .VnTime", () => {
    expect(decodeTcvn3("KÕ ho¹ch")).toBe("Kế hoạch");
    expect(decodeTcvn3("Hµ Néi, ngµy 15 th¸ng 8 n¨m 2024")).toBe("Hà Nội, ngày 15 tháng 8 năm 2024");
    expect(decodeTcvn3("§éc lËp - Tù do - H¹nh phóc")).toBe("Độc lập - Tự do - Hạnh phúc");
    expect(decodeTcvn3("Tr­êng THPT")).toBe("Trường THPT");
  });

  it.skipIf(!GLIBC)(
    "agrees with glibc's TCVN5712-1 on every lower-case letter and the seven capitals",
    () => {
      const mine = new Map<number, string>();
      for (let b = 0xa1; b <= 0xff; b++) {
        const letter = tcvn3Letter(b);
        if (letter) mine.set(b, letter);
      }
      const theirs = [...(GLIBC ?? [])].filter(
        ([, ch]) => /^\p{L}$/u.test(ch) && (ch === ch.toLowerCase() || ch.length === 1),
      );
      // Every letter of mine is glibc's at that byte …
      for (const [b, letter] of mine) expect(GLIBC?.get(b), `0x${b.toString(16)}`).toBe(letter);
      // … and every lower-case letter glibc has there is mine: none left out.
      for (const [b, ch] of theirs)
        if (ch === ch.toLowerCase()) expect(mine.get(b), `0x${b.toString(16)}`).toBe(ch);
      expect(mine.size).toBe(67 + 7);
    },
  );

  it("writes and reads back every lower-case letter, and the capitals the capitals font draws", () => {
    const lower = markedLetters().join(" ");
    expect(decodeTcvn3(encodeTcvn3(lower))).toBe(lower);
    const upper = lower.toUpperCase();
    expect(decodeTcvn3Capitals(TCVN3_CAPITALS.encode(upper))).toBe(upper);
    expect(decodeTcvn3Capitals(legacyTextOfBytes(encodeLegacyBytes("tcvn3", upper.toLowerCase())))).toBe(
      upper,
    );
  });

  it("writes and reads back the phrases, a capital with a tone at a word's head aside (no code of its own)", () => {
    for (const phrase of PHRASES) {
      const back = decodeTcvn3(encodeTcvn3(phrase));
      expect(back).toBe(phrase.startsWith("Ủ") ? phrase.replace("Ủ", "ủ") : phrase);
    }
    expect(encodeTcvn3("Sở Giáo dục và Đào tạo")).toBe("Së Gi¸o dôc vµ §µo t¹o");
  });

  it("reads lines typed in the capitals font and saved as text in capitals", () => {
    expect(decodeTcvn3("KÕ HO¹CH")).toBe("KẾ HOẠCH");
    expect(decodeTcvn3("UBND TØNH AN B×NH\nSë GI¸O DôC Vµ §µO T¹O")).toBe(
      "UBND TỈNH AN BÌNH\nSỞ GIÁO DỤC VÀ ĐÀO TẠO",
    );
    expect(decodeTcvn3("III. Tæ CHøC THùC HIÖN")).toBe("III. TỔ CHỨC THỰC HIỆN");
    expect(decodeTcvn3("Thùc hiÖn KÕ HO¹CH")).toBe("Thực hiện Kế HOẠCH");
  });

  it("keeps small letters that are small: a capital and an abbreviation are no capitals line", () => {
    expect(decodeTcvn3("Sè: 12/KH-SGD§T")).toBe("Số: 12/KH-SGDĐT");
    expect(decodeTcvn3("Së GD&§T")).toBe("Sở GD&ĐT");
    expect(decodeTcvn3("KÕ")).toBe("Kế");
  });

  it("leaves what is no TCVN3 letter as it is", () => {
    expect(decodeTcvn3("“Œ” 12/2024 – x")).toBe("“Œ” 12/2024 – x");
    expect(decodeTcvn3("Kế hoạch")).toBe("Kế hoạch".replace("ô", "ụ"));
  });
});
