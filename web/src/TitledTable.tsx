// A table with its heading: the heading names the table for screen readers (and for tests), the
// table scrolls inside its box on a phone, and an empty one says so.

import type { ReactNode } from "react";
import { EmptyRow } from "./EmptyRow";

/** A column heading, or a heading with the class of its column ("num" right-aligns). */
export type Heading = string | { label: string; className: string };

export function TitledTable({
  id,
  title,
  note,
  headings,
  empty,
  children,
}: {
  id: string;
  title: string;
  /** A line under the heading that says how to read the table. */
  note?: string;
  headings: Heading[];
  empty: boolean;
  children: ReactNode;
}) {
  return (
    <>
      <h2 id={id}>{title}</h2>
      {note && <p className="hint">{note}</p>}
      <div className="scroll">
        <table aria-labelledby={id}>
          <thead>
            <tr>
              {headings.map((h) =>
                typeof h === "string" ? (
                  <th key={h}>{h}</th>
                ) : (
                  <th key={h.label} className={h.className}>
                    {h.label}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {children}
            <EmptyRow columns={headings.length} when={empty} />
          </tbody>
        </table>
      </div>
    </>
  );
}
