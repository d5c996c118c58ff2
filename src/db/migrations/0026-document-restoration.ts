// A document whose text lost its diacritics ("Ke hoach thuc hien Nghi quyet") is restored before
// it is parsed, and its stored text is the restored one. The plan keeps the text as it came too,
// and what restoring did to each word, so the review screen can mark the changed and the uncertain
// words and show the original beside them. Both are null for a document that had its marks.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // The normalised text before restoring: the same length as `text`, each word at the same offsets.
  await sql`alter table document add column original_text text`.execute(db);
  // { words: [{ start, end, from, to, confidence, alternative? }], syllables, changed, uncertain }
  await sql`alter table document add column restoration jsonb`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table document drop column if exists restoration`.execute(db);
  await sql`alter table document drop column if exists original_text`.execute(db);
}
