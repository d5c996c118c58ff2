// A plan's requests to reopen a locked reporting period, on its page: which unit asked for which
// period and why, pending first; the plan officers grant (for some days) or refuse with a comment.

import { useCallback, useEffect, useState } from "react";
import { api, type ReopenList } from "../api";
import { viDate } from "../format";
import { T } from "../text";
import { DecisionRow } from "./DecisionRow";

type Reopen = ReopenList["requests"][number];

export function ReopenSection({ planId, canDecide }: { planId: string; canDecide: boolean }) {
  const [list, setList] = useState<Reopen[]>([]);
  const [comments, setComments] = useState<Record<string, string>>({});
  const [days, setDays] = useState<Record<string, string>>({});
  const [message, setMessage] = useState("");
  const load = useCallback(
    () =>
      api<ReopenList>(`/reopen?planId=${planId}`)
        .then((r) => setList(r.requests))
        .catch(() => setList([])),
    [planId],
  );
  useEffect(() => {
    load();
  }, [load]);
  if (!list.length) return null;
  const decide = async (r: Reopen, grant: boolean) => {
    const comment = comments[r.id]?.trim();
    const n = Number(days[r.id] || "7");
    try {
      await api(`/reopen/${r.id}/decision`, {
        method: "POST",
        json: { grant, ...(comment ? { comment } : {}), ...(grant ? { days: n } : {}) },
      });
      setMessage(T.reopenDecided);
      await load();
    } catch (err) {
      setMessage((err as Error).message);
    }
  };
  // Pending first; then newest first, as the server lists them.
  const ordered = [...list].sort((a, b) => Number(b.status === "pending") - Number(a.status === "pending"));
  return (
    <section className="card" aria-labelledby="reopens">
      <h2 id="reopens">{T.reopens}</h2>
      <ul>
        {ordered.map((r) => (
          <li key={r.id}>
            <strong>{r.unitName}</strong> — {T.reopenPeriod(viDate(r.periodDue))} (
            {T.reopenStatus[r.status] ?? r.status}
            {r.openUntil && `, ${T.reopenUntil(viDate(r.openUntil))}`})
            <br />
            <span className="hint">
              {viDate(r.requestedAt.slice(0, 10))} · {r.reason}
              {r.comment && ` · ${T.extensionComment}: ${r.comment}`}
            </span>
            {canDecide && r.status === "pending" && (
              <DecisionRow
                comment={comments[r.id] ?? ""}
                onComment={(text) => setComments({ ...comments, [r.id]: text })}
                onDecide={(grant) => decide(r, grant)}
              >
                <label>
                  {T.reopenDays}
                  <input
                    type="number"
                    min={1}
                    max={60}
                    value={days[r.id] ?? "7"}
                    onChange={(ev) => setDays({ ...days, [r.id]: ev.target.value })}
                  />
                </label>
              </DecisionRow>
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

/** The plan's grace days and reminder days, set by its officers. */
export function PlanSettingsForm({
  planId,
  settings,
  onSaved,
}: {
  planId: string;
  settings: { graceDays: number; reminderDays: number[] };
  onSaved: () => void;
}) {
  const [grace, setGrace] = useState(String(settings.graceDays));
  const [reminders, setReminders] = useState(settings.reminderDays.join(", "));
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const save = async () => {
    setMessage("");
    setError("");
    const graceDays = Number(grace);
    // "7, 3, 1" as typed; anything not a whole number is the server's to refuse, with the field named.
    const reminderDays = reminders
      .split(/[,;\s]+/)
      .filter(Boolean)
      .map((d) => Number(d));
    if (!Number.isInteger(graceDays) || reminderDays.some((d) => !Number.isInteger(d)))
      return setError(T.settingsNumbers);
    try {
      await api(`/plans/${planId}/settings`, { method: "PUT", json: { graceDays, reminderDays } });
      setMessage(T.settingsSaved);
      onSaved();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <details className="card">
      <summary>{T.planSettings}</summary>
      <label>
        {T.graceDays}
        <input type="number" min={0} max={90} value={grace} onChange={(e) => setGrace(e.target.value)} />
      </label>
      <label>
        {T.reminderDays}
        <input value={reminders} onChange={(e) => setReminders(e.target.value)} />
      </label>
      <button type="button" onClick={save}>
        {T.saveSettings}
      </button>
      <p className="status" role="status">
        {message}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </details>
  );
}
