// The four states leaders watch, as one stacked bar: the picture that says it faster than a table.

import type { Counts, ProgressState } from "./api";
import { T } from "./text";

export const ORDER: ProgressState[] = ["done_on_time", "done_late", "in_progress", "overdue"];

/** Four states as one stacked bar; its label reads the numbers out for screen readers. */
export function Bar({ counts, wide = false }: { counts: Counts; wide?: boolean }) {
  const total = ORDER.reduce((n, k) => n + counts[k], 0);
  if (!total) return <span className="hint">—</span>;
  return (
    <span
      className={`bar${wide ? " wide" : ""}`}
      role="img"
      aria-label={ORDER.map((k) => `${T.states[k]}: ${counts[k]}`).join(", ")}
    >
      {ORDER.map((k) =>
        counts[k] ? (
          <span
            key={k}
            className={`seg ${k}`}
            style={{ flexGrow: counts[k] }}
            title={`${T.states[k]}: ${counts[k]}`}
          />
        ) : null,
      )}
    </span>
  );
}
