// Review before publishing: the source text beside what was extracted (restored diacritics marked:
// SourceText.tsx). Clicking a task shows its passage; every field can be corrected; unresolved units
// are picked from the directory; each flag is confirmed or fixed; then the plan is published.

import { useCallback, useEffect, useMemo, useState } from "react";
import {
  type AmendmentReply,
  api,
  type PlanDetail,
  type PlanList,
  type PlanSummary,
  type PublicationReply,
  type ReviewReply,
  type Unit,
} from "../api";
import { DateInput } from "../DateInput";
import { Pager, pageOf } from "../Pager";
import { T } from "../text";
import { UnitOptions } from "../UnitOptions";
import { AmendmentChanges } from "./Amendments";
import { FlagGroups } from "./FlagGroups";
import { SourceText } from "./SourceText";
import { TaskListEditor } from "./TaskListEditor";

type Flag = ReviewReply["flags"][number];

/** Name → what the parser read it as (the plan format's `doers` on each task). */
function doersOf(parsed: unknown): Map<string, "unit" | "person" | "post"> {
  const out = new Map<string, "unit" | "person" | "post">();
  const tasks = (
    parsed as { tasks?: Array<{ doers?: Array<{ name: string; kind: "unit" | "person" | "post" }> }> }
  )?.tasks;
  for (const t of tasks ?? []) for (const d of t.doers ?? []) out.set(d.name, d.kind);
  return out;
}
type Role = "lead" | "cooperate";

// Every correction is made against the version read: a second person's edit in between is refused
// (409) rather than silently overwritten, and the page reloads what is there now.

export function ReviewPage({ planId }: { planId: string }) {
  const [plan, setPlan] = useState<PlanDetail | null>(null);
  const [source, setSource] = useState<ReviewReply | null>(null);
  const [flags, setFlags] = useState<Flag[]>([]);
  const [publication, setPublication] = useState<PublicationReply | null>(null);
  const [amends, setAmends] = useState<AmendmentReply["amends"]>(null);
  const [units, setUnits] = useState<Unit[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [pages, setPages] = useState<Partial<Record<"task" | "duty", number>>>({});
  const [message, setMessage] = useState("");
  // On a phone the two panes stack; one shows at a time, and choosing a task shows its passage.
  const [pane, setPane] = useState<"source" | "extracted">("extracted");
  const load = useCallback(async () => {
    const [p, s, pub, am] = await Promise.all([
      api<PlanDetail>(`/plans/${planId}`),
      api<ReviewReply>(`/review/${planId}`),
      api<PublicationReply>(`/review/${planId}/publication`),
      api<AmendmentReply>(`/review/${planId}/amendment`),
    ]);
    setPlan(p);
    setAmends(am.amends);
    setSource(s);
    setFlags(s.flags);
    setPublication(pub);
  }, [planId]);
  useEffect(() => {
    load().catch((e) => setMessage(e.message));
    api<{ units: Unit[] }>("/units")
      .then((r) => setUnits(r.units.filter((u) => u.active)))
      .catch(() => {});
  }, [load]);
  const span = useMemo(
    () => plan?.tasksDetail.find((t) => t.key === selected)?.span ?? null,
    [plan, selected],
  );
  useEffect(() => {
    if (span) document.getElementById("highlight")?.scrollIntoView({ block: "center" });
  }, [span]);
  if (!plan || !source) return <p role="status">{message || T.loading}</p>;
  const open = flags.filter((f) => !f.resolved);
  const act = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      setMessage(done);
      await load();
    } catch (err) {
      setMessage((err as Error).message);
    }
  };
  return (
    <section>
      <h1>
        {T.review}: {plan.number ?? T.noNumber}
      </h1>
      <p className="status" role="status">
        {message}
      </p>
      <fieldset className="pane-switch">
        <legend className="sr-only">{T.choosePane}</legend>
        <button type="button" aria-pressed={pane === "extracted"} onClick={() => setPane("extracted")}>
          {T.extracted}
        </button>
        <button type="button" aria-pressed={pane === "source"} onClick={() => setPane("source")}>
          {T.source}
        </button>
      </fieldset>
      <div className={`split show-${pane}`}>
        <div className="pane source">
          <h2>{T.source}</h2>
          <SourceText text={source.text} restoration={source.restoration} span={span} />
        </div>
        <div className="pane extracted">
          <DocumentEditor planId={planId} plan={plan} onSaved={(m) => act(async () => {}, m)} />
          <ReportingEditor planId={planId} plan={plan} onSaved={(m) => act(async () => {}, m)} />
          {plan.references.length > 0 && (
            <ReferencesEditor planId={planId} plan={plan} onSaved={(m) => act(async () => {}, m)} />
          )}
          <h2>
            {T.flags} ({open.length})
          </h2>
          <FlagGroups
            planId={planId}
            version={source.version}
            flags={open}
            units={units}
            doers={doersOf(source.parsed)}
            act={act}
          />
          <h2>{T.tasks}</h2>
          <TaskListEditor planId={planId} version={source.version} tasks={plan.tasksDetail} act={act} />
          {(["task", "duty"] as const).map((kind) => {
            const all = plan.tasksDetail.filter((t) => t.kind === kind);
            const page = pages[kind] ?? 0;
            const list = pageOf(all, page);
            const pager = (
              <Pager
                total={all.length}
                page={page}
                onPage={(p) => setPages({ ...pages, [kind]: p })}
                label={kind === "duty" ? T.duties : T.tasks}
              />
            );
            return (
              <div key={kind}>
                {kind === "duty" && all.length > 0 && <h2>{T.duties}</h2>}
                {pager}
                {list.map((t) => (
                  <TaskEditor
                    key={t.key}
                    planId={planId}
                    planVersion={source.version}
                    previousKey={all[all.indexOf(t) - 1]?.key ?? null}
                    task={t}
                    units={units}
                    selected={selected === t.key}
                    onSelect={() => {
                      setSelected(t.key);
                      setPane("source");
                    }}
                    onSaved={(m) => act(async () => {}, m)}
                  />
                ))}
                {pager}
              </div>
            );
          })}
          {amends && <AmendmentChanges amends={amends} />}
          {publication && (
            <section aria-labelledby="publication">
              <h2 id="publication">{T.publication}</h2>
              <p>
                {T.publicationCounts(
                  publication.tasks,
                  publication.duties,
                  publication.workItems,
                  publication.units,
                  publication.deadlines,
                )}
              </p>
              {publication.unowned.length > 0 && (
                <>
                  <p className="hint">{T.unownedTasks(publication.unowned.length)}</p>
                  <ul className="unowned">
                    {publication.unowned.map((t) => (
                      <li key={t.key}>
                        <button type="button" className="link" onClick={() => setSelected(t.key)}>
                          {t.key}
                        </button>{" "}
                        {t.title}
                      </li>
                    ))}
                  </ul>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() =>
                      act(
                        () =>
                          api(`/review/${planId}/own-work`, {
                            method: "POST",
                            json: { version: source.version },
                          }),
                        T.ownWorkDone,
                      )
                    }
                  >
                    {T.ownWork(publication.unowned.length)}
                  </button>
                </>
              )}
            </section>
          )}
          <p>
            <button
              type="button"
              disabled={open.length > 0 || (publication?.unowned.length ?? 0) > 0}
              onClick={() =>
                act(() => api(`/review/${planId}/publish`, { method: "POST" }), T.published).then(() => {
                  window.location.hash = `#/plans/${planId}`;
                })
              }
            >
              {T.publish}
            </button>
            {open.length > 0 && <span className="hint">{T.flagsLeft(open.length)}</span>}
          </p>
          <p>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                if (!window.confirm(T.discardConfirm)) return;
                api(`/review/${planId}`, { method: "DELETE" })
                  .then(() => {
                    window.location.hash = "#/plans";
                  })
                  .catch((err) => setMessage((err as Error).message));
              }}
            >
              {T.discard}
            </button>
          </p>
        </div>
      </div>
    </section>
  );
}

function TaskEditor({
  planId,
  planVersion,
  previousKey,
  task,
  units,
  selected,
  onSelect,
  onSaved,
}: {
  planId: string;
  planVersion: number;
  /** The task above this one, which it can be merged into. */
  previousKey: string | null;
  task: PlanDetail["tasksDetail"][number];
  units: Unit[];
  selected: boolean;
  onSelect: () => void;
  onSaved: (message: string) => void;
}) {
  const [timeframe, setTimeframe] = useState(task.timeframe?.text ?? "");
  const [title, setTitle] = useState(task.title);
  const [content, setContent] = useState(task.content);
  const [error, setError] = useState("");
  const flagged =
    task.units.filter((u) => u.role === "lead").length !== 1 ||
    !task.timeframe ||
    task.timeframe.kind === "none";
  const save = async () => {
    const patch = {
      ...(title.trim() !== task.title ? { title } : {}),
      ...(content.trim() !== task.content ? { content } : {}),
      ...(timeframe !== (task.timeframe?.text ?? "") ? { timeframe } : {}),
    };
    if (!Object.keys(patch).length) return setError(T.nothingChanged);
    try {
      const r = await api<{ warning: string | null }>(
        `/review/${planId}/tasks/${encodeURIComponent(task.key)}`,
        {
          method: "PATCH",
          json: { version: task.version, ...patch },
        },
      );
      setError(r.warning ?? "");
      onSaved(T.savedTask(task.key));
    } catch (err) {
      setError((err as Error).message);
    }
  };
  // A staff member named stays named when the units are picked again.
  const current = () =>
    task.units.map((u) => ({ role: u.role, text: u.text, unitIds: u.unitIds, staffIds: u.staffIds }));
  const putUnits = async (next: ReturnType<typeof current>, done: string) => {
    try {
      await api(`/review/${planId}/tasks/${encodeURIComponent(task.key)}/units`, {
        method: "PUT",
        json: { version: task.version, units: next },
      });
      onSaved(done);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const pick = (index: number, unitId: string) =>
    putUnits(
      current().map((u, i) => (i === index ? { ...u, unitIds: unitId ? [unitId] : [] } : u)),
      T.pickedUnit(task.key),
    );
  const setRole = (index: number, role: Role) =>
    putUnits(
      current().map((u, i) => (i === index ? { ...u, role } : u)),
      T.changedRole(task.key),
    );
  const remove = (index: number) =>
    putUnits(
      current().filter((_, i) => i !== index),
      T.removedUnit(task.key),
    );
  const [adding, setAdding] = useState<{ role: Role; unitId: string }>({ role: "lead", unitId: "" });
  const add = () => {
    const unit = units.find((u) => u.id === adding.unitId);
    if (!unit) return setError(T.pickUnitToAdd);
    return putUnits(
      [...current(), { role: adding.role, text: unit.name, unitIds: [unit.id], staffIds: [] }],
      T.addedUnit(unit.name, task.key),
    );
  };
  return (
    <article className={`task card${selected ? " selected" : ""}${flagged ? " flagged" : ""}`}>
      <button type="button" className="link" onClick={onSelect} aria-pressed={selected}>
        <strong>{task.key}</strong> {task.title}
      </button>
      <div className="row task-list-actions">
        <button
          type="button"
          className="link"
          onClick={() =>
            api(`/review/${planId}/tasks/${encodeURIComponent(task.key)}?version=${planVersion}`, {
              method: "DELETE",
            })
              .then(() => onSaved(T.taskDeleted(task.key)))
              .catch((err) => setError((err as Error).message))
          }
        >
          {T.deleteTask(task.key)}
        </button>
        {(["up", "down"] as const).map((direction) => (
          <button
            key={direction}
            type="button"
            className="link"
            aria-label={T.moveTask(task.key, direction)}
            onClick={() =>
              api(`/review/${planId}/tasks/${encodeURIComponent(task.key)}/move`, {
                method: "POST",
                json: { version: planVersion, direction },
              })
                .then(() => onSaved(T.moved(task.key)))
                .catch((err) => setError((err as Error).message))
            }
          >
            {direction === "up" ? "↑" : "↓"}
          </button>
        ))}
        {previousKey && (
          <button
            type="button"
            className="link"
            onClick={() =>
              api(`/review/${planId}/tasks-merge`, {
                method: "POST",
                json: { version: planVersion, into: previousKey, from: task.key },
              })
                .then(() => onSaved(T.merged(task.key, previousKey)))
                .catch((err) => setError((err as Error).message))
            }
          >
            {T.mergeUp(task.key, previousKey)}
          </button>
        )}
      </div>
      <ul>
        {task.units.map((u, i) => (
          <li key={`${u.role}${u.text}`}>
            <select
              aria-label={T.roleOf(u.text)}
              value={u.role}
              onChange={(e) => setRole(i, e.target.value as Role)}
            >
              <option value="lead">{T.lead}</option>
              <option value="cooperate">{T.cooperate}</option>
            </select>{" "}
            {u.text}{" "}
            {u.method === "review" ? (
              <select
                aria-label={T.pickFor(u.text)}
                defaultValue=""
                onChange={(e) => pick(i, e.target.value)}
              >
                <option value="">{T.fromDirectory}</option>
                {u.suggestions.length > 0 && (
                  <optgroup label={T.suggestions}>
                    {u.suggestions.map((id) => {
                      const unit = units.find((x) => x.id === id);
                      return unit ? (
                        <option key={`s${id}`} value={id}>
                          {unit.name}
                        </option>
                      ) : null;
                    })}
                  </optgroup>
                )}
                <UnitOptions units={units} />
              </select>
            ) : (
              <span className="ok">
                ✓
                {u.method === "person" &&
                  ` ${T.personOf(units.find((x) => x.id === u.unitIds[0])?.name ?? "")}`}
              </span>
            )}{" "}
            <button
              type="button"
              className="link"
              aria-label={T.removeUnit(u.text)}
              onClick={() => remove(i)}
            >
              {T.remove}
            </button>
          </li>
        ))}
      </ul>
      <div className="row add-unit">
        <select
          aria-label={T.addRole(task.key)}
          value={adding.role}
          onChange={(e) => setAdding({ ...adding, role: e.target.value as Role })}
        >
          <option value="lead">{T.lead}</option>
          <option value="cooperate">{T.cooperate}</option>
        </select>
        <select
          aria-label={T.addUnitTo(task.key)}
          value={adding.unitId}
          onChange={(e) => setAdding({ ...adding, unitId: e.target.value })}
        >
          <option value="">{T.fromDirectory}</option>
          <UnitOptions units={units} />
        </select>
        <button type="button" onClick={add}>
          {T.addUnit}
        </button>
      </div>
      <form
        className="task-fields"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <label htmlFor={`title-${task.key}`}>{T.taskTitle(task.key)}</label>
        <textarea
          id={`title-${task.key}`}
          rows={2}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <details>
          <summary>{T.taskContent}</summary>
          <label htmlFor={`content-${task.key}`} className="sr-only">
            {T.taskContent} {task.key}
          </label>
          <textarea
            id={`content-${task.key}`}
            rows={5}
            value={content}
            onChange={(e) => setContent(e.target.value)}
          />
          <button
            type="button"
            className="secondary"
            onClick={() => {
              const box = document.getElementById(`content-${task.key}`) as HTMLTextAreaElement | null;
              const at = box?.selectionStart ?? 0;
              // The cut is made in the stored text: unsaved changes would move it.
              if (content !== task.content) return setError(T.saveBeforeSplit);
              if (at <= 0 || at >= task.content.length) return setError(T.splitWhere);
              api(`/review/${planId}/tasks/${encodeURIComponent(task.key)}/split`, {
                method: "POST",
                json: { version: planVersion, at },
              })
                .then(() => onSaved(T.splitDone(task.key)))
                .catch((err) => setError((err as Error).message));
            }}
          >
            {T.splitAtCursor}
          </button>
        </details>
        <label htmlFor={`tf-${task.key}`}>{T.timeframe}</label>
        <span className="row">
          <input id={`tf-${task.key}`} value={timeframe} onChange={(e) => setTimeframe(e.target.value)} />
          <button type="submit" aria-label={T.saveTask(task.key)}>
            {T.save}
          </button>
        </span>
      </form>
      <p className="error" role="alert">
        {error}
      </p>
    </article>
  );
}

/** The document's own fields: number, title, issue date, signer. */
/** What the editors of the plan's own fields are given. */
interface PlanEditorProps {
  planId: string;
  plan: PlanDetail;
  onSaved: (message: string) => void;
}

function DocumentEditor({ planId, plan, onSaved }: PlanEditorProps) {
  const [fields, setFields] = useState({
    number: plan.number ?? "",
    title: plan.title ?? "",
    capacity: plan.signer?.capacity ?? "",
    position: plan.signer?.position ?? "",
    name: plan.signer?.name ?? "",
  });
  const [error, setError] = useState("");
  // null while the typed date is not a real date yet.
  const [issuedOn, setIssuedOn] = useState<string | null>(plan.issuedOn ?? "");
  const set = (k: keyof typeof fields) => (e: { target: { value: string } }) =>
    setFields({ ...fields, [k]: e.target.value });
  const save = async () => {
    if (issuedOn === null) return setError(`${T.issuedOn}: ${T.dateInvalid}`);
    try {
      await api(`/review/${planId}`, {
        method: "PATCH",
        json: {
          version: plan.version,
          number: fields.number,
          title: fields.title,
          issuedOn: issuedOn || null,
          signer: { capacity: fields.capacity, position: fields.position, name: fields.name },
        },
      });
      setError("");
      onSaved(T.savedDoc);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <form
      className="card document-fields"
      aria-labelledby="doc-fields"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <h2 id="doc-fields">{T.docFields}</h2>
      <p className="hint">
        {plan.issuer ?? T.noIssuer}
        {plan.place ? ` · ${plan.place}` : ""}
      </p>
      <div className="grid2">
        <label>
          {T.number}
          <input value={fields.number} onChange={set("number")} />
        </label>
        <DateInput label={T.issuedOn} value={plan.issuedOn ?? ""} onChange={setIssuedOn} />
      </div>
      <label>
        {T.title}
        <textarea rows={2} value={fields.title} onChange={set("title")} />
      </label>
      <fieldset>
        <legend>{T.signer}</legend>
        <div className="grid3">
          <label>
            {T.capacity}
            <input value={fields.capacity} onChange={set("capacity")} placeholder="KT., TL., TM." />
          </label>
          <label>
            {T.position}
            <input value={fields.position} onChange={set("position")} />
          </label>
          <label>
            {T.fullName}
            <input value={fields.name} onChange={set("name")} />
          </label>
        </div>
      </fieldset>
      <p className="row">
        <button type="submit">{T.saveDoc}</button>
      </p>
      <p className="error" role="alert">
        {error}
      </p>
    </form>
  );
}

/** The documents the plan cites, each linked to a plan in the system where there is one. */
function ReferencesEditor({ planId, plan, onSaved }: PlanEditorProps) {
  const [plans, setPlans] = useState<PlanSummary[]>([]);
  const [error, setError] = useState("");
  useEffect(() => {
    api<PlanList>("/plans?limit=500")
      .then((r) => setPlans(r.plans.filter((p) => p.id !== planId)))
      .catch(() => {});
  }, [planId]);
  const link = async (number: string, targetPlanId: string) => {
    try {
      await api(`/review/${planId}/references`, {
        method: "PUT",
        json: { version: plan.version, number, targetPlanId: targetPlanId || null },
      });
      setError("");
      onSaved(targetPlanId ? T.linked(number) : T.unlinked(number));
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <section className="card" aria-labelledby="refs">
      <h2 id="refs">{T.related}</h2>
      <ul className="plain">
        {plan.references.map((r) => (
          <li key={r.number}>
            <label htmlFor={`ref-${r.number}`}>
              {T.relation[r.relation] ?? r.relation}: {r.number}
            </label>
            <select
              id={`ref-${r.number}`}
              value={r.targetPlanId ?? ""}
              onChange={(e) => link(r.number, e.target.value)}
            >
              <option value="">{T.notInSystem}</option>
              {plans.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.number ?? T.noNumber} — {p.title}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
      <p className="error" role="alert">
        {error}
      </p>
    </section>
  );
}

/** The plan's reporting duty: it sets the units' reporting periods, so it can be corrected too. */
function ReportingEditor({ planId, plan, onSaved }: PlanEditorProps) {
  const [schedule, setSchedule] = useState(plan.reporting[0]?.timeframe.text ?? "");
  const [error, setError] = useState("");
  const save = async () => {
    try {
      await api(`/review/${planId}/reporting`, { method: "PUT", json: { version: plan.version, schedule } });
      setError("");
      onSaved(schedule.trim() ? T.savedReporting : T.defaultReporting);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <form
      className="card document-fields"
      aria-labelledby="reporting"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <h2 id="reporting">{T.reporting}</h2>
      {plan.reporting.length ? (
        <ul>
          {plan.reporting.map((r) => (
            <li key={`${r.text}${r.timeframe.text}`}>{r.text}</li>
          ))}
        </ul>
      ) : (
        <p className="hint">{T.reportingNone}</p>
      )}
      <label htmlFor="schedule">{T.reportingDue}</label>
      <span className="row">
        <input
          id="schedule"
          value={schedule}
          placeholder={T.reportingExample}
          onChange={(e) => setSchedule(e.target.value)}
        />
        <button type="submit">{T.saveReporting}</button>
      </span>
      <p className="error" role="alert">
        {error}
      </p>
    </form>
  );
}
