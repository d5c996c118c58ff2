// The unit directory: a tree of units with names, abbreviations and aliases, kept with history.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists unaccent`.execute(db);
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create extension if not exists ltree`.execute(db);
  // Folding as the application folds ("Đào tạo" → "dao tao"), immutable so indexes can use it.
  await sql`
    create or replace function kh_fold(value text) returns text
    language sql immutable parallel safe strict as
    $$ select lower(public.unaccent('public.unaccent'::regdictionary, translate(value, 'đĐ', 'dD'))) $$
  `.execute(db);

  await sql`
    create table unit (
      id bigint generated always as identity primary key,
      code text not null unique check (code ~ '^[A-Za-z0-9_.-]{1,64}$'),
      name text not null check (length(trim(name)) between 2 and 300),
      short_name text,
      kind text not null check (kind in (
        'people_committee', 'department', 'division', 'office', 'inspectorate', 'school', 'centre',
        'commune', 'district', 'party', 'union', 'leadership', 'agency', 'other')),
      parent_id bigint references unit (id),
      path ltree not null,
      active boolean not null default true,
      valid_from date,
      valid_to date,
      replaced_by bigint references unit (id),
      created_at timestamptz not null default now(),
      check (valid_to is null or valid_from is null or valid_to >= valid_from)
    )`.execute(db);
  await sql`create index unit_path_gist on unit using gist (path)`.execute(db);
  await sql`create index unit_parent on unit (parent_id)`.execute(db);
  await sql`create index unit_name_trgm on unit using gin (kh_fold(name) gin_trgm_ops)`.execute(db);

  await sql`
    create table unit_alias (
      unit_id bigint not null references unit (id) on delete cascade,
      alias text not null check (length(trim(alias)) between 1 and 200),
      kind text not null default 'alias' check (kind in ('abbreviation', 'alias', 'former_name')),
      primary key (unit_id, alias)
    )`.execute(db);
  await sql`create index unit_alias_fold on unit_alias (kh_fold(alias))`.execute(db);
  await sql`create index unit_alias_trgm on unit_alias using gin (kh_fold(alias) gin_trgm_ops)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists unit_alias`.execute(db);
  await sql`drop table if exists unit`.execute(db);
  await sql`drop function if exists kh_fold(text)`.execute(db);
}
