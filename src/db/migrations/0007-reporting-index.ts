// A plan's reporting obligations are read per plan (its reporting periods), also for every plan on
// the overview; and a person may now correct them before publishing.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index reporting_obligation_plan on reporting_obligation (plan_id, position)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists reporting_obligation_plan`.execute(db);
}
