// The browser's side of /api/v1: one fetch wrapper that sends the CSRF token and turns error
// replies into Errors carrying the server's Vietnamese message.

export type { Timeframe } from "../../src/domain/plan";
export type { ProgressState } from "../../src/domain/progress";
export type { Role } from "../../src/domain/roles";
// The reply types come from the API contract (src/server/contract): the schemas the server
// validates and serialises with, and from which its OpenAPI description is made. Type-only imports:
// nothing of the server is bundled.
export type {
  Account,
  AmendmentReply,
  AuditEvent,
  CascadeReply,
  ExtensionList,
  FailedMailList,
  HolidayCalendarReply,
  ImplementingReply,
  ImportJobReply,
  ImportReply,
  MailSettingsReply,
  MyWorkReply,
  NotificationListReply,
  OverviewReply,
  OverviewWarningsReply,
  OverviewWorkReply,
  PlanList,
  PlanProgressReply,
  PlanReply as PlanDetail,
  PlanSummary,
  PublicationReply,
  ReopenList,
  ReportReply,
  ReportsOfPlanReply,
  ReviewReply,
  SearchReply,
  SessionReply,
  StaffListReply,
  SummaryReply,
  TaskEditsReply,
  Unit,
  User,
  WorkingDaySettingsReply,
  WorkspaceReply,
} from "../../src/server/contract/index";
export type Counts = import("../../src/server/contract/index").PlanProgressReply["counts"];

import { T } from "./text";

let csrf = "";

export interface FieldProblem {
  field: string;
  reason: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
  }
}

/**
 * The server's message with each field's reason it does not already say, the field named in words:
 * "Thiết lập máy chủ thư không hợp lệ. Cổng: từ 1 đến 65535."
 */
export function withFields(message: string, fields: readonly FieldProblem[]): string {
  const untold = fields.filter((f) => f.reason && !message.includes(f.reason));
  if (!untold.length) return message;
  const parts = untold.map((f) => `${T.fieldNames[f.field] ?? f.field}: ${f.reason}`);
  return `${message} ${parts.join("; ")}.`;
}

export async function api<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
  if (csrf) headers["x-csrf-token"] = csrf;
  let body = init.body;
  if (init.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(init.json);
  }
  const r = await fetch(`/api/v1${path}`, { ...init, headers, body, credentials: "same-origin" });
  const data = r.status === 204 ? null : await r.json().catch(() => null);
  if (!r.ok) {
    const fields: FieldProblem[] = Array.isArray(data?.fields) ? data.fields : [];
    throw new ApiError(
      r.status,
      data?.error ?? "error",
      withFields(data?.message ?? `Lỗi ${r.status}`, fields),
      fields,
    );
  }
  return data as T;
}

export function setCsrf(token: string): void {
  csrf = token;
}

export async function upload<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append("file", file);
  return api<T>(path, { method: "POST", body: form });
}
