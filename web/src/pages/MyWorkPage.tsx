// "Việc của tôi": the work plans give the signed-in person by name or post (as a staff member of a
// unit), whatever their role: a unit officer sees it atop the workspace, anyone on its own page.

import { useEffect, useState } from "react";
import { api, type MyWorkReply } from "../api";
import { EmptyRow } from "../EmptyRow";
import { viDate } from "../format";
import { T } from "../text";
import { WorkKey } from "../WorkKey";

type Item = MyWorkReply["items"][number];

/** A row of a work list: what the workspace's agenda and "my work" show of a work item. */
export interface WorkRow {
  workItemId: string;
  planId: string;
  planNumber: string | null;
  taskKey: string;
  taskKind: "task" | "duty";
  taskTitle: string;
  role: string;
  state: string;
  overdueDays: number | null;
  nextDue: string | null;
  persons: string[];
  lastChange: { change: string; basis: string; before: unknown } | null;
  extended: { count: number; originalDue: string } | null;
  warnings: Array<{ kind: string; text: string }>;
  nextDueOff: string | null;
  moved: Array<{ from: string; to: string }>;
}

/** Warnings as the server states them: "quá hạn 12 ngày (hạn 30/06/2026)", one chip each. */
export function Warnings({ warnings }: { warnings: WorkRow["warnings"] }) {
  if (!warnings.length) return null;
  return (
    <span className="warnings">
      {warnings.map((w) => (
        <span key={w.kind} className={`warning ${w.kind}`}>
          {w.text}
        </span>
      ))}
    </span>
  );
}

/** "Điều chỉnh theo Kế hoạch số 991/KH-SGDĐT (hạn gốc 30/06/2026)": what an amendment did to the task. */
function ChangeNote({ change }: { change: NonNullable<WorkRow["lastChange"]> }) {
  const before = change.before as { deadlines?: string[]; leads?: string[] } | null;
  const detail =
    change.change === "deadline" && before?.deadlines?.length
      ? T.originalDeadline(before.deadlines.map((d) => viDate(d)).join(", "))
      : change.change === "lead" && before?.leads?.length
        ? T.formerLead(before.leads.join("; "))
        : "";
  return (
    <span className="hint">
      {" "}
      · {T.amendedPer(change.basis)}
      {detail && ` (${detail})`}
    </span>
  );
}

/** A list of work items: plan, task (whom it names, what changed it), role, and when it is due. */
export function WorkTable({
  items,
  id,
  caption,
}: {
  items: readonly WorkRow[];
  id: string;
  caption: string;
}) {
  return (
    <div className="scroll">
      <table aria-labelledby={id}>
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            <th>{T.plans}</th>
            <th>{T.tasks}</th>
            <th>{T.role}</th>
            <th>{T.due}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.workItemId}>
              <td>
                <a href={`#/plans/${i.planId}`}>{i.planNumber ?? T.noNumber}</a>
              </td>
              <td>
                <WorkKey code={i.taskKey} kind={i.taskKind} /> {i.taskTitle}
                {i.persons.length > 0 && (
                  <span className="hint">
                    {" "}
                    · {T.assignedTo}: {i.persons.join(", ")}
                  </span>
                )}
                {i.lastChange && <ChangeNote change={i.lastChange} />}
                {i.extended && (
                  <span className="hint">
                    {" "}
                    · {T.extendedTimes(i.extended.count, viDate(i.extended.originalDue))}
                  </span>
                )}
                <Warnings warnings={i.warnings} />
              </td>
              <td>{i.role === "lead" ? T.lead : T.cooperate}</td>
              <td className={i.state === "overdue" ? "state overdue" : ""}>
                {i.state === "overdue" && i.overdueDays !== null
                  ? T.overdueDays(i.overdueDays)
                  : viDate(i.nextDue)}
                {i.state !== "overdue" && i.nextDueOff && ` (${i.nextDueOff})`}
                {i.moved
                  .filter((m) => m.to === i.nextDue)
                  .map((m) => (
                    <span key={m.from} className="hint">
                      {" "}
                      · {T.movedFrom(viDate(m.from), "")}
                    </span>
                  ))}
              </td>
            </tr>
          ))}
          <EmptyRow columns={4} when={!items.length} />
        </tbody>
      </table>
    </div>
  );
}

export function MyWorkPage() {
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState("");
  useEffect(() => {
    api<MyWorkReply>("/workspace/mine")
      .then((r) => setItems(r.items))
      .catch((e) => setError(e.message));
  }, []);
  if (!items) return <p role="status">{error || T.loading}</p>;
  return (
    <section>
      <h1>{T.myWork}</h1>
      {items.length ? <WorkTable items={items} id="my-work" caption={T.myWork} /> : <p>{T.myWorkNone}</p>}
    </section>
  );
}
