// The plans part of the API: the list, one plan with its tasks and work, a plan's progress, import.

import { z } from "zod";
import type { PlanSummary as StoredSummary } from "../../db/plans.repository.js";
import type { PlanProgress, PlanView } from "../../services/plans.service.js";
import { Counts, Id, IsoDay, ItemStatus, ProgressState, ReportStanding, Timeframe } from "./common.js";
import { presentReport, ReportReply } from "./reports.js";

export const PlanSummary = z.object({
  id: Id,
  number: z.string().nullable().describe("Số, ký hiệu"),
  title: z.string().nullable().describe("Trích yếu"),
  issuer: z.string().nullable().describe("Cơ quan ban hành"),
  issuedOn: IsoDay.nullable(),
  status: z.enum(["draft", "published", "closed"]).describe("Chờ rà soát / đã công bố / đã đóng"),
  tasks: z.number().int(),
  duties: z.number().int().describe("Nhiệm vụ của các đơn vị ở phần Tổ chức thực hiện, được theo dõi"),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

export const PlanList = z.object({ plans: z.array(PlanSummary), total: z.number().int() });
export type PlanList = z.infer<typeof PlanList>;

export function presentSummary(p: StoredSummary): PlanSummary {
  return {
    id: p.id,
    number: p.number,
    title: p.title,
    issuer: p.issuer,
    issuedOn: p.issuedOn,
    status: p.status,
    tasks: p.tasks,
    duties: p.duties,
  };
}

const Signer = z.object({
  capacity: z.string().nullable(),
  position: z.string().nullable(),
  name: z.string().nullable(),
});

export const TaskUnit = z.object({
  role: z.enum(["lead", "cooperate"]).describe("Chủ trì / phối hợp"),
  text: z.string().describe("Đơn vị như văn bản viết"),
  method: z.string().describe("Cách đối chiếu với danh mục"),
  unitIds: z.array(Id),
  staffIds: z.array(Id).describe("Cán bộ của đơn vị được giao đích danh"),
  persons: z.array(z.string()).describe("Họ tên hoặc chức danh của cán bộ được giao"),
  suggestions: z.array(Id).describe("Gợi ý từ danh mục, tốt nhất trước"),
});

export const PlanTask = z.object({
  removed: z.boolean().describe("Đã bỏ theo văn bản điều chỉnh"),
  kind: z.enum(["task", "duty"]).describe("Nhiệm vụ / nhiệm vụ của đơn vị ở phần Tổ chức thực hiện"),
  key: z.string().describe("Mã nhiệm vụ: II.1; PC-IV.2 cho nhiệm vụ ở phần Tổ chức thực hiện"),
  title: z.string(),
  content: z.string(),
  timeframe: Timeframe.nullable(),
  version: z.number().int(),
  span: z.tuple([z.number().int(), z.number().int()]).nullable().describe("Vị trí trong văn bản nguồn"),
  units: z.array(TaskUnit),
});

export const PlanWork = z.object({
  workItemId: Id,
  taskKey: z.string(),
  unitId: Id,
  unitName: z.string(),
  role: z.enum(["lead", "cooperate"]),
  persons: z.array(z.string()).describe("Cán bộ được giao; rỗng: việc chung của đơn vị"),
  status: ItemStatus,
  doneOn: IsoDay.nullable(),
  deadlines: z.array(IsoDay),
  state: ProgressState,
  nextDue: IsoDay.nullable(),
});

export const PlanReply = PlanSummary.extend({
  type: z.string().nullable(),
  place: z.string().nullable(),
  signer: Signer.nullable(),
  version: z.number().int(),
  reporting: z.array(z.object({ text: z.string(), timeframe: Timeframe })),
  tasksDetail: z.array(PlanTask),
  references: z.array(z.object({ number: z.string(), relation: z.string(), targetPlanId: Id.nullable() })),
  implementedBy: z.array(
    z.object({
      planId: Id,
      number: z.string().nullable(),
      amends: z.boolean().describe("true: văn bản điều chỉnh kế hoạch này"),
    }),
  ),
  amendsPlanId: Id.nullable().describe("Kế hoạch được văn bản này điều chỉnh"),
  changes: z
    .array(
      z.object({
        taskKey: z.string(),
        change: z.enum(["added", "removed", "deadline", "lead"]),
        before: z.unknown(),
        after: z.unknown(),
        basis: z.string().describe("Văn bản điều chỉnh: Kế hoạch số …"),
        amendmentPlanId: Id.nullable(),
        at: z.string(),
      }),
    )
    .describe("Các điều chỉnh nhiệm vụ, cũ trước"),
  work: z.array(PlanWork),
});
export type PlanReply = z.infer<typeof PlanReply>;

export function presentPlan(p: PlanView): PlanReply {
  return {
    ...presentSummary(p),
    type: p.type,
    place: p.place,
    signer: p.signer,
    version: p.version,
    reporting: p.reporting,
    tasksDetail: p.tasksDetail,
    references: p.references,
    implementedBy: p.implementedBy,
    amendsPlanId: p.amendsPlanId,
    changes: p.changes,
    work: p.work.map((w) => ({
      workItemId: w.workItemId,
      taskKey: w.taskKey,
      unitId: w.unitId,
      unitName: w.unitName,
      role: w.role === "lead" ? "lead" : "cooperate",
      persons: w.persons,
      status: w.status,
      doneOn: w.doneOn,
      deadlines: w.deadlines,
      state: w.state,
      nextDue: w.nextDue,
    })),
  };
}

export const PlanSettingsBody = z.object({
  graceDays: z
    .number()
    .int()
    .min(0)
    .max(90)
    .optional()
    .describe("Số ngày sau hạn kỳ báo cáo còn nhận báo cáo muộn"),
  reminderDays: z
    .array(z.number().int().min(1).max(60))
    .max(6)
    .optional()
    .describe("Nhắc trước hạn bao nhiêu ngày (ví dụ [7, 3, 1])"),
});
export const PlanSettingsReply = z.object({
  graceDays: z.number().int(),
  reminderDays: z.array(z.number().int()),
});

export const PlanProgressReply = z.object({
  periodDue: IsoDay.describe("Hạn của kỳ báo cáo đang mở"),
  lockedFrom: IsoDay.describe("Ngày kỳ đang mở khóa (hết số ngày nhận báo cáo muộn)"),
  settings: PlanSettingsReply,
  mayEditSettings: z.boolean(),
  counts: Counts,
  byUnit: z.array(
    z.object({ unitId: Id, counts: Counts, report: ReportReply.nullable(), standing: ReportStanding }),
  ),
  upcoming: z.array(z.object({ workItemId: Id, taskKey: z.string(), unitId: Id, due: IsoDay })),
});
export type PlanProgressReply = z.infer<typeof PlanProgressReply>;

export function presentProgress(p: PlanProgress): PlanProgressReply {
  return {
    periodDue: p.periodDue,
    lockedFrom: p.lockedFrom,
    settings: p.settings,
    mayEditSettings: p.mayEditSettings,
    counts: p.counts,
    byUnit: p.byUnit.map((u) => ({
      unitId: u.unitId,
      counts: u.counts,
      standing: u.standing,
      report: u.report ? presentReport(u.report) : null,
    })),
    upcoming: p.upcoming,
  };
}

/** `?force=1`: import a document of another kind (a letter, a report …) as a plan all the same. */
export const ForceQuery = z.object({
  force: z.enum(["1", "true"]).optional().describe("Vẫn nhập khi văn bản là loại khác (công văn, báo cáo …)"),
});

export const ImportReply = z.object({
  status: z.enum(["imported", "duplicate"]).describe("Đã nhập / đã có (mở kế hoạch đã có)"),
  planId: Id,
  tasks: z.number().int(),
  duties: z.number().int().describe("Nhiệm vụ của các đơn vị ở phần Tổ chức thực hiện"),
  review: z.number().int().describe("Số mục cần xem lại"),
});
export type ImportReply = z.infer<typeof ImportReply>;

export const SearchReply = z.object({
  plans: z.array(PlanSummary),
  tasks: z.array(z.object({ planId: Id, key: z.string(), title: z.string() })),
  units: z.array(z.object({ id: Id, code: z.string(), name: z.string() })),
});
export type SearchReply = z.infer<typeof SearchReply>;
