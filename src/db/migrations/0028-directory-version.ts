// Every import resolves unit names against the whole directory, and read it afresh each time: at a
// province's thousand units, 9 ms a file, as much as storing the plan. The directory now carries a
// version, moved by whatever changes a unit or an alias (in the changing transaction, so a reader
// never sees the new version with the old units), and an import reads it again only when it moved.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table directory_version (
      one boolean primary key default true check (one),
      n bigint not null default 0)`.execute(db);
  await sql`insert into directory_version default values`.execute(db);
  await sql`
    create function directory_changed() returns trigger language plpgsql as $$
    begin
      update directory_version set n = n + 1;
      return null;
    end $$`.execute(db);
  for (const table of ["unit", "unit_alias"])
    await sql`
      create trigger ${sql.id(`${table}_directory_version`)}
      after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function directory_changed()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["unit", "unit_alias"])
    await sql`drop trigger if exists ${sql.id(`${table}_directory_version`)} on ${sql.table(table)}`.execute(
      db,
    );
  await sql`drop function if exists directory_changed()`.execute(db);
  await sql`drop table if exists directory_version`.execute(db);
}
