// The outline: numbered items of the body as a tree. Vietnamese plans number sections I, II, III,
// their items 1, 2, 3 (or 1.1, 1.2) and sub-items a), b), c); OCR reads "II." as "I1." and "7."
// as "/.". Bullets ("-", "+") are content, not outline.

import type { SectionRole } from "../domain/plan.js";
import type { Line } from "./lines.js";

export interface OutlineItem {
  /** The printed label, repaired where OCR misread it: "II", "3", "a". */
  label: string;
  /** 0 a part (A., B.), 1 roman, 2 arabic, 3 "1.1", 4 "1.1.1", 5 letter. */
  rank: number;
  /** Index of the item's first line. */
  line: number;
  /** Index after the item's last line (children included). */
  endLine: number;
  /** The text after the label on the first line. */
  head: string;
  /** Offset where the head text starts. */
  headStart: number;
  children: OutlineItem[];
  role: SectionRole;
}

// "II. NỘI DUNG" | "I1. NOI DUNG" (OCR) | "IV) TỔ CHỨC"
const ROMAN = /^\s*([IVX][IVXl1]{0,4})\s*[.)]\s*(\S.*)$/;
// "12. Sở Tài chính" | "2) …" | "1.2. Nhiệm vụ" | "/. Tang cuong" (OCR 7.)
// (after the mark a space, or a letter: "1.Mục đích" is an item, "1.5 triệu" is a number)
const ARABIC = /^\s*(\d{1,3}(?:\.\d{1,2}){0,2}|\/)\s*[.)](?:\s+|(?=\p{L}))(\S.*)$/u;
// "1000. Rà soát …" after "999. …": a label of four or five digits is an item only where it goes on
// counting the items before it ("2025. Năm tổng kết" alone is a year) — a plan of 16,000 numbered
// tasks keeps its task 1000 and after.
const COUNTED = /^\s*(\d{4,5})\s*[.)]\s+(\S.*)$/u;
// "a) Xây dựng" | "đ) …" | "¢) Tiep tuc" (OCR c)
const LETTER = /^\s*([a-zđ¢])\)\s*(\S.*)$/u;
// "A. MỤC ĐÍCH, YÊU CẦU" | "B. NỘI DUNG, NHIỆM VỤ, GIẢI PHÁP": parts above the roman sections, their
// heading in capitals (not "I.", "V.", "X.", which are roman; not "A. Nguyễn" a name)
const PART = /^\s*([A-HJ-UW])\s*\.\s+(\S.*)$/u;

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10 };

/** Reads a roman label, mapping OCR's 1 and l to I: "I11" → 3. Returns 0 when it is not roman. */
export function romanValue(label: string): number {
  const s = label.replace(/[1l]/g, "I");
  if (!/^(?:X{0,2})(?:IX|IV|V?I{0,3})$/.test(s) || !s) return 0;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUES[s[i] ?? ""] ?? 0;
    const next = ROMAN_VALUES[s[i + 1] ?? ""] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

export function toRoman(n: number): string {
  const table: Array<[number, string]> = [
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let out = "";
  let rest = n;
  for (const [v, s] of table)
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  return out;
}

interface Marker {
  label: string;
  rank: number;
  head: string;
  headOffset: number;
}

/** Reads the outline marker a line starts with, or null: "I1. NOI DUNG" → { label: "II", rank: 1 }. */
/** A four- or five-digit label that follows the last arabic item open: "1000." after "999.". */
function countedMarker(text: string, open: readonly OutlineItem[]): Marker | null {
  const m = COUNTED.exec(text);
  if (!m) return null;
  let last: OutlineItem | undefined;
  for (let k = open.length - 1; k >= 0 && !last; k--) if (open[k]?.rank === 2) last = open[k];
  if (!last || Number(last.label) + 1 !== Number(m[1])) return null;
  const head = m[2] ?? "";
  return { label: m[1] ?? "", rank: 2, head, headOffset: text.length - head.length };
}

export function readMarker(text: string): Marker | null {
  const part = PART.exec(text);
  if (part) {
    const head = part[2] ?? "";
    const letters = head.match(/\p{L}/gu) ?? [];
    if (letters.length >= 6 && letters.every((c) => c === c.toUpperCase()))
      return { label: part[1] ?? "", rank: 0, head, headOffset: text.length - head.length };
  }
  let m = ROMAN.exec(text);
  if (m) {
    const value = romanValue(m[1] ?? "");
    if (value > 0 && value <= 20) {
      const head = m[2] ?? "";
      return { label: toRoman(value), rank: 1, head, headOffset: text.length - head.length };
    }
  }
  m = ARABIC.exec(text);
  if (m) {
    const raw = m[1] ?? "";
    const head = m[2] ?? "";
    // "2025. Something" is a year, not a label; "1.2" must be followed by text, not a decimal.
    if (raw === "/") return { label: "/", rank: 2, head, headOffset: text.length - head.length };
    const parts = raw.split(".");
    return {
      label: parts[parts.length - 1] ?? raw,
      rank: 1 + parts.length,
      head,
      headOffset: text.length - head.length,
    };
  }
  m = LETTER.exec(text);
  if (m) {
    const head = m[2] ?? "";
    const label = m[1] === "¢" ? "c" : (m[1] ?? "");
    return { label, rank: 5, head, headOffset: text.length - head.length };
  }
  return null;
}

/**
 * Builds the outline of lines [from, to): every numbered line becomes an item, nested by rank.
 * `isHeading` may veto a marker (a numbered line inside a table, a date).
 */
export function buildOutline(lines: readonly Line[], from: number, to: number): OutlineItem[] {
  const roots: OutlineItem[] = [];
  const stack: OutlineItem[] = [];
  // The labels each list of siblings holds, kept beside it: a list of thousands of items must not
  // be read again for every item.
  const labels = new Map<OutlineItem[], Set<string>>();
  const labelsOf = (siblings: OutlineItem[]) => {
    let known = labels.get(siblings);
    if (!known) {
      known = new Set();
      labels.set(siblings, known);
    }
    return known;
  };
  for (let i = from; i < to; i++) {
    const line = lines[i];
    if (!line) continue;
    // Table rows ("1\tXây dựng …\tVăn phòng Sở") are read by the table recogniser.
    if (line.text.includes("\t") || /^\s*\|/.test(line.text)) continue;
    const marker = readMarker(line.text) ?? countedMarker(line.text, stack);
    if (!marker) continue;
    while (stack.length && (stack[stack.length - 1]?.rank ?? 0) >= marker.rank) {
      const done = stack.pop();
      if (done) done.endLine = i;
    }
    const parent = stack[stack.length - 1];
    const siblings = parent ? parent.children : roots;
    let label = marker.label;
    const prev = siblings[siblings.length - 1];
    // OCR "/." after "6." is "7."; a repeated arabic label ("1.", "2.", "2.") continues the count.
    if (label === "/") label = prev && /^\d+$/.test(prev.label) ? String(Number(prev.label) + 1) : "7";
    else if (
      marker.rank >= 2 &&
      marker.rank <= 4 &&
      prev &&
      labelsOf(siblings).has(label) &&
      /^\d+$/.test(prev.label)
    ) {
      label = String(Number(prev.label) + 1);
    }
    const item: OutlineItem = {
      label,
      rank: marker.rank,
      line: i,
      endLine: to,
      head: marker.head.trim(),
      headStart: line.start + marker.headOffset,
      children: [],
      role: "other",
    };
    siblings.push(item);
    labelsOf(siblings).add(label);
    stack.push(item);
  }
  for (const open of stack) open.endLine = Math.min(open.endLine, to);
  return roots;
}

/** Every item of the tree, depth first, with the labels on the way down. */
export function* walk(
  items: readonly OutlineItem[],
  path: string[] = [],
): Generator<[OutlineItem, string[]]> {
  for (const item of items) {
    const here = [...path, item.label];
    yield [item, here];
    yield* walk(item.children, here);
  }
}
