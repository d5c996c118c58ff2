// The administrator's holiday calendar: a year's days off as the Government's notice sets them, one
// a line ("05/02/2027 Tết Nguyên đán"), the Labour Code's days until then; and whether a due date
// that falls on a day off moves to the next working day when a plan is published.

import { useCallback, useEffect, useState } from "react";
import { api, type HolidayCalendarReply, type WorkingDaySettingsReply } from "../api";
import { viDate } from "../format";
import { T } from "../text";

const asLines = (c: HolidayCalendarReply) => c.holidays.map((h) => `${viDate(h.date)} ${h.name}`).join("\n");

export function HolidaysSection({ thisYear }: { thisYear: number }) {
  const [year, setYear] = useState(thisYear);
  const [calendar, setCalendar] = useState<HolidayCalendarReply | null>(null);
  const [text, setText] = useState("");
  const [settings, setSettings] = useState<WorkingDaySettingsReply | null>(null);
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const load = useCallback(async (y: number) => {
    const c = await api<HolidayCalendarReply>(`/holidays?year=${y}`);
    setCalendar(c);
    setText(asLines(c));
  }, []);
  useEffect(() => {
    load(year).catch((e) => setError(e.message));
  }, [load, year]);
  useEffect(() => {
    api<WorkingDaySettingsReply>("/holidays/settings")
      .then(setSettings)
      .catch(() => setSettings(null));
  }, []);
  const save = async (lines: string) => {
    setError("");
    setMessage("");
    try {
      const c = await api<HolidayCalendarReply>(`/holidays/${year}`, {
        method: "PUT",
        json: { text: lines },
      });
      setCalendar(c);
      setText(asLines(c));
      setMessage(T.holidaysSaved(year));
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const move = async (on: boolean) => {
    // Ticked at once; put back if the server refuses.
    const before = settings;
    if (before) setSettings({ ...before, moveDueToWorkingDay: on });
    try {
      setSettings(
        await api<WorkingDaySettingsReply>("/holidays/settings", {
          method: "PUT",
          json: { moveDueToWorkingDay: on },
        }),
      );
    } catch (err) {
      setSettings(before);
      setError((err as Error).message);
    }
  };
  return (
    <section aria-labelledby="holidays" className="card">
      <h2 id="holidays">{T.holidays}</h2>
      <label>
        {T.year}
        <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {[thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      {calendar && (
        <p className="hint">
          {calendar.source === "set"
            ? T.holidaysSet(viDate(calendar.setAt?.slice(0, 10) ?? null))
            : T.holidaysDefault}
        </p>
      )}
      <label>
        {T.holidayLines}
        <textarea rows={10} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <div className="row">
        <button type="button" onClick={() => save(text)}>
          {T.saveHolidays}
        </button>
        {calendar?.source === "set" && (
          <button type="button" className="secondary" onClick={() => save("")}>
            {T.holidaysToDefault}
          </button>
        )}
      </div>
      {settings && (
        <label className="check">
          <input
            type="checkbox"
            checked={settings.moveDueToWorkingDay}
            onChange={(e) => move(e.target.checked)}
          />{" "}
          {T.moveDueToWorkingDay}
        </label>
      )}
      {settings && <p className="hint">{T.timeZone(settings.zone)}</p>}
      <p className="status" role="status">
        {message}
      </p>
      {error && (
        <p className="error" role="alert" style={{ whiteSpace: "pre-line" }}>
          {error}
        </p>
      )}
    </section>
  );
}
