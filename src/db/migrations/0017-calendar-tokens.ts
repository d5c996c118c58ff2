// Calendar feeds: each account may have one secret link to its ICS feeds. Only the SHA-256 of the
// link's token is kept (a copy of the database opens no calendar); renewing replaces it, so the
// old link stops.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table calendar_token (
      user_id bigint primary key references app_user (id) on delete cascade,
      token_hash text not null unique,
      created_at timestamptz not null
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists calendar_token`.execute(db);
}
