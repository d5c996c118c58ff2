// A reader process leads a process group of its own (spawned detached), and every tool it runs
// (pdftoppm, tesseract, soffice and what soffice starts) joins that group: one signal to the group
// reaches them all. On Linux the group's members are read from /proc, to wait until none is left.

import { readdirSync, readFileSync } from "node:fs";

/** A process of a group: its id, its parent and its state ("S" sleeping, "R" running, "Z" ended, unreaped). */
export interface GroupMember {
  pid: number;
  ppid: number;
  state: string;
  name: string;
}

/** Sends SIGKILL to every process of group `pgid`; a group already gone is no error. */
export function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, "SIGKILL");
  } catch {
    // ESRCH: nobody left.
  }
}

/**
 * Every process as /proc lists it (Linux), or null where /proc cannot be read:
 * `processes()` → `[{ pid: 4321, ppid: 4300, state: "S", name: "tesseract", pgid: 4300 }, …]`.
 */
export function processes(): Array<GroupMember & { pgid: number }> | null {
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return null;
  }
  const out: Array<GroupMember & { pgid: number }> = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // ended meanwhile
    }
    // "1234 (tesseract) S 1200 1200 …": the name may hold spaces and brackets, the fields follow the last ")".
    const close = stat.lastIndexOf(")");
    const fields = stat.slice(close + 2).split(" ");
    out.push({
      pid: Number(entry),
      ppid: Number(fields[1]),
      pgid: Number(fields[2]),
      state: fields[0] ?? "",
      name: stat.slice(stat.indexOf("(") + 1, close),
    });
  }
  return out;
}

/** The processes of group `pgid` (Linux), or null where /proc cannot be read. */
export function groupMembers(pgid: number): GroupMember[] | null {
  return processes()?.filter((p) => p.pgid === pgid) ?? null;
}

/** Whether any process of group `pgid` still runs (an ended, unreaped one does not). */
function groupAlive(pgid: number): boolean {
  const members = groupMembers(pgid);
  if (members) return members.some((m) => m.state !== "Z");
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits until no process of group `pgid` runs, at most `ms`; true when the group is gone. */
export async function groupGone(pgid: number, ms: number): Promise<boolean> {
  for (let waited = 0; ; waited += 20) {
    if (!groupAlive(pgid)) return true;
    if (waited >= ms) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
