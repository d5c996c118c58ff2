// Whether a parsed text is a plan at all: a "KẾ HOẠCH" or programme heading, a plan number, or
// the body of one (task or organisation sections). A letter, a report or random text is not.

import type { ParsedPlan } from "../domain/plan.js";

const PLAN_CODES = new Set(["KH", "CTr", "ĐA", "PA"]);

/** `isPlan(parsePlan(text))` → `{ ok: true }` or the reason it is not one. */
export function isPlan(plan: ParsedPlan): { ok: true } | { ok: false; reason: string } {
  const d = plan.document;
  if (d.type && PLAN_CODES.has(d.type)) return { ok: true };
  const roles = new Set(plan.sections.map((s) => s.role));
  if (plan.tasks.length && (roles.has("tasks") || roles.has("organization"))) return { ok: true };
  if (roles.has("tasks") && roles.has("organization")) return { ok: true };
  return {
    ok: false,
    reason: "không có tiêu đề «KẾ HOẠCH», số ký hiệu KH, hay mục nhiệm vụ/tổ chức thực hiện",
  };
}
