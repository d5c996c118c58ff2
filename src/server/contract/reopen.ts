// The reopening part of the API: a unit's request to reopen its report of a locked period, and the
// plan officer's decision.

import { z } from "zod";
import { Id, IsoDay } from "./common.js";

export const ReopenBody = z.object({
  planId: Id.describe("Mã kế hoạch"),
  periodDue: IsoDay.describe("Kỳ báo cáo đã khóa (hạn của kỳ)"),
  reason: z.string().trim().min(1).max(2000).describe("Lý do"),
});

export const ReopenDecisionBody = z.object({
  grant: z.boolean().describe("true: đồng ý mở lại; false: không đồng ý (cần ý kiến)"),
  comment: z.string().trim().max(2000).optional(),
  days: z.number().int().min(1).max(60).optional().describe("Số ngày mở lại, kể cả hôm nay (mặc định 7)"),
});

export const ReopenReply = z.object({
  id: Id,
  planId: Id,
  planNumber: z.string().nullable(),
  unitId: Id,
  unitName: z.string(),
  periodDue: IsoDay.describe("Kỳ báo cáo"),
  reason: z.string(),
  status: z.enum(["pending", "granted", "refused"]).describe("Chờ / đồng ý / không đồng ý"),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  comment: z.string().nullable(),
  openUntil: IsoDay.nullable().describe("Ngày cuối đơn vị được gửi báo cáo kỳ này"),
});
export type ReopenReply = z.infer<typeof ReopenReply>;

export const ReopenList = z.object({ requests: z.array(ReopenReply) });
export type ReopenList = z.infer<typeof ReopenList>;

export function presentReopen(r: ReopenReply & { unitPath?: string }): ReopenReply {
  const { unitPath: _, ...rest } = r;
  return rest;
}
