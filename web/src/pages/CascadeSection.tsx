// "Kế hoạch triển khai" on a plan's page: the plans units issued to carry it out, level by level
// (Phòng, then its schools), each with its four states and its open period's reports in, and the
// work given to units that have not carried it down yet. An officer of a unit the plan gives work
// draws up the unit's own implementing plan from here and lands on its review.

import { useEffect, useState } from "react";
import { api, type CascadeReply, type ImplementingReply, type User } from "../api";
import { Bar } from "../Bar";
import { viDate } from "../format";
import { T } from "../text";
import { WorkKey } from "../WorkKey";

type Node = CascadeReply["nodes"][number];

const pageOf = (n: Pick<Node, "planId" | "status">) =>
  n.status === "draft" ? `#/plans/${n.planId}/review` : `#/plans/${n.planId}`;

export function CascadeSection({ planId, user }: { planId: string; user: User }) {
  const [view, setView] = useState<CascadeReply | null>(null);
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setView(null);
    api<CascadeReply>(`/plans/${planId}/cascade`)
      .then(setView)
      .catch(() => setView(null));
  }, [planId]);
  const root = view?.nodes[0];
  if (!view || !root || root.status === "draft") return null;
  const below = view.nodes.filter((n) => n.depth > 0);
  const create = async () => {
    setBusy(true);
    try {
      const made = await api<ImplementingReply>(`/plans/${planId}/implementing`, { method: "POST" });
      const known = view.nodes.find((n) => n.planId === made.planId);
      window.location.hash = pageOf(known ?? { planId: made.planId, status: "draft" });
    } catch (err) {
      setMessage((err as Error).message);
      setBusy(false);
    }
  };
  const mine = view.implement;
  const existing = mine?.planId ? view.nodes.find((n) => n.planId === mine.planId) : undefined;
  return (
    <section className="card" aria-labelledby="cascade">
      <h2 id="cascade">{T.cascade}</h2>
      <p className="hint">{T.cascadeHint}</p>
      {/* The plan officers have this above; a unit officer decides the reports of its own unit's plan here. */}
      {user.role === "unit_officer" && root.mayReview && (
        <p>
          <a href={`#/plans/${root.planId}/reports`}>{T.reports}</a>
        </p>
      )}
      {mine && (
        <p className="row">
          {mine.planId ? (
            <a className="button" href={pageOf(existing ?? { planId: mine.planId, status: "draft" })}>
              {T.implementOpen}
            </a>
          ) : (
            <button type="button" onClick={create} disabled={busy}>
              {T.implementCreate}
            </button>
          )}
          <span className="hint">{T.implementFor(mine.unitName)}</span>
        </p>
      )}
      {below.length > 0 ? (
        <div className="scroll">
          <table aria-labelledby="cascade">
            <thead>
              <tr>
                <th>{T.cascade}</th>
                <th>{T.issuer}</th>
                <th>{T.state}</th>
                <th>{T.taskProgress}</th>
                <th>{T.report}</th>
              </tr>
            </thead>
            <tbody>
              {below.map((n) => (
                <tr key={n.planId}>
                  <td style={{ paddingLeft: `${(n.depth - 1) * 1.5 + 0.5}em` }}>
                    <a href={`#/plans/${n.planId}`}>{n.number ?? T.noNumber}</a> — {n.title}
                    {n.mayReview && (
                      <>
                        {" · "}
                        <a
                          href={
                            n.status === "draft"
                              ? `#/plans/${n.planId}/review`
                              : `#/plans/${n.planId}/reports`
                          }
                        >
                          {n.status === "draft" ? T.openReview : T.reports}
                        </a>
                      </>
                    )}
                  </td>
                  <td>{n.issuerName}</td>
                  <td>{T.status[n.status] ?? n.status}</td>
                  <td>
                    <Bar counts={n.counts} />
                  </td>
                  <td className="nowrap">
                    {n.reports
                      ? T.reportsIn(n.reports.sent, n.reports.expected, viDate(n.reports.periodDue))
                      : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{T.cascadeNone}</p>
      )}
      {view.nodes
        .filter((n) => n.uncovered.length > 0)
        .map((n) => (
          <details key={n.planId} open={n.depth === 0}>
            <summary>
              {T.notCovered} ({n.uncovered.length})
              {n.depth > 0 ? ` — ${n.number ?? T.noNumber}, ${n.issuerName}` : ""}
            </summary>
            <ul>
              {n.uncovered.map((u) => (
                <li key={`${u.taskKey}|${u.unitId}`}>
                  <WorkKey code={u.taskKey} /> {u.taskTitle} — {u.unitName}: {T.notCovered}
                </li>
              ))}
            </ul>
          </details>
        ))}
      <p className="status" role="status">
        {message}
      </p>
    </section>
  );
}
