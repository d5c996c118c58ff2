// The kinds of notice a person is told of, in the app and by mail; each may be muted for mail.

export const NOTICE_KINDS = [
  "due_soon",
  "due_today",
  "overdue",
  "report_due",
  "plan_published",
  "plan_amended",
  "report_returned",
  "report_accepted",
  "extension_decided",
  "reopen_decided",
  "request_received",
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
