// The cascade part of the API: drawing up a unit's implementing plan of a plan, and the tree of
// plans implementing a plan with their counts, reports and the work nobody carries down yet.

import { z } from "zod";
import type { CascadeView, ImplementingResult } from "../../services/cascade.service.js";
import { Counts, Id, IsoDay } from "./common.js";

export const ImplementingReply = z.object({
  planId: Id.describe("Kế hoạch triển khai của đơn vị (bản nháp vừa lập, hoặc kế hoạch đã có)"),
  status: z.enum(["created", "existing"]).describe("Vừa lập / đơn vị đã có kế hoạch triển khai"),
  tasks: z.number().int().describe("Số nhiệm vụ chuyển xuống từ kế hoạch cấp trên (0 khi đã có)"),
});
export type ImplementingReply = z.infer<typeof ImplementingReply>;

export function presentImplementing(r: ImplementingResult): ImplementingReply {
  return { planId: r.planId, status: r.status, tasks: r.tasks };
}

export const CascadeNode = z.object({
  planId: Id,
  parentPlanId: Id.nullable().describe(
    "Kế hoạch cấp trên mà kế hoạch này triển khai; null: kế hoạch được hỏi",
  ),
  depth: z.number().int().describe("Cấp: 0 kế hoạch được hỏi, 1 kế hoạch triển khai của nó …"),
  number: z.string().nullable().describe("Số, ký hiệu"),
  title: z.string().nullable().describe("Trích yếu"),
  status: z.enum(["draft", "published", "closed"]),
  issuerUnitId: Id.nullable(),
  issuerName: z.string().nullable().describe("Đơn vị ban hành"),
  counts: Counts.describe("Bốn trạng thái của các nhiệm vụ × đơn vị (số đếm được lưu)"),
  reports: z
    .object({
      periodDue: IsoDay.describe("Hạn của kỳ báo cáo đang mở"),
      sent: z.number().int().describe("Báo cáo đã gửi (bị trả lại thì chưa tính)"),
      expected: z.number().int().describe("Số đơn vị phải báo cáo"),
    })
    .nullable()
    .describe("Báo cáo kỳ đang mở; null với bản nháp"),
  uncovered: z
    .array(z.object({ taskKey: z.string(), taskTitle: z.string(), unitId: Id, unitName: z.string() }))
    .describe("Nhiệm vụ giao cho đơn vị chưa có kế hoạch triển khai (đã công bố): chưa có đơn vị triển khai"),
  mayReview: z.boolean().describe("Người hỏi rà soát (bản nháp) hoặc xem xét báo cáo (đã công bố) được"),
});

export const CascadeReply = z.object({
  planId: Id,
  nodes: z.array(CascadeNode).describe("Kế hoạch được hỏi rồi các kế hoạch triển khai, theo cây, từng cấp"),
  implement: z
    .object({
      unitId: Id,
      unitName: z.string(),
      planId: Id.nullable().describe("Kế hoạch triển khai đơn vị đã có; null: chưa lập"),
    })
    .nullable()
    .describe("Đơn vị của người hỏi lập được kế hoạch triển khai; null: không phải việc của người hỏi"),
});
export type CascadeReply = z.infer<typeof CascadeReply>;

export function presentCascade(v: CascadeView): CascadeReply {
  return {
    planId: v.planId,
    nodes: v.nodes.map((n) => ({
      planId: n.planId,
      parentPlanId: n.parentPlanId,
      depth: n.depth,
      number: n.number,
      title: n.title,
      status: n.status,
      issuerUnitId: n.issuerUnitId,
      issuerName: n.issuerName,
      counts: n.counts,
      reports: n.reports,
      uncovered: n.uncovered,
      mayReview: n.mayReview,
    })),
    implement: v.implement,
  };
}
