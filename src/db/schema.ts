// The tables as Kysely sees them. Column types follow the migrations in ./migrations.

import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type UnitKind =
  | "people_committee"
  | "department"
  | "division"
  | "office"
  | "inspectorate"
  | "school"
  | "centre"
  | "commune"
  | "district"
  | "party"
  | "union"
  | "leadership"
  | "agency"
  | "other";

export interface UnitTable {
  id: Generated<string>;
  code: string;
  name: string;
  short_name: string | null;
  kind: UnitKind;
  parent_id: string | null;
  path: string;
  active: Generated<boolean>;
  valid_from: string | null;
  valid_to: string | null;
  replaced_by: string | null;
  created_at: Generated<Timestamp>;
}

export interface UnitAliasTable {
  unit_id: string;
  alias: string;
  kind: Generated<"abbreviation" | "alias" | "former_name">;
}

export interface Database {
  unit: UnitTable;
  unit_alias: UnitAliasTable;
}
