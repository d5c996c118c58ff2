// Names printed in capitals in the header ("SỞ GIÁO DỤC VÀ ĐÀO TẠO") written the way the body
// writes them ("Sở Giáo dục và Đào tạo"): a name part starts with a capital after the kind word
// ("Sở", "Phòng" …) and after "và"; a place name after "thành phố", "tỉnh", "huyện" … is capitalised
// whole; acronyms (UBND, GDĐT) stay.

import { foldLower } from "./lines.js";

// A Vietnamese syllable, folded: "phong" | "nghieng" | "uy". What is not one is an acronym.
const SYLLABLE =
  /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$/;
const PART_AFTER = new Set([
  "so",
  "phong",
  "bo",
  "cuc",
  "truong",
  "vien",
  "va",
  "-",
  "–",
  ",",
  "hoc",
  "tam",
  "ban",
]);
const NAME_PARTS = new Set([
  "thuong binh",
  "xa hoi",
  "dau tu",
  "dao tao",
  "cong nghe",
  "truyen thong",
  "the thao",
  "du lich",
  "moi truong",
  "xay dung",
  "noi vu",
  "tai chinh",
  "y te",
  "tu phap",
  "ngoai vu",
  "gia dinh",
  "nong thon",
]);
// Names whose every syllable is capitalised, as the body they name writes itself: "Bộ Công Thương",
// "Sở Công Thương" (not "Công thương").
const WHOLE_NAMES = new Set(["cong thuong"]);
const PARTY_PLACES = new Set(["huyen", "tinh", "thanh", "quan", "thi", "dang"]);
const PLACE_WORDS = new Set(["tinh", "huyen", "quan", "xa", "phuong", "tran", "pho"]);

/**
 * `toOfficialCase("SỞ GIÁO DỤC VÀ ĐÀO TẠO")` → `"Sở Giáo dục và Đào tạo"`;
 * `toOfficialCase("UBND THÀNH PHỐ HẢI PHÒNG")` → `"UBND thành phố Hải Phòng"`.
 * Text that is not all capitals is returned as it is.
 */
export function toOfficialCase(text: string): string {
  const clean = text.replace(/\s+/g, " ").trim();
  const letters = clean.match(/\p{L}/gu) ?? [];
  if (!letters.length || letters.some((c) => c !== c.toUpperCase())) return clean;
  // "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH": a comma is a word of its own while cases are decided.
  const words = clean
    .replace(/\s*,\s*/g, " , ")
    .trim()
    .split(" ");
  let inPlace = false;
  return words
    .map((word, i) => {
      const key = foldLower(word);
      const prev = foldLower(words[i - 1] ?? "");
      if (!SYLLABLE.test(key)) return word;
      const lower = word.toLowerCase();
      const cap = lower.charAt(0).toUpperCase() + lower.slice(1);
      const prev2 = foldLower(words[i - 2] ?? "");
      // "HUYỆN ỦY HÒA BÌNH": a Party committee; its place name follows "ủy".
      if (key === "uy" && PARTY_PLACES.has(prev)) {
        inPlace = false;
        return lower;
      }
      // Name parts of fixed department names: "Lao động – Thương binh và Xã hội", "Kế hoạch và Đầu tư"
      const pair = `${key} ${foldLower(words[i + 1] ?? "")}`;
      if (WHOLE_NAMES.has(pair) || WHOLE_NAMES.has(`${prev} ${key}`)) return cap;
      if (NAME_PARTS.has(pair)) return cap;
      if (NAME_PARTS.has(`${prev} ${key}`)) return lower;
      const placeStart =
        (PLACE_WORDS.has(prev) && (prev !== "pho" || prev2 === "thanh")) ||
        (prev === "uy" && PARTY_PLACES.has(prev2));
      if (placeStart) inPlace = true;
      // "TRƯỜNG THPT NGÔ QUYỀN" | "SỞ GD&ĐT HẢI PHÒNG": after an acronym comes a proper name, unless a
      // place word ("UBND THÀNH PHỐ …", then capitalised from the place on) or "các" comes first.
      const afterAcronym = i > 0 && /\p{L}/u.test(prev) && !SYLLABLE.test(prev) && !PLACE_WORDS.has(key);
      if (afterAcronym && key !== "thanh" && key !== "cac" && key !== "va") inPlace = true;
      if (i === 0 || inPlace) return cap;
      if (prev === "tam" && foldLower(words[i - 2] ?? "") !== "trung") return lower;
      // "ỦY BAN NHÂN DÂN": the "ban" of "Ủy ban" heads no name part.
      if (prev === "ban" && prev2 === "uy") return lower;
      return PART_AFTER.has(prev) && !PLACE_WORDS.has(key) && key !== "thanh" ? cap : lower;
    })
    .join(" ")
    .replace(/ , /g, ", ");
}
