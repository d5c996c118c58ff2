import { useEffect, useState } from "react";
import { classify } from "../../../src/domain/progress";
import { api, type Counts, type PlanDetail, type User } from "../api";
import { Bar } from "../Bar";
import { EmptyRow } from "../EmptyRow";
import { viDate } from "../format";
import { T } from "../text";

interface Progress {
  periodDue: string;
  counts: Counts;
  byUnit: Array<{
    unitId: string;
    counts: Counts;
    report: { status: string; submittedAt: string | null } | null;
    onTime: boolean | null;
  }>;
  upcoming: Array<{ workItemId: string; taskKey: string; unitId: string; due: string }>;
}

export function PlanPage({ planId, user, state }: { planId: string; user: User; state?: string }) {
  const [plan, setPlan] = useState<PlanDetail | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState("");
  useEffect(() => {
    api<PlanDetail>(`/plans/${planId}`)
      .then((p) => {
        setPlan(p);
        if (p.status !== "draft")
          api<Progress>(`/plans/${planId}/progress`)
            .then(setProgress)
            .catch(() => setProgress(null));
      })
      .catch((e) => setError(e.message));
  }, [planId]);
  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (!plan) return <p>{T.loading}</p>;
  const officer = user.role === "plan_officer" || user.role === "admin";
  const today = new Date().toISOString().slice(0, 10);
  return (
    <section>
      <h1>
        {plan.number ?? T.noNumber} — {plan.title}
      </h1>
      <p>
        {plan.issuer} · {plan.issuedOn ? viDate(plan.issuedOn) : T.noDate} ·{" "}
        {T.status[plan.status] ?? plan.status}
        {plan.signer?.name
          ? ` · ${T.signedBy}: ${[plan.signer.capacity, plan.signer.position, plan.signer.name].filter(Boolean).join(" ")}`
          : ""}
      </p>
      {(officer || user.role === "leader") && (
        <p className="row">
          {officer && plan.status === "draft" && (
            <a className="button" href={`#/plans/${plan.id}/review`}>
              {T.review}
            </a>
          )}
          {plan.status !== "draft" && (
            <a className="button" href={`#/plans/${plan.id}/reports`}>
              {T.reports}
            </a>
          )}
        </p>
      )}
      {(plan.references.length > 0 || plan.implementedBy.length > 0) && (
        <div className="card">
          <h2>{T.related}</h2>
          {plan.references.map((r) => (
            <p key={r.number}>
              {T.relation[r.relation] ?? r.relation}:{" "}
              {r.targetPlanId ? <a href={`#/plans/${r.targetPlanId}`}>{r.number}</a> : r.number}
            </p>
          ))}
          {plan.implementedBy.map((p) => (
            <p key={p.planId}>
              {T.implementedBy}: <a href={`#/plans/${p.planId}`}>{p.number ?? T.noNumber}</a>
            </p>
          ))}
        </div>
      )}
      <TaskTable plan={plan} />
      {progress && <ProgressSection plan={plan} progress={progress} />}
      <h2 id="work">
        {T.workByUnit}
        {state ? `: ${T.states[state] ?? state}` : ""}
      </h2>
      {state && (
        <p>
          <a href={`#/plans/${plan.id}`}>{T.showAll}</a>
        </p>
      )}
      <div className="scroll">
        <table>
          <thead>
            <tr>
              <th>{T.tasks}</th>
              <th>{T.unit}</th>
              <th>{T.role}</th>
              <th>{T.state}</th>
              <th>{T.nextDue}</th>
            </tr>
          </thead>
          <tbody>
            {plan.work
              .filter(
                (w) =>
                  !state ||
                  classify({ status: w.status, doneOn: w.doneOn, deadlines: w.deadlines }, today) === state,
              )
              .map((w) => {
                const next = w.deadlines.find((d) => d >= today) ?? null;
                const late = w.status !== "done" && w.deadlines.some((d) => d < today);
                return (
                  <tr key={`${w.taskKey}-${w.unitId}-${w.role}`}>
                    <td>{w.taskKey}</td>
                    <td>{w.unitName}</td>
                    <td>{w.role === "lead" ? T.lead : T.cooperate}</td>
                    <td className={late ? "state overdue" : ""}>
                      {late ? T.states.overdue : (T.itemStatus[w.status] ?? w.status)}
                    </td>
                    <td>{viDate(next)}</td>
                  </tr>
                );
              })}
            <EmptyRow columns={5} when={!plan.work.length} />
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function TaskTable({ plan }: { plan: PlanDetail }) {
  const today = new Date().toISOString().slice(0, 10);
  // A task's next deadline: the soonest one still ahead among its units' work not yet done.
  const nextDue = (key: string) =>
    plan.work
      .filter((w) => w.taskKey === key && w.status !== "done")
      .flatMap((w) => w.deadlines.filter((d) => d >= today))
      .sort()[0] ?? null;
  return (
    <div className="scroll">
      <table>
        <thead>
          <tr>
            <th>{T.tasks}</th>
            <th>{T.lead}</th>
            <th>{T.cooperate}</th>
            <th>{T.timeframe}</th>
            <th>{T.nextDue}</th>
          </tr>
        </thead>
        <tbody>
          {plan.tasksDetail.map((t) => (
            <tr key={t.key}>
              <td>
                <strong>{t.key}</strong> {t.title}
              </td>
              <td>
                {t.units
                  .filter((u) => u.role === "lead")
                  .map((u) => u.text)
                  .join("; ") || "—"}
              </td>
              <td>
                {t.units
                  .filter((u) => u.role === "cooperate")
                  .map((u) => u.text)
                  .join("; ") || "—"}
              </td>
              <td>{t.timeframe?.text ?? "—"}</td>
              <td className="nowrap">{viDate(nextDue(t.key))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The open period's reports by unit, with each unit's four states, and the next deadlines. */
function ProgressSection({ plan, progress }: { plan: PlanDetail; progress: Progress }) {
  const names = new Map(plan.work.map((w) => [w.unitId, w.unitName]));
  const titles = new Map(plan.tasksDetail.map((t) => [t.key, t.title]));
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <h2 id="period">{T.periodReports(viDate(progress.periodDue))}</h2>
      <Bar counts={progress.counts} wide />
      <div className="scroll">
        <table aria-labelledby="period">
          <thead>
            <tr>
              <th>{T.unit}</th>
              <th>{T.report}</th>
              <th>{T.sentAt}</th>
              <th>{T.taskProgress}</th>
            </tr>
          </thead>
          <tbody>
            {progress.byUnit.map((u) => {
              const missing = !u.report || u.report.status === "draft";
              return (
                <tr key={u.unitId}>
                  <td>{names.get(u.unitId) ?? u.unitId}</td>
                  <td className={missing && progress.periodDue < today ? "state overdue" : ""}>
                    {missing ? T.notSent : (T.reportStatus[u.report?.status ?? ""] ?? u.report?.status)}
                  </td>
                  <td>
                    {u.report?.submittedAt
                      ? `${viDate(u.report.submittedAt.slice(0, 10))}${u.onTime === false ? T.late : ""}`
                      : "—"}
                  </td>
                  <td>
                    <Bar counts={u.counts} />
                  </td>
                </tr>
              );
            })}
            <EmptyRow columns={4} when={!progress.byUnit.length} />
          </tbody>
        </table>
      </div>
      <h2 id="next">{T.dueSoon}</h2>
      <ul aria-labelledby="next">
        {progress.upcoming.slice(0, 10).map((d) => (
          <li key={`${d.workItemId}-${d.due}`}>
            {viDate(d.due)} — <strong>{d.taskKey}</strong> {titles.get(d.taskKey)} · {names.get(d.unitId)}
          </li>
        ))}
        {!progress.upcoming.length && <li>{T.none}</li>}
      </ul>
    </>
  );
}
