// A unit of the directory as the CSV file and the services see it.

import { z } from "zod";

export const UNIT_KINDS = [
  "people_committee",
  "department",
  "division",
  "office",
  "inspectorate",
  "school",
  "centre",
  "commune",
  "district",
  "party",
  "union",
  "leadership",
  "agency",
  "other",
] as const;

/** What kind of unit: a people's committee, a department (Sở), a division (Phòng), a school … */
export type UnitKind = (typeof UNIT_KINDS)[number];

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "ngày phải có dạng YYYY-MM-DD")
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
  }, "ngày không có thật");
const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const list = z.preprocess(
  (v) =>
    typeof v === "string"
      ? v
          .split("|")
          .map((s) => s.trim())
          .filter(Boolean)
      : (v ?? []),
  z.array(z.string().min(1).max(200)),
);

/** One row of `units.csv`: code,name,short_name,kind,parent_code,abbreviations,aliases,active,valid_from,valid_to */
export const UnitRowSchema = z.object({
  /** Stable identifier the rows refer to each other by: "SGDDT", "SGDDT.VP". */
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, "mã chỉ gồm chữ, số, dấu . _ - (tối đa 64 ký tự)"),
  /** The official name: "Sở Giáo dục và Đào tạo". */
  name: z.string().trim().min(2, "tên quá ngắn").max(300, "tên quá dài"),
  short_name: z.preprocess(blankToNull, z.string().trim().max(120).nullable()).default(null),
  kind: z.enum(UNIT_KINDS, { message: `loại đơn vị phải là một trong: ${UNIT_KINDS.join(", ")}` }),
  /** The parent's code; empty for a root. */
  parent_code: z.preprocess(blankToNull, z.string().trim().nullable()).default(null),
  /** "GDĐT|GD&ĐT" */
  abbreviations: list.default([]),
  /** "Phòng Giáo dục thường xuyên và Đại học|Phòng GDTX" */
  aliases: list.default([]),
  active: z
    .preprocess(
      (v) => {
        if (v === undefined || v === null || v === "") return true;
        const s = String(v).trim().toLowerCase();
        if (["1", "true", "có", "co", "x", "yes"].includes(s)) return true;
        if (["0", "false", "không", "khong", "no"].includes(s)) return false;
        return v;
      },
      z.boolean({ message: "hoạt động phải là có/không (1/0)" }),
    )
    .default(true),
  valid_from: z.preprocess(blankToNull, isoDate.nullable()).default(null),
  valid_to: z.preprocess(blankToNull, isoDate.nullable()).default(null),
  /** The unit that took over when this one merged or split away. */
  replaced_by: z.preprocess(blankToNull, z.string().trim().nullable()).default(null),
});
export type UnitRow = z.infer<typeof UnitRowSchema>;

export const UNIT_CSV_COLUMNS = [
  "code",
  "name",
  "short_name",
  "kind",
  "parent_code",
  "abbreviations",
  "aliases",
  "active",
  "valid_from",
  "valid_to",
  "replaced_by",
] as const;

/** A unit as the resolver sees it: names to match and the tree position. */
export interface DirectoryUnit {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  kind: (typeof UNIT_KINDS)[number];
  parentId: string | null;
  path: string;
  active: boolean;
  aliases: string[];
  /** The successor of a unit that merged away. */
  replacedBy: string | null;
  /** Days its plans' reports fall due when a plan orders none ("06-15"); null: inherited or the default. */
  reportRegime: string[] | null;
}
