// Domain error ids as HTTP statuses, in one place. Messages are the domain's own (Vietnamese).

const STATUS: Record<string, number> = {
  "auth.required": 401,
  "auth.invalid": 401,
  "auth.forbidden": 403,
  "auth.csrf": 403,
  "plan.not_found": 404,
  "unit.not_found": 404,
  "import.not_a_plan": 422,
  "user.login_taken": 409,
  "user.weak_password": 422,
  "file.too_large": 413,
  "store.locked": 503,
  "report.not_found": 404,
  "review.not_found": 404,
  "report.locked": 409,
  "report.not_submitted": 409,
  "plan.not_draft": 409,
  "plan.unreviewed": 409,
  "report.evidence_required": 422,
  "report.comment_required": 422,
  "report.empty": 422,
  "report.invalid": 422,
  "task.not_found": 404,
  "reference.not_found": 404,
};

/** `statusOf("plan.not_found")` → 404; file and CSV problems are 422, anything else 400. */
export function statusOf(id: string): number {
  if (STATUS[id]) return STATUS[id] ?? 400;
  if (/^(file|pdf|docx|unit\.csv)/.test(id)) return 422;
  return 400;
}
