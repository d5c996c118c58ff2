// The work behind a number on the overview: every task × unit in one state across the plans the
// reader can see, optionally of one unit, soonest deadline first.

import { useEffect, useState } from "react";
import { api, type OverviewWorkReply, type ProgressState } from "../api";
import { EmptyRow } from "../EmptyRow";
import { viDate } from "../format";
import { T } from "../text";
import { WorkKey } from "../WorkKey";
import { WorkXlsxLink } from "./ExportLinks";

export function OverviewWorkPage({ state, unitId }: { state: ProgressState; unitId?: string }) {
  const [items, setItems] = useState<OverviewWorkReply["items"] | null>(null);
  const [error, setError] = useState("");
  useEffect(() => {
    const q = new URLSearchParams({ state, ...(unitId ? { unitId } : {}) });
    api<OverviewWorkReply>(`/overview/work?${q}`)
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
          href={`/api/v1/overview/work.csv?${new URLSearchParams({ state, ...(unitId ? { unitId } : {}) })}`}
        >
          {T.downloadCsv}
        </a>
        <WorkXlsxLink state={state} unitId={unitId} />
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
                <td className="plan-cell">
                  <a href={`#/plans/${w.planId}`}>{w.planNumber ?? T.noNumber}</a>{" "}
                  <span className="clamp" title={w.planTitle ?? ""}>
                    {w.planTitle}
                  </span>
                </td>
                <td>
                  <WorkKey code={w.taskKey} kind={w.taskKind} /> {w.taskTitle}
                </td>
                <td>{w.unitName}</td>
                <td>{w.role === "lead" ? T.lead : T.cooperate}</td>
                <td className="nowrap">
                  {w.deadlines.length ? w.deadlines.map((d) => viDate(d)).join("; ") : T.continuous}
                </td>
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
