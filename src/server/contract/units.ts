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
