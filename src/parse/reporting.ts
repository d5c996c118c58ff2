// Reporting obligations: a sentence that orders a report ("báo cáo", "gửi báo cáo", "tổng hợp báo
// cáo", "sơ kết", "tổng kết") with a datable timeframe; one obligation per timeframe.
//   "định kỳ trước ngày 15/6 và 15/12 gửi báo cáo kết quả triển khai thực hiện về Sở Giáo dục và Đào
//    tạo qua Văn phòng Sở để tổng hợp, báo cáo Ủy ban nhân dân thành phố … trước ngày 30/6 và 30/12
//    hàng năm"  → units → Sở by 15/6, 15/12; Sở → UBND by 30/6, 30/12

import type { Reporting } from "../domain/plan.js";
import { findTimeframes, type TimeContext } from "../time/timeframe.js";
import { unitsFromSentence } from "./assignments.js";
import { cleanValue, foldLower } from "./lines.js";
import { splitUnits, unitHead } from "./units.js";

const REPORT_WORD = /\b(?:bao cao|so ket|tong ket|danh gia ket qua)\b/;
// "về Sở Giáo dục và Đào tạo" | "gửi Sở …" | "báo cáo Ủy ban nhân dân thành phố" — not "báo cáo sơ kết"
const TARGET =
  /\b(?:ve|gui(?: ve)?|bao cao|len)\s+((?:so(?! (?:ket|bo|luoc|tuyen|cap|cuu|khai)\b)|uy ban|ubnd|bo|van phong|phong|ban|thanh uy|tinh uy|lanh dao|cuc|giam doc|chu tich|thuong truc|thu tuong|chinh phu)\b[^,;.()]{0,80})/g;
const TARGET_END =
  /\s(?:qua|de|truoc|trong|dinh ky|theo|cham nhat|vao|hang|xem xet|tong hop|ket qua|tinh hinh|viec|ve)\b/;
// ", Sở Lao động Thương binh và Xã hội" right after a target: a second unit of the same list
const NEXT_UNIT =
  /^\s*,\s*((?:Sở|Ủy ban|UBND|Bộ|Văn phòng|Phòng|Ban|Thành ủy|Tỉnh ủy|Cục|các)\s[^,;.()]{0,80})/u;
// "qua Văn phòng Sở"
const VIA = /\bqua\s+((?:van phong|phong|so|ban)\b[^,;.()]{0,60})/;

export interface ReportSentence {
  text: string;
  /** The units the sentence belongs to: its assignment's units, else its subject. */
  from: string[];
}

function cut(text: string, key: string, start: number, length: number, end: RegExp): string {
  const tail = key.slice(start, start + length);
  const stop = end.exec(tail);
  return cleanValue(text.slice(start, start + (stop ? stop.index : tail.length)));
}

// "định kỳ hằng quý … trước ngày 25 tháng cuối quý": the dated phrase says when in the period the
// report is due; the bare periodicity ("hằng quý": the quarter's last day) is the same duty, not a second.
function withoutGenericPeriods<T extends { timeframe: { text: string; kind: string; dates?: string[] } }>(
  found: T[],
): T[] {
  const months = (t: T["timeframe"]) =>
    t.kind === "recurring" && t.dates ? t.dates.map((d) => d.slice(0, 2)).join(",") : null;
  // The months of the dated phrases, gathered once (a sentence may hold thousands of phrases).
  const dated = new Set(found.filter((g) => /\d/.test(g.timeframe.text)).map((g) => months(g.timeframe)));
  return found.filter((f) => /\d/.test(f.timeframe.text) || !dated.has(months(f.timeframe)));
}

// "tham mưu UBND tỉnh báo cáo HĐND tỉnh bố trí kinh phí …": a report that asks a council for funds
// is a proposal, not a report on the plan's results.
const ASKS_FOR_FUNDS = /^[^,;.]{0,50}?\b(?:bo tri|phan bo|cap|bo sung)\s+(?:kinh phi|nguon|ngan sach|von)\b/;

function onlyAsksForFunds(key: string): boolean {
  for (const m of key.matchAll(new RegExp(REPORT_WORD.source, "g")))
    if (!ASKS_FOR_FUNDS.test(key.slice((m.index ?? 0) + m[0].length))) return false;
  return true;
}

/** Reads the obligations of one sentence: `readReporting({ text, from }, { year: 2024 })`. */
export function readReporting(
  sentence: ReportSentence,
  time: TimeContext,
  issuer: string | null,
): Reporting[] {
  const { text } = sentence;
  const key = foldLower(text);
  if (!REPORT_WORD.test(key) || onlyAsksForFunds(key)) return [];
  const found = withoutGenericPeriods(
    findTimeframes(text, time).filter(
      (f) => f.timeframe.kind !== "none" && f.timeframe.kind !== "continuous",
    ),
  );
  if (!found.length) return [];
  const targets: Array<{ at: number; units: string[] }> = [];
  for (const m of key.matchAll(TARGET)) {
    const at = (m.index ?? 0) + m[0].length - (m[1] ?? "").length;
    let kept = cut(text, key, at, (m[1] ?? "").length, TARGET_END);
    // "gửi Sở Giáo dục và Đào tạo, Sở Lao động Thương binh và Xã hội để …": a comma goes on to
    // the next unit only where a unit follows it.
    let end = at + (m[1] ?? "").length;
    for (
      let more = NEXT_UNIT.exec(text.slice(end));
      more && kept.length < 300;
      more = NEXT_UNIT.exec(text.slice(end))
    ) {
      const part = cut(
        text,
        key,
        end + more[0].length - (more[1] ?? "").length,
        (more[1] ?? "").length,
        TARGET_END,
      );
      if (!unitHead(part)) break;
      kept += `, ${part}`;
      end += more[0].length;
    }
    if (kept && unitHead(kept)) targets.push({ at, units: splitUnits(kept) });
  }
  const via = VIA.exec(key);
  const viaText = via
    ? cut(
        text,
        key,
        (via.index ?? 0) + via[0].length - (via[1] ?? "").length,
        (via[1] ?? "").length,
        TARGET_END,
      )
    : null;
  const out: Reporting[] = [];
  let from = sentence.from.length ? sentence.from : unitsFromSentence(text);
  let previousTo: string[] | null = null;
  const cleaned = cleanValue(text);
  for (const f of found) {
    // The target is the nearest one named before the timeframe, else the first after it
    // (targets are in text order: found by halving rather than by reading them all).
    const next = firstTargetFrom(targets, f.start);
    const targetIndex = next > 0 ? next - 1 : next;
    const target = targets[targetIndex];
    const to = target?.units ?? [];
    if (previousTo && to.length && previousTo.join() !== to.join()) {
      // A chain: the units that received the first report send the next one.
      from = previousTo.length ? [previousTo[0] ?? ""] : from;
    }
    out.push({
      from: from.length ? from : issuer ? [issuer] : [],
      to,
      // "về Sở … qua Văn phòng Sở": the via belongs to the target it follows.
      via:
        via &&
        target &&
        (via.index ?? 0) > target.at &&
        !((targets[targetIndex + 1]?.at ?? Number.POSITIVE_INFINITY) < (via.index ?? 0))
          ? viaText
          : null,
      timeframe: f.timeframe,
      text: cleaned,
    });
    if (to.length) previousTo = to;
  }
  return out;
}

/** Index of the first target at or after `offset` (targets in text order), or targets.length. */
function firstTargetFrom(targets: ReadonlyArray<{ at: number }>, offset: number): number {
  let lo = 0;
  let hi = targets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((targets[mid]?.at ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
