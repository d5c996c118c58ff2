// Review before publishing: the source text beside what was extracted. Clicking a task shows its
// passage; every field can be corrected; unresolved units are picked from the directory; each flag
// is confirmed or fixed; then the plan is published.

import { useCallback, useEffect, useMemo, useState } from "react";
import { api, type PlanDetail } from "../api";
import { T } from "../text";

interface Source {
  text: string;
  parsed: { tasks: Array<{ id: string; span?: [number, number] }> };
}
interface Flag {
  id: string;
  kind: string;
  subject: string;
  resolved: boolean;
}
interface Unit {
  id: string;
  code: string;
  name: string;
  active: boolean;
}

export function ReviewPage({ planId }: { planId: string }) {
  const [plan, setPlan] = useState<PlanDetail | null>(null);
  const [source, setSource] = useState<Source | null>(null);
  const [flags, setFlags] = useState<Flag[]>([]);
  const [units, setUnits] = useState<Unit[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [message, setMessage] = useState("");
  const load = useCallback(async () => {
    const [p, s, f] = await Promise.all([
      api<PlanDetail>(`/plans/${planId}`),
      api<Source>(`/plans/${planId}/source`),
      api<{ items: Flag[] }>(`/plans/${planId}/review-items`),
    ]);
    setPlan(p);
    setSource(s);
    setFlags(f.items);
  }, [planId]);
  useEffect(() => {
    load().catch((e) => setMessage(e.message));
    api<{ units: Unit[] }>("/units")
      .then((r) => setUnits(r.units.filter((u) => u.active)))
      .catch(() => {});
  }, [load]);
  const span = useMemo(
    () => source?.parsed.tasks.find((t) => t.id === selected)?.span ?? null,
    [source, selected],
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
        {T.review}: {plan.number ?? "(không số)"}
      </h1>
      <p className="status" role="status">
        {message}
      </p>
      <div className="split">
        <div className="pane source">
          <h2>{T.source}</h2>
          <pre>
            {span ? (
              <>
                {source.text.slice(0, span[0])}
                <mark id="highlight">{source.text.slice(span[0], span[1])}</mark>
                {source.text.slice(span[1])}
              </>
            ) : (
              source.text
            )}
          </pre>
        </div>
        <div className="pane">
          <h2>
            {T.flags} ({open.length})
          </h2>
          <ul className="flags">
            {open.map((f) => (
              <li key={f.id}>
                <span>{f.subject}</span>{" "}
                <button
                  type="button"
                  onClick={() =>
                    act(
                      () => api(`/plans/${planId}/review-items/${f.id}/confirm`, { method: "POST" }),
                      "Đã xác nhận.",
                    )
                  }
                >
                  {T.confirm}
                </button>
              </li>
            ))}
          </ul>
          <h2>{T.tasks}</h2>
          {plan.tasksDetail.map((t) => (
            <TaskEditor
              key={t.key}
              planId={planId}
              task={t}
              units={units}
              selected={selected === t.key}
              onSelect={() => setSelected(t.key)}
              onSaved={(m) => act(async () => {}, m)}
            />
          ))}
          <p>
            <button
              type="button"
              disabled={open.length > 0}
              onClick={() =>
                act(() => api(`/plans/${planId}/publish`, { method: "POST" }), "Đã công bố.").then(() => {
                  window.location.hash = `#/plans/${planId}`;
                })
              }
            >
              {T.publish}
            </button>
            {open.length > 0 && <span className="hint"> Còn {open.length} mục cần xác nhận hoặc sửa.</span>}
          </p>
        </div>
      </div>
    </section>
  );
}

function TaskEditor({
  planId,
  task,
  units,
  selected,
  onSelect,
  onSaved,
}: {
  planId: string;
  task: PlanDetail["tasksDetail"][number];
  units: Unit[];
  selected: boolean;
  onSelect: () => void;
  onSaved: (message: string) => void;
}) {
  const [timeframe, setTimeframe] = useState(task.timeframe?.text ?? "");
  const [error, setError] = useState("");
  const flagged =
    task.units.filter((u) => u.role === "lead").length !== 1 ||
    !task.timeframe ||
    task.timeframe.kind === "none";
  const saveTime = async () => {
    try {
      const r = await api<{ warning: string | null }>(
        `/plans/${planId}/tasks/${encodeURIComponent(task.key)}`,
        { method: "PATCH", json: { timeframe } },
      );
      setError(r.warning ?? "");
      onSaved(`Đã lưu thời gian nhiệm vụ ${task.key}.`);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const pick = async (index: number, unitId: string) => {
    const next = task.units.map((u, i) => ({
      role: u.role,
      text: u.text,
      unitIds: i === index ? (unitId ? [unitId] : []) : u.unitIds,
    }));
    try {
      await api(`/plans/${planId}/tasks/${encodeURIComponent(task.key)}/units`, {
        method: "PUT",
        json: { units: next },
      });
      onSaved(`Đã chọn đơn vị cho nhiệm vụ ${task.key}.`);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <article className={`task card${selected ? " selected" : ""}${flagged ? " flagged" : ""}`}>
      <button type="button" className="link" onClick={onSelect} aria-pressed={selected}>
        <strong>{task.key}</strong> {task.title}
      </button>
      <ul>
        {task.units.map((u, i) => (
          <li key={`${u.role}${u.text}`}>
            {u.role === "lead" ? T.lead : T.cooperate}: {u.text}{" "}
            {u.method === "review" ? (
              <select
                aria-label={`Chọn đơn vị cho «${u.text}»`}
                defaultValue=""
                onChange={(e) => pick(i, e.target.value)}
              >
                <option value="">— chọn từ danh mục —</option>
                {u.suggestions.length > 0 && (
                  <optgroup label="Gợi ý">
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
                {units.map((unit) => (
                  <option key={unit.id} value={unit.id}>
                    {unit.name}
                  </option>
                ))}
              </select>
            ) : (
              <span className="ok">✓</span>
            )}
          </li>
        ))}
      </ul>
      <label htmlFor={`tf-${task.key}`}>{T.timeframe}</label>
      <span className="row">
        <input id={`tf-${task.key}`} value={timeframe} onChange={(e) => setTimeframe(e.target.value)} />
        <button type="button" onClick={saveTime}>
          {T.save}
        </button>
      </span>
      <p className="error" role="alert">
        {error}
      </p>
    </article>
  );
}
