// The users part of the API (administrators): accounts and a new account.

import { z } from "zod";
import { Id, Role } from "./common.js";

export const Account = z.object({
  id: Id,
  login: z.string(),
  displayName: z.string(),
  role: Role,
  unitId: Id,
  active: z.boolean(),
  sessions: z.number().int().describe("Số phiên đang đăng nhập"),
});
export type Account = z.infer<typeof Account>;

export const AccountList = z.object({ users: z.array(Account) });

export const NewAccountBody = z.object({
  login: z
    .string()
    .regex(/^[a-z0-9._@-]{3,64}$/, "chữ thường không dấu, số, . _ @ - (3–64 ký tự)")
    .describe("Tên đăng nhập"),
  displayName: z.string().min(1).max(120).describe("Họ và tên"),
  unitId: Id.describe("Đơn vị"),
  role: Role,
  password: z.string().min(10, "mật khẩu cần ít nhất 10 ký tự").max(200).describe("Mật khẩu"),
});

export const Created = z.object({ id: Id });

export const AccountPatchBody = z.object({
  active: z.boolean().describe("false: khóa tài khoản (mọi phiên kết thúc ngay); true: mở lại"),
});

export const SessionsEnded = z.object({ ended: z.number().int().describe("Số phiên đã kết thúc") });
