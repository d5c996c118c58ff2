// Warnings as facts ask when a unit last reported on a piece of work ("không cập nhật 45 ngày"):
// the report items of one work item, found by an index rather than a scan of every report's items.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index if not exists report_item_work_item on report_item (work_item_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists report_item_work_item`.execute(db);
}
