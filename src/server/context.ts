// What every request handler can reach: the store, and the signed-in user of the request.

import type { FastifyRequest } from "fastify";
import type { Store } from "../db/connection.js";
import { DomainError } from "../domain/errors.js";
import { currentSession } from "../services/auth.service.js";
import type { Actor } from "../services/policies.js";

export const SESSION_COOKIE = "kh_session";

export interface RequestUser extends Actor {
  login: string;
  displayName: string;
  csrfToken: string;
}

declare module "fastify" {
  interface FastifyRequest {
    user: RequestUser | null;
  }
}

/** Loads the session's user onto the request; checks the CSRF token of every state-changing call. */
export async function loadUser(store: Store, request: FastifyRequest): Promise<void> {
  request.user = await currentSession(store.db, request.cookies[SESSION_COOKIE]);
  const changes = !["GET", "HEAD", "OPTIONS"].includes(request.method);
  if (changes && request.user && request.headers["x-csrf-token"] !== request.user.csrfToken) {
    throw new DomainError(
      "auth.csrf",
      "Phiên làm việc không hợp lệ (thiếu mã chống giả mạo): hãy tải lại trang.",
    );
  }
}
