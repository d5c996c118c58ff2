// The default reporting regime is a setting of the issuing unit: the days of the year its
// reports fall due when a plan orders no datable report ("06-15,12-15": the half-yearly cut-offs
// of Decree 09/2019/NĐ-CP, the default when the unit sets none).

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table unit add column report_regime text[]`.execute(db);
  await sql`
    alter table unit add constraint unit_report_regime_days
      check (report_regime is null or (cardinality(report_regime) between 1 and 12
             and array_to_string(report_regime, ',') ~ '^([0-9]{2}-[0-9]{2})(,[0-9]{2}-[0-9]{2})*$'))`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table unit drop column if exists report_regime`.execute(db);
}
