// The audit part of the API (administrators): who changed what, when, before and after.

import { z } from "zod";
import { Id, Instant } from "./common.js";

export const AuditQuery = z.object({
  objectType: z
    .enum(["plan", "task", "report", "unit", "user", "directory", "attachment", "work_item"])
    .optional()
    .describe("Loại đối tượng"),
  objectId: z.string().max(60).optional().describe("Mã đối tượng: 12, 12/II.1 …"),
  actor: z.string().max(64).optional().describe("Tên đăng nhập người thực hiện"),
  before: Id.optional().describe("Các mục cũ hơn mục này (trang sau)"),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const AuditEvent = z.object({
  id: Id,
  at: Instant,
  actorId: Id.nullable(),
  actorLogin: z.string().nullable(),
  action: z.string().describe("plan.publish, report.return, user.add …"),
  objectType: z.string(),
  objectId: z.string().nullable(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditReply = z.object({ events: z.array(AuditEvent) });
