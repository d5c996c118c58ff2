// The parser: normalised text in, `kehoach.plan/v1` out. Each recogniser reads one concern; this
// module runs them in order over one normalised text and puts the results together.

import { type ParsedPlan, PLAN_FORMAT, type Reporting, type Section, type Task } from "../domain/plan.js";
import { isUpperLine } from "../text/line-kinds.js";
import { normalizePlanText } from "../text/normalize.js";
import type { Restoration } from "../text/restore/restore.js";
import type { TimeContext } from "../time/timeframe.js";
import { append } from "./append.js";
import { readAssignments, unitsFromSentence } from "./assignments.js";
import { readHeader } from "./document-header.js";
import { doersOf } from "./doers.js";
import { hasFieldItems, readFieldItem } from "./field-items.js";
import { leadsFromHeadings } from "./heading-doers.js";
import { readBodyIssuer } from "./issuer.js";
import { findLayout } from "./layout.js";
import {
  basisParagraphs,
  findMentions,
  implementingParagraphs,
  numberKey,
  toReferences,
} from "./legal-references.js";
import { cleanValue, foldLower, type Line, toLines } from "./lines.js";
import { buildOutline, type OutlineItem, readMarker, walk } from "./outline.js";
import { BULLET_LINE } from "./patterns.js";
import { isPlanFact } from "./plan-facts.js";
import { readRecipients } from "./recipients.js";
import { readReporting } from "./reporting.js";
import { sectionRole } from "./section-role.js";
import { readSigner } from "./signer.js";
import { readTaskTables } from "./task-table.js";
import { readTask, type TaskContext, taskTitle } from "./tasks.js";
import { readTitle } from "./title.js";
import { unitHead } from "./units.js";

// "Tổng hợp kết quả …, báo cáo …" | "Báo cáo kết quả …" | "Gửi báo cáo …": a duty that is a report
const REPORT_OPENING = /^\s*(?:tong hop|bao cao|gui bao cao|gui ket qua)\b/;

/**
 * The bulleted sub-items of a task's text after its first line, each with the lines that continue
 * it ("- Tổng hợp …, báo cáo … gửi Bộ Tài chính" / "Thời gian hoàn thành: Trước ngày 31/5/2026"); a
 * bullet alone on its line opens the item of the line after it.
 */
function subItems(content: string): string[] {
  const items: string[] = [];
  let current: string | null = null;
  for (const raw of content.split("\n").slice(1)) {
    const bullet = /^\s*[-+•]\s*/u.exec(raw);
    if (bullet) {
      if (current !== null) items.push(current);
      current = raw.slice(bullet[0].length);
    } else if (current !== null) current = current ? `${current} ${raw.trim()}` : raw.trim();
  }
  if (current !== null) items.push(current);
  return items.filter(Boolean);
}

/** Inputs larger than this are cut (the parser stays bounded in time and memory). */
export const MAX_INPUT_CHARS = 5_000_000;

// A section heading: "II. NỘI DUNG" — or, in a plan without roman numerals, "1. MỤC ĐÍCH" in
// capitals, or "1. Mục tiêu" / "3. Đối tượng, nội dung kiểm tra" whose words say what it holds.
function isSectionStart(line: Line): boolean {
  const marker = readMarker(line.text);
  if (!marker) return false;
  if (marker.rank <= 1) return true;
  if (marker.rank !== 2) return false;
  const role = sectionRole(marker.head);
  return role !== "other" && (isUpperLine(marker.head) || (role === "purpose" && marker.head.length < 60));
}

function lineAt(lines: readonly Line[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lines[mid]?.start ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function toSection(item: OutlineItem): Section {
  return {
    label: item.label,
    heading: taskTitle(item.head),
    role: item.role,
    children: item.children.map(toSection),
  };
}

// A section's role comes from its heading; its items share it.
function assignRoles(roots: OutlineItem[], ocr: boolean): void {
  for (const root of roots) {
    root.role = sectionRole(root.head, ocr);
    for (const [item] of walk(root.children)) item.role = root.role;
  }
}

/** Lines [from, to) as list items: bullets and paragraphs, cleaned. */
function listItems(lines: readonly Line[], from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i++) {
    const text = lines[i]?.text.trim();
    if (text) out.push(cleanValue(text));
  }
  return out.filter(Boolean);
}

/**
 * Parses a plan's text: `parsePlan(readFileSync("ke-hoach.txt", "utf8"))`. Never throws on any
 * string; what it cannot settle goes to `warnings`.
 */
export function parsePlan(input: string, options: ParseOptions = {}): ParsedPlan {
  return parsePlanWithText(input, options).plan;
}

/** What the parser may be given besides the text. */
export interface ParseOptions {
  /**
   * Puts back the diacritics of a text that lost them (`restoreIfUnmarked` with the shipped model),
   * keeping every offset; null where the text has its marks. Parsing is pure: the caller loads the model.
   */
  restore?: (text: string, ocr: boolean) => Restoration | null;
}

/** A parse's text with the restoration it went through, if any. */
export interface ParsedWithText {
  plan: ParsedPlan;
  text: string;
  /** Where diacritics were restored: the text as it was (same offsets) and each word changed or unsure. */
  restoration?: Restoration & { original: string };
}

/**
 * Parses a plan's text and gives the normalised text it read as well (the text its spans point
 * into, shown beside the plan for review): `parsePlanWithText(raw)` → `{ plan, text }`.
 */
export function parsePlanWithText(input: string, options: ParseOptions = {}): ParsedWithText {
  const warnings: string[] = [];
  // A set beside the list: thousands of tasks without a lead must not re-read the list per warning.
  const warned = new Set<string>();
  const warn = (m: string) => {
    if (warned.has(m)) return;
    warned.add(m);
    warnings.push(m);
  };
  let raw = input;
  if (raw.length > MAX_INPUT_CHARS) {
    raw = raw.slice(0, MAX_INPUT_CHARS);
    warn(`Văn bản dài quá ${MAX_INPUT_CHARS} ký tự: chỉ đọc phần đầu.`);
  }
  const norm = normalizePlanText(raw);
  // Restored after normalising, so that lines are joined and columns split as on the page, and the
  // restored text keeps the normalised text's offsets (a word keeps its length).
  const restored = options.restore?.(norm.text, norm.ocr) ?? null;
  const text = restored ? restored.text : norm.text;
  if (restored)
    warn(
      `Văn bản không dấu: đã phục hồi dấu tự động cho ${restored.changed} từ; ${restored.uncertain} từ chưa chắc chắn được đánh dấu để kiểm tra.`,
    );
  const key = foldLower(text);
  const allLines = toLines(text, key);
  const bodyLineCount = norm.bodyEnd >= text.length ? allLines.length : lineAt(allLines, norm.bodyEnd) + 1;
  const lines = allLines.slice(0, bodyLineCount);
  if (norm.ocr)
    warn("Văn bản là kết quả OCR không dấu: các trường đã được sửa lỗi nhận dạng, cần kiểm tra lại.");

  const layout = findLayout(lines, isSectionStart);
  const headerEnd =
    layout.decisionLine >= 0
      ? layout.decisionLine
      : layout.kindLine >= 0
        ? layout.kindLine
        : Math.min(12, layout.bodyStart);
  const header = readHeader(lines, headerEnd);
  const titleRead =
    layout.kindLine >= 0
      ? readTitle(lines, layout.kindLine)
      : { title: null, firstLine: -1, endLine: layout.bodyStart };
  const preambleStart = Math.max(titleRead.endLine, 0);
  const preambleFrom = lines[preambleStart]?.start ?? 0;
  const bodyFrom = lines[layout.bodyStart]?.start ?? text.length;

  // The decision that issues the plan: its preamble is the basis, its closing holds signer and recipients.
  const closingFrom = layout.decisionLine >= 0 ? layout.decisionLine : layout.bodyEnd;
  const closingTo = layout.decisionLine >= 0 ? Math.max(layout.kindLine, layout.decisionLine) : lines.length;
  const signer =
    readSigner(lines, closingFrom, closingTo, norm.ocr) ??
    (layout.decisionLine >= 0 ? readSigner(lines, layout.bodyEnd, lines.length, norm.ocr) : null);
  const recipients = readRecipients(lines, closingFrom, closingTo).recipients;

  const time: TimeContext = { year: header.year ?? yearFromTitle(titleRead.title) };
  let issuer = header.issuer;
  if (!issuer) issuer = readBodyIssuer(lines, preambleStart, layout.bodyStart, signer?.capacity ?? null);

  // Outline
  const roots = buildOutline(lines, layout.bodyStart, layout.bodyEnd);
  assignRoles(roots, norm.ocr);
  const taskCtx: TaskContext = { lines, text, ocr: norm.ocr, time, warn };
  const tasks: Task[] = [];
  const objectives: string[] = [];
  const requirements: string[] = [];
  let funding: string | null = null;
  const assignments: ParsedPlan["assignments"] = [];
  const reporting: Reporting[] = [];
  for (const root of roots) {
    // A section whose sub-items are a task's fields is a task whatever its heading says.
    if (root.role === "tasks" || (root.role === "other" && hasFieldItems(root))) {
      const found = tasksOf(root, lines, taskCtx);
      append(tasks, found);
      // "IX. KIỂM TRA, SƠ KẾT, TỔNG KẾT …" laid out as fields (1. Nội dung, biện pháp: "c) Tổng kết
      // giai đoạn 2013-2015 vào năm 2015" / 2. Cơ quan chủ trì …): the dated reviews of a task that
      // is the plan's review are the report obligations of the units that lead it.
      for (const t of found)
        if (t.leads.length && REVIEW_TASK.test(foldLower(t.title)))
          for (const line of t.content.split("\n"))
            append(reporting, readReporting({ text: line, from: t.leads }, time, issuer));
    } else if (root.role === "purpose") readPurpose(root, lines, objectives, requirements);
    else if (root.role === "funding") {
      const body = listItems(lines, root.line + 1, root.endLine).join("\n");
      funding = body || cleanValue(root.head.replace(/^[^:]*:\s*/, "")) || null;
    } else if (root.role === "organization") {
      const found = readAssignments(root, root.label, lines);
      append(assignments, found);
      // Each assignment's item by its id, the first of a repeated label as before.
      const items = new Map<string, OutlineItem>();
      for (const c of root.children) {
        const id = `${root.label}.${c.label}`;
        if (!items.has(id)) items.set(id, c);
      }
      for (const a of found) {
        const item = items.get(a.id);
        if (!item) continue;
        for (let i = item.line; i < item.endLine; i++) {
          const t = i === item.line ? item.head : (lines[i]?.text ?? "");
          append(reporting, readReporting({ text: t, from: a.units }, time, issuer));
        }
      }
      // Lines before the first item (or all of them, when the section has no items).
      const firstItem = root.children[0]?.line ?? root.endLine;
      for (let i = root.line + 1; i < firstItem; i++)
        append(reporting, readReporting({ text: lines[i]?.text ?? "", from: [] }, time, issuer));
    } else {
      for (let i = root.line + 1; i < root.endLine; i++)
        append(reporting, readReporting({ text: lines[i]?.text ?? "", from: [] }, time, issuer));
    }
  }
  // The closing paragraph ("Trên đây là …; định kỳ … báo cáo …") may order a report too.
  for (let i = layout.bodyEnd; i < Math.min(lines.length, layout.bodyEnd + 3); i++) {
    const line = lines[i];
    if (line && /^\s*(?:tren day|dinh ky|cac don vi|de nghi|yeu cau)/.test(line.key))
      append(reporting, readReporting({ text: line.text, from: [] }, time, issuer));
  }
  leadsFromHeadings(tasks);
  // "+ Bộ Công an tổng hợp kết quả rà soát, báo cáo Thủ tướng Chính phủ trước ngày 31 tháng 12 năm
  // 2025": a sub-item of a task whose subject is a unit and which orders a dated report to a body;
  // "- Tổng hợp kết quả kiểm kê, báo cáo kết quả gửi Bộ Tài chính. Thời gian hoàn thành: Trước ngày
  // 31/5/2026." under "Sở Tài chính": one with no subject, owed by the task's lead.
  // The task's own sentence is not one: a task that is a report is done by its date (its timeframe).
  // The last such item, undated, is dated by the task's own time field that follows it.
  for (const t of tasks) {
    const items = subItems(t.content);
    items.forEach((line, i) => {
      const lineKey = foldLower(line);
      if (!/\bbao cao\b/.test(lineKey)) return;
      const from = unitHead(line) ? unitsFromSentence(line) : REPORT_OPENING.test(lineKey) ? t.leads : [];
      if (!from.length) return;
      let found = readReporting({ text: line, from }, time, issuer).filter((r) => r.to.length);
      if (!found.length && i === items.length - 1 && t.timeframe && t.timeframe.kind !== "none")
        found = readReporting({ text: `${line}. ${t.timeframe.text}`, from }, time, issuer).filter(
          (r) => r.to.length,
        );
      append(reporting, found);
    });
  }
  const tableTasks = readTaskTables(lines, 0, lines.length, taskCtx, new Set(tasks.map((t) => t.id)));
  append(tasks, tableTasks);

  // References
  const mentions = findMentions(text, key);
  const titleFrom = titleRead.firstLine >= 0 ? (lines[titleRead.firstLine]?.start ?? 0) : -1;
  const titleTo = titleRead.firstLine >= 0 ? (lines[titleRead.endLine - 1]?.end ?? 0) : -1;
  const implementing: Array<[number, number]> = implementingParagraphs(key, preambleFrom, bodyFrom);
  if (titleFrom >= 0) implementing.push([titleFrom, titleTo]);
  const basis = basisParagraphs(key, preambleFrom, bodyFrom);
  if (layout.decisionLine >= 0)
    basis.push(
      ...basisParagraphs(key, lines[layout.decisionLine]?.start ?? 0, lines[layout.kindLine]?.start ?? 0),
    );
  const exclude = new Set<string>();
  if (header.number) exclude.add(numberKey(header.number));
  if (layout.attachedLine >= 0) {
    for (const m of findMentions(
      lines[layout.attachedLine]?.text ?? "",
      lines[layout.attachedLine]?.key ?? "",
    ))
      exclude.add(numberKey(m.number));
  }
  const references = toReferences(mentions, key, { implementing, basis }, exclude);

  // Document
  const type = layout.decisionLine >= 0 ? "KH" : (layout.kindCode ?? typeFromNumber(header.number));
  if (header.number && /^\//.test(header.number)) warn(`Số văn bản «${header.number}» để trống phần số.`);
  if (header.year && !header.date) warn(`Ngày ban hành để trống: chỉ có năm ${header.year}.`);
  if (!tasks.length) warn("Không tìm thấy nhiệm vụ nào trong văn bản.");
  for (const t of tasks) {
    const doers = doersOf([...t.leads, ...t.cooperators]);
    if (doers.length) t.doers = doers;
    // "Vũ Việt Linh; Nguyễn Thị Loan": people sharing a task is how internal plans are written.
    const people =
      t.leads.length > 1 &&
      t.leads.every((name) => doers.some((d) => d.name === name && d.kind === "person"));
    if (!t.leads.length) warn(`Nhiệm vụ ${t.id}: không có đơn vị chủ trì.`);
    else if (t.leads.length > 1 && !people) warn(`Nhiệm vụ ${t.id}: có ${t.leads.length} đơn vị chủ trì.`);
    if (!t.timeframe) warn(`Nhiệm vụ ${t.id}: không có thời gian thực hiện.`);
  }

  const plan: ParsedPlan = {
    format: PLAN_FORMAT,
    document: {
      type,
      number: header.number,
      issuer,
      parentIssuer: header.parentIssuer,
      place: header.place,
      date: header.date,
      year: header.year,
      title: titleRead.title,
      signer,
      recipients,
    },
    references,
    sections: roots.map(toSection),
    objectives,
    requirements,
    tasks,
    assignments,
    reporting: dedupeReporting(reporting),
    funding,
    warnings,
  };
  return restored ? { plan, text, restoration: { ...restored, original: norm.text } } : { plan, text };
}

function typeFromNumber(number: string | null): string | null {
  const m = number ? /[/-]([A-ZĐ][A-Za-zĐđ]{0,4})[-/]/.exec(number) : null;
  return m?.[1] ?? null;
}

function yearFromTitle(title: string | null): number | null {
  const m = title ? /\bnăm (\d{4})\b|\bnam (\d{4})\b/i.exec(title) : null;
  return m ? Number(m[1] ?? m[2]) : null;
}

function readPurpose(
  root: OutlineItem,
  lines: readonly Line[],
  objectives: string[],
  requirements: string[],
): void {
  if (!root.children.length) {
    // "II. YÊU CẦU" as a section of its own
    const own = /^\s*yeu cau\b/.test(foldLower(root.head)) ? requirements : objectives;
    append(own, listItems(lines, root.line + 1, root.endLine));
    return;
  }
  for (const child of root.children) {
    const target = /yeu cau/.test(foldLower(child.head)) ? requirements : objectives;
    append(target, listItems(lines, child.line + 1, child.endLine));
  }
}

const REVIEW_TASK = /^(?:kiem tra,\s*)?(?:so ket|tong ket)\b/;

function tasksOf(root: OutlineItem, lines: readonly Line[], ctx: TaskContext): Task[] {
  const out: Task[] = [];
  if (!root.children.length) {
    // An unnumbered tasks section: one task per bullet at its top level.
    let n = 0;
    for (let i = root.line + 1; i < root.endLine; i++) {
      const line = lines[i];
      if (!line || !BULLET_LINE.test(line.text)) continue;
      let last = i + 1;
      while (last < root.endLine && !BULLET_LINE.test(lines[last]?.text ?? "")) last++;
      n++;
      const head = line.text.replace(/^\s*[-+•–—*▪◦●]\s*/u, "");
      out.push(
        readTask(
          {
            item: null,
            id: `${root.label}.${n}`,
            first: i,
            last,
            head,
            headStart: line.start + line.text.length - head.length,
          },
          ctx,
        ),
      );
      i = last - 1;
    }
    return out;
  }
  if (hasFieldItems(root)) return [readFieldItem(root, root.label, ctx)];
  // The deepest numbered items are the tasks; an item whose sub-items are its fields is one task.
  const visit = (items: readonly OutlineItem[], path: readonly string[]) => {
    for (const item of items) {
      const id = [...path, item.label];
      if (hasFieldItems(item)) out.push(readFieldItem(item, id.join("."), ctx));
      else if (item.children.length) visit(item.children, id);
      // "Thời gian: …", "Địa điểm: …", "Phương thức kiểm tra": facts of the event, not tasks.
      else if (!isPlanFact(item.head))
        out.push(readTask({ item, id: id.join("."), first: item.line, last: item.endLine }, ctx));
    }
  };
  visit(root.children, [root.label]);
  return out;
}

function dedupeReporting(list: Reporting[]): Reporting[] {
  const seen = new Set<string>();
  return list.filter((r) => {
    const k = JSON.stringify([r.from, r.to, r.timeframe]);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
