// The reports part of the API: a unit's report of a plan's open period (save, attach, submit), the
// reviewers' list and decision, and attachments.

import { z } from "zod";
import type { ReportForReview, ReportRow } from "../../services/reports.service.js";
import { Id, Instant, IsoDay, ItemStatus, RealDay, ReportStatus } from "./common.js";

const text = (max: number, about: string) => z.string().max(max).optional().describe(about);

export const ReportBody = z.object({
  periodDue: IsoDay.optional().describe(
    "Kỳ báo cáo (hạn); bỏ trống: kỳ đang mở, hoặc một kỳ đã khóa được mở lại",
  ),
  items: z
    .array(
      z.object({
        workItemId: Id.describe("Nhiệm vụ của đơn vị"),
        status: ItemStatus,
        results: text(10_000, "Kết quả"),
        difficulties: text(5_000, "Khó khăn, vướng mắc"),
        proposals: text(5_000, "Đề xuất, kiến nghị"),
        evidence: text(500, "Minh chứng: số, ngày văn bản kết quả"),
        doneOn: RealDay.optional().describe("Ngày hoàn thành"),
      }),
    )
    .min(1, "cần ít nhất một nhiệm vụ")
    .max(500),
  submit: z
    .boolean()
    .optional()
    .describe("Gửi luôn sau khi lưu (một bước, cùng một giao dịch): lưu và gửi, hoặc không gì cả"),
});

export const ReportReply = z.object({
  id: Id,
  planId: Id,
  unitId: Id,
  periodDue: IsoDay,
  status: ReportStatus,
  submittedAt: Instant.nullable(),
  reviewedAt: Instant.nullable(),
  reviewComment: z.string().nullable(),
});
export type ReportReply = z.infer<typeof ReportReply>;

export function presentReport(r: ReportRow): ReportReply {
  return {
    id: r.id,
    planId: r.planId,
    unitId: r.unitId,
    periodDue: r.periodDue,
    status: r.status,
    submittedAt: r.submittedAt,
    reviewedAt: r.reviewedAt,
    reviewComment: r.reviewComment,
  };
}

export const ReportItem = z.object({
  workItemId: Id,
  status: ItemStatus,
  results: z.string(),
  difficulties: z.string(),
  proposals: z.string(),
  evidence: z.string(),
  doneOn: IsoDay.nullable(),
  taskKey: z.string(),
  taskTitle: z.string(),
});

export const AttachmentName = z.object({ id: Id, fileName: z.string(), sizeBytes: z.number().int() });

export const ReportsOfPlanReply = z.object({
  plan: z.object({ id: Id, number: z.string().nullable(), title: z.string().nullable() }),
  periodDue: IsoDay,
  reports: z.array(
    ReportReply.extend({
      unitName: z.string(),
      items: z.array(ReportItem),
      attachments: z.array(AttachmentName),
    }),
  ),
});
export type ReportsOfPlanReply = z.infer<typeof ReportsOfPlanReply>;

export function presentReportsOfPlan(
  plan: { id: string; number: string | null; title: string | null },
  periodDue: string,
  reports: ReportForReview[],
): ReportsOfPlanReply {
  return {
    plan: { id: plan.id, number: plan.number, title: plan.title },
    periodDue,
    reports: reports.map((r) => ({
      ...presentReport(r),
      unitName: r.unitName,
      items: r.items,
      attachments: r.attachments,
    })),
  };
}

export const DecisionBody = z.object({
  accept: z.boolean().describe("true: chấp nhận; false: trả lại"),
  comment: z.string().max(5_000).optional().describe("Nhận xét (bắt buộc khi trả lại)"),
});

export const PeriodQuery = z.object({
  period: IsoDay.optional().describe("Hạn của kỳ báo cáo; mặc định: kỳ đang mở"),
});
