// "Việc của tôi": the work plans give the signed-in person by name or post (as a staff member of a
// unit), whatever their role: a unit officer sees it atop the workspace, anyone on its own page.

import { useEffect, useState } from "react";
import { api, type MyWorkReply } from "../api";
import { EmptyRow } from "../EmptyRow";
import { viDate } from "../format";
import { T } from "../text";
import { WorkKey } from "../WorkKey";

type Item = MyWorkReply["items"][number];

export function MyWorkTable({ items }: { items: Item[] }) {
  return (
    <div className="scroll">
      <table aria-labelledby="my-work">
        <caption id="my-work">{T.myWork}</caption>
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
              </td>
              <td>{i.role === "lead" ? T.lead : T.cooperate}</td>
              <td className={i.state === "overdue" ? "state overdue" : ""}>
                {i.state === "overdue" && i.overdueDays !== null
                  ? T.overdueDays(i.overdueDays)
                  : viDate(i.nextDue)}
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
      {items.length ? <MyWorkTable items={items} /> : <p>{T.myWorkNone}</p>}
    </section>
  );
}
