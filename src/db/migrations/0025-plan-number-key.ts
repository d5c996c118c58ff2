// A plan's number as references are matched against it ("123 /KH - UBND" and "123/kh-ubnd" are
// one number), kept in a column with a btree index: linking an imported plan's references looked
// every stored plan's number up through a regular expression (issue 13: 8.5 plans a second into a
// province's database, slower as it grew). The key is the application's own (text/number-key.ts),
// computed where a number is written, so stored plans and references are keyed by one rule.

import { type Kysely, sql } from "kysely";
import { numberKey } from "../../text/number-key.js";

// Plans keyed per statement while filling the column in.
const CHUNK = 5000;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table plan add column number_key text`.execute(db);
  let after = "0";
  for (;;) {
    const rows = await sql<{ id: string; number: string }>`
      select id::text as id, number from plan where number is not null and id > ${after}::bigint
      order by id limit ${CHUNK}`.execute(db);
    const last = rows.rows.at(-1);
    if (!last) break;
    await sql`
      update plan set number_key = k.key
      from unnest(${rows.rows.map((r) => r.id)}::bigint[], ${rows.rows.map((r) => numberKey(r.number))}::text[])
           as k(id, key)
      where plan.id = k.id`.execute(db);
    after = last.id;
  }
  await sql`create index plan_number_key on plan (number_key)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists plan_number_key`.execute(db);
  await sql`alter table plan drop column if exists number_key`.execute(db);
}
