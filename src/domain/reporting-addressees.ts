// Whose reports a plan's reporting obligations are. A plan orders two kinds: the units report to the
// issuing body ("Các phòng thuộc Sở … định kỳ trước ngày 15/12 và 15/5 gửi báo cáo kết quả về Sở Giáo
// dục và Đào tạo (qua Văn phòng Sở)"), and the issuing body reports upward ("Văn phòng Sở … báo cáo
// Ủy ban nhân dân thành phố trước ngày 30/5/2027"). The first sets the units' report periods; the
// second is the date of the body's own summary report, which no unit owes. They are told apart by
// their addressee: the issuer (by any of its names), its office or its leaders, or someone else.

import { foldLowerCase } from "../text/fold.js";
import type { Reporting } from "./plan.js";

// Abbreviations as plans write addressees, folded: "UBND thành phố", "Sở GD&ĐT", "SGDĐT", "TP".
const SPELLED: ReadonlyArray<[RegExp, string]> = [
  [/\bubnd\b/g, "uy ban nhan dan"],
  [/\bhdnd\b/g, "hoi dong nhan dan"],
  [/\bsgd ?& ?dt\b|\bsgddt\b/g, "so giao duc va dao tao"],
  [/\bgd ?& ?dt\b|\bgddt\b/g, "giao duc va dao tao"],
  [/\btp\b/g, "thanh pho"],
];

// The kinds of body an issuer is, longest first: its name begins with one ("sở giáo dục …").
const HEADS = [
  "uy ban nhan dan",
  "hoi dong nhan dan",
  "thanh uy",
  "tinh uy",
  "so",
  "bo",
  "cuc",
  "phong",
  "truong",
  "ban",
  "trung tam",
];

function spelled(name: string): string {
  let s = foldLowerCase(name)
    .replace(/[^\p{L}\p{N}& ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  for (const [pattern, full] of SPELLED) s = s.replace(pattern, full);
  return s;
}

/**
 * True when `to` is the issuing body: one of its names, a shorter or longer form of one ("Sở Giáo dục
 * và Đào tạo" for "Sở Giáo dục và Đào tạo Hải Phòng"), its office or its leaders ("Văn phòng Sở",
 * "Lãnh đạo Sở", "Giám đốc Sở"), or its kind alone ("Sở").
 */
export function addressesIssuer(to: string, issuerNames: readonly string[]): boolean {
  const t = spelled(to);
  if (!t) return false;
  for (const raw of issuerNames) {
    const name = spelled(raw);
    if (!name) continue;
    if (name.includes(t) || t.includes(name)) return true;
    const head = HEADS.find((h) => name === h || name.startsWith(`${h} `));
    if (head && (t === head || t.endsWith(` ${head}`))) return true;
  }
  return false;
}

// Bodies a report goes up to, as an addressee begins: "Ủy ban nhân dân thành phố", "Bộ Giáo dục và
// Đào tạo", "Thường trực Thành ủy", "Sở Nội vụ". A division or an office of the issuer ("Phòng Giáo
// dục Trung học", "Văn phòng Sở") is none of them: a report to it is a report to the issuer.
const ABOVE =
  /^(?:uy ban nhan dan|hoi dong nhan dan|thuong truc|thanh uy|tinh uy|huyen uy|quan uy|ban thuong vu|bo|so|chinh phu|thu tuong|tong cuc|cuc|van phong chinh phu|van phong uy ban nhan dan|doan dai bieu)\b/;

/** True when `to` is a body above or beside the issuer, not the issuer itself nor a part of it. */
function goesUp(to: string, issuerNames: readonly string[]): boolean {
  return ABOVE.test(spelled(to)) && !addressesIssuer(to, issuerNames);
}

/**
 * The obligations that set the units' report periods: all but the issuer's own reports upward (every
 * addressee a body above or beside it). Without the issuer's names, all of them.
 */
export function unitsReporting(
  obligations: readonly Reporting[],
  issuerNames: readonly string[],
): Reporting[] {
  if (!issuerNames.some((n) => n.trim())) return [...obligations];
  return obligations.filter((o) => {
    const to = o.to.filter((t) => t.trim());
    return !to.length || !to.every((t) => goesUp(t, issuerNames));
  });
}

/** Whom the issuer itself reports to, where the plan says: the addressees of the other obligations. */
export function upwardAddressees(
  obligations: readonly Reporting[],
  issuerNames: readonly string[],
): string[] {
  const own = new Set(unitsReporting(obligations, issuerNames));
  const out = new Set<string>();
  for (const o of obligations) if (!own.has(o)) for (const t of o.to) if (t.trim()) out.add(t.trim());
  return [...out];
}
