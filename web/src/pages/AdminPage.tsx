// Administration: the unit directory (CSV import), the accounts, and the audit log.

import { type FormEvent, useCallback, useEffect, useState } from "react";
import { type Account, type AuditEvent, api, type Role, type Unit, upload } from "../api";
import { viDate } from "../format";
import { T } from "../text";
import { UnitOptions } from "../UnitOptions";
import { HolidaysSection } from "./HolidaysSection";
import { MailSection } from "./MailSection";

// ["06-15", "12-15"] → "15/6, 15/12", as people write it.
const showRegime = (days: string[]) =>
  days.map((md) => `${Number(md.slice(3))}/${Number(md.slice(0, 2))}`).join(", ");

export function AdminPage() {
  const [units, setUnits] = useState<Unit[]>([]);
  const [users, setUsers] = useState<Account[]>([]);
  const [message, setMessage] = useState("");
  const [form, setForm] = useState<{
    login: string;
    displayName: string;
    unitId: string;
    role: Role;
    password: string;
  }>({ login: "", displayName: "", unitId: "", role: "unit_officer", password: "" });
  const load = useCallback(async () => {
    setUnits((await api<{ units: Unit[] }>("/units")).units);
    setUsers((await api<{ users: Account[] }>("/users")).users);
  }, []);
  useEffect(() => {
    load().catch((e) => setMessage(e.message));
  }, [load]);
  const importCsv = async (file: File | undefined) => {
    if (!file) return;
    try {
      const r = await upload<{ created: number; updated: number }>("/units/import", file);
      setMessage(T.imported(r.created, r.updated));
      await load();
    } catch (err) {
      setMessage((err as Error).message);
    }
  };
  const addUser = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api("/users", { method: "POST", json: form });
      setMessage(T.accountCreated(form.login));
      await load();
    } catch (err) {
      setMessage((err as Error).message);
    }
  };
  const act = async (path: string, init: RequestInit & { json?: unknown }, done: string) => {
    try {
      await api(path, init);
      setMessage(done);
      await load();
    } catch (err) {
      setMessage((err as Error).message);
    }
  };
  const [regime, setRegime] = useState({ unitId: "", text: "" });
  const saveRegime = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const r = await api<{ reportRegime: string[] | null }>(`/units/${regime.unitId}/report-regime`, {
        method: "PUT",
        json: { reportRegime: regime.text },
      });
      const name = units.find((u) => u.id === regime.unitId)?.name ?? "";
      setMessage(r.reportRegime ? T.regimeSet(name, showRegime(r.reportRegime)) : T.regimeDefault(name));
      await load();
    } catch (err) {
      setMessage((err as Error).message);
    }
  };
  const depth = (u: Unit) => u.path.split(".").length - 1;
  return (
    <section>
      <h1>{T.admin}</h1>
      <p className="status" role="status">
        {message}
      </p>
      <div className="split">
        <div className="pane">
          <h2>{T.units}</h2>
          <label htmlFor="csv">{T.unitsCsv}</label>
          <input id="csv" type="file" accept=".csv" onChange={(e) => importCsv(e.target.files?.[0])} />
          <ul className="tree">
            {units.map((u) => (
              <li key={u.id} style={{ paddingLeft: `${depth(u)}rem` }} className={u.active ? "" : "inactive"}>
                {u.name} <span className="hint">{u.code}</span>
                {u.reportRegime && <span className="hint">{T.reportsOn(showRegime(u.reportRegime))}</span>}
              </li>
            ))}
          </ul>
          <form onSubmit={saveRegime} className="card">
            <h3>{T.regime}</h3>
            <p className="hint">{T.regimeHint}</p>
            <label htmlFor="ru">{T.unit}</label>
            <select
              id="ru"
              value={regime.unitId}
              onChange={(e) => {
                const unit = units.find((u) => u.id === e.target.value);
                setRegime({
                  unitId: e.target.value,
                  text: unit?.reportRegime ? showRegime(unit.reportRegime) : "",
                });
              }}
            >
              <option value="">—</option>
              <UnitOptions units={units} />
            </select>
            <label htmlFor="rd">{T.regimeDays}</label>
            <input
              id="rd"
              value={regime.text}
              placeholder="15/6, 15/12"
              onChange={(e) => setRegime({ ...regime, text: e.target.value })}
            />
            <button type="submit" disabled={!regime.unitId}>
              {T.saveRegime}
            </button>
          </form>
        </div>
        <div className="pane">
          <h2>{T.users}</h2>
          <ul>
            {users.map((u) => (
              <li key={u.id} className={u.active ? "" : "inactive"}>
                {u.login} — {u.displayName} ({T.roles[u.role] ?? u.role}
                {`, ${units.find((x) => x.id === u.unitId)?.name ?? ""}`})
                {u.active ? "" : ` · ${T.accountOff}`}
                {u.sessions > 0 && ` · ${T.signedInOn(u.sessions)}`}{" "}
                <button
                  type="button"
                  className="secondary small"
                  onClick={() =>
                    act(
                      `/users/${u.id}`,
                      { method: "PATCH", json: { active: !u.active } },
                      u.active ? T.accountTurnedOff(u.login) : T.accountTurnedOn(u.login),
                    )
                  }
                >
                  {u.active ? T.turnOff : T.turnOn}
                </button>
                {u.sessions > 0 && (
                  <button
                    type="button"
                    className="secondary small"
                    onClick={() => act(`/users/${u.id}/sessions`, { method: "DELETE" }, T.signedOut(u.login))}
                  >
                    {T.signOutEverywhere}
                  </button>
                )}
              </li>
            ))}
          </ul>
          <form onSubmit={addUser} className="card">
            <label htmlFor="nl">{T.login}</label>
            <input id="nl" value={form.login} onChange={(e) => setForm({ ...form, login: e.target.value })} />
            <label htmlFor="nn">{T.displayName}</label>
            <input
              id="nn"
              value={form.displayName}
              onChange={(e) => setForm({ ...form, displayName: e.target.value })}
            />
            <label htmlFor="nu">{T.unit}</label>
            <select
              id="nu"
              value={form.unitId}
              onChange={(e) => setForm({ ...form, unitId: e.target.value })}
            >
              <option value="">—</option>
              <UnitOptions units={units} />
            </select>
            <label htmlFor="nr">{T.role}</label>
            <select
              id="nr"
              value={form.role}
              onChange={(e) => setForm({ ...form, role: e.target.value as Role })}
            >
              <option value="admin">{T.roles.admin}</option>
              <option value="plan_officer">{T.roles.plan_officer}</option>
              <option value="unit_officer">{T.roles.unit_officer}</option>
              <option value="leader">{T.roles.leader}</option>
            </select>
            <label htmlFor="np">{T.password}</label>
            <input
              id="np"
              type="password"
              autoComplete="new-password"
              value={form.password}
              onChange={(e) => setForm({ ...form, password: e.target.value })}
            />
            <button type="submit">{T.createAccount}</button>
          </form>
        </div>
      </div>
      <MailSection />
      <HolidaysSection thisYear={new Date().getFullYear()} />
      <AuditLog />
    </section>
  );
}

/** "2026-06-16T03:04:00.000Z" → "16/06/2026 10:04" in the reader's time. */
const when = (instant: string) => {
  const d = new Date(instant);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${viDate(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** What a change was, in a line: the fields of `after` (or `before`), short. */
const summary = (e: AuditEvent) => {
  const shown = e.after ?? e.before;
  if (shown === undefined || shown === null) return "";
  const text = JSON.stringify(shown);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
};

/** The audit log, newest first: who changed what and when; a page at a time. */
function AuditLog() {
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [end, setEnd] = useState(false);
  const [error, setError] = useState("");
  const page = useCallback(async (before?: string) => {
    const r = await api<{ events: AuditEvent[] }>(`/audit?limit=50${before ? `&before=${before}` : ""}`);
    setEvents((e) => (before ? [...e, ...r.events] : r.events));
    setEnd(r.events.length < 50);
  }, []);
  useEffect(() => {
    page().catch((e) => setError(e.message));
  }, [page]);
  return (
    <section aria-labelledby="audit">
      <h2 id="audit">{T.auditLog}</h2>
      <p className="error" role="alert">
        {error}
      </p>
      <div className="scroll">
        <table>
          <thead>
            <tr>
              <th>{T.auditWhen}</th>
              <th>{T.auditWho}</th>
              <th>{T.auditWhat}</th>
              <th>{T.auditObject}</th>
              <th>{T.auditDetail}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td className="nowrap">{when(e.at)}</td>
                <td>{e.actorLogin}</td>
                <td>{T.actions[e.action] ?? e.action}</td>
                <td className="nowrap">
                  {e.objectType === "plan" && e.objectId ? (
                    <a href={`#/plans/${e.objectId}`}>
                      {T.plans} #{e.objectId}
                    </a>
                  ) : (
                    `${e.objectType} ${e.objectId ?? ""}`
                  )}
                </td>
                <td className="detail">{summary(e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!end && events.length > 0 && (
        <button type="button" className="secondary" onClick={() => page(events[events.length - 1]?.id)}>
          {T.showMore}
        </button>
      )}
    </section>
  );
}
