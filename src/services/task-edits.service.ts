// Editing a draft's task list on the review screen: a task the parser missed is added (typed, or
// from a passage selected in the source text), a task that is not one is deleted, two tasks are
// merged, a whole section is marked "not tasks" (the Thời gian / Địa điểm / Đối tượng of an event
// plan). Each edit is logged with who and when, and can be undone, newest first, until the plan is
// published. The tracked work and its deadlines follow every edit.

import { replaceDeadlines } from "../db/plan-review.repository.js";
import {
  insertTask,
  makeRoomAt,
  markUndone,
  recordTaskEdit,
  removeTasks,
  reopenFlags,
  restoreTasks,
  snapshotTasks,
  type TaskEditEntry,
  type TaskEditRow,
  type TaskSnapshot,
  taskEdits,
  taskKeys,
} from "../db/task-edits.repository.js";
import { inTransaction } from "../db/transaction.js";
import { DomainError } from "../domain/errors.js";
import { taskSearchText } from "../domain/plan-search.js";
import { expandDeadlines } from "../time/expand.js";
import { parseTimeframe } from "../time/timeframe.js";
import { audit } from "./audit.js";
import type { ServiceContext } from "./context.js";
import { claimPlan, editableDraft, planYear } from "./plan-review.service.js";
import type { Actor } from "./policies.js";

const noTask = (key: string) =>
  new DomainError("task.not_found", `Không có nhiệm vụ ${key} trong kế hoạch.`, [
    { field: "key", reason: `không có nhiệm vụ ${key}` },
  ]);

// Keys of added tasks: "BS1", "BS2" … ("bổ sung"), never one the plan holds.
function nextAddedKey(keys: ReadonlyArray<{ key: string }>): string {
  let n = 0;
  for (const { key } of keys) {
    const m = /^BS(\d+)$/.exec(key);
    if (m) n = Math.max(n, Number(m[1]));
  }
  return `BS${n + 1}`;
}

export interface NewTask {
  version: number;
  title: string;
  content?: string;
  timeframe?: string;
  /** The passage of the source text the task was selected from. */
  span?: [number, number];
  /** The task it comes after; none: at the end of the list. */
  after?: string;
  /** 'duty': a unit's duty the "Tổ chức thực hiện" part gives, missed by the parser. */
  kind?: "task" | "duty";
}

/** Adds a task the parser missed; it has no unit until one is given (and so blocks publishing). */
export async function addTask(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  input: NewTask,
): Promise<{ version: number; key: string }> {
  const facts = await editableDraft(ctx, actor, planId);
  const title = input.title.trim();
  const content = (input.content ?? "").trim() || title;
  if (input.span && !(input.span[0] >= 0 && input.span[1] > input.span[0]))
    throw new DomainError("task.invalid", "Đoạn văn bản chọn không hợp lệ.", [
      { field: "span", reason: "đầu phải nhỏ hơn cuối" },
    ]);
  const year = planYear(ctx, facts);
  const timeframe = input.timeframe?.trim() ? parseTimeframe(input.timeframe, { year }).timeframe : null;
  return inTransaction(ctx.db, async (trx) => {
    const version = await claimPlan(trx, planId, input.version);
    const keys = await taskKeys(trx, planId);
    let position = (keys[keys.length - 1]?.position ?? -1) + 1;
    if (input.after) {
      const after = keys.find((k) => k.key === input.after);
      if (!after) throw noTask(input.after);
      position = after.position + 1;
      await makeRoomAt(trx, planId, position);
    }
    const key = nextAddedKey(keys);
    const taskId = await insertTask(trx, planId, {
      kind: input.kind ?? "task",
      key,
      position,
      title,
      content,
      timeframe,
      span: input.span ?? null,
      searchText: taskSearchText(title, content),
    });
    await replaceDeadlines(trx, taskId, expandDeadlines(timeframe, year));
    await log(ctx, trx, actor, planId, {
      action: "add",
      summary: `Thêm nhiệm vụ ${key} «${title.slice(0, 80)}»`,
      removed: [],
      created: [key],
      settledFlags: [],
    });
    return { version, key };
  });
}

/** Deletes a task that is not one; its flags close with it. */
export async function deleteTask(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  key: string,
  version: number,
): Promise<{ version: number }> {
  await editableDraft(ctx, actor, planId);
  return inTransaction(ctx.db, async (trx) => {
    const next = await claimPlan(trx, planId, version);
    const removed = await snapshotTasks(trx, planId, [key]);
    if (!removed.length) throw noTask(key);
    const settled = await removeTasks(trx, planId, [key]);
    await log(ctx, trx, actor, planId, {
      action: "delete",
      summary: `Xóa nhiệm vụ ${key} «${removed[0]?.title.slice(0, 80)}»`,
      removed,
      created: [],
      settledFlags: settled,
    });
    return { version: next };
  });
}

/** Merges task `from` into task `into`: one text, both units, one task. */
export async function mergeTasks(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  input: { version: number; into: string; from: string },
): Promise<{ version: number }> {
  const facts = await editableDraft(ctx, actor, planId);
  if (input.into === input.from)
    throw new DomainError("task.invalid", "Không gộp một nhiệm vụ vào chính nó.", [
      { field: "from", reason: "trùng nhiệm vụ gộp vào" },
    ]);
  return inTransaction(ctx.db, async (trx) => {
    const version = await claimPlan(trx, planId, input.version);
    const [a, b] = await Promise.all([
      snapshotTasks(trx, planId, [input.into]),
      snapshotTasks(trx, planId, [input.from]),
    ]);
    const into = a[0];
    const from = b[0];
    if (!into) throw noTask(input.into);
    if (!from) throw noTask(input.from);
    const merged = mergedTask(into, from);
    const settled = await removeTasks(trx, planId, [from.key]);
    await removeTasks(trx, planId, [into.key], { closeFlags: false });
    const [taskId] = await restoreTasks(trx, planId, [merged]);
    if (taskId) await replaceDeadlines(trx, taskId, expandDeadlines(merged.timeframe, planYear(ctx, facts)));
    await log(ctx, trx, actor, planId, {
      action: "merge",
      summary: `Gộp nhiệm vụ ${from.key} vào ${into.key}`,
      removed: [into, from],
      created: [into.key],
      settledFlags: settled,
    });
    return { version };
  });
}

function mergedTask(into: TaskSnapshot, from: TaskSnapshot): TaskSnapshot {
  const units = [...into.units];
  for (const u of from.units)
    if (!units.some((v) => v.role === u.role && v.text === u.text))
      units.push({ ...u, position: units.length });
  const starts = [into.spanStart, from.spanStart].filter((n): n is number => n !== null);
  const ends = [into.spanEnd, from.spanEnd].filter((n): n is number => n !== null);
  const content = `${into.content}\n${from.content}`;
  return {
    ...into,
    content,
    timeframe: into.timeframe ?? from.timeframe,
    spanStart: starts.length ? Math.min(...starts) : null,
    spanEnd: ends.length ? Math.max(...ends) : null,
    searchText: taskSearchText(into.title, content),
    units,
  };
}

/**
 * Splits a task in two where its text says: `at` is an offset into its content; the first part
 * keeps the task's key, the second becomes a new task right after it with the same units and
 * timeframe (a person corrects either afterwards).
 */
export async function splitTask(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  input: { version: number; key: string; at: number },
): Promise<{ version: number; key: string }> {
  const facts = await editableDraft(ctx, actor, planId);
  return inTransaction(ctx.db, async (trx) => {
    const version = await claimPlan(trx, planId, input.version);
    const [task] = await snapshotTasks(trx, planId, [input.key]);
    if (!task) throw noTask(input.key);
    const first = task.content.slice(0, input.at).trim();
    const second = task.content.slice(input.at).trim();
    if (!first || !second)
      throw new DomainError("task.invalid", "Chỗ tách phải nằm giữa nội dung nhiệm vụ.", [
        { field: "at", reason: `phải ở giữa 1 và ${task.content.length - 1}` },
      ]);
    const key = nextAddedKey(await taskKeys(trx, planId));
    // The source passage is cut where the text is, when the task's text is the passage's own.
    const cut = task.spanStart !== null ? task.spanStart + input.at : null;
    const within = cut !== null && task.spanEnd !== null && cut < task.spanEnd;
    const firstTitle = task.title.length <= first.length ? task.title : titleOf(first);
    const parts: TaskSnapshot[] = [
      {
        ...task,
        content: first,
        title: firstTitle,
        spanEnd: within ? cut : task.spanEnd,
        searchText: taskSearchText(firstTitle, first),
      },
      {
        ...task,
        key,
        position: task.position + 1,
        title: titleOf(second),
        content: second,
        spanStart: within ? cut : task.spanStart,
        searchText: taskSearchText(titleOf(second), second),
      },
    ];
    await removeTasks(trx, planId, [task.key], { closeFlags: false });
    await makeRoomAt(trx, planId, task.position + 1);
    const ids = await restoreTasks(trx, planId, parts);
    const year = planYear(ctx, facts);
    for (const id of ids) await replaceDeadlines(trx, id, expandDeadlines(task.timeframe, year));
    await log(ctx, trx, actor, planId, {
      action: "split",
      summary: `Tách nhiệm vụ ${task.key} thành ${task.key} và ${key}`,
      removed: [task],
      created: [task.key, key],
      settledFlags: [],
    });
    return { version, key };
  });
}

/** A title from a task's text: its first line, up to 200 characters. */
function titleOf(text: string): string {
  return (text.split("\n", 1)[0] ?? text).replace(/^[-+•\s]+/u, "").slice(0, 200);
}

/** Moves a task one place up or down the list (it changes places with its neighbour). */
export async function moveTask(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  input: { version: number; key: string; direction: "up" | "down" },
): Promise<{ version: number }> {
  const facts = await editableDraft(ctx, actor, planId);
  return inTransaction(ctx.db, async (trx) => {
    const version = await claimPlan(trx, planId, input.version);
    // Tasks move among tasks, duties among duties: the two lists are shown apart.
    const all = await taskKeys(trx, planId);
    const kind = all.find((k) => k.key === input.key)?.kind;
    const keys = all.filter((k) => k.kind === kind);
    const at = keys.findIndex((k) => k.key === input.key);
    if (at < 0) throw noTask(input.key);
    const other = keys[input.direction === "up" ? at - 1 : at + 1];
    if (!other)
      throw new DomainError(
        "task.invalid",
        `Nhiệm vụ ${input.key} đã ở ${input.direction === "up" ? "đầu" : "cuối"} danh sách.`,
        [{ field: "direction", reason: "không còn chỗ để chuyển" }],
      );
    const before = await snapshotTasks(trx, planId, [input.key, other.key]);
    const mine = before.find((t) => t.key === input.key);
    const theirs = before.find((t) => t.key === other.key);
    if (!mine || !theirs) throw noTask(input.key);
    await removeTasks(trx, planId, [mine.key, theirs.key], { closeFlags: false });
    const ids = await restoreTasks(trx, planId, [
      { ...mine, position: theirs.position },
      { ...theirs, position: mine.position },
    ]);
    const year = planYear(ctx, facts);
    for (const [i, id] of ids.entries())
      await replaceDeadlines(trx, id, expandDeadlines((i === 0 ? mine : theirs).timeframe, year));
    await log(ctx, trx, actor, planId, {
      action: "move",
      summary: `Chuyển nhiệm vụ ${mine.key} ${input.direction === "up" ? "lên trên" : "xuống dưới"} ${theirs.key}`,
      removed: before,
      created: [mine.key, theirs.key],
      settledFlags: [],
    });
    return { version };
  });
}

/**
 * Marks a section "not tasks": every task under it ("III" → III.1, III.2 …) is taken out — the
 * facts of an event plan (Thời gian, Địa điểm, Thành phần) read as tasks.
 */
export async function markNotTasks(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  input: { version: number; section: string },
): Promise<{ version: number; keys: string[] }> {
  await editableDraft(ctx, actor, planId);
  const section = input.section.trim();
  return inTransaction(ctx.db, async (trx) => {
    const version = await claimPlan(trx, planId, input.version);
    const keys = (await taskKeys(trx, planId))
      .map((k) => k.key)
      .filter((k) => k === section || k.startsWith(`${section}.`));
    if (!keys.length)
      throw new DomainError("task.not_found", `Mục ${section} không có nhiệm vụ nào.`, [
        { field: "section", reason: `không có nhiệm vụ trong mục ${section}` },
      ]);
    const removed = await snapshotTasks(trx, planId, keys);
    const settled = await removeTasks(trx, planId, keys);
    await log(ctx, trx, actor, planId, {
      action: "not_tasks",
      summary: `Mục ${section} không phải nhiệm vụ (${keys.length} nhiệm vụ: ${keys.slice(0, 6).join(", ")}${keys.length > 6 ? ", …" : ""})`,
      removed,
      created: [],
      settledFlags: settled,
    });
    return { version, keys };
  });
}

/** Undoes the newest edit not yet undone: what it made goes, what it took out comes back. */
export async function undoTaskEdit(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
  version: number,
): Promise<{ version: number; summary: string }> {
  const facts = await editableDraft(ctx, actor, planId);
  return inTransaction(ctx.db, async (trx) => {
    const next = await claimPlan(trx, planId, version);
    const edit = (await taskEdits(trx, planId, 200)).find((e) => !e.undone);
    if (!edit) throw new DomainError("task.nothing_to_undo", "Không còn thao tác nào để hoàn tác.");
    await removeTasks(trx, planId, edit.created, { closeFlags: false });
    const ids = await restoreTasks(trx, planId, edit.removed);
    const year = planYear(ctx, facts);
    for (const [i, id] of ids.entries())
      await replaceDeadlines(trx, id, expandDeadlines(edit.removed[i]?.timeframe ?? null, year));
    await reopenFlags(trx, edit.settledFlags);
    await markUndone(trx, edit.id, ctx.clock.now());
    await audit(ctx, trx, actor, {
      action: "task.undo",
      objectType: "plan",
      objectId: planId,
      before: { edit: edit.summary },
    });
    return { version: next, summary: edit.summary };
  });
}

/** The draft's task-list edits, newest first, each with whether it was undone. */
export async function listTaskEdits(
  ctx: ServiceContext,
  actor: Actor,
  planId: string,
): Promise<Array<Pick<TaskEditRow, "id" | "action" | "summary" | "at" | "undone">>> {
  await editableDraft(ctx, actor, planId);
  return (await taskEdits(ctx.db, planId)).map(({ id, action, summary, at, undone }) => ({
    id,
    action,
    summary,
    at,
    undone,
  }));
}

async function log(
  ctx: ServiceContext,
  trx: Parameters<typeof recordTaskEdit>[0],
  actor: Actor,
  planId: string,
  edit: TaskEditEntry,
): Promise<void> {
  await recordTaskEdit(trx, planId, { ...edit, actorId: actor.id, at: ctx.clock.now() });
  await audit(ctx, trx, actor, {
    action: `task.${edit.action}`,
    objectType: "plan",
    objectId: planId,
    before: edit.removed.map((t) => ({ key: t.key, title: t.title })),
    after: { summary: edit.summary, created: edit.created },
  });
}
