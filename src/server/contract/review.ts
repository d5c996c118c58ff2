// The review part of the API: the source text beside the parser's reading, the flags, and every
// correction of a draft plan, each made against the version the person read.

import { z } from "zod";
import type { ReviewView } from "../../services/plan-review.service.js";
import { Id, RealDay, Timeframe, Version } from "./common.js";

export const Flag = z.object({
  id: Id,
  kind: z
    .enum(["unit", "reference", "warning"])
    .describe("Đơn vị chưa có trong danh mục / văn bản dẫn chiếu / cảnh báo"),
  subject: z.string(),
  detail: z.unknown(),
  resolved: z.boolean(),
});

export const RestoredWord = z.object({
  start: z.number().int().describe("Vị trí đầu của từ trong văn bản (như nhau ở bản gốc và bản đã phục hồi)"),
  end: z.number().int().describe("Vị trí ngay sau từ"),
  from: z.string().describe("Từ trên bản gốc, ví dụ hien"),
  to: z.string().describe("Từ đã phục hồi dấu, ví dụ hiện (bằng from nếu giữ nguyên)"),
  confidence: z.number().describe("Độ tin cậy của mô hình, 0–1"),
  alternative: z.string().optional().describe("Cách đọc đứng thứ hai, ví dụ hiền"),
  uncertain: z.boolean().describe("Chưa chắc chắn: cần người kiểm tra"),
});

export const SourceRestoration = z.object({
  original: z.string().describe("Văn bản nguồn trước khi phục hồi dấu (cùng độ dài, cùng vị trí từng từ)"),
  words: z.array(RestoredWord).describe("Các từ đã sửa hoặc chưa chắc chắn, theo thứ tự trong văn bản"),
  syllables: z.number().int().describe("Số âm tiết tiếng Việt đã đọc"),
  changed: z.number().int().describe("Số từ đã phục hồi dấu"),
  uncertain: z.number().int().describe("Số từ chưa chắc chắn"),
});

export const ReviewReply = z.object({
  status: z.enum(["draft", "published", "closed"]),
  version: z.number().int(),
  fileName: z.string(),
  mediaType: z.string(),
  text: z.string().describe("Văn bản nguồn đã chuẩn hóa"),
  parsed: z.unknown().describe("Những gì bộ đọc trích được (định dạng kehoach.plan/v1)"),
  flags: z.array(Flag),
  restoration: SourceRestoration.nullable().describe(
    "Văn bản không dấu đã được phục hồi dấu tự động: bản gốc và các từ đã sửa, chưa chắc chắn; null nếu văn bản có dấu",
  ),
});
export type ReviewReply = z.infer<typeof ReviewReply>;

export function presentReview(v: ReviewView): ReviewReply {
  return {
    status: v.status,
    version: v.version,
    fileName: v.fileName,
    mediaType: v.mediaType,
    text: v.text,
    parsed: v.parsed,
    flags: v.flags.map((f) => ({
      id: f.id,
      kind: f.kind,
      subject: f.subject,
      detail: f.detail,
      resolved: f.resolved,
    })),
    restoration: v.restoration && {
      original: v.restoration.original,
      words: v.restoration.words.map((w) => ({
        start: w.start,
        end: w.end,
        from: w.from,
        to: w.to,
        confidence: w.confidence,
        ...(w.alternative !== undefined ? { alternative: w.alternative } : {}),
        uncertain: w.uncertain,
      })),
      syllables: v.restoration.syllables,
      changed: v.restoration.changed,
      uncertain: v.restoration.uncertain,
    },
  };
}

export const VersionReply = z.object({ version: z.number().int().describe("Phiên bản mới") });

export const DocumentPatch = z
  .object({
    version: Version,
    number: z.string().max(100).optional().describe("Số, ký hiệu văn bản, ví dụ 123/KH-SGDĐT"),
    title: z.string().min(1, "tên kế hoạch không được để trống").max(2000).optional().describe("Trích yếu"),
    issuedOn: RealDay.nullable().optional().describe("Ngày ban hành"),
    signer: z
      .object({
        capacity: z.string().max(20).nullable().optional().describe("TM., KT., TL. …"),
        position: z.string().max(200).nullable().optional().describe("Chức vụ"),
        name: z.string().max(200).nullable().optional().describe("Họ tên người ký"),
      })
      .optional(),
  })
  .strict();

export const TaskPatch = z.object({
  version: Version,
  title: z.string().min(1).max(2000).optional().describe("Tên nhiệm vụ"),
  content: z.string().max(20_000).optional().describe("Nội dung nhiệm vụ"),
  timeframe: z.string().max(300).optional().describe("Thời gian thực hiện"),
});

export const TaskPatchReply = z.object({
  timeframe: Timeframe.nullable(),
  warning: z.string().nullable().describe("Điều chưa đọc được trong thời gian đã nhập"),
  version: z.number().int(),
});

export const TaskUnitsBody = z.object({
  version: Version,
  units: z
    .array(
      z.object({
        role: z.enum(["lead", "cooperate"]),
        text: z.string().min(1).max(300).describe("Đơn vị như văn bản viết"),
        unitIds: z.array(Id).max(500).describe("Đơn vị chọn từ danh mục"),
        staffIds: z.array(Id).max(100).optional().describe("Cán bộ được giao đích danh (giữ nguyên khi sửa)"),
      }),
    )
    .max(100),
});

export const ReferenceBody = z.object({
  version: Version,
  number: z.string().min(1).max(100).describe("Số văn bản dẫn chiếu, như kế hoạch viết"),
  targetPlanId: Id.nullable().describe("Kế hoạch trong hệ thống; null: bỏ liên kết"),
});

export const ReportingBody = z.object({
  version: Version,
  schedule: z
    .string()
    .max(300)
    .describe(
      "Hạn báo cáo như văn bản viết, ví dụ «Định kỳ trước ngày 15/6 và 15/12 hằng năm»; trống: theo mặc định",
    ),
});

export const ReportingReply = z.object({
  reporting: z.array(
    z.object({
      from: z.array(z.string()),
      to: z.array(z.string()),
      via: z.string().nullable().optional(),
      timeframe: Timeframe,
      text: z.string(),
    }),
  ),
  version: z.number().int(),
});

export const OwnWorkBody = z.object({
  version: Version,
  keys: z
    .array(z.string().min(1).max(40))
    .max(20_000)
    .optional()
    .describe(
      "Nhiệm vụ ghi nhận là việc của cơ quan ban hành; bỏ trống: mọi nhiệm vụ chưa có đơn vị chủ trì",
    ),
});

export const OwnWorkReply = z.object({
  version: z.number().int().describe("Phiên bản mới"),
  keys: z.array(z.string()).describe("Nhiệm vụ đã giao cho cơ quan ban hành"),
});

const AmendTimeframe = z.object({ text: z.string() }).passthrough().nullable();

export const AmendmentReply = z.object({
  amends: z
    .object({
      target: z.object({
        planId: Id,
        number: z.string().nullable(),
        title: z.string().nullable(),
        status: z.string(),
      }),
      mode: z
        .enum(["full", "partial"])
        .describe("full: văn bản thay cả danh sách nhiệm vụ; partial: chỉ các mục nêu"),
      unchanged: z.number().int(),
      changes: z.array(
        z.object({
          kind: z.enum(["added", "removed", "changed"]).describe("Thêm / bỏ / thay đổi"),
          key: z.string().nullable().describe("Nhiệm vụ trong văn bản điều chỉnh"),
          target: z.string().nullable().describe("Nhiệm vụ của kế hoạch được điều chỉnh"),
          title: z.string(),
          deadline: z
            .object({
              before: AmendTimeframe,
              after: AmendTimeframe,
              from: z.array(z.string()),
              to: z.array(z.string()),
            })
            .nullable(),
          lead: z.object({ from: z.array(z.string()), to: z.array(z.string()) }).nullable(),
        }),
      ),
    })
    .nullable()
    .describe("null: kế hoạch không điều chỉnh kế hoạch nào"),
});
export type AmendmentReply = z.infer<typeof AmendmentReply>;

export const PublicationReply = z.object({
  tasks: z.number().int().describe("Số nhiệm vụ"),
  duties: z.number().int().describe("Số nhiệm vụ của đơn vị ở phần Tổ chức thực hiện"),
  workItems: z.number().int().describe("Số phần việc được theo dõi (nhiệm vụ × đơn vị)"),
  units: z.number().int().describe("Số đơn vị nhận việc"),
  deadlines: z.number().int().describe("Số hạn được theo dõi"),
  openFlags: z.number().int().describe("Số mục còn cần xác nhận hoặc sửa"),
  unowned: z
    .array(z.object({ key: z.string(), title: z.string() }))
    .describe("Nhiệm vụ chưa có đơn vị chủ trì: chưa công bố được"),
});
export type PublicationReply = z.infer<typeof PublicationReply>;

export const NewTaskBody = z.object({
  version: Version,
  title: z.string().trim().min(1).max(2000).describe("Tên nhiệm vụ"),
  content: z.string().max(20_000).optional().describe("Nội dung; bỏ trống: như tên"),
  timeframe: z.string().max(300).optional().describe("Thời gian thực hiện, như văn bản viết"),
  span: z
    .tuple([z.number().int().min(0), z.number().int().min(0)])
    .optional()
    .describe("Đoạn văn bản nguồn đã chọn [đầu, cuối)"),
  after: z.string().min(1).max(40).optional().describe("Đặt sau nhiệm vụ này; bỏ trống: cuối danh sách"),
  kind: z
    .enum(["task", "duty"])
    .optional()
    .describe("duty: nhiệm vụ của đơn vị ở phần Tổ chức thực hiện; bỏ trống: nhiệm vụ"),
});

export const NewTaskReply = z.object({
  version: z.number().int().describe("Phiên bản mới"),
  key: z.string().describe("Mã nhiệm vụ mới, ví dụ BS1"),
});

export const MergeBody = z.object({
  version: Version,
  into: z.string().min(1).max(40).describe("Nhiệm vụ giữ lại"),
  from: z.string().min(1).max(40).describe("Nhiệm vụ gộp vào rồi bỏ"),
});

export const SectionKeysReply = z.object({
  version: z.number().int().describe("Phiên bản mới"),
  keys: z.array(z.string()).describe("Nhiệm vụ đã bỏ"),
});

export const UndoReply = z.object({
  version: z.number().int().describe("Phiên bản mới"),
  summary: z.string().describe("Thao tác đã hoàn tác"),
});

export const TaskEditsReply = z.object({
  edits: z.array(
    z.object({
      id: z.string(),
      action: z.enum(["add", "delete", "merge", "split", "move", "not_tasks"]),
      summary: z.string(),
      at: z.string(),
      undone: z.boolean(),
    }),
  ),
});
export type TaskEditsReply = z.infer<typeof TaskEditsReply>;

export const SettleUnitBody = z.object({
  version: Version,
  text: z.string().min(1).max(300).describe("Đơn vị như văn bản viết («Vũ Việt Linh»)"),
  choice: z
    .discriminatedUnion("action", [
      z.object({ action: z.literal("pick"), unitId: Id.describe("Đơn vị chọn từ danh mục") }),
      z.object({ action: z.literal("not_doer") }),
      z.object({ action: z.literal("confirm") }),
      z.object({
        action: z.literal("person"),
        unitId: Id.describe("Đơn vị của cán bộ"),
        staffId: Id.optional().describe(
          "Cán bộ đã có trong đơn vị; bỏ trống: thêm tên này vào cán bộ của đơn vị",
        ),
        post: z.boolean().optional().describe("true: tên là một chức danh (Giám đốc Sở), không phải họ tên"),
      }),
    ])
    .describe(
      "Chọn đơn vị trong danh mục / bỏ vì không phải đơn vị thực hiện / giữ nguyên / là cán bộ của một đơn vị",
    ),
});

export const SettleUnitReply = z.object({
  version: z.number().int().describe("Phiên bản mới"),
  tasks: z.array(z.string()).describe("Nhiệm vụ đã sửa"),
});

export const FlagGroupBody = z.object({
  kind: z.enum(["unit", "reference", "warning"]),
  about: z.string().min(1).max(500).describe("Điều các mục cùng nói, không kể mã nhiệm vụ"),
});

export const FlagGroupReply = z.object({ confirmed: z.number().int().describe("Số mục đã xác nhận") });
