// The review screen's edits of the task list itself: add a task the parser missed (typed, or from
// the passage selected in the source text), mark a whole section "not tasks", and undo the newest
// edit. Deleting and merging a task sit on the task's own card.

import { useEffect, useState } from "react";
import { api, type PlanDetail, type TaskEditsReply } from "../api";
import { T } from "../text";

interface Props {
  planId: string;
  version: number;
  tasks: PlanDetail["tasksDetail"];
  /** The normalised source text shown in the pane with id "source-text". */
  act: (fn: () => Promise<unknown>, done: string) => Promise<void>;
}

/** The selected passage of the source pane as offsets into its text, or null. */
function selectedPassage(): { text: string; span: [number, number] } | null {
  const pre = document.getElementById("source-text");
  const selection = window.getSelection();
  if (!pre || !selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (range.collapsed || !pre.contains(range.startContainer)) return null;
  // The text before the selection, however the pane splits it (a highlighted passage is a <mark>).
  const before = document.createRange();
  before.setStart(pre, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const text = range.toString();
  return { text, span: [start, start + text.length] };
}

export function TaskListEditor({ planId, version, tasks, act }: Props) {
  const [edits, setEdits] = useState<TaskEditsReply["edits"]>([]);
  const [title, setTitle] = useState("");
  const [timeframe, setTimeframe] = useState("");
  const [after, setAfter] = useState("");
  const [kind, setKind] = useState<"task" | "duty">("task");
  const [passage, setPassage] = useState<{ text: string; span: [number, number] } | null>(null);
  const [section, setSection] = useState("");
  const [error, setError] = useState("");
  // biome-ignore lint/correctness/useExhaustiveDependencies: the log is read again after every edit (a new version)
  useEffect(() => {
    api<TaskEditsReply>(`/review/${planId}/edits`)
      .then((r) => setEdits(r.edits))
      .catch(() => setEdits([]));
  }, [planId, version]);
  const sections = [...new Set(tasks.map((t) => t.key.split(".")[0] ?? t.key))].filter(
    (s) => !/^BS\d+$/.test(s),
  );
  const last = edits.find((e) => !e.undone);
  const add = async () => {
    if (!title.trim()) return setError(T.taskTitleRequired);
    setError("");
    await act(
      () =>
        api(`/review/${planId}/tasks`, {
          method: "POST",
          json: {
            version,
            title,
            ...(timeframe.trim() ? { timeframe } : {}),
            ...(passage ? { content: passage.text, span: passage.span } : {}),
            ...(after ? { after } : {}),
            ...(kind === "duty" ? { kind } : {}),
          },
        }),
      T.taskAdded,
    );
    setTitle("");
    setTimeframe("");
    setPassage(null);
  };
  return (
    <section className="card" aria-labelledby="task-list-edits">
      <h2 id="task-list-edits">{T.taskListEdits}</h2>
      {last && (
        <p>
          <button
            type="button"
            className="secondary"
            onClick={() =>
              act(() => api(`/review/${planId}/edits/undo`, { method: "POST", json: { version } }), T.undone)
            }
          >
            {T.undo}: {last.summary}
          </button>
        </p>
      )}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label>
          {T.newTaskTitle}
          <input value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label>
          {T.timeframe}
          <input value={timeframe} onChange={(e) => setTimeframe(e.target.value)} />
        </label>
        <label>
          {T.kindOfWork}
          <select value={kind} onChange={(e) => setKind(e.target.value === "duty" ? "duty" : "task")}>
            <option value="task">{T.tasks}</option>
            <option value="duty">{T.duty}</option>
          </select>
        </label>
        <label>
          {T.placeAfter}
          <select value={after} onChange={(e) => setAfter(e.target.value)}>
            <option value="">{T.atTheEnd}</option>
            {tasks.map((t) => (
              <option key={t.key} value={t.key}>
                {t.key}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            const p = selectedPassage();
            if (!p) return setError(T.selectPassageFirst);
            setError("");
            setPassage(p);
            if (!title.trim()) setTitle(p.text.split("\n")[0]?.slice(0, 200) ?? "");
          }}
        >
          {T.usePassage}
        </button>
        <button type="submit">{T.addTask}</button>
      </form>
      {passage && <p className="hint">{T.passageChosen(passage.text.length)}</p>}
      {sections.length > 0 && (
        <div className="row">
          <label>
            {T.section}
            <select value={section} onChange={(e) => setSection(e.target.value)}>
              <option value="">—</option>
              {sections.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="secondary"
            disabled={!section}
            onClick={() =>
              act(
                () =>
                  api(`/review/${planId}/sections/${encodeURIComponent(section)}/not-tasks`, {
                    method: "POST",
                    json: { version },
                  }),
                T.sectionNotTasksDone(section),
              )
            }
          >
            {T.sectionNotTasks}
          </button>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
