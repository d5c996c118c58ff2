// Leads and cooperators named in a task's own sentence rather than a field:
//   "Sở Nội vụ chủ trì, phối hợp với Sở Tài chính, Sở Kế hoạch và Đầu tư tham mưu …"
//   "Giao Công an tỉnh chủ trì, phối hợp với các sở, ngành liên quan triển khai …"
//   "… do Văn phòng Sở chủ trì"   |   "Sở Y tế có trách nhiệm chủ trì …"
// A unit that is merely the subject of a sentence ("Sở TT&TT tăng cường …") is not a lead.

import { squeezeBlankRuns } from "../text/blanks.js";
import { foldLower } from "./lines.js";
import { splitUnits, unitHead } from "./units.js";

export interface SentenceUnits {
  leads: string[];
  cooperators: string[];
}

// "<unit> (có trách nhiệm|là cơ quan) chủ trì" — the unit runs back to the clause start or "Giao"
const LEAD =
  /(?:^|[.;:]\s+|\n|\(\s*|\bgiao\s+|\bdo\s+|[-+•]\s+)([^.;:()\n]{3,120}?)\s+(?:co trach nhiem\s+|la co quan\s+|la don vi\s+|tiep tuc\s+)?chu tri\b/g;
// "… do Văn phòng Sở chủ trì" | "(do Sở Y tế chủ trì)"
const DO_LEAD = /\bdo\s+([^.;:()\n,]{3,100}?)\s+chu tri\b/g;
// "phối hợp với Sở Tài chính, Sở Kế hoạch và Đầu tư" up to the verb that follows the list;
// also without "với" when a unit follows: "chủ trì phối hợp Phòng Tài chính - Kế hoạch tham mưu …"
const COOPERATE = /\bphoi hop (?:(?:voi|cung)\s+)?([^.;:\n]{3,200})/g;
// "…chủ trì, các phòng chuyên môn phối hợp" | "; Sở Tài chính phối hợp)"
const COOPERATE_BEFORE =
  /\bchu tri\s*[,;]\s*([^.;:(),\n]{3,100}?)\s+(?:cung\s+)?phoi hop\b(?!\s+(?:voi|cung|chat che|thuc hien))/g;
// Verbs that end a unit list: "… tham mưu", "… triển khai", "… để"
const LIST_END =
  /\s(?:de|trong|tham muu|trien khai|thuc hien|xay dung|to chuc|ra soat|huong dan|kiem tra|theo doi|bao cao|tong hop|nghien cuu|de xuat|trinh|ban hanh|tuyen truyen|dam bao|giam sat|quan ly|chi dao|lam|tien hanh|cap nhat|thuc thi|dieu tra|thu thap|phat dong|tang cuong|day manh|hoan thanh|thong tin)\b/;

// "Sở Xây dựng" | "Ban Quản lý khu Kinh tế" | "Bộ Tài chính": a verb that names a body after its
// head word is part of the name, not the verb that ends the list.
// ("các bệnh viện tổ chức giám sát": a hospital is no name head, the verb ends the list)
const NAME_HEAD = /(?:^|\s)(?:so|bo|ban|phong|cuc|vu|(?<!benh )vien|trung tam|chi cuc|tong cuc|uy ban)$/;

/** Where the unit list ends in `tail`: the first list-ending verb that is not part of a name, or -1. */
function listEnd(tail: string): number {
  const verbs = new RegExp(LIST_END.source, "g");
  for (const m of tail.matchAll(verbs)) {
    if (!NAME_HEAD.test(tail.slice(Math.max(0, (m.index ?? 0) - 12), m.index ?? 0))) return m.index ?? 0;
  }
  return -1;
}

/** Units in the order first named, each once (a set beside the list: no re-reading per unit). */
class UnitList {
  readonly items: string[] = [];
  private readonly seen = new Set<string>();
  has(unit: string): boolean {
    return this.seen.has(unit);
  }
  add(unit: string): void {
    if (this.seen.has(unit)) return;
    this.seen.add(unit);
    this.items.push(unit);
  }
}

/** Finds units a sentence designates as lead ("X chủ trì") and cooperators ("phối hợp với Y"). */
export function readSentenceUnits(sentence: string): SentenceUnits {
  // The patterns below have blanks on both sides of a bounded part: runs of blanks are cut to three
  // first, so that no run is shared out in every way (units are read with one space between words).
  const text = squeezeBlankRuns(sentence);
  const key = foldLower(text);
  const leads = new UnitList();
  const cooperators = new UnitList();
  // "… do Văn phòng Sở chủ trì": the unit after "do" (read first: the clause before it is no unit)
  for (const m of key.matchAll(DO_LEAD)) {
    const groupStart = (m.index ?? 0) + m[0].indexOf(m[1] ?? "");
    const raw = text.slice(groupStart, groupStart + (m[1] ?? "").length).trim();
    if (unitHead(raw)) for (const u of splitUnits(raw)) leads.add(u);
  }
  for (const m of key.matchAll(LEAD)) {
    const groupStart = (m.index ?? 0) + m[0].indexOf(m[1] ?? "");
    // "Giao Ban Tuyên giáo chủ trì" | "Đề nghị Sở Y tế chủ trì": the verb is not part of the unit.
    let raw = text
      .slice(groupStart, groupStart + (m[1] ?? "").length)
      .trim()
      .replace(/^[-+•]\s*/u, "")
      .replace(/^(?:giao|đề nghị|yêu cầu|do|chỉ đạo|chỉ đạo, hướng dẫn)\s+/iu, "");
    // "… hội nghị do Văn phòng Sở chủ trì" was read above.
    if (/\sdo\s/.test(foldLower(raw))) continue;
    // "Tiếp tục rà soát …, Sở Nội vụ chủ trì": the unit is the last part of the clause.
    if (!unitHead(raw)) raw = raw.slice(raw.lastIndexOf(",") + 1).trim();
    if (!unitHead(raw) || /^(?:cac|các|cơ|co)\s*$/iu.test(raw)) continue;
    for (const u of splitUnits(raw)) leads.add(u);
  }
  if (!leads.items.length) return { leads: [], cooperators: [] };
  // "(Văn phòng Sở chủ trì, các phòng phối hợp; …)": units written before "phối hợp"
  for (const m of key.matchAll(COOPERATE_BEFORE)) {
    const groupStart = (m.index ?? 0) + m[0].indexOf(m[1] ?? "");
    const raw = text.slice(groupStart, groupStart + (m[1] ?? "").length).trim();
    if (!unitHead(raw)) continue;
    for (const u of splitUnits(raw)) if (!leads.has(u)) cooperators.add(u);
  }
  for (const m of key.matchAll(COOPERATE)) {
    const groupStart = (m.index ?? 0) + m[0].indexOf(m[1] ?? "");
    const tail = key.slice(groupStart, groupStart + (m[1] ?? "").length);
    const stop = listEnd(tail);
    const raw = text.slice(groupStart, groupStart + (stop >= 0 ? stop : tail.length)).trim();
    if (!unitHead(raw)) continue;
    for (const u of splitUnits(raw)) if (!leads.has(u)) cooperators.add(u);
  }
  return { leads: leads.items, cooperators: cooperators.items };
}

// "- Sở Công Thương chủ trì tham mưu …": a bullet of a task's content.
const BULLET = /^\s*[-+•–]\s/u;

/**
 * The part of a task's content whose designations speak for the whole task. A task written as a
 * list of bullets, each a piece of work with its own subject, designates a lead for one bullet
 * only, not for the task:
 *   "Hoàn thiện ít nhất 500ha mặt bằng sạch …
 *    - UBND cấp xã chủ trì, phối hợp với các Sở, ban ngành … thực hiện công tác GPMB.
 *    - Chủ đầu tư dự án hạ tầng kỹ thuật … san tạo mặt bằng …"
 * so only the lead-in before the first of two or more bullets speaks for it. A single bullet, or
 * prose, is read whole.
 */
export function designatingPart(content: string): string {
  const lines = content.split("\n");
  const bullets = lines.filter((line) => BULLET.test(line)).length;
  if (bullets < 2) return content;
  const first = lines.findIndex((line) => BULLET.test(line));
  return lines.slice(0, first).join("\n");
}
