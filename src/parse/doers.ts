// Who a task's doer is: a unit ("Phòng Quản lý Công nghiệp", "UBND các huyện"), a person ("Vũ
// Việt Linh", "Ông Hoàng Văn An") or a post ("Phó Giám đốc Sở", "Các đồng chí Tổ trưởng"). Plans
// write the three alike in the same fields and columns; the store keeps a unit in the directory,
// a person as a person of a unit and a post as the holder of a post of a unit, so the parser says
// which one the text names — and says nothing where the text does not tell.

import type { Doer, DoerKind } from "../domain/plan.js";
import { foldLower } from "./lines.js";
import { namesPerson, unitHead } from "./units.js";

// Posts as plans name them when they give a post work: "Giám đốc Sở", "Phó Trưởng phòng",
// "Hiệu trưởng các trường", "Tổ trưởng chuyên môn", "Lãnh đạo Sở", "Thủ trưởng các đơn vị".
// Folded, longest first within a shared first word (lookup takes the longest).
const POSTS = [
  "giam doc",
  "pho giam doc",
  "tong giam doc",
  "chu tich",
  "pho chu tich",
  "truong phong",
  "pho truong phong",
  "truong ban",
  "pho truong ban",
  "truong doan",
  "pho truong doan",
  "truong khoa",
  "truong tram",
  "chanh van phong",
  "pho chanh van phong",
  "chanh thanh tra",
  "pho chanh thanh tra",
  "hieu truong",
  "pho hieu truong",
  "bi thu",
  "pho bi thu",
  "bo truong",
  "thu truong",
  "thu tuong",
  "pho thu tuong",
  "cuc truong",
  "pho cuc truong",
  "chi cuc truong",
  "vu truong",
  "pho vu truong",
  "vien truong",
  "chu nhiem",
  "pho chu nhiem",
  "to truong",
  "to pho",
  "ke toan truong",
  "ke toan",
  "van thu",
  "thu quy",
  "lanh dao",
  "thanh vien",
  "chuyen vien",
  "can bo",
  "giao vien",
  "nhan vien",
  "thu ky",
  "thu ki",
  "gvcn",
  "giao vien chu nhiem",
  "uy vien",
];

// "Các đồng chí Phó Giám đốc Sở" | "Đ/c Tổ trưởng" | "các Phó Hiệu trưởng": the words that come
// before a post or a name without telling which.
const LEAD_IN = /^(?:cac\s+|nhung\s+)?(?:dong chi|d\/c|ong|ba)?\s*\.?\s*/;

// Vietnamese family names, which open a person's name written without an honorific ("Vũ Việt
// Linh; Nguyễn Thị Loan" in a "Người thực hiện" column). Folded: diacritics do not tell them apart
// from each other, and OCR text has none.
const FAMILY_NAMES = new Set(
  [
    "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dao doan vuong trinh",
    "dinh lam phung mai to truong ha ta luong cao quach luu tang thai chu chau kieu khong luc nong",
    "trieu hua au diep giang kim la lai mac ninh quan sam than ton tong tu vi hau bach lo lu nghiem",
    "doan khuc phi thach ung cu dam dong giap han khuong lac man ma nhu phuong quang tieu trinh dau",
    "hoa hong loc mach bac che chung danh dieu do gia hanh hi hong kha lang linh long nhan nham pho",
  ]
    .join(" ")
    .split(" "),
);

// The middle names most Vietnamese names carry ("Văn", "Thị", "Đức", "Hữu" …), folded.
const MIDDLE_NAMES = new Set(
  "van thi duc huu minh quang ngoc thanh xuan kim hong thu ba cong dinh trong tien manh viet anh hai tuan quoc".split(
    " ",
  ),
);

// A name is two to five capitalised syllables ("Vũ Việt Linh", "Nguyễn Thị thúy Nhung" as some
// plans print it: a middle syllable may be small).
const NAME_SHAPE = /^\p{Lu}\p{Ll}*(?:\s+\p{L}\p{Ll}*){1,3}\s+\p{Lu}\p{Ll}*$/u;

function startsWithPost(key: string): boolean {
  for (const post of POSTS) if (key === post || key.startsWith(`${post} `)) return true;
  return false;
}

/** A bare personal name: "Vũ Việt Linh" (a family name, then capitalised syllables, no unit word). */
function isBareName(text: string): boolean {
  const name = text.trim();
  if (!NAME_SHAPE.test(name)) return false;
  const first = foldLower(name.split(/\s+/)[0] ?? "");
  return FAMILY_NAMES.has(first);
}

/**
 * What the text names as a doer, where it tells: `doerKind("Vũ Việt Linh")` → "person",
 * `doerKind("Phó Giám đốc Sở")` → "post", `doerKind("Văn phòng Sở")` → "unit",
 * `doerKind("các đơn vị có liên quan")` → "unit", `doerKind("Tổ công tác")` → "unit",
 * `doerKind("Xyz")` → null.
 */
export function doerKind(name: string): DoerKind | null {
  const text = name.trim();
  if (!text) return null;
  const key = foldLower(text);
  const bare = key.replace(LEAD_IN, "");
  // A post before a unit: "Trưởng phòng Kế hoạch" starts like "Trường …" once folded.
  if (startsWithPost(bare)) return "post";
  if (namesPerson(text)) return "person";
  // "Trương Văn Nam" | "Đoàn Thị Hoa": a family name that is also a unit word once folded
  // ("Trường …", "Đoàn …") is a person only where a middle name follows it.
  if (isBareName(text) && (!unitHead(text) || MIDDLE_NAMES.has(foldLower(text.split(/\s+/)[1] ?? ""))))
    return "person";
  if (unitHead(text) || unitHead(text.replace(/^các\s+/iu, ""))) return "unit";
  // "các đơn vị có liên quan" | "các cơ sở giáo dục" | "Tổ công tác" | "doanh nghiệp"
  if (
    /^(?:cac\s+|moi\s+)?(?:don vi|co so|to chuc|doanh nghiep|dia phuong|nganh|to|khoi|cum|hop tac xa)\b/.test(
      key,
    )
  )
    return "unit";
  return null;
}

/** The kinds of a task's leads and cooperators the text tells, each name once, in order. */
export function doersOf(names: readonly string[]): Doer[] {
  const seen = new Set<string>();
  const out: Doer[] = [];
  for (const name of names) {
    if (seen.has(name)) continue;
    seen.add(name);
    const kind = doerKind(name);
    if (kind) out.push({ name, kind });
  }
  return out;
}
