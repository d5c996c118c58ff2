// "Nhiệm vụ của đơn vị": the unit's tasks across plans, what is due and what is overdue, and the
// report form for each plan's open period.

import { Fragment, useCallback, useEffect, useState } from "react";
import { api, type MyWorkReply, upload } from "../api";
import { DateInput } from "../DateInput";
import { viDate } from "../format";
import { T } from "../text";
import { WorkKey } from "../WorkKey";
import { WorkTable } from "./MyWorkPage";

interface Item {
  workItemId: string;
  planId: string;
  planNumber: string | null;
  planTitle: string | null;
  taskKey: string;
  taskKind: "task" | "duty";
  taskTitle: string;
  role: string;
  persons: string[];
  lastChange: { change: string; basis: string; before: unknown } | null;
  extended: { count: number; originalDue: string } | null;
  pendingExtension: string | null;
  deadlines: string[];
  status: string;
  state: string;
  overdueDays: number | null;
  nextDue: string | null;
}
interface Period {
  planId: string;
  periodDue: string;
  report: { id: string; status: string; reviewComment: string | null } | null;
  items: Array<Draft & { workItemId: string }>;
  attachments: Array<{ id: string; fileName: string }>;
}
interface Draft {
  status: "not_started" | "in_progress" | "done";
  results: string;
  difficulties: string;
  proposals: string;
  evidence: string;
}

/** "Xin gia hạn": the lead unit asks for a later date for the work's next deadline, with a reason. */
function ExtensionRequest({ item, onDone }: { item: Item; onDone: (m: string) => void }) {
  const [due, setDue] = useState<string | null>("");
  const [reason, setReason] = useState("");
  const [basis, setBasis] = useState("");
  const [error, setError] = useState("");
  if (item.pendingExtension)
    return <p className="hint">{T.extensionPending(viDate(item.pendingExtension))}</p>;
  const ask = async () => {
    if (!due) return setError(T.extensionDateRequired);
    try {
      await api("/extensions", {
        method: "POST",
        json: { workItemId: item.workItemId, newDue: due, reason, ...(basis.trim() ? { basis } : {}) },
      });
      onDone(T.extensionAsked);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <details>
      <summary>{T.askExtension}</summary>
      <DateInput label={T.extensionTo} value={due ?? ""} onChange={setDue} />
      <label>
        {T.extensionReason}
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <label>
        {T.extensionBasis}
        <input value={basis} onChange={(e) => setBasis(e.target.value)} />
      </label>
      <button type="button" className="secondary" onClick={ask}>
        {T.sendExtension}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </details>
  );
}

export function WorkspacePage() {
  const [items, setItems] = useState<Item[] | null>(null);
  const [mine, setMine] = useState<MyWorkReply["items"]>([]);
  const [periods, setPeriods] = useState<Period[]>([]);
  const [message, setMessage] = useState("");
  const load = useCallback(async () => {
    const [r, m] = await Promise.all([
      api<{ items: Item[]; periods: Period[] }>("/workspace"),
      api<MyWorkReply>("/workspace/mine"),
    ]);
    setItems(r.items);
    setMine(m.items);
    setPeriods(r.periods);
  }, []);
  useEffect(() => {
    load().catch((e) => setMessage(e.message));
  }, [load]);
  if (!items) return <p role="status">{message || T.loading}</p>;
  const byPlan = [...new Set(items.map((i) => i.planId))];
  // What needs doing first: overdue work, longest overdue first, then what falls due soonest.
  const agenda = items
    .filter((i) => i.state === "overdue" || i.nextDue)
    .sort(
      (a, b) =>
        (b.overdueDays ?? -1) - (a.overdueDays ?? -1) ||
        (a.nextDue ?? "9999").localeCompare(b.nextDue ?? "9999"),
    )
    .slice(0, 10);
  return (
    <section>
      <h1>{T.workspace}</h1>
      {mine.length > 0 && <WorkTable items={mine} id="my-work" caption={T.myWork} />}
      {agenda.length > 0 && <WorkTable items={agenda} id="agenda" caption={T.agenda} />}
      <p className="status" role="status">
        {message}
      </p>
      {!byPlan.length && <p>{T.none}</p>}
      {byPlan.map((planId) => {
        const own = items.filter((i) => i.planId === planId);
        const period = periods.find((p) => p.planId === planId);
        return (
          <ReportForm
            key={planId}
            planId={planId}
            items={own}
            period={period}
            onDone={(m) => {
              setMessage(m);
              load();
            }}
          />
        );
      })}
    </section>
  );
}

function ReportForm({
  planId,
  items,
  period,
  onDone,
}: {
  planId: string;
  items: Item[];
  period: Period | undefined;
  onDone: (m: string) => void;
}) {
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() =>
    Object.fromEntries(
      items.map((i) => {
        const saved = period?.items.find((s) => s.workItemId === i.workItemId);
        const draft: Draft = saved
          ? {
              status: saved.status,
              results: saved.results,
              difficulties: saved.difficulties,
              proposals: saved.proposals,
              evidence: saved.evidence,
            }
          : { status: "in_progress", results: "", difficulties: "", proposals: "", evidence: "" };
        return [i.workItemId, draft];
      }),
    ),
  );
  const [error, setError] = useState("");
  const report = period?.report ?? null;
  const locked = report?.status === "submitted" || report?.status === "accepted";
  const set = (id: string, patch: Partial<Draft>) =>
    setDrafts((d) => ({ ...d, [id]: { ...(d[id] as Draft), ...patch } }));
  const save = async () => {
    const r = await api<{ id: string }>(`/reports/plans/${planId}`, {
      method: "PUT",
      json: { items: items.map((i) => ({ workItemId: i.workItemId, ...drafts[i.workItemId] })) },
    });
    return r.id;
  };
  const run = async (fn: () => Promise<string>) => {
    setError("");
    try {
      onDone(await fn());
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const first = items[0];
  return (
    <article className="card">
      <h2>
        {first?.planNumber ?? T.noNumber} — {first?.planTitle}
      </h2>
      <p>
        {T.period}: <strong>{viDate(period?.periodDue ?? null)}</strong>
        {report && <> · {T.reportStatus[report.status]}</>}
      </p>
      {report?.reviewComment && (
        <p className="comment">
          {T.comment}: {report.reviewComment}
        </p>
      )}
      {report && (period?.attachments.length ?? 0) > 0 && (
        <p>
          {T.attached_files}:{" "}
          {period?.attachments.map((a, i) => (
            <span key={a.id}>
              {i > 0 && ", "}
              <a href={`/api/v1/reports/${report.id}/attachments/${a.id}`}>{a.fileName}</a>
            </span>
          ))}
        </p>
      )}
      {items.map((i) => {
        const d = drafts[i.workItemId] as Draft;
        return (
          <Fragment key={i.workItemId}>
            <fieldset disabled={locked}>
              <legend>
                <WorkKey code={i.taskKey} kind={i.taskKind} /> {i.taskTitle} (
                {i.role === "lead" ? T.lead : T.cooperate}
                {i.persons.length > 0 && ` · ${T.assignedTo}: ${i.persons.join(", ")}`}){" · "}
                <span className={`state ${i.state}`}>
                  {i.state === "overdue" && i.overdueDays !== null
                    ? T.overdueDays(i.overdueDays)
                    : T.states[i.state]}
                </span>
                {i.nextDue && (
                  <>
                    {" "}
                    · {T.nextDue}: {viDate(i.nextDue)}
                  </>
                )}
                {i.extended && ` · ${T.extendedTimes(i.extended.count, viDate(i.extended.originalDue))}`}
              </legend>
              <label htmlFor={`st-${i.workItemId}`}>{T.state}</label>
              <select
                id={`st-${i.workItemId}`}
                value={d.status}
                onChange={(e) => set(i.workItemId, { status: e.target.value as Draft["status"] })}
              >
                {Object.entries(T.itemStatus).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>
              <label htmlFor={`rs-${i.workItemId}`}>{T.results}</label>
              <textarea
                id={`rs-${i.workItemId}`}
                value={d.results}
                onChange={(e) => set(i.workItemId, { results: e.target.value })}
              />
              <label htmlFor={`df-${i.workItemId}`}>{T.difficulties}</label>
              <textarea
                id={`df-${i.workItemId}`}
                value={d.difficulties}
                onChange={(e) => set(i.workItemId, { difficulties: e.target.value })}
              />
              <label htmlFor={`pp-${i.workItemId}`}>{T.proposals}</label>
              <textarea
                id={`pp-${i.workItemId}`}
                value={d.proposals}
                onChange={(e) => set(i.workItemId, { proposals: e.target.value })}
              />
              <label htmlFor={`ev-${i.workItemId}`}>{T.evidence}</label>
              <input
                id={`ev-${i.workItemId}`}
                value={d.evidence}
                onChange={(e) => set(i.workItemId, { evidence: e.target.value })}
              />
            </fieldset>
            {/* Outside the report's fieldset: an extension can be asked while a sent report is locked. */}
            {i.role === "lead" && i.status !== "done" && i.deadlines.length > 0 && (
              <ExtensionRequest item={i} onDone={onDone} />
            )}
          </Fragment>
        );
      })}
      {!locked && (
        <div className="row">
          <button
            type="button"
            onClick={() =>
              run(async () => {
                await save();
                return T.savedDraft;
              })
            }
          >
            {T.saveDraft}
          </button>
          <label className="button secondary">
            {T.attach}
            <input
              type="file"
              className="sr-only"
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f)
                  run(async () => {
                    const id = await save();
                    await upload(`/reports/${id}/attachments`, f);
                    return T.attached(f.name);
                  });
              }}
            />
          </label>
          <button
            type="button"
            onClick={() =>
              run(async () => {
                const id = await save();
                await api(`/reports/${id}/submit`, { method: "POST" });
                return T.submitted;
              })
            }
          >
            {T.submit}
          </button>
        </div>
      )}
      <p className="error" role="alert">
        {error}
      </p>
    </article>
  );
}
