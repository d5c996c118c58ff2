// Work written straight into the tables, for the tests that hold an SQL copy of a rule to the rule
// case by case (db/rules-in-sql.test.ts, db/warning-rules.test.ts). (Test support only.)

import { sql } from "kysely";
import type { Db } from "../db/schema.js";

/**
 * A task of `planId` with one lead work item of `unitId`, its deadlines and, given a status, its
 * accepted progress: `const id = await addLeadWork(db, { planId, unitId, position: 3, deadlines: ["2026-06-30"], status: "done", doneOn: "2026-06-01" })`.
 * Returns the work item's id.
 */
export async function addLeadWork(
  db: Db,
  w: {
    planId: string;
    unitId: string;
    position: number;
    deadlines: readonly string[];
    status: string | null;
    doneOn: string | null;
  },
): Promise<string> {
  const task = await sql<{ id: string }>`
    insert into task (plan_id, key, position, title, content, search_text)
    values (${w.planId}, ${`T${w.position}`}, ${w.position}, 'Nhiệm vụ', '', '') returning id`.execute(db);
  const item = await sql<{ id: string }>`
    insert into work_item (task_id, unit_id, role) values (${task.rows[0]?.id}, ${w.unitId}, 'lead') returning id`.execute(
    db,
  );
  const id = String(item.rows[0]?.id);
  for (const due of w.deadlines)
    await sql`insert into deadline (work_item_id, due) values (${id}, ${due})`.execute(db);
  if (w.status)
    await sql`insert into work_item_progress (work_item_id, status, done_on) values (${id}, ${w.status}, ${w.doneOn})`.execute(
      db,
    );
  return id;
}

/** A unit at the root of the directory, its path its own id: `const unitId = await addRootUnit(db)`. */
export async function addRootUnit(db: Db): Promise<string> {
  const unit = await sql<{ id: string }>`
    insert into unit (code, name, kind, path) values ('U', 'Đơn vị', 'department', '0') returning id`.execute(
    db,
  );
  const unitId = String(unit.rows[0]?.id);
  await sql`update unit set path = ${unitId}::ltree where id = ${unitId}`.execute(db);
  return unitId;
}
