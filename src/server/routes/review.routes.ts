// /api/v1/review/:id — the review of an imported plan: its source beside the parser's reading and
// the flags; corrections of the document, a task, its units, a reference, the reporting duty;
// confirming a flag; publishing; discarding a draft.

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { amendmentReview } from "../../services/amendments.service.js";
import type { ServiceContext } from "../../services/context.js";
import {
  confirmFlag,
  confirmFlagGroup,
  discardDraft,
  linkReference,
  publicationPreview,
  publishPlan,
  recordOwnWork,
  reviewView,
  setReportingSchedule,
  setTaskUnits,
  settleUnitEverywhere,
  updateDocument,
  updateTask,
} from "../../services/plan-review.service.js";
import {
  addTask,
  deleteTask,
  listTaskEdits,
  markNotTasks,
  mergeTasks,
  moveTask,
  splitTask,
  undoTaskEdit,
} from "../../services/task-edits.service.js";
import { signedIn } from "../context.js";
import {
  AmendmentReply,
  DocumentPatch,
  FlagGroupBody,
  FlagGroupReply,
  Id,
  MergeBody,
  NewTaskBody,
  NewTaskReply,
  NoContent,
  OwnWorkBody,
  OwnWorkReply,
  PublicationReply,
  presentReview,
  ReferenceBody,
  ReportingBody,
  ReportingReply,
  ReviewReply,
  SectionKeysReply,
  SettleUnitBody,
  SettleUnitReply,
  TaskEditsReply,
  TaskPatch,
  TaskPatchReply,
  TaskUnitsBody,
  UndoReply,
  Version,
  VersionReply,
} from "../contract/index.js";

const PlanParams = z.object({ id: Id.describe("Mã kế hoạch") });
const TaskParams = PlanParams.extend({ key: z.string().min(1).max(40).describe("Mã nhiệm vụ, ví dụ II.1") });

export const reviewRoutes =
  (ctx: ServiceContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["review"];
    app.get(
      "/:id",
      {
        schema: {
          tags,
          summary: "Văn bản nguồn, kết quả đọc và các mục cần xem lại",
          params: PlanParams,
          response: { 200: ReviewReply },
        },
      },
      async (request) => presentReview(await reviewView(ctx, signedIn(request), request.params.id)),
    );
    app.patch(
      "/:id",
      {
        schema: {
          tags,
          summary: "Sửa số, trích yếu, ngày ban hành, người ký",
          params: PlanParams,
          body: DocumentPatch,
          response: { 200: VersionReply },
        },
      },
      async (request) => updateDocument(ctx, signedIn(request), request.params.id, request.body),
    );
    app.delete(
      "/:id",
      {
        schema: {
          tags,
          summary: "Bỏ bản nháp nhập nhầm (cùng tệp của nó)",
          params: PlanParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await discardDraft(ctx, signedIn(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
    app.get(
      "/:id/amendment",
      {
        schema: {
          tags,
          summary: "Kế hoạch này điều chỉnh kế hoạch nào, và thay đổi gì từng nhiệm vụ",
          params: PlanParams,
          response: { 200: AmendmentReply },
        },
      },
      async (request) => {
        const view = await amendmentReview(ctx, signedIn(request), request.params.id);
        return {
          amends: view
            ? {
                target: view.target,
                mode: view.diff.mode,
                unchanged: view.diff.unchanged,
                changes: view.diff.changes.map((c) => ({
                  kind: c.kind,
                  key: c.kind === "removed" ? null : c.key,
                  target: c.kind === "added" ? null : c.target,
                  title: c.title,
                  deadline: c.kind === "changed" ? c.deadline : null,
                  lead: c.kind === "changed" && c.lead ? { from: c.lead.from, to: c.lead.to } : null,
                })),
              }
            : null,
        };
      },
    );
    app.get(
      "/:id/publication",
      {
        schema: {
          tags,
          summary: "Công bố sẽ tạo gì (nhiệm vụ, phần việc, đơn vị, hạn) và còn vướng gì",
          params: PlanParams,
          response: { 200: PublicationReply },
        },
      },
      async (request) => publicationPreview(ctx, signedIn(request), request.params.id),
    );
    app.post(
      "/:id/own-work",
      {
        schema: {
          tags,
          summary: "Ghi nhận nhiệm vụ chưa có đơn vị chủ trì là việc của chính cơ quan ban hành",
          params: PlanParams,
          body: OwnWorkBody,
          response: { 200: OwnWorkReply },
        },
      },
      async (request) => recordOwnWork(ctx, signedIn(request), request.params.id, request.body),
    );
    // The task list: add, delete, merge, a section that is not tasks; undo, newest first.
    app.post(
      "/:id/tasks",
      {
        schema: {
          tags,
          summary: "Thêm nhiệm vụ bị bỏ sót (gõ, hoặc chọn từ văn bản nguồn)",
          params: PlanParams,
          body: NewTaskBody,
          response: { 200: NewTaskReply },
        },
      },
      async (request) => addTask(ctx, signedIn(request), request.params.id, request.body),
    );
    app.delete(
      "/:id/tasks/:key",
      {
        schema: {
          tags,
          summary: "Xóa một nhiệm vụ không phải nhiệm vụ",
          params: TaskParams,
          // (a query string is text: the version read is a number written out)
          querystring: z.object({ version: z.coerce.number().int().min(1).describe("Phiên bản đã đọc") }),
          response: { 200: VersionReply },
        },
      },
      async (request) =>
        deleteTask(ctx, signedIn(request), request.params.id, request.params.key, request.query.version),
    );
    app.post(
      "/:id/tasks-merge",
      {
        schema: {
          tags,
          summary: "Gộp một nhiệm vụ vào nhiệm vụ khác",
          params: PlanParams,
          body: MergeBody,
          response: { 200: VersionReply },
        },
      },
      async (request) => mergeTasks(ctx, signedIn(request), request.params.id, request.body),
    );
    app.post(
      "/:id/tasks/:key/split",
      {
        schema: {
          tags,
          summary: "Tách một nhiệm vụ làm hai tại một chỗ trong nội dung",
          params: TaskParams,
          body: z.object({
            version: Version,
            at: z.number().int().min(1).max(20_000).describe("Vị trí tách trong nội dung nhiệm vụ"),
          }),
          response: { 200: NewTaskReply },
        },
      },
      async (request) =>
        splitTask(ctx, signedIn(request), request.params.id, { ...request.body, key: request.params.key }),
    );
    app.post(
      "/:id/tasks/:key/move",
      {
        schema: {
          tags,
          summary: "Chuyển một nhiệm vụ lên hoặc xuống một chỗ",
          params: TaskParams,
          body: z.object({ version: Version, direction: z.enum(["up", "down"]).describe("Lên / xuống") }),
          response: { 200: VersionReply },
        },
      },
      async (request) =>
        moveTask(ctx, signedIn(request), request.params.id, { ...request.body, key: request.params.key }),
    );
    app.post(
      "/:id/sections/:section/not-tasks",
      {
        schema: {
          tags,
          summary: "Đánh dấu cả một mục không phải nhiệm vụ (các sự kiện: thời gian, địa điểm …)",
          params: PlanParams.extend({ section: z.string().min(1).max(40).describe("Mục, ví dụ III") }),
          body: z.object({ version: Version }),
          response: { 200: SectionKeysReply },
        },
      },
      async (request) =>
        markNotTasks(ctx, signedIn(request), request.params.id, {
          version: request.body.version,
          section: request.params.section,
        }),
    );
    app.get(
      "/:id/edits",
      {
        schema: {
          tags,
          summary: "Các thao tác trên danh sách nhiệm vụ, mới nhất trước",
          params: PlanParams,
          response: { 200: TaskEditsReply },
        },
      },
      async (request) => ({ edits: await listTaskEdits(ctx, signedIn(request), request.params.id) }),
    );
    app.post(
      "/:id/edits/undo",
      {
        schema: {
          tags,
          summary: "Hoàn tác thao tác mới nhất trên danh sách nhiệm vụ",
          params: PlanParams,
          body: z.object({ version: Version }),
          response: { 200: UndoReply },
        },
      },
      async (request) => undoTaskEdit(ctx, signedIn(request), request.params.id, request.body.version),
    );
    // Flags settled in bulk: a unit written the same way in many tasks, a warning many tasks share.
    app.post(
      "/:id/units/settle",
      {
        schema: {
          tags,
          summary: "Xử lý một đơn vị chưa có trong danh mục ở mọi nhiệm vụ ghi nó",
          params: PlanParams,
          body: SettleUnitBody,
          response: { 200: SettleUnitReply },
        },
      },
      async (request) => settleUnitEverywhere(ctx, signedIn(request), request.params.id, request.body),
    );
    app.post(
      "/:id/flags/confirm-group",
      {
        schema: {
          tags,
          summary: "Xác nhận mọi mục cần xem lại cùng nói một điều",
          params: PlanParams,
          body: FlagGroupBody,
          response: { 200: FlagGroupReply },
        },
      },
      async (request) => confirmFlagGroup(ctx, signedIn(request), request.params.id, request.body),
    );
    app.post(
      "/:id/publish",
      { schema: { tags, summary: "Công bố kế hoạch", params: PlanParams, response: { 204: NoContent } } },
      async (request, reply) => {
        await publishPlan(ctx, signedIn(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
    app.post(
      "/:id/flags/:flagId/confirm",
      {
        schema: {
          tags,
          summary: "Xác nhận một mục cần xem lại",
          params: PlanParams.extend({ flagId: Id.describe("Mã mục cần xem lại") }),
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await confirmFlag(ctx, signedIn(request), request.params.id, request.params.flagId);
        return reply.code(204).send(null);
      },
    );
    app.patch(
      "/:id/tasks/:key",
      {
        schema: {
          tags,
          summary: "Sửa tên, nội dung, thời gian của nhiệm vụ",
          params: TaskParams,
          body: TaskPatch,
          response: { 200: TaskPatchReply },
        },
      },
      async (request) =>
        updateTask(ctx, signedIn(request), request.params.id, request.params.key, request.body),
    );
    app.put(
      "/:id/tasks/:key/units",
      {
        schema: {
          tags,
          summary: "Chọn đơn vị chủ trì, phối hợp của nhiệm vụ",
          params: TaskParams,
          body: TaskUnitsBody,
          response: { 200: VersionReply },
        },
      },
      async (request) =>
        setTaskUnits(ctx, signedIn(request), request.params.id, request.params.key, request.body),
    );
    app.put(
      "/:id/references",
      {
        schema: {
          tags,
          summary: "Liên kết văn bản dẫn chiếu với kế hoạch trong hệ thống",
          params: PlanParams,
          body: ReferenceBody,
          response: { 200: VersionReply },
        },
      },
      async (request) => linkReference(ctx, signedIn(request), request.params.id, request.body),
    );
    app.put(
      "/:id/reporting",
      {
        schema: {
          tags,
          summary: "Sửa chế độ báo cáo của kế hoạch",
          params: PlanParams,
          body: ReportingBody,
          response: { 200: ReportingReply },
        },
      },
      async (request) => setReportingSchedule(ctx, signedIn(request), request.params.id, request.body),
    );
  };
