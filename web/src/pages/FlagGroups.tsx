// The review's flags, grouped by what they say and ordered by how much they hold back: a name the
// directory does not hold first (each task naming it is untracked work), then the warnings shared
// by most tasks. Each group says what is wrong and offers its choices in words; a choice applies to
// every flag of the group at once, and each flag can still be confirmed on its own.

import { useState } from "react";
import { api, type ReviewReply, type Unit } from "../api";
import { T } from "../text";
import { UnitOptions } from "../UnitOptions";

type Flag = ReviewReply["flags"][number];

interface Group {
  kind: Flag["kind"];
  about: string;
  flags: Flag[];
  tasks: string[];
}

/** "Nhiệm vụ II.1: không có …" → "không có …": what the flag says, whichever task it names. */
const aboutOf = (subject: string) => subject.replace(/^Nhiệm vụ [^:]{1,40}:\s*/u, "");
const taskOf = (f: Flag) =>
  f.kind === "unit"
    ? String((f.detail as { task?: string } | null)?.task ?? "")
    : (/^Nhiệm vụ ([^:]{1,40}):/u.exec(f.subject)?.[1] ?? "");
const ORDER: Record<Flag["kind"], number> = { unit: 0, warning: 1, reference: 2 };

function groupsOf(flags: Flag[]): Group[] {
  const byKey = new Map<string, Group>();
  for (const f of flags) {
    const about = aboutOf(f.subject);
    const key = `${f.kind}|${about}`;
    const g = byKey.get(key) ?? { kind: f.kind, about, flags: [], tasks: [] };
    g.flags.push(f);
    const task = taskOf(f);
    if (task && !g.tasks.includes(task)) g.tasks.push(task);
    byKey.set(key, g);
  }
  return [...byKey.values()].sort(
    (a, b) =>
      ORDER[a.kind] - ORDER[b.kind] || b.flags.length - a.flags.length || a.about.localeCompare(b.about),
  );
}

export function FlagGroups({
  planId,
  version,
  flags,
  units,
  doers,
  act,
}: {
  planId: string;
  version: number;
  flags: Flag[];
  units: Unit[];
  /** What the parser read each name as, where the text told: a person, a post or a unit. */
  doers: ReadonlyMap<string, "unit" | "person" | "post">;
  act: (fn: () => Promise<unknown>, done: string) => Promise<void>;
}) {
  return (
    <ul className="flags">
      {groupsOf(flags).map((g) => (
        <FlagGroupItem
          key={`${g.kind}|${g.about}`}
          group={g}
          planId={planId}
          version={version}
          units={units}
          doerKind={g.kind === "unit" ? (doers.get(g.about) ?? null) : null}
          act={act}
        />
      ))}
    </ul>
  );
}

function FlagGroupItem({
  group,
  planId,
  version,
  units,
  doerKind,
  act,
}: {
  group: Group;
  planId: string;
  version: number;
  units: Unit[];
  doerKind: "unit" | "person" | "post" | null;
  act: (fn: () => Promise<unknown>, done: string) => Promise<void>;
}) {
  const [unitId, setUnitId] = useState("");
  const n = group.flags.length;
  const settle = (choice: unknown, done: string) =>
    act(
      () =>
        api(`/review/${planId}/units/settle`, {
          method: "POST",
          json: { version, text: group.about, choice },
        }),
      done,
    );
  return (
    <li>
      <p>
        {group.kind === "unit"
          ? T.unitFlag(group.about, group.tasks)
          : T.flagGroup(group.about, n, group.tasks)}
        {doerKind === "person" && ` ${T.readAsPerson}`}
        {doerKind === "post" && ` ${T.readAsPost}`}
      </p>
      {group.kind === "unit" && (
        <div className="row">
          <select
            aria-label={T.pickForAll(group.about)}
            value={unitId}
            onChange={(e) => setUnitId(e.target.value)}
          >
            <option value="">{T.fromDirectory}</option>
            <UnitOptions units={units} />
          </select>
          <button
            type="button"
            disabled={!unitId}
            onClick={() => settle({ action: "pick", unitId }, T.unitSettled(group.about))}
          >
            {T.pickForAllButton(group.tasks.length)}
          </button>
          <button
            type="button"
            className={doerKind === "person" || doerKind === "post" ? "" : "secondary"}
            disabled={!unitId}
            onClick={() =>
              settle(
                { action: "person", unitId, ...(doerKind === "post" ? { post: true } : {}) },
                T.staffSettled(group.about),
              )
            }
          >
            {doerKind === "post" ? T.postOfUnit : T.staffOfUnit}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => settle({ action: "not_doer" }, T.unitSettled(group.about))}
          >
            {T.notADoer}
          </button>
        </div>
      )}
      {n > 1 && (
        <button
          type="button"
          className="secondary"
          onClick={() =>
            act(
              () =>
                api(`/review/${planId}/flags/confirm-group`, {
                  method: "POST",
                  json: { kind: group.kind, about: group.about },
                }),
              T.confirmedAll(n),
            )
          }
        >
          {T.confirmAll(n)}
        </button>
      )}
      <ul>
        {group.flags.map((f) => (
          <li key={f.id}>
            <span>{f.subject}</span>{" "}
            <button
              type="button"
              // Heard alone, "Xác nhận" does not say what is confirmed.
              aria-label={`${T.confirm}: ${f.subject}`}
              onClick={() =>
                act(() => api(`/review/${planId}/flags/${f.id}/confirm`, { method: "POST" }), T.confirmed)
              }
            >
              {T.confirm}
            </button>
          </li>
        ))}
      </ul>
    </li>
  );
}
