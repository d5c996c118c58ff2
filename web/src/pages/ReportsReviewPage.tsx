// The units' reports of a plan's open period, on one page with the plan they are about: what each
// unit did, its difficulties and its proposals, its evidence; the plan officer accepts or returns
// each with a comment; a leader reads them.

import { useCallback, useEffect, useState } from "react";
import { api, type ReportsOfPlanReply } from "../api";
import { viDate } from "../format";
import { T } from "../text";

type Report = ReportsOfPlanReply["reports"][number];

export function ReportsReviewPage({ planId, canDecide }: { planId: string; canDecide: boolean }) {
  const [data, setData] = useState<ReportsOfPlanReply | null>(null);
  const [message, setMessage] = useState("");
  const load = useCallback(() => api<ReportsOfPlanReply>(`/reports/plans/${planId}`).then(setData), [planId]);
  useEffect(() => {
    load().catch((e) => setMessage(e.message));
  }, [load]);
  if (!data) return <p role="status">{message || T.loading}</p>;
  return (
    <section>
      <h1>{T.reports}</h1>
      <p className="plan-named">
        <a href={`#/plans/${data.plan.id}`}>{data.plan.number ?? T.noNumber}</a> — {data.plan.title}
      </p>
      <p>
        {T.period}: <strong>{viDate(data.periodDue)}</strong>
      </p>
      <p className="status" role="status">
        {message}
      </p>
      {!data.reports.length && <p>{T.none}</p>}
      {data.reports.map((r) => (
        <Review
          key={r.id}
          report={r}
          canDecide={canDecide}
          onDone={(m) => {
            setMessage(m);
            load();
          }}
        />
      ))}
    </section>
  );
}

function Review({
  report,
  canDecide,
  onDone,
}: {
  report: Report;
  canDecide: boolean;
  onDone: (m: string) => void;
}) {
  const [comment, setComment] = useState("");
  const [error, setError] = useState("");
  const decide = async (accept: boolean) => {
    setError("");
    try {
      await api(`/reports/${report.id}/decision`, { method: "POST", json: { accept, comment } });
      onDone(accept ? T.accepted(report.unitName) : T.returned(report.unitName));
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <article className="card">
      <h2>
        {report.unitName} · {T.reportStatus[report.status]}
      </h2>
      <div className="scroll">
        <table>
          <thead>
            <tr>
              <th>{T.tasks}</th>
              <th>{T.state}</th>
              <th>{T.results}</th>
              <th>{T.difficulties}</th>
              <th>{T.proposals}</th>
              <th>{T.evidence}</th>
            </tr>
          </thead>
          <tbody>
            {report.items.map((i) => (
              <tr key={i.workItemId}>
                <td>
                  <strong>{i.taskKey}</strong> {i.taskTitle}
                </td>
                <td>{T.itemStatus[i.status]}</td>
                <td>{i.results}</td>
                <td>{i.difficulties}</td>
                <td>{i.proposals}</td>
                <td>{i.evidence}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.attachments.map((a) => (
        <p key={a.id}>
          <a href={`/api/v1/reports/${report.id}/attachments/${a.id}`}>{a.fileName}</a>
        </p>
      ))}
      {canDecide && report.status === "submitted" && (
        <>
          <label htmlFor={`c-${report.id}`}>{T.comment}</label>
          <textarea id={`c-${report.id}`} value={comment} onChange={(e) => setComment(e.target.value)} />
          <div className="row">
            <button type="button" onClick={() => decide(true)}>
              {T.accept}
            </button>
            <button type="button" className="secondary" onClick={() => decide(false)}>
              {T.giveBack}
            </button>
          </div>
        </>
      )}
      {report.reviewComment && (
        <p className="comment">
          {T.comment}: {report.reviewComment}
        </p>
      )}
      <p className="error" role="alert">
        {error}
      </p>
    </article>
  );
}
