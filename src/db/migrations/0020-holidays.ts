// Working days and holidays: each year the Government's notice fixes the Tết days, the second Quốc
// khánh day and any day in lieu, so an administrator may replace a year's list (holiday_year marks a
// year set by hand; other years follow the Labour Code's defaults, computed). An installation
// setting says whether a due date that falls on a day off moves to the next working day when a plan
// is published; a moved deadline keeps the date the plan wrote (moved_from).

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table holiday_year (
      year integer primary key check (year between 1900 and 2199),
      set_by bigint references app_user (id) on delete set null,
      set_at timestamptz not null
    )`.execute(db);
  await sql`
    create table holiday (
      day date primary key,
      year integer not null references holiday_year (year) on delete cascade,
      name text not null check (length(name) between 1 and 200),
      check (extract(year from day) = year)
    )`.execute(db);
  await sql`
    create table installation_setting (
      key text primary key,
      value jsonb not null,
      set_by bigint references app_user (id) on delete set null,
      set_at timestamptz not null
    )`.execute(db);
  await sql`alter table deadline add column moved_from date`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table deadline drop column if exists moved_from`.execute(db);
  await sql`drop table if exists installation_setting`.execute(db);
  await sql`drop table if exists holiday`.execute(db);
  await sql`drop table if exists holiday_year`.execute(db);
}
