// The browser's side of /api/v1: one fetch wrapper that sends the CSRF token and turns error
// replies into Errors carrying the server's Vietnamese message.

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

export type Role = "admin" | "plan_officer" | "unit_officer" | "leader";
export interface User {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  unitId: string;
}
export interface PlanSummary {
  id: string;
  number: string | null;
  title: string | null;
  issuer: string | null;
  issuedOn: string | null;
  status: string;
  tasks: number;
}
export interface Timeframe {
  text: string;
  kind: string;
  due?: string;
  dates?: string[];
  start?: string;
  end?: string;
}
export interface PlanDetail extends PlanSummary {
  type: string | null;
  place: string | null;
  signer: { capacity: string | null; position: string | null; name: string | null } | null;
  tasksDetail: Array<{
    key: string;
    title: string;
    timeframe: Timeframe | null;
    units: Array<{ role: string; text: string; method: string; unitIds: string[]; suggestions: string[] }>;
  }>;
  references: Array<{ number: string; relation: string; targetPlanId: string | null }>;
  implementedBy: Array<{ planId: string; number: string | null }>;
  work: Array<{
    taskKey: string;
    unitId: string;
    unitName: string;
    role: string;
    status: "not_started" | "in_progress" | "done";
    doneOn: string | null;
    deadlines: string[];
  }>;
}
export type ProgressState = "done_on_time" | "done_late" | "in_progress" | "overdue";
export type Counts = Record<ProgressState, number>;

export async function upload<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append("file", file);
  return api<T>(path, { method: "POST", body: form });
}
