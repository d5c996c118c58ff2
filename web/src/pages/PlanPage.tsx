import { useEffect, useState } from "react";
import { classify } from "../../../src/domain/progress";
import { api, type PlanDetail, type User } from "../api";
import { EmptyRow } from "../EmptyRow";
import { T } from "../text";

export function PlanPage({ planId, user, state }: { planId: string; user: User; state?: string }) {
  const [plan, setPlan] = useState<PlanDetail | null>(null);
  const [error, setError] = useState("");
  useEffect(() => {
    api<PlanDetail>(`/plans/${planId}`)
      .then(setPlan)
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
        {plan.issuer} · {plan.issuedOn ?? "chưa rõ ngày"} · {T.status[plan.status] ?? plan.status}
      </p>
      {officer && (
        <p className="row">
          {plan.status === "draft" && (
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
      {(plan.references.some((r) => r.targetPlanId) || plan.implementedBy.length > 0) && (
        <div className="card">
          {plan.references
            .filter((r) => r.targetPlanId)
            .map((r) => (
              <p key={r.number}>
                {T.implements}: <a href={`#/plans/${r.targetPlanId}`}>{r.number}</a>
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
