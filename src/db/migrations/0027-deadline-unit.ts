// A unit's most pressing work (its workspace's agenda: overdue longest first, then due soonest) was
// found by reading every piece of its work with its deadlines: ~1,000 for a school of a province,
// 15 ms on each opening of the workspace. Each deadline now carries the unit of its work, indexed
// with the date, so the agenda walks the unit's deadlines in date order and stops at the tenth
// piece of open work. A trigger sets it from the work item where the inserter does not give it.

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
  // An insert that names the unit (an import's, which knows it) is taken as it is; one that does not
  // is given it. A changed work item or unit is always set from the work item.
  await sql`
    create trigger deadline_unit before insert on deadline
    for each row when (new.unit_id is null) execute function deadline_unit_of_work()`.execute(db);
  await sql`
    create trigger deadline_unit_changed before update of work_item_id, unit_id on deadline
    for each row execute function deadline_unit_of_work()`.execute(db);
  await sql`create index deadline_unit_due on deadline (unit_id, due)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists deadline_unit on deadline`.execute(db);
  await sql`drop trigger if exists deadline_unit_changed on deadline`.execute(db);
  await sql`drop function if exists deadline_unit_of_work()`.execute(db);
  await sql`alter table deadline drop column if exists unit_id`.execute(db);
}
