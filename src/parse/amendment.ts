// Whether a plan amends another, and which: its title says so.
//   "Điều chỉnh, bổ sung Kế hoạch số 88/KH-UBND ngày 20/02/2026 của UBND tỉnh về chuyển đổi số"
//   "Kế hoạch sửa đổi Kế hoạch số 145/KH-SGDĐT …" | "KẾ HOẠCH Thay thế Kế hoạch số 12/KH-SGDĐT"

import type { ParsedPlan } from "../domain/plan.js";
import { foldKey } from "../text/fold.js";
import { numberKey } from "./legal-references.js";

const AMENDS = /\b(?:dieu chinh|sua doi|bo sung|thay the)\b.{0,80}?\bke hoach\s+(?:so\s+)?(\d+\s+kh\s+\S+)/;

/**
 * The number of the plan this one amends, as its references write it, or null:
 * a title "Điều chỉnh, bổ sung Kế hoạch số 88/KH-UBND …" → "88/KH-UBND".
 */
export function amendedPlanNumber(plan: ParsedPlan): string | null {
  const title = foldKey(plan.document.title ?? "");
  const m = AMENDS.exec(title);
  if (!m?.[1]) return null;
  const wanted = m[1].replace(/\s+/g, "");
  const ref = plan.references.find((r) => foldKey(r.number).replace(/\s+/g, "").startsWith(wanted));
  if (ref) return ref.number;
  return plan.references.find((r) => numberKey(r.number).includes(wanted))?.number ?? null;
}
