// "Nhiệm vụ của đơn vị": the unit's tasks across plans, what is due and what is overdue, and the
// report form for each plan's open period.

import { Fragment, useCallback, useEffect, useState } from "react";
import { api, type MyWorkReply, upload } from "../api";
import { DateInput } from "../DateInput";
import { viDate } from "../format";
import { Pager } from "../Pager";
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
  warnings: Array<{ kind: string; value: number; text: string }>;
  nextDueOff: string | null;
  moved: Array<{ from: string; to: string }>;
}
interface Period {
  planId: string;
  periodDue: string;
  lockedFrom: string;
  locked: boolean;
  reopen: {
    id: string;
    status: string;
    reason: string;
    comment: string | null;
    openUntil: string | null;
  } | null;
  standing: string;
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

/** Plans on a page of the workspace (the server pages them, those with overdue work first). */
const PLANS_PER_PAGE = 20;

interface WorkspaceReply {
  today: string;
  items: Item[];
  periods: Period[];
  counts: Record<string, number>;
  agenda: Item[];
  page: { plansTotal: number };
}

export function WorkspacePage() {
  const [reply, setReply] = useState<WorkspaceReply | null>(null);
  const [mine, setMine] = useState<MyWorkReply["items"]>([]);
  const [page, setPage] = useState(0);
  const [message, setMessage] = useState("");
  const load = useCallback(async () => {
    const [r, m] = await Promise.all([
      api<WorkspaceReply>(`/workspace?limit=${PLANS_PER_PAGE}&offset=${page * PLANS_PER_PAGE}`),
      api<MyWorkReply>("/workspace/mine"),
    ]);
    setReply(r);
    setMine(m.items);
  }, [page]);
  useEffect(() => {
    load().catch((e) => setMessage(e.message));
  }, [load]);
  if (!reply) return <p role="status">{message || T.loading}</p>;
  const { items, periods, today, agenda, counts } = reply;
  const byPlan = [...new Set(items.map((i) => i.planId))];
  return (
    <section>
      <h1>{T.workspace}</h1>
      {mine.length > 0 && <WorkTable items={mine} id="my-work" caption={T.myWork} />}
      {agenda.length > 0 && <WorkTable items={agenda} id="agenda" caption={T.agenda} />}
      <p className="status" role="status">
        {message}
      </p>
      {byPlan.length > 0 && (
        <p className="counts">
          {(["overdue", "in_progress", "done_late", "done_on_time"] as const)
            .map((k) => `${T.states[k]}: ${counts[k] ?? 0}`)
            .join(" · ")}
        </p>
      )}
      {!byPlan.length && <p>{T.none}</p>}
      <Pager
        total={reply.page.plansTotal}
        page={page}
        onPage={setPage}
        label={T.plans}
        size={PLANS_PER_PAGE}
      />
      {byPlan.map((planId) => {
        const own = items.filter((i) => i.planId === planId);
        const done = (m: string) => {
          setMessage(m);
          load();
        };
        // The open period first; then a past period the unit missed: locked (ask to reopen it) or reopened.
        const planPeriods = periods.filter((p) => p.planId === planId);
        if (!planPeriods.length)
          return <ReportForm key={planId} planId={planId} items={own} period={undefined} onDone={done} />;
        return planPeriods.map((period) =>
          period.locked ? (
            <LockedPeriod key={`${planId}|${period.periodDue}`} item={own[0]} period={period} onDone={done} />
          ) : (
            <ReportForm
              key={`${planId}|${period.periodDue}|${period.report?.id ?? ""}`}
              planId={planId}
              items={own}
              period={period}
              reopenedUntil={period.lockedFrom <= today ? (period.reopen?.openUntil ?? null) : null}
              onDone={done}
            />
          ),
        );
      })}
    </section>
  );
}

/**
 * A past period the unit did not report on, now locked: it says so, and the unit asks to reopen it
 * with a reason (or sees its request waiting, or the refusal and its comment, and may ask again).
 */
function LockedPeriod({
  item,
  period,
  onDone,
}: {
  item: Item | undefined;
  period: Period;
  onDone: (m: string) => void;
}) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState("");
  const request = period.reopen;
  const ask = async () => {
    setError("");
    if (!reason.trim()) return setError(T.reopenReasonRequired);
    try {
      await api("/reopen", {
        method: "POST",
        json: { planId: period.planId, periodDue: period.periodDue, reason },
      });
      onDone(T.reopenAsked);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <article className="card locked-period">
      <h2>
        {item?.planNumber ?? T.noNumber} — {item?.planTitle}
      </h2>
      <p>
        {T.period}: <strong>{viDate(period.periodDue)}</strong> ·{" "}
        <span className="state overdue">{T.periodLocked(viDate(period.lockedFrom))}</span>
        {period.report && <> · {T.reportStatus[period.report.status]}</>}
      </p>
      {request?.status === "pending" && <p className="hint">{T.reopenPending}</p>}
      {request?.status === "refused" && (
        <p className="comment">
          {T.reopenRefused}
          {request.comment && `: ${request.comment}`}
        </p>
      )}
      {request?.status !== "pending" && (
        <details>
          <summary>{T.askReopen}</summary>
          <label>
            {T.extensionReason}
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="button" className="secondary" onClick={ask}>
            {T.sendReopen}
          </button>
        </details>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}

function ReportForm({
  planId,
  items,
  period,
  reopenedUntil = null,
  onDone,
}: {
  planId: string;
  items: Item[];
  period: Period | undefined;
  /** The last day of a locked period reopened for the unit. */
  reopenedUntil?: string | null;
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
  // Saved and, with `submit`, sent in the same request: both or neither.
  const save = async (submit = false) => {
    const r = await api<{ id: string }>(`/reports/plans/${planId}`, {
      method: "PUT",
      // The period shown, named: a page left open across the period's end saves nowhere unseen.
      json: {
        ...(period ? { periodDue: period.periodDue } : {}),
        items: items.map((i) => ({ workItemId: i.workItemId, ...drafts[i.workItemId] })),
        ...(submit ? { submit: true } : {}),
      },
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
  // The open period's form and a reopened one's may hold the same work: ids name the period too.
  const idOf = (i: Item) => `${period?.periodDue ?? "open"}-${i.workItemId}`;
  return (
    <article className="card">
      <h2>
        {first?.planNumber ?? T.noNumber} — {first?.planTitle}
      </h2>
      <p>
        {T.period}: <strong>{viDate(period?.periodDue ?? null)}</strong>
        {report && <> · {T.reportStatus[report.status]}</>}
      </p>
      {reopenedUntil && !locked && <p className="comment">{T.reopenedUntil(viDate(reopenedUntil))}</p>}
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
              <label htmlFor={`st-${idOf(i)}`}>{T.state}</label>
              <select
                id={`st-${idOf(i)}`}
                value={d.status}
                onChange={(e) => set(i.workItemId, { status: e.target.value as Draft["status"] })}
              >
                {Object.entries(T.itemStatus).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>
              <label htmlFor={`rs-${idOf(i)}`}>{T.results}</label>
              <textarea
                id={`rs-${idOf(i)}`}
                value={d.results}
                onChange={(e) => set(i.workItemId, { results: e.target.value })}
              />
              <label htmlFor={`df-${idOf(i)}`}>{T.difficulties}</label>
              <textarea
                id={`df-${idOf(i)}`}
                value={d.difficulties}
                onChange={(e) => set(i.workItemId, { difficulties: e.target.value })}
              />
              <label htmlFor={`pp-${idOf(i)}`}>{T.proposals}</label>
              <textarea
                id={`pp-${idOf(i)}`}
                value={d.proposals}
                onChange={(e) => set(i.workItemId, { proposals: e.target.value })}
              />
              <label htmlFor={`ev-${idOf(i)}`}>{T.evidence}</label>
              <input
                id={`ev-${idOf(i)}`}
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
                await save(true);
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
