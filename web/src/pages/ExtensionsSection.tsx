// A plan's extension requests on its page: what each unit asked (from which date to which, why, on
// what basis), pending first; the plan officers approve or refuse with a comment there.

import { useCallback, useEffect, useState } from "react";
import { api, type ExtensionList } from "../api";
import { viDate } from "../format";
import { T } from "../text";
import { DecisionRow } from "./DecisionRow";

type Extension = ExtensionList["extensions"][number];

export function ExtensionsSection({ planId, canDecide }: { planId: string; canDecide: boolean }) {
  const [list, setList] = useState<Extension[]>([]);
  const [comments, setComments] = useState<Record<string, string>>({});
  const [message, setMessage] = useState("");
  const load = useCallback(
    () =>
      api<ExtensionList>(`/extensions?planId=${planId}`)
        .then((r) => setList(r.extensions))
        .catch(() => setList([])),
    [planId],
  );
  useEffect(() => {
    load();
  }, [load]);
  if (!list.length) return null;
  const decide = async (e: Extension, approve: boolean) => {
    try {
      await api(`/extensions/${e.id}/decision`, {
        method: "POST",
        json: { approve, ...(comments[e.id]?.trim() ? { comment: comments[e.id] } : {}) },
      });
      setMessage(T.extensionDecided);
      await load();
    } catch (err) {
      setMessage((err as Error).message);
    }
  };
  return (
    <section className="card" aria-labelledby="extensions">
      <h2 id="extensions">{T.extensions}</h2>
      <ul>
        {list.map((e) => (
          <li key={e.id}>
            <strong>{e.taskKey}</strong> {e.taskTitle} — {e.unitName}: {viDate(e.fromDue)} →{" "}
            {viDate(e.requestedDue)} ({T.extensionStatus[e.status] ?? e.status})
            <br />
            <span className="hint">
              {e.reason}
              {e.basis && ` · ${e.basis}`}
              {e.comment && ` · ${T.extensionComment}: ${e.comment}`}
            </span>
            {canDecide && e.status === "pending" && (
              <DecisionRow
                comment={comments[e.id] ?? ""}
                onComment={(text) => setComments({ ...comments, [e.id]: text })}
                onDecide={(approve) => decide(e, approve)}
              />
            )}
          </li>
        ))}
      </ul>
      <p className="status" role="status">
        {message}
      </p>
    </section>
  );
}
