// Implementing plans: a unit's own plan carrying down the tasks a plan above gave it ("Kế hoạch
// triển khai thực hiện Kế hoạch số …"), linked plan to plan and task to task, so that what the
// units below report rolls up into the plan above and into its summary report.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table plan add column parent_plan_id bigint references plan (id) on delete set null`.execute(
    db,
  );
  await sql`alter table task add column parent_task_id bigint references task (id) on delete set null`.execute(
    db,
  );
  await sql`create index plan_parent_idx on plan (parent_plan_id) where parent_plan_id is not null`.execute(
    db,
  );
  await sql`create index task_parent_idx on task (parent_task_id) where parent_task_id is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table task drop column if exists parent_task_id`.execute(db);
  await sql`alter table plan drop column if exists parent_plan_id`.execute(db);
}
