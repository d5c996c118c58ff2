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

const RELATION: Record<string, string> = { implements: "Thực hiện", basis: "Căn cứ", cited: "Dẫn chiếu" };

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
        {plan.number ?? "(không số)"} — {plan.title}
      </h1>
      <p>
        {plan.issuer} · {plan.issuedOn ? viDate(plan.issuedOn) : "chưa rõ ngày"} ·{" "}
        {T.status[plan.status] ?? plan.status}
        {plan.signer?.name
          ? ` · Người ký: ${[plan.signer.capacity, plan.signer.position, plan.signer.name].filter(Boolean).join(" ")}`
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
          <h2>Văn bản liên quan</h2>
          {plan.references.map((r) => (
            <p key={r.number}>
              {RELATION[r.relation] ?? r.relation}:{" "}
              {r.targetPlanId ? <a href={`#/plans/${r.targetPlanId}`}>{r.number}</a> : r.number}
            </p>
          ))}
          {plan.implementedBy.map((p) => (
            <p key={p.planId}>
              {T.implementedBy}: <a href={`#/plans/${p.planId}`}>{p.number ?? "(không số)"}</a>
            </p>
          ))}
        </div>
      )}
      <TaskTable plan={plan} />
      {progress && <ProgressSection plan={plan} progress={progress} />}
      <h2 id="work">Tình hình theo đơn vị{state ? `: ${T.states[state] ?? state}` : ""}</h2>
      {state && (
        <p>
          <a href={`#/plans/${plan.id}`}>Xem tất cả</a>
        </p>
      )}
      <div className="scroll">
        <table>
          <thead>
            <tr>
              <th>{T.tasks}</th>
              <th>Đơn vị</th>
              <th>Vai trò</th>
              <th>Tình trạng</th>
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
                    <td>{next ?? "—"}</td>
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
  return (
    <div className="scroll">
      <table>
        <thead>
          <tr>
            <th>{T.tasks}</th>
            <th>{T.lead}</th>
            <th>{T.cooperate}</th>
            <th>{T.timeframe}</th>
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
      <h2 id="period">Báo cáo kỳ hạn {viDate(progress.periodDue)}</h2>
      <Bar counts={progress.counts} wide />
      <div className="scroll">
        <table aria-labelledby="period">
          <thead>
            <tr>
              <th>Đơn vị</th>
              <th>Báo cáo</th>
              <th>Gửi lúc</th>
              <th>Tiến độ nhiệm vụ</th>
            </tr>
          </thead>
          <tbody>
            {progress.byUnit.map((u) => {
              const missing = !u.report || u.report.status === "draft";
              return (
                <tr key={u.unitId}>
                  <td>{names.get(u.unitId) ?? u.unitId}</td>
                  <td className={missing && progress.periodDue < today ? "state overdue" : ""}>
                    {missing ? "Chưa gửi" : (T.reportStatus[u.report?.status ?? ""] ?? u.report?.status)}
                  </td>
                  <td>
                    {u.report?.submittedAt
                      ? `${viDate(u.report.submittedAt.slice(0, 10))}${u.onTime === false ? " (trễ hạn)" : ""}`
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
      <h2 id="next">Sắp đến hạn</h2>
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
