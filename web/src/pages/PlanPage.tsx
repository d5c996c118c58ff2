// A plan as everyone who may read it sees it: its tasks, what was done by whom, the open period's
// reports by unit, and each unit's work. The states and report standings are the server's (one rule
// for every view); a drill-down from the overview lands on the list it filtered.

import { useEffect, useRef, useState } from "react";
import { api, type PlanDetail, type PlanProgressReply as Progress, type User } from "../api";
import { Bar } from "../Bar";
import { EmptyRow } from "../EmptyRow";
import { viDate } from "../format";
import { Pager, pageOf } from "../Pager";
import { T } from "../text";
import { WorkKey } from "../WorkKey";
import { ChangeHistory } from "./Amendments";
import { CascadeSection } from "./CascadeSection";
import { PlanExportLinks } from "./ExportLinks";
import { ExtensionsSection } from "./ExtensionsSection";
import { PlanSettingsForm, ReopenSection } from "./ReopenSection";

export function PlanPage({ planId, user, state }: { planId: string; user: User; state?: string }) {
  const [plan, setPlan] = useState<PlanDetail | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  // Everything above the work list is in place (the plan, and its progress where it has one).
  const [laidOut, setLaidOut] = useState(false);
  const [error, setError] = useState("");
  const workHeading = useRef<HTMLHeadingElement>(null);
  const loadProgress = () =>
    api<Progress>(`/plans/${planId}/progress`)
      .then(setProgress)
      .catch(() => setProgress(null));
  // biome-ignore lint/correctness/useExhaustiveDependencies: loadProgress reads only planId
  useEffect(() => {
    setLaidOut(false);
    api<PlanDetail>(`/plans/${planId}`)
      .then((p) => {
        setPlan(p);
        if (p.status === "draft") return setLaidOut(true);
        loadProgress().finally(() => setLaidOut(true));
      })
      .catch((e) => setError(e.message));
  }, [planId]);
  // Filtered from the overview ("#/plans/12/state/overdue"): show the list, not the top of the page,
  // once what lies above it has its height.
  useEffect(() => {
    if (state && laidOut) {
      workHeading.current?.scrollIntoView({ block: "start" });
      workHeading.current?.focus({ preventScroll: true });
    }
  }, [state, laidOut]);
  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (!plan) return <p>{T.loading}</p>;
  const officer = user.role === "plan_officer" || user.role === "admin";
  const titles = new Map(plan.tasksDetail.map((t) => [t.key, t.title]));
  const kinds = new Map(plan.tasksDetail.map((t) => [t.key, t.kind]));
  const work = plan.work.filter((w) => !state || w.state === state);
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
          {plan.status !== "draft" && (
            <a className="button secondary" href={`#/plans/${plan.id}/summary`}>
              {T.summary}
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
              {p.amends ? T.amendedBy : T.implementedBy}:{" "}
              <a href={`#/plans/${p.planId}`}>{p.number ?? T.noNumber}</a>
            </p>
          ))}
        </div>
      )}
      <PlanExportLinks plan={plan} />
      <TaskTable plan={plan} />
      <ChangeHistory plan={plan} />
      <CascadeSection planId={plan.id} user={user} />
      {plan.status !== "draft" && (
        <ExtensionsSection
          planId={plan.id}
          canDecide={user.role === "plan_officer" || user.role === "admin"}
        />
      )}
      {plan.status !== "draft" && (
        <ReopenSection planId={plan.id} canDecide={user.role === "plan_officer" || user.role === "admin"} />
      )}
      {progress?.mayEditSettings && (
        <PlanSettingsForm planId={plan.id} settings={progress.settings} onSaved={loadProgress} />
      )}
      {progress && <ProgressSection plan={plan} progress={progress} />}
      <h2 id="work" ref={workHeading} tabIndex={-1}>
        {T.workByUnit}
        {state ? `: ${T.states[state] ?? state} (${work.length})` : ""}
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
              <th>{T.due}</th>
            </tr>
          </thead>
          <tbody>
            {work.map((w) => (
              <tr key={w.workItemId}>
                <td>
                  <WorkKey code={w.taskKey} kind={kinds.get(w.taskKey)} /> {titles.get(w.taskKey)}
                </td>
                <td>{w.unitName}</td>
                <td>{w.role === "lead" ? T.lead : T.cooperate}</td>
                <td className={`state ${w.state}`}>{T.states[w.state]}</td>
                <td className="nowrap">
                  {w.deadlines.length ? w.deadlines.map((d) => viDate(d)).join("; ") : T.continuous}
                </td>
              </tr>
            ))}
            <EmptyRow columns={5} when={!work.length} />
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function TaskTable({ plan }: { plan: PlanDetail }) {
  const [page, setPage] = useState(0);
  // A task's next deadline: the soonest one still ahead among its units' work not yet done.
  const nextDue = (key: string) =>
    plan.work
      .filter((w) => w.taskKey === key && w.status !== "done" && w.nextDue)
      .map((w) => w.nextDue as string)
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
          {pageOf(plan.tasksDetail, page).map((t) => (
            <tr key={t.key}>
              <td>
                {t.removed ? (
                  <del title={T.removedTask}>
                    <WorkKey code={t.key} kind={t.kind} /> {t.title}
                  </del>
                ) : (
                  <>
                    <WorkKey code={t.key} kind={t.kind} /> {t.title}
                  </>
                )}
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
      <Pager total={plan.tasksDetail.length} page={page} onPage={setPage} label={T.tasks} />
    </div>
  );
}

/** The open period's reports by unit, with each unit's four states, and the next deadlines. */
function ProgressSection({ plan, progress }: { plan: PlanDetail; progress: Progress }) {
  const names = new Map(plan.work.map((w) => [w.unitId, w.unitName]));
  const titles = new Map(plan.tasksDetail.map((t) => [t.key, t.title]));
  const kinds = new Map(plan.tasksDetail.map((t) => [t.key, t.kind]));
  return (
    <>
      <h2 id="period">{T.periodReports(viDate(progress.periodDue))}</h2>
      <p className="hint">{T.periodLocksOn(viDate(progress.lockedFrom), progress.settings.graceDays)}</p>
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
              // Sent or not is the server's standing (a returned report is not sent); the status says where it is.
              const sent = u.standing === "sent_on_time" || u.standing === "sent_late";
              return (
                <tr key={u.unitId}>
                  <td>{names.get(u.unitId) ?? u.unitId}</td>
                  <td className={u.standing === "missing" ? "state overdue" : ""}>
                    {u.report && u.report.status !== "draft"
                      ? T.reportStatus[u.report.status]
                      : T.standing[u.standing]}
                  </td>
                  <td>
                    {sent && u.report?.submittedAt
                      ? `${viDate(u.report.submittedAt.slice(0, 10))}${u.standing === "sent_late" ? T.late : ""}`
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
            {viDate(d.due)} — <WorkKey code={d.taskKey} kind={kinds.get(d.taskKey)} /> {titles.get(d.taskKey)}{" "}
            · {names.get(d.unitId)}
          </li>
        ))}
        {!progress.upcoming.length && <li>{T.none}</li>}
      </ul>
    </>
  );
}
