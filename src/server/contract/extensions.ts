// The extensions part of the API: a lead unit's request for a later date, and its decision.

import { z } from "zod";
import { Id, IsoDay } from "./common.js";

export const ExtensionBody = z.object({
  workItemId: Id.describe("Phần việc (nhiệm vụ × đơn vị chủ trì)"),
  newDue: IsoDay.describe("Ngày xin gia hạn đến"),
  reason: z.string().trim().min(1).max(2000).describe("Lý do"),
  basis: z.string().trim().max(300).optional().describe("Văn bản làm căn cứ (số, ngày), nếu có"),
});

export const ExtensionDecisionBody = z.object({
  approve: z.boolean().describe("true: đồng ý; false: không đồng ý (cần ý kiến)"),
  comment: z.string().trim().max(2000).optional(),
});

export const ExtensionReply = z.object({
  id: Id,
  workItemId: Id,
  planId: Id,
  planNumber: z.string().nullable(),
  taskKey: z.string(),
  taskTitle: z.string(),
  unitId: Id,
  unitName: z.string(),
  fromDue: IsoDay.describe("Hạn được xin gia hạn"),
  requestedDue: IsoDay.describe("Ngày xin gia hạn đến"),
  reason: z.string(),
  basis: z.string().nullable(),
  status: z.enum(["pending", "approved", "refused"]).describe("Chờ / đồng ý / không đồng ý"),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  comment: z.string().nullable(),
});
export type ExtensionReply = z.infer<typeof ExtensionReply>;

export const ExtensionList = z.object({ extensions: z.array(ExtensionReply) });
export type ExtensionList = z.infer<typeof ExtensionList>;

export function presentExtension(e: ExtensionReply & { unitPath?: string }): ExtensionReply {
  const { unitPath: _, ...rest } = e;
  return rest;
}
