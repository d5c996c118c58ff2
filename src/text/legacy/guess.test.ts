import { describe, expect, it } from "vitest";
import type { LegacyEncoding } from "./codec.js";
import { encodeLegacyBytes, LEGACY_CODECS } from "./codecs.js";
import { guessLegacyBytes, guessLegacyText } from "./guess.js";
import { legacyTextOfBytes } from "./windows-1252.js";

// A plan's opening, as written for kehoach.
const OPENING = [
  "ỦY BAN NHÂN DÂN TỈNH AN BÌNH",
  "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "Độc lập - Tự do - Hạnh phúc",
  "Số: 12/KH-SGDĐT\tAn Bình, ngày 01 tháng 8 năm 2024",
  "KẾ HOẠCH",
  "Triển khai nhiệm vụ năm học 2024-2025",
  "Sở Giáo dục và Đào tạo xây dựng kế hoạch thực hiện nhiệm vụ trọng tâm như sau:",
].join("\n");

const BYTE_ENCODINGS: LegacyEncoding[] = ["tcvn3", "vni", "windows-1258"];

describe("guessLegacyText", () => {
  it.each(BYTE_ENCODINGS)("finds %s in a plan's opening and converts it", (encoding) => {
    const legacy = legacyTextOfBytes(encodeLegacyBytes(encoding, OPENING));
    const guess = guessLegacyText(legacy);
    expect(guess).toMatchObject({ encoding, text: OPENING, warning: null });
    expect(guess.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it.each([
    ["escaped as the RFC says", `${LEGACY_CODECS.viqr.encode(OPENING)}\\.`, `${OPENING}.`],
    ["escaping nothing", LEGACY_CODECS.viqr.encode(OPENING), OPENING],
  ])("finds VIQR %s", (_how, viqr, unicode) => {
    expect(guessLegacyText(viqr)).toMatchObject({ encoding: "viqr", text: unicode, warning: null });
  });

  it.each([
    ["Vietnamese in Unicode", OPENING],
    ["Vietnamese whose lines are all Windows-1252 letters", "Tôi là ai\nHà Nam, Cà Mau\nCafé sữa"],
    [
      "English",
      "The plan is due on 1 August. Is it? Yes. I'm sure we're ready; e.g. the U.S. team's odd add-on.",
    ],
    ["a date and punctuation", "ngày 01/8/2022.\nngay 01/8/2022. Ha Noi, ngay 1/8? (xem muc 2.a)"],
    ["Vietnamese without its marks", "Ke hoach so 12/KH-SGDDT ngay 01/8/2022 cua So Giao duc va Dao tao"],
    ["French", "Café crème brûlée, naïve à la carte, déjà vu"],
  ])("leaves %s as it is", (_what, text) => {
    expect(guessLegacyText(text)).toEqual({
      text,
      encoding: "unicode",
      confidence: 1,
      converted: 0,
      partly: false,
      warning: null,
    });
  });

  it("takes VIQR only from a text that clearly is VIQR: a few marked words in English are not", () => {
    const text =
      "Notes from the meeting: the word ca'c (plural) and la` (is) were discussed at length today.";
    expect(guessLegacyText(text).encoding).toBe("unicode");
  });

  it("converts a TCVN3 table and paragraph inside a Unicode document, and nothing else", () => {
    const tcvn3 = (s: string) => LEGACY_CODECS.tcvn3.encode(s);
    const text = [
      "KẾ HOẠCH",
      "Phụ lục: phân công nhiệm vụ",
      `1\t${tcvn3("Rà soát cơ sở vật chất")}\t${tcvn3("Phòng Kế hoạch - Tài chính")}\tTháng 9/2024`,
      `2\t${tcvn3("Tập huấn giáo viên")}\t${tcvn3("Phòng Giáo dục Trung học")}\tQuý IV/2024`,
      tcvn3("Các đơn vị báo cáo kết quả thực hiện về Sở trước ngày 15 hằng tháng."),
      "Tôi là ai",
      "Café",
    ].join("\n");
    const guess = guessLegacyText(text);
    expect(guess.encoding).toBe("tcvn3");
    expect(guess).toMatchObject({ converted: 5, partly: true });
    expect(guess.text.split("\n")).toEqual([
      "KẾ HOẠCH",
      "Phụ lục: phân công nhiệm vụ",
      "1\tRà soát cơ sở vật chất\tPhòng Kế hoạch - Tài chính\tTháng 9/2024",
      "2\tTập huấn giáo viên\tPhòng Giáo dục Trung học\tQuý IV/2024",
      "Các đơn vị báo cáo kết quả thực hiện về Sở trước ngày 15 hằng tháng.",
      "Tôi là ai",
      "Café",
    ]);
  });

  it("says so when the best reading does not clearly win: two words are a guess", () => {
    const guess = guessLegacyText("KÕ ho¹ch");
    expect(guess.text).toBe("Kế hoạch");
    expect(guess.encoding).toBe("tcvn3");
    expect(guess.confidence).toBeLessThan(0.5);
    expect(guess.warning).toBe(
      "Bảng mã không chắc chắn: đã đọc theo TCVN3 (ABC), cần đối chiếu với bản gốc.",
    );
    expect(guessLegacyText("Keá hoaïch").warning).toMatch(/^Bảng mã không chắc chắn: đã đọc theo VNI/);
  });
});

describe("guessLegacyBytes", () => {
  it.each(BYTE_ENCODINGS)("reads a file in %s", (encoding) => {
    const guess = guessLegacyBytes(encodeLegacyBytes(encoding, OPENING));
    expect(guess).toMatchObject({ encoding, text: OPENING, warning: null });
  });

  it("reads no Latin-1 French, nor bytes that are no text, as Vietnamese", () => {
    expect(
      guessLegacyBytes(Buffer.from("Caf\xe9 cr\xe8me br\xfbl\xe9e na\xefve \xe0 la carte", "latin1")),
    ).toBeNull();
    expect(guessLegacyBytes(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xd8, 0xc3, 0x28]))).toBeNull();
  });
});
