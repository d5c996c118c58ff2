// What every use case is given: the database, the clock, and the reader of plan files. Built once
// by whoever runs the services (the HTTP server, a CLI command, a test) and passed in, so that
// services reach no global and a test can stop the clock at any day.

import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import type { Clock } from "../domain/clock.js";
import type { ParsedPlan } from "../domain/plan.js";
import type { ParsedWithText } from "../parse/parse-plan.js";

/** A plan file read: what it was, what a person is told about the reading, its text and the plan in it. */
export interface PlanReading {
  format: "txt" | "doc" | "docx" | "pdf" | "html" | "md";
  mediaType: string;
  /** What a person is told about how the text was got ("read by OCR: check against the print"). */
  notes: string[];
  /** The normalised source text, shown beside what was extracted on the review screen. */
  sourceText: string;
  plan: ParsedPlan;
  /** Where the text lost its diacritics and they were restored: the text before, and each word changed or unsure. */
  restoration?: ParsedWithText["restoration"];
}

/** How the reading of a file goes, for a progress bar: pages of a scan read by OCR so far. */
export interface ReadingProgress {
  ocrPagesDone: number;
  ocrPages: number;
}

/** Reads plan files: in worker processes for the server (src/intake), on the spot for one-shot commands. */
export interface PlanReader {
  read(
    fileName: string,
    bytes: Uint8Array,
    options?: { onProgress?: (progress: ReadingProgress) => void },
  ): Promise<PlanReading>;
}

export interface ServiceContext {
  db: Kysely<Database>;
  clock: Clock;
  reader: PlanReader;
  /** Takes queued import jobs (the server's runner): woken when a file is queued. */
  imports?: ImportQueue;
  /** The address people open kehoach at ("https://kehoach.sogddt.gov.vn/"), for links that leave the app. */
  publicUrl?: string;
  /** The mail server the environment names (KEHOACH_SMTP_URL, KEHOACH_MAIL_FROM), until an administrator sets one. */
  smtpFromEnv?: { url: string; from: string };
}

/** Something that takes queued import jobs. */
export interface ImportQueue {
  wake(): void;
}
