// Errors become replies here and nowhere else: a domain error's stable id maps to an HTTP status and
// carries its Vietnamese message; a validation error names each field and the reason; anything
// unexpected is logged with an id the reply gives, so a person can quote it and the log find it.

import { randomBytes } from "node:crypto";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { DomainError } from "../domain/errors.js";

const STATUS: Record<string, number> = {
  "auth.required": 401,
  "auth.invalid": 401,
  "auth.forbidden": 403,
  "auth.csrf": 403,
  "plan.not_found": 404,
  "unit.not_found": 404,
  "import.not_found": 404,
  "report.not_found": 404,
  "attachment.not_found": 404,
  "review.not_found": 404,
  "task.not_found": 404,
  "reference.not_found": 404,
  "import.not_a_plan": 422,
  "user.login_taken": 409,
  "user.not_found": 404,
  "user.self_deactivate": 409,
  "user.weak_password": 422,
  "file.too_large": 413,
  "store.locked": 503,
  "intake.busy": 503,
  "intake.closed": 503,
  "report.locked": 409,
  "report.not_submitted": 409,
  "plan.not_draft": 409,
  "plan.unreviewed": 409,
  "plan.unowned_tasks": 409,
  "plan.amends_draft": 409,
  "plan.issuer_unknown": 409,
  "task.has_lead": 409,
  "task.invalid": 422,
  "task.nothing_to_undo": 409,
  "plan.version_conflict": 409,
  "task.version_conflict": 409,
  "report.evidence_required": 422,
  "report.comment_required": 422,
  "report.empty": 422,
  "report.invalid": 422,
  "staff.invalid": 422,
  "notify.bad_email": 422,
  "extension.not_lead": 422,
  "extension.done": 409,
  "extension.no_deadline": 422,
  "extension.invalid": 422,
  "extension.pending": 409,
  "extension.decided": 409,
  "extension.comment_required": 422,
  "report.period_locked": 409,
  "holiday.invalid": 422,
  "mail.settings_invalid": 422,
  "mail.off": 409,
  // The mail server refused or could not be reached: a gateway's failure, not the request's.
  "mail.test_failed": 502,
  "reopen.invalid": 422,
  "reopen.not_locked": 409,
  "reopen.sent": 409,
  "reopen.pending": 409,
  "reopen.decided": 409,
  "reopen.comment_required": 422,
  "plan.settings_invalid": 422,
  "notify.bad_kind": 422,
  "staff.not_found": 404,
  "calendar.not_found": 404,
  "plan.not_published": 409,
  "plan.no_work_for_unit": 409,
  "task.unit_not_below": 422,
  "summary.period_unknown": 422,
  "summary.version_conflict": 409,
};

/** `statusOf("plan.not_found")` → 404; file and CSV problems are 422, anything else 400. */
export function statusOf(id: string): number {
  const known = STATUS[id];
  if (known) return known;
  if (/^(file|pdf|docx|doc|intake|unit\.csv)/.test(id)) return 422;
  return 400;
}

function validationFields(error: FastifyError): Array<{ field: string; reason: string }> {
  return (error.validation ?? []).map((v) => ({
    field:
      String(
        v.instancePath ||
          (v.params as { issue?: { path?: unknown[] } } | undefined)?.issue?.path?.join(".") ||
          "",
      )
        .replace(/^\//, "")
        .replace(/\//g, ".") || "(thân yêu cầu)",
    reason: v.message ?? "không hợp lệ",
  }));
}

/** The one error handler of the server. */
export function replyToError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = validationFields(error);
    return reply.code(400).send({
      error: "validation",
      message: `Dữ liệu không hợp lệ: ${fields.map((f) => `trường «${f.field}»: ${f.reason}`).join("; ")}`,
      fields,
    });
  }
  if (error instanceof DomainError) {
    return reply
      .code(statusOf(error.id))
      .send({ error: error.id, message: error.message, fields: error.details });
  }
  const status = error.statusCode;
  if (status === 429)
    return reply
      .code(429)
      .send({ error: "rate.limited", message: "Quá nhiều lần thử: hãy đợi một phút rồi thử lại." });
  if (status === 413)
    return reply.code(413).send({ error: "file.too_large", message: "Tệp hoặc dữ liệu gửi lên quá lớn." });
  if (status && status < 500)
    return reply.code(status).send({ error: "request", message: "Yêu cầu không hợp lệ." });
  const errorId = randomBytes(6).toString("hex");
  request.log.error(
    { err: error, errorId, route: request.routeOptions.url, method: request.method },
    "unexpected error",
  );
  return reply.code(500).send({
    error: "internal",
    message: `Lỗi máy chủ: thao tác chưa được thực hiện, hãy thử lại. Nếu lỗi lặp lại, báo quản trị mã lỗi ${errorId}.`,
    errorId,
  });
}
