// The messages between the pool (parent) and a reader process (child), and errors made fit to
// cross between them: a DomainError arrives as a DomainError, with its id, message and details.

import { DomainError } from "../domain/errors.js";
import type { PlanReading } from "../services/context.js";

/** Parent → child. */
export type ToReader =
  | { type: "read"; job: number; fileName: string; bytes: Uint8Array; workDir: string }
  /** Stop: the child kills the tools it runs, then its whole process group (itself included). */
  | { type: "abort" };

/** Child → parent. */
export type FromReader =
  /** Loaded and listening: a job's time starts when it is sent to a ready child. */
  | { type: "ready" }
  /** The file is a scan of `pages` pages about to be read by OCR: the job's time grows with them. */
  | { type: "ocr"; job: number; pages: number }
  /** A page of the scan read by OCR. */
  | { type: "page"; job: number; done: number; pages: number }
  | { type: "done"; job: number; reading: PlanReading }
  | { type: "failed"; job: number; error: SentError };

export interface SentError {
  domain: boolean;
  id: string;
  message: string;
  details: DomainError["details"];
}

/** An error as it is sent: `toSent(new DomainError("pdf.unreadable", "…"))`. */
export function toSent(error: unknown): SentError {
  if (error instanceof DomainError)
    return { domain: true, id: error.id, message: error.message, details: error.details };
  return {
    domain: false,
    id: "",
    message: error instanceof Error ? error.message : String(error),
    details: [],
  };
}

/** The error as received: a DomainError again, or a plain Error for a fault. */
export function fromSent(sent: SentError): Error {
  return sent.domain ? new DomainError(sent.id, sent.message, sent.details) : new Error(sent.message);
}
