// Amendments on screen: on the review of an amending plan, what it changes in the plan it amends,
// task by task; on a plan's page, the history of what amendments changed ("hạn gốc …").

import type { AmendmentReply, PlanDetail } from "../api";
import { viDate } from "../format";
import { T } from "../text";

type Amends = NonNullable<AmendmentReply["amends"]>;

const dates = (list: readonly string[]) => list.map((d) => viDate(d)).join(", ") || "—";

/** The review's list of changes an amending plan makes when published. */
export function AmendmentChanges({ amends }: { amends: Amends }) {
  return (
    <section className="card" aria-labelledby="amendment">
      <h2 id="amendment">
        {T.amends} <a href={`#/plans/${amends.target.planId}`}>{amends.target.number ?? T.noNumber}</a>
      </h2>
      <p className="hint">{amends.mode === "full" ? T.amendsFull : T.amendsPartial}</p>
      {amends.target.status === "draft" && <p className="error">{T.amendsDraft}</p>}
      <table>
        <thead>
          <tr>
            <th>{T.change}</th>
            <th>{T.tasks}</th>
            <th>{T.before}</th>
            <th>{T.after}</th>
          </tr>
        </thead>
        <tbody>
          {amends.changes.map((c) => (
            <tr key={`${c.kind}-${c.key ?? ""}-${c.target ?? ""}`}>
              <td>{T.changeKinds[c.kind] ?? c.kind}</td>
              <td>
                <strong>{c.target ?? c.key}</strong> {c.title}
              </td>
              <td>
                {c.deadline && dates(c.deadline.from)}
                {c.lead && ` ${c.lead.from.join("; ")}`}
              </td>
              <td>
                {c.deadline && dates(c.deadline.to)}
                {c.lead && ` ${c.lead.to.join("; ")}`}
              </td>
            </tr>
          ))}
          {amends.changes.length === 0 && (
            <tr>
              <td colSpan={4}>{T.noChanges}</td>
            </tr>
          )}
        </tbody>
      </table>
      <p className="hint">{T.unchangedTasks(amends.unchanged)}</p>
    </section>
  );
}

type Change = PlanDetail["changes"][number];

function describe(c: Change): string {
  const before = c.before as { deadlines?: string[]; leads?: string[] } | null;
  const after = c.after as { deadlines?: string[]; leads?: string[]; title?: string } | null;
  if (c.change === "deadline")
    return T.changedDeadline(dates(before?.deadlines ?? []), dates(after?.deadlines ?? []));
  if (c.change === "lead")
    return T.changedLead((before?.leads ?? []).join("; "), (after?.leads ?? []).join("; "));
  return T.changeKinds[c.change === "added" ? "added" : "removed"] ?? c.change;
}

/** A plan's history of amendments, oldest first. */
export function ChangeHistory({ plan }: { plan: PlanDetail }) {
  if (!plan.changes.length) return null;
  return (
    <section className="card" aria-labelledby="changes">
      <h2 id="changes">{T.changeHistory}</h2>
      <ul>
        {plan.changes.map((c) => (
          <li key={`${c.taskKey}-${c.change}-${c.at}`}>
            <strong>{c.taskKey}</strong>: {describe(c)} —{" "}
            {c.amendmentPlanId ? <a href={`#/plans/${c.amendmentPlanId}`}>{c.basis}</a> : c.basis}
          </li>
        ))}
      </ul>
    </section>
  );
}
