// The sign-in part of the API: sign in, sign out, who am I.

import { z } from "zod";
import type { SignedInUser } from "../../services/auth.service.js";
import { Id, Role } from "./common.js";

export const User = z.object({
  id: Id,
  login: z.string(),
  displayName: z.string(),
  role: Role,
  unitId: Id,
});
export type User = z.infer<typeof User>;

export const SessionReply = z.object({
  user: User,
  csrfToken: z.string().describe("Gửi lại trong tiêu đề X-CSRF-Token"),
});
export type SessionReply = z.infer<typeof SessionReply>;

export const LoginBody = z.object({
  login: z.string().min(3).max(64).describe("Tên đăng nhập"),
  password: z.string().min(1).max(200).describe("Mật khẩu"),
});

export function presentSession(u: SignedInUser): SessionReply {
  return {
    user: { id: u.id, login: u.login, displayName: u.displayName, role: u.role, unitId: u.unitId },
    csrfToken: u.csrfToken,
  };
}
