import { describe, expect, it } from "vitest";
import { markedLetters } from "./letters.js";
import { PHRASES } from "./test-phrases.js";
import { decodeVni, encodeVni } from "./vni.js";

describe("VNI", () => {
  // Samples as VNI's users and the converters' documentation print them.
  it.each([
    ["Keá hoaïch", "Kế hoạch"],
    ["KEÁ HOAÏCH", "KẾ HOẠCH"],
    ["Xin chaøo caùc baïn", "Xin chào các bạn"],
    ["Tröôøng Ñaïi hoïc", "Trường Đại học"],
    [
      "nghóa vuï, chæ ñaïo, kyø hoïp, Kyõ thuaät, tyû leä, Myõ, Lyù, bò, vò trí",
      "nghĩa vụ, chỉ đạo, kỳ họp, Kỹ thuật, tỷ lệ, Mỹ, Lý, bị, vị trí",
    ],
    ["ÑOÄC LAÄP - TÖÏ DO - HAÏNH PHUÙC", "ĐỘC LẬP - TỰ DO - HẠNH PHÚC"],
    ["Nguyeãn Vaên AÅn, aên, naêm, aèm, aéc, aú, aü, aëc", "Nguyễn Văn Ẩn, ăn, năm, ằm, ắc, ẳ, ẵ, ặc"],
  ])("reads %s", (vni, unicode) => {
    expect(decodeVni(vni)).toBe(unicode);
    expect(encodeVni(unicode)).toBe(vni);
  });

  it("reads a base and a mark of different cases by the base", () => {
    expect(decodeVni("KEá hoAïch")).toBe("KẾ hoẠch");
    expect(decodeVni("Aù aÙ")).toBe("Á á");
  });

  it("writes and reads back every letter, lower-case and capital, and the phrases", () => {
    const lower = markedLetters().join(" ");
    expect(decodeVni(encodeVni(lower))).toBe(lower);
    expect(decodeVni(encodeVni(lower.toUpperCase()))).toBe(lower.toUpperCase());
    for (const phrase of PHRASES) expect(decodeVni(encodeVni(phrase))).toBe(phrase);
  });

  it("writes ỵ, ị, ĩ, ỉ, ơ, ư, đ as single bytes", () => {
    expect(encodeVni("ỵ ị ĩ ỉ ơ ư đ Ỵ Ị Ĩ Ỉ Ơ Ư Đ")).toBe("î ò ó æ ô ö ñ Î Ò Ó Æ Ô Ö Ñ");
  });
});
