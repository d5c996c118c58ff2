// Leaders' overview: tasks in four states overall (a bar a leader reads at a glance) and per
// plan; reports in by unit for each plan's open period; what falls due in the next 30 days. Every
// number drills down to the work behind it.

import { useEffect, useState } from "react";
import { api, type OverviewReply as Overview, type OverviewWarningsReply } from "../api";
import { Bar, ORDER } from "../Bar";
import { viDate } from "../format";
import { Pager } from "../Pager";
import { TitledTable } from "../TitledTable";
import { T } from "../text";
import { WorkKey } from "../WorkKey";
import { ReportingExportLink } from "./ExportLinks";
import { Warnings } from "./MyWorkPage";

/** Reports in out of expected, as a filled gauge. */
function Gauge({ part, whole }: { part: number; whole: number }) {
  const pct = whole ? Math.round((part / whole) * 100) : 0;
  return (
    <span className="gauge" role="img" aria-label={`${part}/${whole} (${pct}%)`}>
      <span style={{ width: `${pct}%` }} />
    </span>
  );
}

// Rows a page shows: the server sends plans (newest first) and units (those to chase first) a
// page at a time.
const PLANS_PER_PAGE = 50;
const UNITS_PER_PAGE = 50;

export function DashboardPage() {
  const [data, setData] = useState<Overview | null>(null);
  const [warnings, setWarnings] = useState<OverviewWarningsReply | null>(null);
  const [error, setError] = useState("");
  const [plansPage, setPlansPage] = useState(0);
  const [unitsPage, setUnitsPage] = useState(0);
  useEffect(() => {
    const pages = `plansLimit=${PLANS_PER_PAGE}&plansOffset=${plansPage * PLANS_PER_PAGE}&unitsLimit=${UNITS_PER_PAGE}&unitsOffset=${unitsPage * UNITS_PER_PAGE}`;
    api<Overview>(`/overview?${pages}`)
      .then(setData)
      .catch((e) => setError(e.message));
  }, [plansPage, unitsPage]);
  useEffect(() => {
    // Read apart: the warnings go through every piece of work within reach.
    api<OverviewWarningsReply>("/overview/warnings")
      .then(setWarnings)
      .catch(() => setWarnings(null));
  }, []);
  if (!data) return <p role="status">{error || T.loading}</p>;
  const total = ORDER.reduce((n, k) => n + data.totals[k], 0);
  const units = data.units;
  return (
    <section>
      <h1>{T.dashboard}</h1>
      <p className="hint">{T.overviewLine(viDate(data.today), total, data.plansTotal)}</p>
      <div className="tiles">
        {ORDER.map((k) => (
          <a key={k} className={`tile ${k}`} href={`#/overview/${k}`}>
            <span className="big">{data.totals[k]}</span>
            <span>{T.states[k]}</span>
          </a>
        ))}
      </div>
      <Bar counts={data.totals} wide />
      <ul className="legend">
        {ORDER.map((k) => (
          <li key={k}>
            <span className={`swatch seg ${k}`} /> {T.states[k]}
            {total ? ` ${Math.round((data.totals[k] / total) * 100)}%` : ""}
          </li>
        ))}
      </ul>

      <TitledTable
        id="by-plan"
        title={T.byPlan}
        headings={[
          T.plans,
          T.progress,
          ...ORDER.map((k) => ({ label: T.states[k] ?? k, className: "num" })),
          { label: T.reportsSent, className: "num" },
        ]}
        empty={!data.plans.length}
      >
        {data.plans.map((p) => (
          <tr key={p.planId}>
            <td className="plan-cell">
              <a href={`#/plans/${p.planId}`}>{p.number ?? T.noNumber}</a>{" "}
              <span className="clamp" title={p.title ?? ""}>
                {p.title}
              </span>
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
              <a href={`#/plans/${p.planId}/reports`} title={T.periodDue(viDate(p.periodDue))}>
                {p.reportsIn}/{p.reportsExpected}
              </a>
            </td>
          </tr>
        ))}
      </TitledTable>
      <Pager
        total={data.plansTotal}
        page={plansPage}
        onPage={setPlansPage}
        label={T.byPlan}
        size={PLANS_PER_PAGE}
      />

      <TitledTable
        id="by-unit"
        title={T.byUnit}
        note={T.byUnitHint}
        headings={[
          T.unit,
          T.sent,
          { label: T.onTime, className: "num" },
          { label: T.lateShort, className: "num" },
          { label: T.missing, className: "num" },
          T.taskProgress,
          { label: T.states.overdue ?? "", className: "num" },
        ]}
        empty={!units.length}
      >
        {units.map((u) => (
          <tr key={u.unitId}>
            <td>{u.unitName}</td>
            <td className="nowrap">
              <Gauge part={u.sent} whole={u.expected} /> {u.sent}/{u.expected}
            </td>
            <td className="num">{u.onTime}</td>
            <td className="num">{u.late}</td>
            <td className={`num${u.missing ? " state overdue" : ""}`}>{u.missing}</td>
            <td>
              <Bar counts={u.counts} />
            </td>
            <td className="num">
              <a href={`#/overview/overdue/${u.unitId}`}>{u.counts.overdue}</a>
            </td>
          </tr>
        ))}
      </TitledTable>
      <Pager
        total={data.unitsTotal}
        page={unitsPage}
        onPage={setUnitsPage}
        label={T.byUnit}
        size={UNITS_PER_PAGE}
      />

      <ReportingExportLink />

      <TitledTable
        id="upcoming"
        title={T.next30}
        headings={[T.due, T.plans, T.tasks, T.unit]}
        empty={!data.upcoming.length}
      >
        {data.upcoming.map((d) => (
          <tr key={`${d.workItemId}-${d.due}`}>
            <td>{viDate(d.due)}</td>
            <td>
              <a href={`#/plans/${d.planId}`}>{d.planNumber ?? T.noNumber}</a>
            </td>
            <td>
              <WorkKey code={d.taskKey} kind={d.taskKind} /> {d.taskTitle}
            </td>
            <td>{d.unitName}</td>
          </tr>
        ))}
      </TitledTable>

      {warnings && (
        <TitledTable
          id="warnings"
          title={T.warningsTitle}
          note={T.warningCounts(warnings.counts)}
          headings={[T.plans, T.tasks, T.unit, T.warningsHeading]}
          empty={!warnings.items.length}
        >
          {warnings.items.map((w) => (
            <tr key={w.workItemId}>
              <td>
                <a href={`#/plans/${w.planId}`}>{w.planNumber ?? T.noNumber}</a>
              </td>
              <td>
                <WorkKey code={w.taskKey} kind={w.taskKind} /> {w.taskTitle}
              </td>
              <td>{w.unitName}</td>
              <td>
                <Warnings warnings={w.warnings} />
              </td>
            </tr>
          ))}
        </TitledTable>
      )}
    </section>
  );
}
