// The notifications part of the API: the bell's list, marking read, a person's address and choices,
// and the mail given up on (administrators).

import { z } from "zod";
import { NOTICE_KINDS } from "../../domain/notice-kinds.js";
import { Id } from "./common.js";

export const NotificationList = z.object({
  unread: z.number().int().describe("Số thông báo chưa đọc"),
  items: z.array(
    z.object({
      id: Id,
      kind: z
        .string()
        .describe(
          "due_soon, due_today, overdue, report_due, plan_published, plan_amended, report_returned, report_accepted, extension_decided, reopen_decided, request_received",
        ),
      title: z.string(),
      body: z.string(),
      link: z.string().describe("Địa chỉ trong ứng dụng: #/plans/12"),
      createdAt: z.string(),
      read: z.boolean(),
    }),
  ),
});

export type NotificationListReply = z.infer<typeof NotificationList>;

export const ReadBody = z.object({
  ids: z.array(Id).max(1000).optional().describe("Các thông báo đã đọc; bỏ trống: tất cả"),
});

export const NotifyKind = z.enum(NOTICE_KINDS);

export const Preferences = z.object({
  email: z
    .string()
    .trim()
    .max(200)
    .nullable()
    .describe("Địa chỉ nhận thư; null: chỉ thông báo trong ứng dụng"),
  mode: z.enum(["each", "digest", "none"]).describe("Từng việc / tóm tắt mỗi sáng / không gửi thư"),
  muted: z.array(NotifyKind).max(20).describe("Các loại không gửi thư"),
});
export type PreferencesReply = z.infer<typeof Preferences>;

export const FailedMailList = z.object({
  mails: z.array(
    z.object({
      id: Id,
      to: z.string(),
      subject: z.string(),
      attempts: z.number().int(),
      error: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});
export type FailedMailList = z.infer<typeof FailedMailList>;

export const MailSettingsReply = z.object({
  source: z
    .enum(["admin", "env", "none"])
    .describe("admin: nhập trong ứng dụng; env: biến môi trường; none: chưa có"),
  host: z.string().nullable(),
  port: z.number().int().nullable(),
  secure: z.boolean().describe("true: TLS ngay từ đầu (cổng 465)"),
  user: z.string().nullable(),
  hasPassword: z.boolean().describe("Đã lưu mật khẩu (không bao giờ trả về)"),
  from: z.string().nullable(),
});
export type MailSettingsReply = z.infer<typeof MailSettingsReply>;

export const MailSettingsBody = z.object({
  host: z.string().max(253).describe("Máy chủ SMTP; rỗng: về máy chủ của biến môi trường"),
  port: z.number().int().describe("Cổng: 587 (STARTTLS), 465 (TLS), 25"),
  secure: z.boolean(),
  user: z.string().max(200).nullable().optional(),
  password: z.string().max(500).nullable().optional().describe("Bỏ trống: giữ mật khẩu đã lưu"),
  from: z.string().max(300).describe("Người gửi: «kehoach <kehoach@so-gddt.gov.vn>»"),
});

export const TestMailBody = z.object({ to: z.string().max(300).describe("Địa chỉ nhận thư thử") });
