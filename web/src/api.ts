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
  ExtensionList,
  HolidayCalendarReply,
  ImportJobReply,
  ImportReply,
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
  TaskEditsReply,
  Unit,
  User,
  WorkingDaySettingsReply,
  WorkspaceReply,
} from "../../src/server/contract/index";
export type Counts = import("../../src/server/contract/index").PlanProgressReply["counts"];

let csrf = "";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
  ) {
    super(message);
  }
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
  if (!r.ok) throw new ApiError(r.status, data?.error ?? "error", data?.message ?? `Lỗi ${r.status}`);
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
