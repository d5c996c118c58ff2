// Pieces every part of the API contract uses: ids, dates, the four states, error replies.

import { z } from "zod";
import { TimeframeSchema } from "../../domain/plan.js";
import { ROLES } from "../../domain/roles.js";

/** A numeric id as text ("12"): ids are 64-bit and JavaScript numbers are not. */
export const Id = z
  .string()
  .regex(/^\d{1,18}$/, "mã phải là số")
  .describe("Mã (số)");
/** An ISO day: "2026-06-15". */
export const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "ngày có dạng YYYY-MM-DD");
/** An ISO day that exists on the calendar. */
export const RealDay = IsoDay.refine((d) => {
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d);
}, "ngày không có thật");
/** An ISO instant: "2026-06-15T03:00:00.000Z". */
export const Instant = z.string().describe("Thời điểm (ISO 8601, UTC)");

export const Role = z.enum(ROLES).describe("Vai trò");
export const ProgressState = z
  .enum(["done_on_time", "done_late", "in_progress", "overdue"])
  .describe("Hoàn thành đúng hạn / trễ hạn / đang thực hiện trong hạn / quá hạn");
export const Counts = z.object({
  done_on_time: z.number().int(),
  done_late: z.number().int(),
  in_progress: z.number().int(),
  overdue: z.number().int(),
});
export const ItemStatus = z
  .enum(["not_started", "in_progress", "done"])
  .describe("chưa triển khai / đang thực hiện / hoàn thành");
export const ReportStatus = z.enum(["draft", "submitted", "returned", "accepted"]);
export const ReportStanding = z
  .enum(["not_sent", "returned", "missing", "sent_on_time", "sent_late"])
  .describe("Chưa gửi / bị trả lại / thiếu (quá hạn chưa gửi) / gửi đúng hạn / gửi muộn");
/** A version of a plan or a task, as read: an edit made against an older version is refused (409). */
export const Version = z
  .number()
  .int()
  .min(1)
  .describe("Phiên bản đã đọc (chống ghi đè khi hai người cùng sửa)");

export const Timeframe = TimeframeSchema.describe("Thời gian như văn bản viết, và cách đọc nó");

/** A reply with no body. */
export const NoContent = z.null().describe("Không có nội dung");

/** The reply to anything refused: a stable id, a Vietnamese message, the fields at fault. */
export const ErrorReply = z.object({
  error: z.string().describe("Mã lỗi ổn định: plan.not_found, report.locked …"),
  message: z.string().describe("Thông báo cho người dùng (tiếng Việt)"),
  fields: z
    .array(z.object({ line: z.number().optional(), field: z.string().optional(), reason: z.string() }))
    .optional(),
  errorId: z.string().optional().describe("Mã tra cứu của lỗi máy chủ trong nhật ký"),
});

/** A file sent as it is (an attachment, a CSV export). */
// (Any: the file is sent as bytes, never serialised.)
export const FileReply = z.any().describe("Tệp (nội dung nhị phân)");

/** `?limit=50&offset=100` */
export const Page = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100).describe("Số dòng một trang"),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).describe("Bỏ qua bao nhiêu dòng đầu"),
});
