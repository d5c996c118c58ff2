// Storage of a draft's task-list edits: taking tasks out with a snapshot of them (their units
// included) and the flags they leave behind closed, putting snapshots back, adding a task at a
// place in the list, and the log of edits that undo reads from the newest.

import { sql } from "kysely";
import type { Timeframe } from "../domain/plan.js";
import { unitsOfTasks } from "./plan-review.repository.js";
import type { Db } from "./schema.js";

export interface TaskSnapshot {
  /** Absent in snapshots kept before duties were tracked: a task. */
  kind?: "task" | "duty";
  key: string;
  position: number;
  title: string;
  content: string;
  timeframe: Timeframe | null;
  products: unknown;
  spanStart: number | null;
  spanEnd: number | null;
  searchText: string;
  /** The parent plan's task it carries down (an implementing plan's); absent in older snapshots. */
  parentTaskId?: string | null;
  units: Array<{
    role: "lead" | "cooperate";
    position: number;
    text: string;
    method: "exact" | "issuer" | "collective" | "similar" | "review" | "person";
    unitIds: string[];
    /** Absent in snapshots kept before staff were doers. */
    staffIds?: string[];
    candidates: unknown;
  }>;
}

/** The tasks of a plan with these keys as they are now, in list order. */
export async function snapshotTasks(
  db: Db,
  planId: string,
  keys: readonly string[],
): Promise<TaskSnapshot[]> {
  if (!keys.length) return [];
  const tasks = await db
    .selectFrom("task")
    .selectAll()
    .where("plan_id", "=", planId)
    .where("key", "in", [...keys])
    .orderBy("position")
    .execute();
  if (!tasks.length) return [];
  const units = await unitsOfTasks(
    db,
    tasks.map((t) => String(t.id)),
  );
  return tasks.map((t) => ({
    kind: t.kind,
    key: t.key,
    position: t.position,
    title: t.title,
    content: t.content,
    timeframe: t.timeframe as Timeframe | null,
    products: t.products,
    spanStart: t.span_start,
    spanEnd: t.span_end,
    searchText: t.search_text,
    parentTaskId: t.parent_task_id === null ? null : String(t.parent_task_id),
    units: (units.get(String(t.id)) ?? []).map((u) => ({
      role: u.role,
      position: u.position,
      text: u.unit_text,
      method: u.method,
      unitIds: u.unit_ids.map(String),
      staffIds: u.staff_ids.map(String),
      candidates: u.candidates,
    })),
  }));
}

/**
 * Takes tasks out of a draft (their units, work and deadlines go with them) and closes the flags
 * that were about them; returns the ids of the flags it closed, for an undo to open again.
 */
export async function removeTasks(
  db: Db,
  planId: string,
  keys: readonly string[],
  options: { closeFlags: boolean } = { closeFlags: true },
): Promise<string[]> {
  if (!keys.length) return [];
  if (!options.closeFlags) {
    await db
      .deleteFrom("task")
      .where("plan_id", "=", planId)
      .where("key", "in", [...keys])
      .execute();
    return [];
  }
  const closed = await sql<{ id: string }>`
    update review_item set resolved = true
    where plan_id = ${planId} and not resolved and (
      (kind = 'unit' and detail ->> 'task' in (${sql.join(keys.map((k) => sql`${k}`))}))
      or (kind = 'warning' and ${sql.join(
        keys.map((k) => sql`subject like ${`Nhiệm vụ ${k.replace(/[%_\\]/g, "\\$&")}:%`}`),
        sql` or `,
      )}))
    returning id`.execute(db);
  await db
    .deleteFrom("task")
    .where("plan_id", "=", planId)
    .where("key", "in", [...keys])
    .execute();
  return closed.rows.map((r) => String(r.id));
}

/** Puts tasks back as they were, with their units and tracked work; the caller dates the work. */
export async function restoreTasks(
  db: Db,
  planId: string,
  snapshots: readonly TaskSnapshot[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const s of snapshots) {
    const t = await db
      .insertInto("task")
      .values({
        plan_id: planId,
        kind: s.kind ?? "task",
        key: s.key,
        position: s.position,
        title: s.title,
        content: s.content,
        timeframe: s.timeframe ? JSON.stringify(s.timeframe) : null,
        products: JSON.stringify(s.products ?? []),
        span_start: s.spanStart,
        span_end: s.spanEnd,
        search_text: s.searchText,
        parent_task_id: s.parentTaskId ?? null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const taskId = String(t.id);
    ids.push(taskId);
    if (s.units.length)
      await db
        .insertInto("task_unit")
        .values(
          s.units.map((u) => ({
            task_id: taskId,
            role: u.role,
            position: u.position,
            unit_text: u.text,
            method: u.method,
            unit_ids: u.unitIds,
            staff_ids: u.staffIds ?? [],
            candidates: JSON.stringify(u.candidates ?? []),
          })),
        )
        .execute();
    const pairs = new Map<string, { unit: string; role: "lead" | "cooperate" }>();
    for (const u of s.units)
      for (const id of u.unitIds) pairs.set(`${id}|${u.role}`, { unit: id, role: u.role });
    if (pairs.size)
      await db
        .insertInto("work_item")
        .values([...pairs.values()].map((p) => ({ task_id: taskId, unit_id: p.unit, role: p.role })))
        .execute();
  }
  return ids;
}

/** Opens again the flags an edit closed. */
export async function reopenFlags(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length)
    await db
      .updateTable("review_item")
      .set({ resolved: false })
      .where("id", "in", [...ids])
      .execute();
}

/** Makes room at `position` in a plan's list (the tasks from there on move down one). */
export async function makeRoomAt(db: Db, planId: string, position: number): Promise<void> {
  await db
    .updateTable("task")
    .set((eb) => ({ position: eb("position", "+", 1) }))
    .where("plan_id", "=", planId)
    .where("position", ">=", position)
    .execute();
}

/** Adds a task with no units at `position`; returns its id. */
export async function insertTask(
  db: Db,
  planId: string,
  task: {
    kind?: "task" | "duty";
    key: string;
    position: number;
    title: string;
    content: string;
    timeframe: Timeframe | null;
    span: [number, number] | null;
    searchText: string;
  },
): Promise<string> {
  const t = await db
    .insertInto("task")
    .values({
      plan_id: planId,
      kind: task.kind ?? "task",
      key: task.key,
      position: task.position,
      title: task.title,
      content: task.content,
      timeframe: task.timeframe ? JSON.stringify(task.timeframe) : null,
      products: "[]",
      span_start: task.span?.[0] ?? null,
      span_end: task.span?.[1] ?? null,
      search_text: task.searchText,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return String(t.id);
}

/** The keys, kinds and list places of a plan's tasks, in order. */
export async function taskKeys(
  db: Db,
  planId: string,
): Promise<Array<{ key: string; kind: "task" | "duty"; position: number }>> {
  return db
    .selectFrom("task")
    .select(["key", "kind", "position"])
    .where("plan_id", "=", planId)
    .orderBy("position")
    .execute();
}

export interface TaskEditRow {
  id: string;
  action: "add" | "delete" | "merge" | "split" | "move" | "not_tasks";
  summary: string;
  removed: TaskSnapshot[];
  created: string[];
  settledFlags: string[];
  at: string;
  undone: boolean;
}

/** What an edit did: what it took out, the keys it made, the flags it closed. */
export interface TaskEditEntry {
  action: TaskEditRow["action"];
  summary: string;
  removed: TaskSnapshot[];
  created: string[];
  settledFlags: string[];
}

/** Writes an edit to the plan's log. */
export async function recordTaskEdit(
  db: Db,
  planId: string,
  edit: TaskEditEntry & { actorId: string | null; at: Date },
): Promise<void> {
  await db
    .insertInto("task_edit")
    .values({
      plan_id: planId,
      action: edit.action,
      summary: edit.summary,
      removed: JSON.stringify(edit.removed),
      created: edit.created,
      settled_flags: edit.settledFlags,
      actor_id: edit.actorId,
      at: edit.at,
    })
    .execute();
}

/** The plan's edits, newest first. */
export async function taskEdits(db: Db, planId: string, limit = 50): Promise<TaskEditRow[]> {
  const rows = await db
    .selectFrom("task_edit")
    .selectAll()
    .where("plan_id", "=", planId)
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: String(r.id),
    action: r.action,
    summary: r.summary,
    removed: r.removed as unknown as TaskSnapshot[],
    created: r.created,
    settledFlags: r.settled_flags.map(String),
    at: new Date(r.at).toISOString(),
    undone: r.undone_at !== null,
  }));
}

/** Marks an edit undone; false when it already was (someone undid it meanwhile). */
export async function markUndone(db: Db, editId: string, at: Date): Promise<boolean> {
  const r = await db
    .updateTable("task_edit")
    .set({ undone_at: at })
    .where("id", "=", editId)
    .where("undone_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
