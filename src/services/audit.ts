// Writing and reading the audit log: every change says who made it, when, and the object before
// and after. Written inside the change's own transaction (a change that fails leaves no entry).

import {
  type AuditEntry,
  type AuditEvent,
  type AuditQuery,
  listAudit,
  recordAudit,
} from "../db/audit.repository.js";
import type { Db } from "../db/schema.js";
import type { ServiceContext } from "./context.js";
import { type Actor, ensureAllowed, may } from "./policies.js";

/** Who made a change: a signed-in person, or the operator at the console (`kehoach import`). */
export type Author = Actor | null;

/** Records a change made by `author` inside the transaction `trx`. */
export async function audit(
  ctx: ServiceContext,
  trx: Db,
  author: Author,
  entry: Omit<AuditEntry, "actorId" | "actorLogin">,
): Promise<void> {
  await recordAudit(trx, ctx.clock.now(), {
    ...entry,
    actorId: author?.id ?? null,
    actorLogin: author ? author.login : "(dòng lệnh)",
  });
}

/** The audit log, newest first, for administrators: `readAudit(ctx, admin, { objectType: "plan", limit: 50 })`. */
export async function readAudit(ctx: ServiceContext, actor: Actor, query: AuditQuery): Promise<AuditEvent[]> {
  ensureAllowed(may.administer(actor));
  return listAudit(ctx.db, query);
}
