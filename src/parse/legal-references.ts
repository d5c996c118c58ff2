// Numbered documents a plan cites, with date, issuer and relation.
//   "Nghị quyết số 1035/NQ-UBTVQH15 ngày 08/4/2024 của Ủy ban Thường vụ Quốc hội"
//   "Chương trình hành động số 40-CTr/TU ngày 18/11/2022 của Ban Thường vụ Thành ủy"
//   "Quyết định số 42/2017/QĐ-UBND ngày 20/12/2017 của Ủy ban nhân dân thành phố Hải Phòng"
//   "Công văn số 2483/VPCP-QHĐP ngày 15/4/2024"  |  "Luật số 55/2024/QH15"
// Relation: "implements" for the direct objects of "Thực hiện …"/"Triển khai …" in the title and
// the opening; "basis" for the "Căn cứ …" part; "cited" for the rest.

import type { Reference, Relation } from "../domain/plan.js";
import { numberKey } from "../text/number-key.js";
import { isoDate } from "./document-header.js";
import { foldLower } from "./lines.js";
import { firstRangesContaining } from "./ranges.js";

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
 * strongest relation wins). `mentions` are in text order, as findMentions gives them.
 */
export function toReferences(
  mentions: Mention[],
  key: string,
  zones: RelationZones,
  exclude: Set<string>,
): Reference[] {
  const byNumber = new Map<string, Reference>();
  const rank: Record<Relation, number> = { implements: 3, basis: 2, cited: 1 };
  const relations = relationsOf(mentions, key, zones);
  mentions.forEach((m, i) => {
    if (exclude.has(numberKey(m.number))) return;
    const relation = relations[i] ?? "cited";
    const k = numberKey(m.number);
    const known = byNumber.get(k);
    if (!known) {
      byNumber.set(k, { type: m.type, number: m.number, date: m.date, issuer: m.issuer, relation });
      return;
    }
    known.date ??= m.date;
    known.issuer ??= m.issuer;
    known.type ??= m.type;
    if (rank[relation] > rank[known.relation]) known.relation = relation;
  });
  return [...byNumber.values()];
}

// The key numbers are compared by lives in text/, where the store takes it from too.
export { numberKey };

// "(sau đây gọi là Nghị quyết số 07-NQ/TU)": an alias names again, it implements nothing new
const ALIAS = /sau day goi (?:la|tat)/g;

/**
 * Each mention's relation, in one pass over the text: a direct object in an implementing zone
 * implements, a mention in a "Căn cứ" paragraph is basis, the rest cited. Linear in mentions and
 * text: a clause is found from the last break before it, never by reading back, and each
 * mention's "is a direct object" is worked out once (a preamble of thousands of coordinated
 * numbers used to take minutes).
 */
function relationsOf(all: readonly Mention[], key: string, zones: RelationZones): Relation[] {
  const starts = all.map((m) => m.start);
  const implementingAt = firstRangesContaining(zones.implementing, starts);
  const basisAt = firstRangesContaining(zones.basis, starts);
  const breaks = lastClauseBreaks(key, starts);
  const aliases = [...key.matchAll(ALIAS)].map((a) => [a.index ?? 0, (a.index ?? 0) + a[0].length] as const);
  // The mention before each one in text order (mentions at the same place are not "before").
  const previous: number[] = [];
  all.forEach((m, i) => {
    const prior = all[i - 1];
    previous.push(prior && prior.start === m.start ? (previous[i - 1] ?? -1) : i - 1);
  });
  const clauseStart = (i: number, zone: readonly [number, number]) => {
    const at = breaks[i] ?? -1;
    return at >= zone[0] ? at + 1 : zone[0];
  };
  // After an alias in its clause a mention is no direct object: the first alias at or after the
  // clause start ends soonest.
  const afterAlias = (from: number, to: number) => {
    const k = firstAtOrAfter(aliases, from);
    const alias = aliases[k];
    return alias !== undefined && alias[1] <= to;
  };
  const known = new Map<number, Map<number, boolean>>();
  const isDirect = (i: number, zoneIndex: number, zone: readonly [number, number]): boolean => {
    let memo = known.get(zoneIndex);
    if (!memo) {
      memo = new Map();
      known.set(zoneIndex, memo);
    }
    // A direct object is the first document after the verb of its clause, or one coordinated with
    // the direct object before it: walk back to the first of the chain, then settle it forwards.
    const chain: Array<{ i: number; coordinated: boolean }> = [];
    let value: boolean | undefined;
    for (let j = i; value === undefined; ) {
      const m = all[j] as Mention;
      const cached = memo.get(j);
      if (cached !== undefined) {
        value = cached;
        break;
      }
      const from = clauseStart(j, zone);
      const p = previous[j] ?? -1;
      const last = p >= 0 ? all[p] : undefined;
      if (afterAlias(from, m.start)) value = false;
      else if (!last || last.start < from) value = opensClause(key.slice(from, m.start));
      else if (last.end > m.start) value = false;
      else {
        chain.push({ i: j, coordinated: isCoordination(key.slice(last.end, m.start)) });
        j = p;
        continue;
      }
      memo.set(j, value);
    }
    for (let k = chain.length - 1; k >= 0; k--) {
      const link = chain[k] as { i: number; coordinated: boolean };
      value = value && link.coordinated;
      memo.set(link.i, value);
    }
    return value;
  };
  return all.map((_, i) => {
    const zoneIndex = implementingAt[i] ?? -1;
    const zone = zones.implementing[zoneIndex];
    if (zone && isDirect(i, zoneIndex, zone)) return "implements";
    return (basisAt[i] ?? -1) >= 0 ? "basis" : "cited";
  });
}

// The first mention of a clause is a direct object when the clause opens with it, or when a verb
// stands a few words before it.
// (Runs of white space are read as one: "\s+" inside a repeated group, then "\s*$", share a long run
// every way.)
function opensClause(clause: string): boolean {
  const before = clause.replace(/\s+/g, " ");
  // After a colon the clause lists its objects: "các Chương trình hành động …: số 02-CTr/TU".
  const colon = before.lastIndexOf(":");
  const head = colon >= 0 ? before.slice(colon + 1) : before;
  return OPENS_WITH_OBJECT.test(head) || VERB_THEN_OBJECT.test(before);
}

// Between two coordinated objects. Runs of white space are read as one: COORDINATION has several
// `\s*` side by side, which would try every way of sharing out a long run.
function isCoordination(between: string): boolean {
  return COORDINATION.test(between.length > 1 ? between.replace(/\s+/g, " ") : between);
}

/** Index of the first pair whose start is at or after `from` (pairs sorted by start). */
function firstAtOrAfter(pairs: ReadonlyArray<readonly [number, number]>, from: number): number {
  let lo = 0;
  let hi = pairs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((pairs[mid]?.[0] ?? 0) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** For each offset (in ascending order), the last ";", "(", ")" or line break before it, or -1. */
function lastClauseBreaks(key: string, offsets: readonly number[]): number[] {
  const out: number[] = [];
  let last = -1;
  let scanned = 0;
  for (const offset of offsets) {
    for (; scanned < offset; scanned++) {
      const c = key.charCodeAt(scanned);
      // ; ( ) \n
      if (c === 59 || c === 40 || c === 41 || c === 10) last = scanned;
    }
    out.push(last);
  }
  return out;
}

/** Ranges of paragraphs that start with a "Thực hiện …" verb in [from, to) of `key`. */
export function implementingParagraphs(key: string, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const region = key.slice(from, to);
  // "Thực hiện Kế hoạch số …" | "Triển khai …" | "Nhằm …" | "Thue hién" (OCR)
  const start = /(?:^|\n)\s*(?:thu[ce] hi[e@]n|trien khai|nham|de trien khai|de thuc hien|quan triet)\b/g;
  for (const m of region.matchAll(start)) {
    const s = from + (m.index ?? 0);
    out.push([s, paragraphEnd(key, s, to)]);
  }
  return out;
}

/**
 * Where the paragraph that starts at `s` ends: at a line that closes a sentence (".", ";", ":") or
 * before a blank line — text from PDF breaks a paragraph into lines ("Thực hiện Quyết định số" /
 * "1660/QĐ-TTg ngày 02/10/2021 …") — and within a bound, so one paragraph never runs through a page.
 */
function paragraphEnd(key: string, s: number, to: number): number {
  const limit = Math.min(to, s + 1500);
  let end = key.indexOf("\n", s + 2);
  while (end >= 0 && end < limit) {
    const lineEnd = key.slice(Math.max(s, end - 3), end).trimEnd();
    if (/[.;:]$/.test(lineEnd) || key.charAt(end + 1) === "\n" || key.charAt(end + 1) === undefined)
      return end;
    end = key.indexOf("\n", end + 1);
  }
  return end < 0 ? to : Math.min(end, limit);
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
