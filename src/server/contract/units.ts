// The units part of the API: the directory, suggestions for a unit string, CSV import, a unit's
// reporting regime.

import { z } from "zod";
import { UNIT_KINDS } from "../../domain/unit.js";
import { Id } from "./common.js";

export const Unit = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.enum(UNIT_KINDS),
  parentId: Id.nullable(),
  path: z.string().describe("Đường dẫn trong cây đơn vị: mã các đơn vị cấp trên"),
  active: z.boolean(),
  aliases: z.array(z.string()),
  replacedBy: Id.nullable(),
  reportRegime: z.array(z.string()).nullable().describe("Các ngày đến hạn báo cáo trong năm (MM-DD)"),
});
export type Unit = z.infer<typeof Unit>;

export const UnitList = z.object({ units: z.array(Unit) });

export const Suggestion = z.object({
  text: z.string(),
  method: z.enum(["exact", "issuer", "collective", "similar", "review"]),
  unitIds: z.array(Id),
  candidates: z.array(z.object({ id: Id, name: z.string(), score: z.number() })),
  reason: z.string().optional(),
});

export const DirectoryImportReply = z.object({ created: z.number().int(), updated: z.number().int() });

export const RegimeBody = z.object({
  reportRegime: z
    .string()
    .max(200)
    .nullable()
    .describe("Các ngày đến hạn báo cáo trong năm, ví dụ «15/6, 15/12»; để trống: theo mặc định"),
});
export const RegimeReply = z.object({ reportRegime: z.array(z.string()).nullable() });

export const StaffMember = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  name: z.string().nullable().describe("Họ tên: Vũ Việt Linh"),
  post: z.string().nullable().describe("Chức danh: Giám đốc Sở, Trưởng đoàn"),
  userId: Id.nullable().describe("Tài khoản của cán bộ, nếu có"),
});
export const StaffList = z.object({ staff: z.array(StaffMember) });
export type StaffListReply = z.infer<typeof StaffList>;

export const StaffBody = z.object({
  name: z.string().trim().max(120).optional().describe("Họ tên"),
  post: z.string().trim().max(120).optional().describe("Chức danh"),
  login: z.string().trim().min(3).max(64).optional().describe("Tên đăng nhập của cán bộ, nếu có tài khoản"),
});
export const StaffReply = z.object({
  id: Id,
  created: z.boolean().describe("false: đã có cán bộ này trong đơn vị"),
});
