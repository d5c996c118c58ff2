// Leaders' overview: tasks in four states per plan and overall, as bars; reports in for the open
// period; each number drills down to the plan behind it.

import { useEffect, useState } from "react";
import { api, type Counts, type ProgressState } from "../api";
import { EmptyRow } from "../EmptyRow";
import { T } from "../text";

interface Row {
  planId: string;
  number: string | null;
  title: string | null;
  counts: Counts;
  reportsExpected: number;
  reportsIn: number;
}

const ORDER: ProgressState[] = ["done_on_time", "done_late", "in_progress", "overdue"];

function Bar({ counts }: { counts: Counts }) {
  const total = ORDER.reduce((n, k) => n + counts[k], 0);
  if (!total) return <span className="hint">—</span>;
  return (
    <span className="bar" role="img" aria-label={ORDER.map((k) => `${T.states[k]}: ${counts[k]}`).join(", ")}>
      {ORDER.map((k) =>
        counts[k] ? (
          <span
            key={k}
            className={`seg ${k}`}
            style={{ flexGrow: counts[k] }}
            title={`${T.states[k]}: ${counts[k]}`}
          />
        ) : null,
      )}
    </span>
  );
}

export function DashboardPage() {
  const [data, setData] = useState<{ plans: Row[]; totals: Counts } | null>(null);
  const [error, setError] = useState("");
  useEffect(() => {
    api<{ plans: Row[]; totals: Counts }>("/dashboard")
      .then(setData)
      .catch((e) => setError(e.message));
  }, []);
  if (!data) return <p role="status">{error || T.loading}</p>;
  return (
    <section>
      <h1>{T.dashboard}</h1>
      <div className="tiles">
        {ORDER.map((k) => (
          <div key={k} className={`tile ${k}`}>
            <span className="big">{data.totals[k]}</span>
            <span>{T.states[k]}</span>
          </div>
        ))}
      </div>
      <div className="scroll">
        <table>
          <thead>
            <tr>
              <th>{T.plans}</th>
              <th>Tiến độ</th>
              {ORDER.map((k) => (
                <th key={k} className="num">
                  {T.states[k]}
                </th>
              ))}
              <th className="num">Báo cáo đã gửi</th>
            </tr>
          </thead>
          <tbody>
            {data.plans.map((p) => (
              <tr key={p.planId}>
                <td>
                  <a href={`#/plans/${p.planId}`}>{p.number ?? "(không số)"}</a> {p.title}
                </td>
                <td>
                  <Bar counts={p.counts} />
                </td>
                {ORDER.map((k) => (
                  <td key={k} className="num">
                    <a href={`#/plans/${p.planId}/state/${k}`}>{p.counts[k]}</a>
                  </td>
                ))}
                <td className="num">
                  <a href={`#/plans/${p.planId}/reports`}>
                    {p.reportsIn}/{p.reportsExpected}
                  </a>
                </td>
              </tr>
            ))}
            <EmptyRow columns={7} when={!data.plans.length} />
          </tbody>
        </table>
      </div>
    </section>
  );
}
