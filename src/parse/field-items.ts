// A task whose fields are its numbered sub-items rather than labels on lines of its own, as plans of
// ministries and national steering committees lay them out:
//   I. CÔNG TÁC QUÁN TRIỆT, TRIỂN KHAI THỰC HIỆN
//   1. Nội dung, biện pháp
//   a) Tổ chức Hội nghị quán triệt …
//   2. Cơ quan chủ trì, phối hợp
//   a) Cơ quan chủ trì
//   - Ban Chỉ đạo quốc gia.
//   b) Cơ quan phối hợp
//   - Mặt trận Tổ quốc Việt Nam và Hội Cựu chiến binh các cấp.
//   3. Thời gian thực hiện: Tháng 12/2013 và thường xuyên.
// The item is the task (its heading the title); its sub-items say what it holds, who leads, who
// helps and when — they are not tasks of their own.

import type { Task } from "../domain/plan.js";
import { parseTimeframe } from "../time/timeframe.js";
import { append } from "./append.js";
import { type FieldKind, readField } from "./field-labels.js";
import { readSentenceUnits } from "./lead-sentence.js";
import { cleanValue, foldLower, labelLongerThan } from "./lines.js";
import type { OutlineItem } from "./outline.js";
import { type TaskContext, taskTitle } from "./tasks.js";
import { splitUnits } from "./units.js";

type ItemField = FieldKind | "lead_cooperate";

// Headings of field sub-items, folded, with or without a colon and a value after it:
// "Nội dung, biện pháp" | "Nội dung thực hiện" | "Cơ quan chủ trì, phối hợp" | "Cơ quan chủ trì" |
// "Đơn vị phối hợp" | "Thời gian thực hiện: Tháng 12/2013" | "Tiến độ" | "Sản phẩm"
const HEADINGS: Array<[ItemField, RegExp]> = [
  [
    "lead_cooperate",
    /^(?:co quan|don vi|bo phan)?\s*(?:chu tri\s*(?:,|va)\s*phoi hop|chu tri\s*-\s*phoi hop)(?: thuc hien)?$/,
  ],
  ["lead", /^(?:co quan|don vi|bo phan|co quan, don vi)?\s*(?:chu tri|thuc hien|phu trach)(?: thuc hien)?$/],
  ["cooperate", /^(?:co quan|don vi|bo phan|co quan, don vi)?\s*phoi hop(?: thuc hien)?$/],
  ["time", /^(?:thoi gian|thoi han|tien do)(?: thuc hien| hoan thanh| trien khai)?$/],
  [
    "content",
    /^(?:noi dung|bien phap|giai phap|nhiem vu)(?:\s*(?:,|va)\s*(?:bien phap|giai phap|nhiem vu))?(?: thuc hien| cu the| chu yeu)?$/,
  ],
  ["product", /^(?:san pham|ket qua)(?: dau ra| du kien)?$/],
];

/** The field a sub-item heading names, or null: "2. Cơ quan chủ trì, phối hợp" → "lead_cooperate". */
export function itemField(head: string): { kind: ItemField; value: string } | null {
  const colon = head.indexOf(":");
  // A heading of a thousand characters names no field: it is not folded whole to learn so.
  const end = colon >= 0 ? colon : head.length;
  if (end > 1000 && labelLongerThan(head, end, 60, false)) return null;
  const label = foldLower(colon >= 0 ? head.slice(0, colon) : head)
    .replace(/[.;]+\s*$/, "")
    .replace(/\s+/g, " ")
    .trim();
  if (label.length > 60) return null;
  for (const [kind, pattern] of HEADINGS)
    if (pattern.test(label)) return { kind, value: colon >= 0 ? head.slice(colon + 1).trim() : "" };
  if (colon >= 0) {
    const field = readField(head, false);
    if (field) return { kind: field.kind, value: field.value.trim() };
  }
  return null;
}

/**
 * True when an item's sub-items are its fields: two or more of them name a field, one of them who
 * leads or when (a plain list of tasks that happens to start with "Nội dung" is not one).
 */
export function hasFieldItems(item: OutlineItem): boolean {
  const kinds = item.children.map((c) => itemField(c.head)?.kind).filter((k): k is ItemField => !!k);
  return kinds.length >= 2 && kinds.some((k) => k === "lead" || k === "lead_cooperate" || k === "time");
}

/** The text lines an item holds below its heading, its own sub-items included. */
function bodyLines(item: OutlineItem, ctx: TaskContext): string[] {
  const out: string[] = [];
  for (let i = item.line + 1; i < item.endLine; i++) {
    const t = ctx.lines[i]?.text.trim();
    if (t) out.push(t);
  }
  return out;
}

/** The units a field names: one or more a line ("- Ban Chỉ đạo các quân khu; Ban Chỉ đạo các tỉnh."). */
function unitsOf(value: string, lines: readonly string[]): string[] {
  const out: string[] = [];
  if (value) append(out, splitUnits(value));
  for (const line of lines) append(out, splitUnits(line));
  return out;
}

/** Reads the task an item with field sub-items stands for: `readFieldItem(item, "B.I", ctx)`. */
export function readFieldItem(item: OutlineItem, id: string, ctx: TaskContext): Task {
  const content: string[] = [];
  const leads: string[] = [];
  const cooperators: string[] = [];
  const products: string[] = [];
  let timeText: string | null = null;
  for (const child of item.children) {
    const field = itemField(child.head);
    const kind = field?.kind ?? "content";
    const below = bodyLines(child, ctx);
    if (kind === "content") {
      if (!field) content.push(child.head);
      if (field?.value) content.push(field.value);
      content.push(...below);
    } else if (kind === "lead" || kind === "cooperate") {
      // "b) Cơ quan thực hiện:" / "- Đơn vị chủ trì: Sở Khoa học và Công nghệ." / "- Đơn vị phối
      // hợp: Các Sở, ban, ngành.": lines under the field that are fields of their own say which.
      const own = kind === "lead" ? leads : cooperators;
      append(own, unitsOf(field?.value ?? "", []));
      for (const line of below) {
        const sub = readField(line, ctx.ocr);
        if (sub?.kind === "lead") append(leads, splitUnits(sub.value));
        else if (sub?.kind === "cooperate") append(cooperators, splitUnits(sub.value));
        else append(own, splitUnits(line));
      }
    } else if (kind === "lead_cooperate") {
      // "a) Cơ quan chủ trì" / "b) Cơ quan phối hợp" under it, or a sentence that says who leads.
      for (const sub of child.children) {
        const subField = itemField(sub.head);
        const units = unitsOf(subField?.value ?? "", bodyLines(sub, ctx));
        if (subField?.kind === "lead") append(leads, units);
        else if (subField?.kind === "cooperate") append(cooperators, units);
      }
      if (!child.children.length) {
        const said = readSentenceUnits([field?.value ?? "", ...below].join("\n"));
        append(leads, said.leads);
        append(cooperators, said.cooperators);
      }
    } else if (kind === "time") timeText = [field?.value ?? "", ...below].join(" ").trim();
    else if (kind === "product") {
      const p = cleanValue([field?.value ?? "", ...below].join(" "));
      if (p) products.push(p);
    }
  }
  let timeframe = null;
  if (timeText) {
    const reading = parseTimeframe(cleanValue(timeText), ctx.time);
    timeframe = reading.timeframe;
    if (reading.warning) ctx.warn(`Nhiệm vụ ${id}: ${reading.warning}`);
  }
  const start = ctx.lines[item.line]?.start ?? 0;
  const end = ctx.lines[Math.max(item.line, item.endLine - 1)]?.end ?? start;
  const leadSet = new Set(leads.map(foldLower));
  const task: Task = {
    id,
    title: taskTitle(item.head),
    content: content.join("\n").trim(),
    leads: dedupe(leads),
    cooperators: dedupe(cooperators).filter((c) => !leadSet.has(foldLower(c))),
    timeframe,
    span: [start, end],
  };
  if (products.length) task.products = products;
  return task;
}

function dedupe(list: readonly string[]): string[] {
  const seen = new Set<string>();
  return list.filter((u) => {
    const k = foldLower(u);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
