// A unit's most pressing work (its workspace's agenda: overdue longest first, then due soonest) was
// found by reading every piece of its work with its deadlines: ~1,000 for a school of a province,
// 15 ms on each opening of the workspace. Each deadline now carries the unit of its work, indexed
// with the date, so the agenda walks the unit's deadlines in date order and stops at the tenth
// piece of open work. A trigger sets it from the work item, whoever inserts the deadline.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table deadline add column unit_id bigint`.execute(db);
  await sql`update deadline d set unit_id = w.unit_id from work_item w where w.id = d.work_item_id`.execute(
    db,
  );
  await sql`alter table deadline alter column unit_id set not null`.execute(db);
  await sql`
    create function deadline_unit_of_work() returns trigger language plpgsql as $$
    begin
      select w.unit_id into new.unit_id from work_item w where w.id = new.work_item_id;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger deadline_unit before insert or update of work_item_id, unit_id on deadline
    for each row execute function deadline_unit_of_work()`.execute(db);
  await sql`create index deadline_unit_due on deadline (unit_id, due)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists deadline_unit on deadline`.execute(db);
  await sql`drop function if exists deadline_unit_of_work()`.execute(db);
  await sql`alter table deadline drop column if exists unit_id`.execute(db);
}
