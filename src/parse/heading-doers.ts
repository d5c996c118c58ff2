// Tasks headed by who does them. A "Nhiệm vụ cụ thể" part written unit by unit:
//   1. Trưởng Ban Chỉ đạo
//   2. Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo
//   3. Các cơ quan tham mưu quản lý ngành, lĩnh vực (gồm các Sở: Xây dựng, Công Thương, …)
//   4. Trách nhiệm của Ủy ban nhân dân các phường, xã
// The heading names the lead; the lines under it are what the lead does. A heading is read so only
// where most of its siblings are so too: "Ban hành quy chế" alone is a task, not a "Ban".

import type { Task } from "../domain/plan.js";
import { unitsFromHeading } from "./assignments.js";
import { cleanValue, foldLower } from "./lines.js";

// "Trách nhiệm của …" | "Nhiệm vụ của …" before the name
const RESPONSIBILITY_OF = /^\s*(?:trach nhiem|nhiem vu)(?: cu the)? cua\s+/;
// "(gồm các Sở: Xây dựng, Công Thương, …)": the bodies a collective heading stands for
const MADE_OF = /\(\s*(?:gom|bao gom)\s+(?!ca\b)([^()]+)\)\s*\**\s*$/;
// "(bao gồm cả cơ quan đại diện chủ sở hữu …)": a remark on the name
const REMARK = /\s*\([^()]*\)\s*\**\s*$/;
// " - Cơ quan thường trực Ban Chỉ đạo": the unit's role in the plan, not part of its name
const ROLE_SUFFIX = /\s[-–]\s(?:co quan|thuong truc|don vi|thanh vien)\b.*$/;
// "Ban hành …" | "Tổ chức …" | "Phòng, chống …": verbs and phrases that begin like a body's name
const VERB_OPENING = /^\s*(?:ban hanh|ban giao|to chuc|phong,? chong|phong ngua|so ket|so bo|cuc bo)\b/;

/** The units a heading names when it is only a name; null when it is anything else. */
export function unitsNamedByHeading(heading: string): string[] | null {
  let text = heading.trim().replace(/\s*[*:]+\s*$/, "");
  const key = () => foldLower(text);
  const of = RESPONSIBILITY_OF.exec(key());
  if (of) text = text.slice(of[0].length);
  const madeOf = MADE_OF.exec(key());
  if (madeOf) {
    const start = (madeOf.index ?? 0) + madeOf[0].indexOf(madeOf[1] ?? "");
    const inner = text.slice(start, start + (madeOf[1]?.length ?? 0));
    return unitsFromHeading(inner);
  }
  const remark = REMARK.exec(key());
  if (remark) text = text.slice(0, remark.index);
  const role = ROLE_SUFFIX.exec(key());
  if (role) text = text.slice(0, role.index);
  if (VERB_OPENING.test(key())) return null;
  const units = unitsFromHeading(text);
  if (units?.length) return units;
  // "Trách nhiệm của đối tượng thực hiện kiểm kê": whoever follows "of" is the one responsible.
  const words = text.trim().split(/\s+/).length;
  return of && words <= 12 && !/[.;:]/.test(text) ? [cleanValue(text)] : null;
}

/**
 * Gives each lead-less task of a part headed unit by unit the units its heading names. Tasks are
 * grouped by their parent's id ("III.2.1" → "III.2"); a group is read so when at least two of its
 * tasks, and more than half, are headed by a name.
 */
export function leadsFromHeadings(tasks: Task[]): void {
  const groups = new Map<string, Task[]>();
  for (const t of tasks) {
    const parent = t.id.includes(".") ? t.id.slice(0, t.id.lastIndexOf(".")) : "";
    const group = groups.get(parent);
    if (group) group.push(t);
    else groups.set(parent, [t]);
  }
  for (const group of groups.values()) {
    // (the item's whole first line: a title stops at a colon, "… (gồm các Sở: Xây dựng, …)")
    const named = group.map((t) => unitsNamedByHeading(firstLine(t)));
    const count = named.filter(Boolean).length;
    if (count < 2 || count * 2 <= group.length) continue;
    group.forEach((t, i) => {
      const units = named[i];
      if (units && !t.leads.length) t.leads = units;
    });
  }
}

function firstLine(task: Task): string {
  const line = task.content.split("\n", 1)[0] ?? "";
  return line.startsWith(task.title) && line.length <= 400 ? line : task.title;
}
