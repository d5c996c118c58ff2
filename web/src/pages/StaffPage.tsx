// "Cán bộ": the staff of a unit — the named people and posts plans give work to ("Người thực hiện:
// Vũ Việt Linh", "Trưởng đoàn") — kept by the plan officers and leaders of its body. A member with
// an account sees the work naming them in "Việc của tôi".

import { useCallback, useEffect, useState } from "react";
import { api, type StaffListReply, type Unit } from "../api";
import { EmptyRow } from "../EmptyRow";
import { T } from "../text";
import { UnitOptions } from "../UnitOptions";

export function StaffPage() {
  const [units, setUnits] = useState<Unit[]>([]);
  const [unitId, setUnitId] = useState("");
  const [staff, setStaff] = useState<StaffListReply["staff"]>([]);
  const [name, setName] = useState("");
  const [post, setPost] = useState("");
  const [login, setLogin] = useState("");
  const [message, setMessage] = useState("");
  useEffect(() => {
    api<{ units: Unit[] }>("/units")
      .then((r) => setUnits(r.units))
      .catch((e) => setMessage(e.message));
  }, []);
  const load = useCallback(async (id: string) => {
    setStaff(id ? (await api<StaffListReply>(`/units/${id}/staff`)).staff : []);
  }, []);
  useEffect(() => {
    load(unitId).catch((e) => setMessage(e.message));
  }, [unitId, load]);
  const add = async () => {
    try {
      await api(`/units/${unitId}/staff`, {
        method: "POST",
        json: {
          ...(name.trim() ? { name } : {}),
          ...(post.trim() ? { post } : {}),
          ...(login.trim() ? { login } : {}),
        },
      });
      setName("");
      setPost("");
      setLogin("");
      setMessage(T.staffAdded);
      await load(unitId);
    } catch (e) {
      setMessage((e as Error).message);
    }
  };
  return (
    <section>
      <h1>{T.staff}</h1>
      <label>
        {T.unit}
        <select value={unitId} onChange={(e) => setUnitId(e.target.value)}>
          <option value="">—</option>
          <UnitOptions units={units} />
        </select>
      </label>
      {unitId && (
        <>
          <table>
            <thead>
              <tr>
                <th>{T.staffName}</th>
                <th>{T.staffPost}</th>
                <th>{T.staffLogin}</th>
              </tr>
            </thead>
            <tbody>
              {staff.map((s) => (
                <tr key={s.id}>
                  <td>{s.name ?? "—"}</td>
                  <td>{s.post ?? "—"}</td>
                  <td>{s.userId ? "✓" : "—"}</td>
                </tr>
              ))}
              <EmptyRow columns={3} when={!staff.length} />
            </tbody>
          </table>
          <form
            className="row"
            onSubmit={(e) => {
              e.preventDefault();
              add();
            }}
          >
            <label>
              {T.staffName}
              <input value={name} onChange={(e) => setName(e.target.value)} />
            </label>
            <label>
              {T.staffPost}
              <input value={post} onChange={(e) => setPost(e.target.value)} />
            </label>
            <label>
              {T.staffLogin}
              <input value={login} onChange={(e) => setLogin(e.target.value)} />
            </label>
            <button type="submit">{T.addStaff}</button>
          </form>
        </>
      )}
      <p className="status" role="status">
        {message}
      </p>
    </section>
  );
}
