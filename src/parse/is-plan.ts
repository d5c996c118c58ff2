// Whether a parsed text is a plan at all, and when it is not, what it is. Decree 30/2020/NĐ-CP
// names a document's kind twice: by the type code in its number ("Số: 12/BC-SGDĐT", a report;
// "Số: 3036/SCT-CN", no code: a letter) and by the heading under the header ("BÁO CÁO", "THÔNG
// BÁO", "TỜ TRÌNH"); a letter has instead its subject line ("V/v kế hoạch kiểm tra …") and its
// addressee ("Kính gửi: …"). A plan is "KẾ HOẠCH" / KH, a programme, a scheme, or a decision or
// resolution that issues one (which the parser already reads as KH).

import type { ParsedPlan } from "../domain/plan.js";
import { foldLowerCase } from "../text/fold.js";

const PLAN_CODES = new Set(["KH", "CTr", "ĐA", "PA"]);

// Kinds that are never a plan, by type code; the codes of kinds that may carry one (HD, CT, NQ,
// KL, QC …) are left to the plan's structure.
const NOT_PLAN_CODES: Record<string, string> = {
  BC: "báo cáo",
  TB: "thông báo",
  TTr: "tờ trình",
  BB: "biên bản",
  GM: "giấy mời",
  GGT: "giấy giới thiệu",
  GUQ: "giấy ủy quyền",
  HĐ: "hợp đồng",
  CĐ: "công điện",
  QĐ: "quyết định",
  TC: "thông cáo",
  PG: "phiếu gửi",
  PC: "phiếu chuyển",
  PB: "phiếu báo",
};

// The kind heading under the header, folded: "BÁO CÁO" | "THÔNG BÁO" | "TỜ TRÌNH" | "QUYẾT ĐỊNH"
const NOT_PLAN_HEADINGS: Array<[RegExp, string]> = [
  [/^bao cao\b/, "báo cáo"],
  [/^thong bao\b/, "thông báo"],
  [/^to trinh\b/, "tờ trình"],
  [/^bien ban\b/, "biên bản"],
  [/^giay moi\b/, "giấy mời"],
  [/^cong dien\b/, "công điện"],
  [/^quyet dinh\b/, "quyết định"],
];
const PLAN_HEADING = /^(?:ke hoach|chuong trinh|de an|phuong an)\b/;

// "Số: 12/BC-SGDĐT" → "BC"; "Số: 06-NQ/TW" → "NQ"; "Số: 3036/SCT-CN" → "SCT" (an issuer: a letter)
function typeCodeOf(number: string): string | null {
  const state = /^[\d.\s]*(?:\/\s*\d{4}\s*)?\/\s*([A-Za-zĐđ]+)\s*-/u.exec(number);
  if (state?.[1]) return state[1];
  const party = /^[\d.\s]*-\s*([A-Za-zĐđ]+)\s*\//u.exec(number);
  return party?.[1] ?? null;
}

const KNOWN_CODES = new Set([
  ...PLAN_CODES,
  ...Object.keys(NOT_PLAN_CODES),
  "NQ",
  "CT",
  "QC",
  "QyĐ",
  "QĐi",
  "HD",
  "DA",
  "KL",
  "TT",
  "NĐ",
  "BGN",
  "BTT",
  "GNP",
]);

/** What kind of document the text names itself, where it is not a plan: "công văn", "báo cáo" … */
export function nonPlanKind(plan: ParsedPlan, sourceText = ""): string | null {
  if (plan.document.type && PLAN_CODES.has(plan.document.type)) return null;
  const head = sourceText.slice(0, 3000).split("\n").slice(0, 40);
  const keys = head.map((l) => foldLowerCase(l.trim()));
  // A plan's own kind line in capitals ("KẾ HOẠCH", "KẾ HOẠCH Tổ chức …" run together), whatever
  // else the head cites ("V/v kế hoạch kiểm tra" is a letter's subject, in small letters).
  if (head.some((l, i) => PLAN_HEADING.test(keys[i] ?? "") && /^\p{Lu}{2}/u.test(l.trim()))) return null;
  const code = plan.document.number ? typeCodeOf(plan.document.number) : null;
  if (code && NOT_PLAN_CODES[code]) return NOT_PLAN_CODES[code];
  for (const k of keys)
    for (const [heading, name] of NOT_PLAN_HEADINGS) if (heading.test(k) && k.length < 40) return name;
  // "V/v …" under the number, "Kính gửi: …" before the body; a number with no type code.
  const subject = keys.some((k) => /^v\/v\b|^ve viec\b/.test(k));
  const addressed = keys.some((k) => /^kinh gui\s*:/.test(k));
  if ((subject || addressed) && (!code || !KNOWN_CODES.has(code))) return "công văn";
  return null;
}

export type PlanVerdict = { ok: true } | { ok: false; reason: string; kind: string | null };

/** `isPlan(parsePlan(text), text)` → `{ ok: true }`, or what the document is and why it is no plan. */
export function isPlan(plan: ParsedPlan, sourceText = ""): PlanVerdict {
  const d = plan.document;
  if (d.type && PLAN_CODES.has(d.type)) return { ok: true };
  const kind = nonPlanKind(plan, sourceText);
  if (kind) return { ok: false, kind, reason: `Đây là ${kind}, không phải kế hoạch` };
  const roles = new Set(plan.sections.map((s) => s.role));
  if (plan.tasks.length && (roles.has("tasks") || roles.has("organization"))) return { ok: true };
  if (roles.has("tasks") && roles.has("organization")) return { ok: true };
  return {
    ok: false,
    kind: null,
    reason: "không có tiêu đề «KẾ HOẠCH», số ký hiệu KH, hay mục nhiệm vụ/tổ chức thực hiện",
  };
}
