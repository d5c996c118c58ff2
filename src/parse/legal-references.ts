// Numbered documents a plan cites, with date, issuer and relation.
//   "Nghị quyết số 1035/NQ-UBTVQH15 ngày 08/4/2024 của Ủy ban Thường vụ Quốc hội"
//   "Chương trình hành động số 40-CTr/TU ngày 18/11/2022 của Ban Thường vụ Thành ủy"
//   "Quyết định số 42/2017/QĐ-UBND ngày 20/12/2017 của Ủy ban nhân dân thành phố Hải Phòng"
//   "Công văn số 2483/VPCP-QHĐP ngày 15/4/2024"  |  "Luật số 55/2024/QH15"
// Relation: "implements" for the direct objects of "Thực hiện …"/"Triển khai …" in the title and
// the opening; "basis" for the "Căn cứ …" part; "cited" for the rest.

import type { Reference, Relation } from "../domain/plan.js";
import { isoDate } from "./document-header.js";
import { foldLower } from "./lines.js";

export interface Mention {
  number: string;
  start: number;
  /** End of the mention including its date and issuer. */
  end: number;
  type: string | null;
  date: string | null;
  issuer: string | null;
}

// State numbering: "193/KH-UBND" | "42/2017/QĐ-UBND" | "2483/VPCP-QHĐP" | "326/QĐ-SGDĐT-VP" |
// "26/CT- TTg" (typed space) | "1035/NQ-UBTVQH15" | "55/2024/QH15"; companies number their letters
// more freely: "01.6/GĐN/KSYB" | "30.6/GĐN-ĐQ&V" | "05/2026/VLN/CV-LV"
const STATE =
  /(?<![\p{L}\d/.-])(\d{1,5}(?:\.\d{1,3})?)\s?\/\s?(?:(\d{4})\s?\/\s?)?([A-ZĐ][A-Za-zĐđ&]{0,9}(?:\s?-\s?[A-ZĐ][A-Za-zĐđ&\d]{0,12}|\/[A-ZĐ][A-Za-zĐđ&\d]{0,12}){0,3}|[A-ZĐ]{1,4}\d{1,2})(?![\p{L}\d&])/gu;
// Party numbering: "06-NQ/TW" | "134-KL/TU" | "17-CTr-TU" | "45- NQ/TW" | "28- -NQ/TU" | "124-Qb/TW" (OCR)
const PARTY =
  /(?<![\p{L}\d/.-])(\d{1,5})\s?-\s?(?:-\s?)?([A-ZĐ][A-Za-zĐđ]{0,4})\s?[/-]\s?([A-ZĐ][A-ZĐ]{0,4}[a-z]?)(?![\p{L}\d])/gu;

// Type codes that exist (document-types.md); "Qb" is an OCR misreading of "QĐ".
const TYPE_CODES: Record<string, string> = {
  NQ: "Nghị quyết",
  QĐ: "Quyết định",
  CT: "Chỉ thị",
  QC: "Quy chế",
  QyĐ: "Quy định",
  QĐi: "Quy định",
  TC: "Thông cáo",
  TB: "Thông báo",
  HD: "Hướng dẫn",
  CTr: "Chương trình",
  KH: "Kế hoạch",
  PA: "Phương án",
  ĐA: "Đề án",
  DA: "Dự án",
  BC: "Báo cáo",
  BB: "Biên bản",
  TTr: "Tờ trình",
  HĐ: "Hợp đồng",
  CĐ: "Công điện",
  KL: "Kết luận",
  NĐ: "Nghị định",
  TT: "Thông tư",
  TTLT: "Thông tư liên tịch",
  CV: "Công văn",
  TTg: "Quyết định",
  L: "Luật",
  QH: "Luật",
};
// "Qb" | "QB" | "Qđ" → "QĐ": a code that does not exist but is one misread letter from one that does.
const CODE_REPAIRS: Record<string, string> = { Qb: "QĐ", QB: "QĐ", Qđ: "QĐ", Nb: "NĐ", NB: "NĐ", Đ: "Đ" };

// The type word before the number: "Nghị quyết số" | "Kế hoạch" | "Chương trình hành động số"
const TYPE_WORDS: Array<[RegExp, string]> = [
  [/chuong trinh hanh dong\s*(?:so)?\s*$/, "Chương trình hành động"],
  [/chuong trinh\s*(?:so)?\s*$/, "Chương trình"],
  [/nghi quyet\s*(?:so)?\s*$/, "Nghị quyết"],
  [/nghi dinh\s*(?:so)?\s*$/, "Nghị định"],
  [/quyet dinh\s*(?:so)?\s*$/, "Quyết định"],
  [/ke hoach\s*(?:so)?\s*$/, "Kế hoạch"],
  [/chi thi\s*(?:so)?\s*$/, "Chỉ thị"],
  [/ket luan\s*(?:so)?\s*$/, "Kết luận"],
  [/thong tu(?: lien tich)?\s*(?:so)?\s*$/, "Thông tư"],
  [/cong van\s*(?:so)?\s*$/, "Công văn"],
  [/quy dinh\s*(?:so)?\s*$/, "Quy định"],
  [/quy che\s*(?:so)?\s*$/, "Quy chế"],
  [/huong dan\s*(?:so)?\s*$/, "Hướng dẫn"],
  [/thong bao\s*(?:so)?\s*$/, "Thông báo"],
  [/luat\s*(?:so)?\s*$/, "Luật"],
  [/de an\s*(?:so)?\s*$/, "Đề án"],
  [/cong dien\s*(?:so)?\s*$/, "Công điện"],
];

// After the number: ", ngày 04/11/2013" | "ngày 19 tháng 8 năm 2021" | "thông qua ngày 28/12/2017" | " 24/8/2021"
const DATE_AFTER =
  /^\s*,?\s*(?:(?:thong qua|ban hanh|ky)\s+)?(?:ngay\s*)?(\d{1,2})\s*(?:\/|-|\s?thang\s?)\s*(\d{1,2})\s*(?:\/|-|\s?nam\s?)\s*(\d{4})/;
// "của Ban Thường vụ Thành ủy" … up to what the document is about. ("đang" is no stop word:
// folded it reads like "Đảng", as in "Ban Chấp hành Đảng bộ thành phố".)
const ISSUER_AFTER = /^\s*,?\s*cua\s+/;
const ISSUER_STOP =
  /\s(?:ve|thuc hien|trien khai|ban hanh|phe duyet|tiep tuc|quy dinh|huong dan|tai|trong|doi voi|nham|theo|lam|cung|da|duoc)\s|[,;:“"(.]|\s+va\s+(?:cac|nghi|quyet|ke|chi|chuong)/;

function typeFromCode(code: string): string | null {
  const parts = code.split(/[-/]/);
  for (const p of parts) {
    if (TYPE_CODES[p]) return TYPE_CODES[p] ?? null;
    // "55/2024/QH15": a law of the 15th National Assembly
    if (/^QH\d{1,2}$/.test(p)) return "Luật";
  }
  return null;
}

/** Finds every numbered document mention in `text` (its folded form `key` has the same length). */
export function findMentions(text: string, key: string): Mention[] {
  const found: Mention[] = [];
  const take = (start: number, end: number, number: string, codeForType: string) => {
    const before = key.slice(Math.max(0, start - 40), start);
    let type: string | null = null;
    for (const [pattern, name] of TYPE_WORDS)
      if (pattern.test(before)) {
        type = name;
        break;
      }
    type ??= typeFromCode(codeForType) ?? (/^\d+\/[A-ZĐ]+-/.test(number) ? "Công văn" : null);
    let cursor = end;
    let date: string | null = null;
    const d = DATE_AFTER.exec(key.slice(cursor, cursor + 40));
    if (d) {
      date = isoDate(Number(d[3]), Number(d[2]), Number(d[1]));
      cursor += d[0].length;
    }
    let issuer: string | null = null;
    const tail = key.slice(cursor, cursor + 160);
    const of = ISSUER_AFTER.exec(tail);
    if (of) {
      const rest = tail.slice(of[0].length);
      const stop = ISSUER_STOP.exec(rest);
      let len = stop ? stop.index : rest.length;
      // "Ban Chấp hành Trung ương Đảng khóa XII": keep the term of office.
      const khoa = /^\s*\(?khoa [ivxl]+\)?/.exec(rest.slice(len));
      if (khoa) len += khoa[0].length;
      const raw = text.slice(cursor + of[0].length, cursor + of[0].length + len).trim();
      if (raw.length >= 3 && raw.split(/\s+/).length <= 14 && !/^(?:thuc|trien)/.test(foldLower(raw))) {
        issuer = raw;
        cursor += of[0].length + len;
      }
    }
    found.push({ number, start, end: cursor, type, date, issuer });
  };
  for (const m of text.matchAll(STATE)) {
    const code = m[3] ?? "";
    if (!/[A-ZĐ]/.test(code)) continue;
    const number = `${m[1]}/${m[2] ? `${m[2]}/` : ""}${code.replace(/\s/g, "")}`;
    take(m.index ?? 0, (m.index ?? 0) + m[0].length, number, code.replace(/\s/g, ""));
  }
  for (const m of text.matchAll(PARTY)) {
    const rawCode = m[2] ?? "";
    const code = CODE_REPAIRS[rawCode] ?? rawCode;
    if (!TYPE_CODES[code] && !/^[A-ZĐ]/.test(code)) continue;
    const sep = /-\s?-?\s?[A-Za-zĐđ]+\s?-/.test(m[0]) ? "-" : "/";
    const number = `${m[1]}-${code}${sep}${m[3]}`;
    take(m.index ?? 0, (m.index ?? 0) + m[0].length, number, code);
  }
  return found.sort((a, b) => a.start - b.start);
}

export interface RelationZones {
  /** Ranges of text whose direct objects the plan implements (title, "Thực hiện …" paragraphs). */
  implementing: Array<[number, number]>;
  /** Ranges of the "Căn cứ …" part. */
  basis: Array<[number, number]>;
}

// The verb before a direct object, then at most six words (the type word, "có hiệu quả"):
// "Thực hiện Kế hoạch số" | "Nhằm tiếp tục triển khai có hiệu quả Nghị quyết số" | "Thue hién Chưong trinh hanh ddng số" (OCR)
const VERB_THEN_OBJECT = /(?:thu[ce] hien|trien khai|quan triet|cu the hoa)(?:\s+[\p{L}]+){0,6}\s*$/u;
// A clause that opens with its object: "Chỉ thị số" | "số" | "các Chương trình hành động"
const OPENS_WITH_OBJECT = /^\s*(?:va\s+)?(?:cac\s+)?(?:[\p{L}]+\s+){0,4}(?:so)?\s*$/u;
const TYPE_PHRASE = TYPE_WORDS.map(([p]) => p.source.replace(/\\s\*\(\?:so\)\?\\s\*\$$/, "")).join("|");
// Between two coordinated objects: ", Chỉ thị số" | " và Nghị quyết số" | "; số"
const COORDINATION = new RegExp(
  `^\\s*[,;]?\\s*(?:va\\s+|cung\\s+)?(?:cac\\s+)?(?:(?:${TYPE_PHRASE})\\s*)?(?:so)?\\s*$`,
);

/**
 * Turns mentions into references, one per number (first mention wins for date and issuer; the
 * strongest relation wins).
 */
export function toReferences(
  mentions: Mention[],
  key: string,
  zones: RelationZones,
  exclude: Set<string>,
): Reference[] {
  const byNumber = new Map<string, Reference>();
  const rank: Record<Relation, number> = { implements: 3, basis: 2, cited: 1 };
  for (const m of mentions) {
    if (exclude.has(numberKey(m.number))) continue;
    const relation = relationOf(m, mentions, key, zones);
    const k = numberKey(m.number);
    const known = byNumber.get(k);
    if (!known) {
      byNumber.set(k, { type: m.type, number: m.number, date: m.date, issuer: m.issuer, relation });
      continue;
    }
    known.date ??= m.date;
    known.issuer ??= m.issuer;
    known.type ??= m.type;
    if (rank[relation] > rank[known.relation]) known.relation = relation;
  }
  return [...byNumber.values()];
}

/** The key numbers are compared by: upper case, no spaces, Đ as D. */
export function numberKey(number: string): string {
  return foldLower(number).replace(/\s/g, "");
}

function inside(pos: number, ranges: Array<[number, number]>): [number, number] | null {
  for (const r of ranges) if (pos >= r[0] && pos < r[1]) return r;
  return null;
}

function relationOf(m: Mention, all: Mention[], key: string, zones: RelationZones): Relation {
  const zone = inside(m.start, zones.implementing);
  if (zone && isDirectObject(m, all, key, zone)) return "implements";
  if (inside(m.start, zones.basis)) return "basis";
  return "cited";
}

// A direct object is the first document after the verb of its clause, or one coordinated with it.
function isDirectObject(m: Mention, all: Mention[], key: string, zone: [number, number]): boolean {
  // The clause runs from the last ";" or bracket (or the zone start) to the mention.
  let clauseStart = zone[0];
  for (let i = m.start - 1; i >= zone[0]; i--) {
    const c = key[i];
    if (c === ";" || c === "(" || c === ")" || c === "\n") {
      clauseStart = i + 1;
      break;
    }
  }
  const before = key.slice(clauseStart, m.start);
  if (/sau day goi (?:la|tat)/.test(before)) return false;
  const previous = all.filter((o) => o !== m && o.start >= clauseStart && o.start < m.start);
  if (!previous.length) {
    // After a colon the clause lists its objects: "các Chương trình hành động …: số 02-CTr/TU".
    const colon = before.lastIndexOf(":");
    const head = colon >= 0 ? before.slice(colon + 1) : before;
    return OPENS_WITH_OBJECT.test(head) || VERB_THEN_OBJECT.test(before);
  }
  const last = previous[previous.length - 1];
  if (!last || last.end > m.start || !isDirectObject(last, all, key, zone)) return false;
  return COORDINATION.test(key.slice(last.end, m.start));
}

/** Ranges of paragraphs that start with a "Thực hiện …" verb in [from, to) of `key`. */
export function implementingParagraphs(key: string, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const region = key.slice(from, to);
  // "Thực hiện Kế hoạch số …" | "Triển khai …" | "Nhằm …" | "Thue hién" (OCR)
  const start = /(?:^|\n)\s*(?:thu[ce] hi[e@]n|trien khai|nham|de trien khai|de thuc hien|quan triet)\b/g;
  for (const m of region.matchAll(start)) {
    const s = from + (m.index ?? 0);
    const end = key.indexOf("\n", s + 2);
    out.push([s, end < 0 ? to : Math.min(end, to)]);
  }
  return out;
}

/** Ranges of "Căn cứ …" paragraphs in [from, to) of `key`. */
export function basisParagraphs(key: string, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const region = key.slice(from, to);
  for (const m of region.matchAll(/(?:^|\n)\s*can cu\b/g)) {
    const s = from + (m.index ?? 0);
    const end = key.indexOf("\n", s + 2);
    out.push([s, end < 0 ? to : Math.min(end, to)]);
  }
  return out;
}
