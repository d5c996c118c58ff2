// The audit log: one row per change (who, when, what, before and after), written in the
// transaction of the change itself, never edited or deleted (a trigger refuses it).

import type { Db } from "./schema.js";

export interface AuditEntry {
  actorId: string | null;
  actorLogin: string | null;
  /** "plan.publish", "report.return", "user.add" … */
  action: string;
  objectType:
    | "plan"
    | "task"
    | "report"
    | "unit"
    | "user"
    | "directory"
    | "attachment"
    | "work_item"
    | "setting";
  objectId: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditEvent extends AuditEntry {
  id: string;
  at: string;
}

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

/** Writes one entry, inside the transaction of the change it records. */
export async function recordAudit(db: Db, at: Date, e: AuditEntry): Promise<void> {
  await db
    .insertInto("audit_event")
    .values({
      at,
      actor_id: e.actorId,
      actor_login: e.actorLogin,
      action: e.action,
      object_type: e.objectType,
      object_id: e.objectId,
      before: json(e.before),
      after: json(e.after),
    })
    .execute();
}

export interface AuditQuery {
  objectType?: string;
  objectId?: string;
  actorLogin?: string;
  /** Entries older than this id (the next page). */
  beforeId?: string;
  limit: number;
}

/** The newest entries first, filtered: `listAudit(db, { objectType: "plan", objectId: "12", limit: 50 })`. */
export async function listAudit(db: Db, q: AuditQuery): Promise<AuditEvent[]> {
  let query = db.selectFrom("audit_event").selectAll();
  if (q.objectType) query = query.where("object_type", "=", q.objectType);
  if (q.objectId) query = query.where("object_id", "=", q.objectId);
  if (q.actorLogin) query = query.where("actor_login", "=", q.actorLogin);
  if (q.beforeId) query = query.where("id", "<", q.beforeId);
  const rows = await query.orderBy("id", "desc").limit(q.limit).execute();
  return rows.map((r) => ({
    id: String(r.id),
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id === null ? null : String(r.actor_id),
    actorLogin: r.actor_login,
    action: r.action,
    objectType: r.object_type as AuditEntry["objectType"],
    objectId: r.object_id,
    before: r.before,
    after: r.after,
  }));
}
