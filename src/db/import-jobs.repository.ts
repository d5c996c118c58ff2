// Import jobs in the database: queued files, the one a reader takes next (never two readers the
// same job: SKIP LOCKED), progress as it goes, the outcome, and jobs a stopped server left running.

import { sql } from "kysely";
import type { Db } from "./schema.js";

export interface ImportJobRow {
  id: string;
  actorId: string | null;
  fileName: string;
  sizeBytes: number;
  force: boolean;
  status: "queued" | "running" | "done" | "failed";
  stage: string;
  ocrPagesDone: number | null;
  ocrPages: number | null;
  tasks: number | null;
  result: unknown;
  error: unknown;
  attempts: number;
  createdAt: string;
  finishedAt: string | null;
}

const COLUMNS = [
  "id",
  "actor_id",
  "file_name",
  "size_bytes",
  "force",
  "status",
  "stage",
  "ocr_pages_done",
  "ocr_pages",
  "tasks",
  "result",
  "error",
  "attempts",
  "created_at",
  "finished_at",
] as const;

type Row = {
  id: string;
  actor_id: string | null;
  file_name: string;
  size_bytes: number;
  force: boolean;
  status: ImportJobRow["status"];
  stage: string;
  ocr_pages_done: number | null;
  ocr_pages: number | null;
  tasks: number | null;
  result: unknown;
  error: unknown;
  attempts: number;
  created_at: Date;
  finished_at: Date | null;
};

const toJob = (r: Row): ImportJobRow => ({
  id: String(r.id),
  actorId: r.actor_id === null ? null : String(r.actor_id),
  fileName: r.file_name,
  sizeBytes: r.size_bytes,
  force: r.force,
  status: r.status,
  stage: r.stage,
  ocrPagesDone: r.ocr_pages_done,
  ocrPages: r.ocr_pages,
  tasks: r.tasks,
  result: r.result,
  error: r.error,
  attempts: r.attempts,
  createdAt: new Date(r.created_at).toISOString(),
  finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
});

/** Queues a file; returns the job. */
export async function insertImportJob(
  db: Db,
  job: { actorId: string | null; fileName: string; content: Uint8Array; force: boolean },
): Promise<ImportJobRow> {
  const r = await db
    .insertInto("import_job")
    .values({
      actor_id: job.actorId,
      file_name: job.fileName,
      size_bytes: job.content.byteLength,
      content: job.content,
      force: job.force,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toJob(r);
}

/** Takes the oldest queued job for this reader, with its file; null when none waits. */
export async function claimImportJob(db: Db): Promise<(ImportJobRow & { content: Uint8Array }) | null> {
  const r = await sql<Row & { content: Uint8Array }>`
    update import_job set status = 'running', stage = 'reading', attempts = attempts + 1, updated_at = now()
    where id = (select id from import_job where status = 'queued' order by id limit 1 for update skip locked)
    returning ${sql.join(COLUMNS.map((c) => sql.ref(c)))}, content`.execute(db);
  const row = r.rows[0];
  return row ? { ...toJob(row), content: row.content } : null;
}

/** Writes where a running job stands (and that its reader is alive). */
export async function recordImportProgress(
  db: Db,
  id: string,
  p: { stage: string; ocrPagesDone?: number | null; ocrPages?: number | null; tasks?: number | null },
): Promise<void> {
  await db
    .updateTable("import_job")
    .set({
      stage: p.stage,
      ...(p.ocrPagesDone !== undefined ? { ocr_pages_done: p.ocrPagesDone } : {}),
      ...(p.ocrPages !== undefined ? { ocr_pages: p.ocrPages } : {}),
      ...(p.tasks !== undefined ? { tasks: p.tasks } : {}),
      updated_at: sql`now()`,
    })
    .where("id", "=", id)
    .where("status", "=", "running")
    .execute();
}

/** Ends a job with its outcome; the file is dropped (a stored plan keeps its own copy). */
export async function finishImportJob(
  db: Db,
  id: string,
  outcome: { status: "done"; result: unknown; tasks: number } | { status: "failed"; error: unknown },
): Promise<void> {
  await db
    .updateTable("import_job")
    .set({
      status: outcome.status,
      stage: outcome.status,
      result: outcome.status === "done" ? JSON.stringify(outcome.result) : null,
      error: outcome.status === "failed" ? JSON.stringify(outcome.error) : null,
      ...(outcome.status === "done" ? { tasks: outcome.tasks } : {}),
      content: new Uint8Array(0),
      updated_at: sql`now()`,
      finished_at: sql`now()`,
    })
    .where("id", "=", id)
    .execute();
}

/**
 * Jobs left running by a server that stopped (no word from their reader for `staleSeconds`): taken
 * up again, or failed after `maxAttempts` tries (a file that brings its reader down each time).
 * Returns how many were queued again.
 */
export async function requeueStaleImportJobs(
  db: Db,
  staleSeconds: number,
  maxAttempts: number,
  failure: unknown,
): Promise<number> {
  const stale = sql<boolean>`status = 'running' and updated_at < now() - make_interval(secs => ${staleSeconds})`;
  await db
    .updateTable("import_job")
    .set({
      status: "failed",
      stage: "failed",
      error: JSON.stringify(failure),
      content: new Uint8Array(0),
      finished_at: sql`now()`,
    })
    .where(stale)
    .where("attempts", ">=", maxAttempts)
    .execute();
  const r = await db
    .updateTable("import_job")
    .set({ status: "queued", stage: "queued", updated_at: sql`now()` })
    .where(stale)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** One job, or null. */
export async function importJobById(db: Db, id: string): Promise<ImportJobRow | null> {
  if (!/^\d{1,18}$/.test(id)) return null;
  const r = await db.selectFrom("import_job").select(COLUMNS).where("id", "=", id).executeTakeFirst();
  return r ? toJob(r) : null;
}

/** A person's latest jobs, newest first. */
export async function importJobsOf(db: Db, actorId: string, limit: number): Promise<ImportJobRow[]> {
  const rows = await db
    .selectFrom("import_job")
    .select(COLUMNS)
    .where("actor_id", "=", actorId)
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map(toJob);
}
