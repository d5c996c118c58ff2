// A date typed as Vietnamese documents write it (dd/mm/yyyy), whatever the browser's language: the
// native date picker showed mm/dd/yyyy on an English system. The value in and out is ISO.

import { useEffect, useId, useState } from "react";
import { viDate } from "./format";
import { T } from "./text";

// "15/12/2026" | "5/1/2026" | "15-12-2026" | "15.12.2026"
const TYPED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** "15/12/2026" → "2026-12-15"; "" → ""; null for text that is no real date. */
export function readTypedDate(text: string): string | null {
  const t = text.trim();
  if (!t) return "";
  const m = TYPED.exec(t);
  if (!m) return null;
  const iso = `${m[3]}-${(m[2] ?? "").padStart(2, "0")}-${(m[1] ?? "").padStart(2, "0")}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso) ? iso : null;
}

/** `<DateInput label="Ngày ban hành" value={iso} onChange={(iso) => …} />`; `onChange(null)`: not a date yet. */
export function DateInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (iso: string | null) => void;
}) {
  const id = useId();
  const [text, setText] = useState(value ? viDate(value) : "");
  useEffect(() => setText(value ? viDate(value) : ""), [value]);
  const invalid = readTypedDate(text) === null;
  return (
    <label htmlFor={id}>
      {label}
      <input
        id={id}
        inputMode="numeric"
        placeholder={T.datePlaceholder}
        value={text}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          onChange(readTypedDate(e.target.value));
        }}
      />
      {invalid && (
        <span id={`${id}-error`} className="error">
          {T.dateInvalid}
        </span>
      )}
    </label>
  );
}
