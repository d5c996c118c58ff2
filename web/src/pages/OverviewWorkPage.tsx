// The work behind a number on the overview: every task × unit in one state across the plans the
// reader can see, optionally of one unit, soonest deadline first.

import { useEffect, useState } from "react";
import { api, type DashboardWork, type ProgressState } from "../api";
import { EmptyRow } from "../EmptyRow";
import { viDate } from "../format";
import { T } from "../text";

export function OverviewWorkPage({ state, unitId }: { state: ProgressState; unitId?: string }) {
  const [items, setItems] = useState<DashboardWork["items"] | null>(null);
  const [error, setError] = useState("");
  useEffect(() => {
    const q = new URLSearchParams({ state, ...(unitId ? { unitId } : {}) });
    api<DashboardWork>(`/dashboard/work?${q}`)
      .then((r) => setItems(r.items))
      .catch((e) => setError(e.message));
  }, [state, unitId]);
  if (!items) return <p role="status">{error || T.loading}</p>;
  const unitName = unitId ? items[0]?.unitName : undefined;
  const done = state === "done_on_time" || state === "done_late";
  return (
    <section>
      <h1>
        {T.states[state] ?? state}
        {unitName ? `: ${unitName}` : ""} ({items.length})
      </h1>
      <p className="row">
        <a href="#/dashboard">← {T.dashboard}</a>
        <a
          href={`/api/v1/dashboard/work?${new URLSearchParams({ state, ...(unitId ? { unitId } : {}), format: "csv" })}`}
        >
          {T.downloadCsv}
        </a>
      </p>
      <div className="scroll">
        <table>
          <thead>
            <tr>
              <th>{T.plans}</th>
              <th>{T.tasks}</th>
              <th>{T.unit}</th>
              <th>{T.role}</th>
              <th>{T.due}</th>
              <th>{done ? T.doneOn : T.state}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((w) => (
              <tr key={w.workItemId}>
                <td>
                  <a href={`#/plans/${w.planId}`}>{w.planNumber ?? T.noNumber}</a>
                </td>
                <td>
                  <strong>{w.taskKey}</strong> {w.taskTitle}
                </td>
                <td>{w.unitName}</td>
                <td>{w.role === "lead" ? T.lead : T.cooperate}</td>
                <td>{w.firstDue ? viDate(w.firstDue) : T.continuous}</td>
                <td className={w.overdueDays !== null ? "state overdue" : ""}>
                  {done
                    ? viDate(w.doneOn)
                    : w.overdueDays !== null
                      ? T.overdueDays(w.overdueDays)
                      : T.withinDeadline}
                </td>
              </tr>
            ))}
            <EmptyRow columns={6} when={!items.length} />
          </tbody>
        </table>
      </div>
    </section>
  );
}
