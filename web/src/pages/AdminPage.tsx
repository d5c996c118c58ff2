// Administration: the unit directory (CSV import) and the accounts.

import { type FormEvent, useCallback, useEffect, useState } from "react";
import { api, upload } from "../api";
import { T } from "../text";
import { UnitOptions } from "../UnitOptions";

interface Unit {
  id: string;
  code: string;
  name: string;
  path: string;
  active: boolean;
  reportRegime: string[] | null;
}

// ["06-15", "12-15"] → "15/6, 15/12", as people write it.
const showRegime = (days: string[]) =>
  days.map((md) => `${Number(md.slice(3))}/${Number(md.slice(0, 2))}`).join(", ");
interface Account {
  id: string;
  login: string;
  displayName: string;
  role: string;
  unitId: string;
}

export function AdminPage() {
  const [units, setUnits] = useState<Unit[]>([]);
  const [users, setUsers] = useState<Account[]>([]);
  const [message, setMessage] = useState("");
  const [form, setForm] = useState({
    login: "",
    displayName: "",
    unitId: "",
    role: "unit_officer",
    password: "",
  });
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
              <li key={u.id}>
                {u.login} — {u.displayName} ({u.role})
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
            <select id="nr" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
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
    </section>
  );
}
