// The browser's side of /api/v1: one fetch wrapper that sends the CSRF token and turns error
// replies into Errors carrying the server's Vietnamese message.

// The reply types are the server's own (type-only imports: nothing of the server is bundled), so
// the browser and the API cannot drift apart.
import type { PlanDetail as StoredPlan } from "../../src/db/plans.repository";
import type { Role } from "../../src/db/schema";
import type { ProgressState } from "../../src/domain/progress";

export type { PlanSummary } from "../../src/db/plans.repository";
export type { Role } from "../../src/db/schema";
export type { Timeframe } from "../../src/domain/plan";
export type { ProgressState } from "../../src/domain/progress";
export type { Dashboard, DashboardWork } from "../../src/services/reports.service";

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

export interface User {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  unitId: string;
}
/** A plan as GET /plans/:id gives it (the reach paths stay on the server). */
export type PlanDetail = Omit<StoredPlan, "issuerUnitPath" | "unitPaths">;
export type Counts = Record<ProgressState, number>;

export async function upload<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append("file", file);
  return api<T>(path, { method: "POST", body: form });
}
