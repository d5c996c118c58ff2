// The signed-in person of a request: loaded from the session cookie before the request's input is
// validated, with the CSRF token of every state-changing call checked.

import type { FastifyRequest } from "fastify";
import { DomainError } from "../domain/errors.js";
import { currentSession, type SignedInUser } from "../services/auth.service.js";
import type { ServiceContext } from "../services/context.js";

export const SESSION_COOKIE = "kh_session";

declare module "fastify" {
  interface FastifyRequest {
    user: SignedInUser | null;
  }
}

/** Loads the session's user onto the request; checks the CSRF token of every state-changing call. */
export async function loadUser(ctx: ServiceContext, request: FastifyRequest): Promise<void> {
  request.user = await currentSession(ctx, request.cookies[SESSION_COOKIE]);
  const changes = !["GET", "HEAD", "OPTIONS"].includes(request.method);
  if (changes && request.user && request.headers["x-csrf-token"] !== request.user.csrfToken) {
    throw new DomainError(
      "auth.csrf",
      "Phiên làm việc không hợp lệ (thiếu mã chống giả mạo): hãy tải lại trang.",
    );
  }
}

/** The signed-in person of a request to a route that requires one. */
export function signedIn(request: FastifyRequest): SignedInUser {
  if (!request.user) throw new DomainError("auth.required", "Cần đăng nhập.");
  return request.user;
}
