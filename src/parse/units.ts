// Unit lists as plans write them, split into one unit per string (spec: "A unit is written as the
// document names it"):
//   "Văn phòng Sở; Phòng GDTX&ĐH, Công đoàn ngành GDĐT"          → three units
//   "Các cơ quan báo chí, truyền hình"                             → one unit
//   "Cơ quan Sở và các đơn vị giáo dục"                            → two units
//   "Các phòng: Giáo dục Mầm non, Giáo dục Tiểu học"              → "Phòng Giáo dục Mầm non", …
//   "Các đơn vị giáo dục và đơn vị liên quan"                      → "…", "các đơn vị liên quan"

import { collapseBlanks } from "../text/blanks.js";
import { cleanValue, foldLower } from "./lines.js";
import { splitBareNames } from "./sector-names.js";

// Words a unit's name starts with, folded: "Phòng …" | "Sở …" | "Trung tâm …" | "UBND …" | "Công an …"
const HEAD_WORDS = [
  "phong",
  "so",
  "van phong",
  "ban",
  "cong doan",
  "trung tam",
  "truong",
  "thanh tra",
  "co quan",
  "uy ban",
  "ubnd",
  "hdnd",
  "hoi dong",
  "doan",
  "hoi",
  "cong thong tin",
  "cong an",
  "trang thong tin",
  "bo",
  "cuc",
  "chi cuc",
  "vien",
  "dai",
  "bao",
  "bo chi huy",
  "bchq",
  "ttgdnn",
  "ttgdtx",
  "mat tran",
  "ubmttq",
  "dang uy",
  "chi bo",
  "thanh uy",
  "tinh uy",
  "huyen uy",
  "hoc vien",
  "benh vien",
  "kho bac",
  "quan",
  "huyen",
  "xa",
  "phuong",
  "thi xa",
  "thanh pho",
  "tinh",
  "giam doc",
  "pho giam doc",
  "chu tich",
  "pho chu tich",
  "bo truong",
  "thu truong",
  "thu tuong",
  "pho thu tuong",
  "truong ban",
  "tong giam doc",
  "cuc truong",
  "vu truong",
  "tu lenh",
  "chanh van phong",
  "lanh dao",
  "ban giam doc",
  "ban chi dao",
  "to cong tac",
  "hieu truong",
  "cac",
  "nha truong",
  "doanh nghiep",
  "lien doan",
  // "Tạp chí Giáo dục TP.HCM" | "Đài Phát thanh và Truyền hình tỉnh": the press a plan gives work to
  "tap chi",
  "dai phat thanh",
  "dai truyen hinh",
  "cong ty",
  "ngan hang",
  "chi nhanh",
  "don vi",
  "bo phan",
  "to",
  "cum",
  "khoi",
  "nganh",
];
// After "," a new unit needs a capital head ("…, Trung tâm GDTX") or "các …"; lower-case bare nouns
// continue one collective name ("Các sở, ban, ngành, địa phương, đơn vị liên quan").
const CAPITAL_HEADS = new Set(
  HEAD_WORDS.filter(
    (w) => !["quan", "huyen", "xa", "phuong", "tinh", "nganh", "to", "khoi", "cum"].includes(w),
  ),
);
// After "và" a unit may be written lower-case ("Cơ quan Sở và các đơn vị", "… và đơn vị liên quan").
const AFTER_AND = [
  "cac",
  "don vi",
  "co so",
  "to chuc",
  "phong",
  "truong",
  "ubnd",
  "uy ban",
  "so",
  "van phong",
  "trung tam",
  "cong doan",
  "ban",
  "trang thong tin",
  "cong thong tin",
  "thanh tra",
  "co quan",
  "nha truong",
  "doanh nghiep",
  "cong an",
  "bo",
  "hoi",
];

// Heads indexed by their first word, so a lookup reads a handful of heads rather than all of them.
const indexes = new WeakMap<Iterable<string>, Map<string, string[]>>();

function startsWithHead(key: string, heads: Iterable<string>): string | null {
  let index = indexes.get(heads);
  if (!index) {
    index = new Map();
    for (const head of heads) {
      const first = head.split(" ")[0] ?? head;
      index.set(first, [...(index.get(first) ?? []), head]);
    }
    indexes.set(heads, index);
  }
  const space = key.indexOf(" ");
  const candidates = index.get(space < 0 ? key : key.slice(0, space));
  if (!candidates) return null;
  let best: string | null = null;
  for (const head of candidates) {
    if ((key === head || key.startsWith(`${head} `)) && (!best || head.length > best.length)) best = head;
  }
  return best;
}

/** The folded head word a unit string starts with, if any: "Phòng GDĐT" → "phong". */
export function unitHead(text: string): string | null {
  return startsWithHead(foldLower(text.trim()), HEAD_WORDS);
}

// A person named as the doer: "Ông. Hoàng Văn An - Trưởng đoàn" | "Bà Lê Thị Hoa" | "Đồng chí
// Nguyễn Văn Nam, Phó Giám đốc Sở" | "Đ/c Trần Văn B" — an honorific, then a capitalised name.
const PERSON = /^\s*(?:ông|bà|đồng chí|đ\/c|ô|b)\s*\.?\s+\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,4}\b/iu;

/** True when the text names a person (with an honorific) rather than a unit: "Ông. Hoàng Văn An". */
export function namesPerson(text: string): boolean {
  return PERSON.test(text);
}

// Pieces are gathered in a list and joined once: growing one string and re-reading it at each
// piece ("… và … và …" a thousand times) made a long list quadratic.
function splitAt(
  parts: string[],
  separator: RegExp,
  accept: (next: string, current: string) => boolean,
): string[] {
  const glue = separator.source.includes("và") ? " và " : ", ";
  const out: string[] = [];
  for (const part of parts) {
    const pieces = part.split(separator);
    let current = [pieces[0] ?? ""];
    let length = current[0]?.length ?? 0;
    let blank = !(current[0] ?? "").trim();
    for (let i = 1; i < pieces.length; i++) {
      const next = pieces[i] ?? "";
      // Only a short name is ever read whole (OFFICE_OF_BODY): a long one is passed as "".
      const whole = length <= MAX_READ_WHOLE ? current.join(glue).trim() : "";
      if (!blank && accept(next.trim(), whole)) {
        out.push(current.join(glue));
        current = [next];
        length = next.length;
        blank = !next.trim();
      } else {
        current.push(next);
        length += glue.length + next.length;
        blank = false;
      }
    }
    out.push(current.join(glue));
  }
  return out;
}

// The longest name an acceptance test reads whole: "Văn phòng Đoàn đại biểu Quốc hội" and the like.
const MAX_READ_WHOLE = 64;

const CAPITAL = /^[\p{Lu}]/u;

function nextIsUnitAfterComma(next: string): boolean {
  const key = foldLower(next);
  if (/^cac /.test(key)) return true;
  return CAPITAL.test(next) && startsWithHead(key, CAPITAL_HEADS) !== null;
}

// The office of two bodies is one unit: "Văn phòng HĐND và UBND xã" | "Văn phòng Hội đồng nhân dân
// và Ủy ban nhân dân huyện" | "Văn phòng Đoàn ĐBQH và HĐND tỉnh".
const OFFICE_OF_BODY =
  /^van phong (?:hdnd|hoi dong nhan dan|doan dbqh|doan dai bieu quoc hoi|ubnd|uy ban nhan dan)$/;
const SECOND_BODY = /^(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan)\b/;

// "các sở, ban, ngành" | "các sở ban ngành" | "các sở, ngành": the departments as one fixed phrase.
const DEPARTMENTS_PHRASE = /^cac so,? (?:ban,? )?nganh$/;

/** "địa phương" written after "các sở, ban, ngành": the localities, a group of their own. */
function localitiesBesideDepartments(unit: string, before: string): boolean {
  return /^dia phuong\b/.test(foldLower(unit)) && DEPARTMENTS_PHRASE.test(foldLower(before));
}

function nextIsUnitAfterAnd(next: string, current = ""): boolean {
  const key = foldLower(next);
  // "các sở, ban, ngành và địa phương": the localities are a second group beside the departments.
  if (localitiesBesideDepartments(next, current)) return true;
  if (OFFICE_OF_BODY.test(foldLower(current)) && SECOND_BODY.test(key)) return false;
  if (!startsWithHead(key, AFTER_AND)) return false;
  // "Các Bộ, ngành, địa phương và đơn vị": a bare kind closing a list of kinds shares its "Các".
  if (/^(?:don vi|co quan|dia phuong|nganh)$/.test(key) && /^cac [^,]+,/.test(foldLower(current)))
    return false;
  // "Sở Kế hoạch và Đầu tư": "Đầu tư" is no head; "… và Sở Tài chính" is.
  return true;
}

// "Các phòng: Giáo dục Mầm non, Giáo dục Tiểu học" | "các trường: THPT Lê Quý Đôn, THPT Trần Phú"
const SHARED_HEAD =
  /^(?:các|cac)\s+(phòng|phong|sở|so|trường|truong|trung tâm|trung tam|ban|đơn vị|don vi|xã|phường|huyện)\s*:\s*(.+)$/iu;

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * Splits a unit list into units: `splitUnits("Văn phòng Sở; Phòng GDTX&ĐH, Công đoàn ngành GDĐT")`
 * → `["Văn phòng Sở", "Phòng GDTX&ĐH", "Công đoàn ngành GDĐT"]`.
 */
export function splitUnits(input: string): string[] {
  const text = cleanValue(collapseBlanks(input)).replace(/\s*\/\s+/g, "/");
  if (!text) return [];
  const shared = SHARED_HEAD.exec(text);
  if (shared) {
    const head = capitalise(shared[1] ?? "");
    return splitBareNames(shared[2] ?? "")
      .map((s) => cleanValue(s))
      .filter(Boolean)
      .map((name) => (foldLower(name).startsWith(foldLower(head)) ? name : `${head} ${name}`));
  }
  let parts = text.split(/\s*;\s*/);
  parts = splitAt(parts, /\s*,\s*/, nextIsUnitAfterComma);
  parts = splitAt(parts, /\s+(?:và|va)\s+/u, nextIsUnitAfterAnd);
  const units = parts.map((p) => cleanValue(p)).filter((p) => p.length > 1);
  return spreadCac(units);
}

// "Các đơn vị giáo dục và đơn vị liên quan": the shared "các" spreads to the later unit.
function spreadCac(listed: string[]): string[] {
  // "…; các sở, ban, ngành và địa phương" → "các địa phương", wherever in the list the phrase stands.
  const units = listed.map((u, i) =>
    i > 0 && localitiesBesideDepartments(u, listed[i - 1] ?? "") ? `các ${u}` : u,
  );
  const first = units[0];
  if (!first || !/^(?:các|cac)\s/iu.test(first)) return units;
  const firstNoun = foldLower(first).split(" ").slice(1, 3).join(" ");
  return units.map((u, i) => {
    if (i === 0) return u;
    const key = foldLower(u);
    return key.startsWith(firstNoun) && !/^(?:các|cac)\s/iu.test(u) ? `các ${u}` : u;
  });
}
