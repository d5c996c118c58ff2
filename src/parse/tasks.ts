// Tasks: the numbered items at the deepest level of the sections whose role is "tasks", with their
// fields (lead, cooperators, timeframe, products) or, failing fields, what their sentences say.
//   1. Công tác truyền thông
//   - Nội dung: Tập trung và đẩy mạnh …
//   - Thời gian thực hiện: Thường xuyên;
//   - Đơn vị chủ trì: Văn phòng Sở; Phòng GDTX&ĐH, Công đoàn ngành GDĐT;

import type { Task, Timeframe } from "../domain/plan.js";
import { closeUpBlanks } from "../text/blanks.js";
import { findTimeframes, parseTimeframe, type TimeContext } from "../time/timeframe.js";
import { append } from "./append.js";
import { unitsFromSentence } from "./assignments.js";
import { doerKind } from "./doers.js";
import { readField, readFields, readInlineFields } from "./field-labels.js";
import { designatingPart, readSentenceUnits } from "./lead-sentence.js";
import type { Line } from "./lines.js";
import { cleanValue, foldLower } from "./lines.js";
import type { OutlineItem } from "./outline.js";
import { splitUnits, unitHead } from "./units.js";

export interface TaskSource {
  item: OutlineItem | null;
  id: string;
  /** Lines of the item that are its own (children excluded). */
  first: number;
  last: number;
  /** The title line text, when the task is a bullet rather than an item. */
  head?: string;
  headStart?: number;
}

export interface TaskContext {
  lines: readonly Line[];
  text: string;
  ocr: boolean;
  time: TimeContext;
  warn: (message: string) => void;
}

// A sentence ends at ". " before a capital, not after an abbreviation: "… bền vững. Tăng cường …"
const SENTENCE_END = /[.!?](?=\s+[\p{Lu}"“(])/gu;
// Abbreviations a period follows without ending the sentence: "TP. Hải Phòng" | "Q. Giám đốc" | "ThS. Lê"
// | "Ông. Hoàng Văn An" | "Bà. Lê Thị B" | "Đ/c. Nguyễn Văn C"
const ABBREVIATION_BEFORE = /(?:^|[\s(])(?:[A-ZĐ]{1,3}|Tp|ThS|PGS|TS|GS|Ông|Bà|Đ\/c|đ\/c|Ô)$/u;

function sentenceEnd(text: string): number {
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    if (!ABBREVIATION_BEFORE.test(text.slice(Math.max(0, m.index - 4), m.index))) return m.index;
  }
  return -1;
}

/**
 * The title of an item: its first line, cut at the first sentence end, and at a colon that opens a
 * list when the sentence runs on: "Triển khai … của Trung ương và Thành phố tại: Nghị quyết số …"
 * → "Triển khai … của Trung ương và Thành phố".
 */
export function taskTitle(head: string): string {
  // A title is a sentence: reading the first 3,000 characters of a long paragraph is enough.
  let title = closeUpBlanks(head.length > 3000 ? head.slice(0, 3000) : head);
  const end = sentenceEnd(title);
  if (end >= 0) title = title.slice(0, end);
  // "Kiểm tra hồ sơ, tài liệu: Giấy phép sử dụng vật liệu nổ công nghiệp, …": what a colon opens
  // is the work itself, so the sentence is not cut there.
  // "Xây dựng văn kiện (Văn phòng chủ trì, …; hoàn thành trong tháng 3/2025)": who and when are not the title.
  title = title.replace(ASSIGNING_PARENTHESIS, "");
  return cleanValue(title);
}

// A closing parenthesis that assigns the item: "(… chủ trì …)" | "(hoàn thành trong quý II)"
const ASSIGNING_PARENTHESIS =
  /\s*\((?=[^()]*(?:chủ trì|phối hợp|hoàn thành|thời gian|thời hạn))[^()]*\)[\s.;]*$/iu;

const COMPLETION = /\b(?:hoan thanh|hoan tat|xong|ket thuc|truoc|cham nhat)\b[^.;]{0,12}$/;

// A unit field whose value is a sentence per unit: "Cơ quan thực hiện: Bộ Công an tiến hành rà soát
// …; các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh … rà soát …" — each part's subject.
const LONG_PART_WORDS = 12;

function fieldUnits(value: string): string[] {
  const out: string[] = [];
  for (const part of value.split(";")) {
    if (part.trim().split(/\s+/).length > LONG_PART_WORDS && unitHead(part.trim()))
      append(out, unitsFromSentence(part));
    else append(out, splitUnits(part));
  }
  return out;
}

/** Reads one task from its lines. */
export function readTask(source: TaskSource, ctx: TaskContext): Task {
  const { lines } = ctx;
  const headText = source.head ?? source.item?.head ?? "";
  const contentParts: string[] = [];
  const leads: string[] = [];
  const cooperators: string[] = [];
  const products: string[] = [];
  let timeframe: Timeframe | null = null;
  let timeText: string | null = null;
  const firstHeadField = readField(headText, ctx.ocr);
  let title = firstHeadField ? "" : taskTitle(headText);
  if (!firstHeadField) contentParts.push(headText.trim());
  for (let i = source.first; i < source.last; i++) {
    const line = lines[i];
    if (!line?.text.trim()) continue;
    const text = i === source.first && (source.item || source.head) ? headText : line.text;
    if (i === source.first && !firstHeadField) continue;
    let fields = readFields(text, ctx.ocr);
    if (!fields.length) {
      const inline = readInlineFields(text, ctx.ocr);
      if (inline) {
        contentParts.push(inline.before.trim());
        fields = inline.fields;
      }
    }
    for (const field of fields) {
      const value = field.value.trim();
      if (field.kind === "content") {
        if (value) contentParts.push(value);
        if (!title && value) title = taskTitle(value);
      } else if (field.kind === "lead") append(leads, fieldUnits(value));
      else if (field.kind === "cooperate") append(cooperators, fieldUnits(value));
      else if (field.kind === "time") timeText = value;
      else if (field.kind === "product" && cleanValue(value)) products.push(cleanValue(value));
      else contentParts.push(text.trim());
    }
    if (!fields.length) contentParts.push(text.trim());
  }
  const content = contentParts.join("\n").trim();
  if (timeText !== null) {
    const reading = parseTimeframe(cleanValue(timeText), ctx.time);
    timeframe = reading.timeframe;
    if (reading.warning) ctx.warn(`Nhiệm vụ ${source.id}: ${reading.warning}`);
  }
  if (!leads.length) {
    const found = readSentenceUnits(designatingPart(content));
    append(leads, found.leads);
    if (!cooperators.length) append(cooperators, found.cooperators);
  }
  if (!leads.length) append(leads, doerAfterDash(content.split("\n", 1)[0] ?? ""));
  if (!timeframe) timeframe = completionClause(content, ctx.time, title || taskTitle(content));
  const start = source.item
    ? (lines[source.item.line]?.start ?? 0)
    : (source.headStart ?? lines[source.first]?.start ?? 0);
  let lastLine = Math.max(source.last - 1, source.first);
  while (lastLine > source.first && !lines[lastLine]?.text.trim()) lastLine--;
  const endLine = lines[lastLine];
  // (a set, not leads.includes per cooperator: a field may list thousands of units)
  const leadSet = new Set(leads);
  const task: Task = {
    id: source.id,
    // An item whose own line is a field ("1. Thời gian: 1,5 ngày …") is still titled by that line.
    title: title || taskTitle(content) || taskTitle(headText),
    content,
    leads: dedupe(leads),
    cooperators: dedupe(cooperators).filter((c) => !leadSet.has(c)),
    timeframe,
    span: [start, endLine ? endLine.end : start],
  };
  if (products.length) task.products = products;
  return task;
}

// "Phân tích đề thi tốt nghiệp năm 2025 – Trường THPT Cao Lãnh 2 thực hiện." | "Tham luận “…” -
// Trường THPT Thống Linh hỗ trợ thực hiện.": the item closes with its doer after a dash.
const DOER_AFTER_DASH =
  /\s[-–—]\s+([^-–—]{3,100}?)\s+(?:(?:hỗ trợ|phối hợp|chịu trách nhiệm)\s+)?(?:thực hiện|chủ trì|phụ trách|trình bày|báo cáo|tổ chức)\s*[.;]?\s*$/iu;

function doerAfterDash(line: string): string[] {
  const m = DOER_AFTER_DASH.exec(line.length > 2000 ? line.slice(-2000) : line);
  const doer = m?.[1]?.trim();
  if (!doer || !(unitHead(doer) || doerKind(doer))) return [];
  return splitUnits(doer);
}

// "… hoàn thành trong quý IV năm 2026" | "xong trước ngày 30/6/2024": an explicit completion clause.
// Cheap test before the timeframe scan: a completion word, or a task that is a report.
const MAY_COMPLETE = /hoan thanh|hoan tat|\bxong\b|ket thuc|^\s*bao cao/;

// A task that is a report or a review ("Tổng kết", "Sơ kết 6 tháng", "Báo cáo kết quả"): the date its
// report is due is when it is done — "tham mưu tổng kết, báo cáo UBND tỉnh trước ngày 20/12/2026".
const REPORT_TASK = /^\s*(?:bao cao|tong ket|so ket)\b/;
// "Năm 2018, hoàn thành …" | "Quý IV/2026, hoàn thành …" at the start of a line or a clause
const COMPLETED_IN =
  /(?:^|\n|[-+•]\s*|[.;]\s+)((?:nam \d{4}|quy [ivx]+(?:\s*(?:\/|nam)\s*\d{4})?|thang \d{1,2}(?:\s*(?:\/|nam)\s*\d{4})?))\s*,\s*(?:hoan thanh|hoan tat)\b/;

// "Ban Quản lý Khu kinh tế chủ trì … theo lộ trình. Xây dựng phương án giá dịch vụ …, hoàn thành
// trong năm 2026.": a later sentence of a paragraph that opens with a verb of its own is a piece of
// work of its own, and its date is that piece's, not the task's. A paragraph's first sentence, or a
// later one that opens with the date or with the unit that does the work ("Hoàn thành trước …",
// "Sở Nội vụ chủ trì, hoàn thành …"), speaks for the whole task.
const OPENS_WITH_TIME =
  /^(?:hoan thanh|hoan tat|thoi gian|thoi han|truoc|cham nhat|trong|den|tu|nam|quy|thang|dinh ky|hang)\b/;

function speaksForTask(content: string, at: number): boolean {
  const lineStart = content.lastIndexOf("\n", at - 1) + 1;
  const before = content.slice(lineStart, at);
  let sentenceStart = -1;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(before); m; m = SENTENCE_END.exec(before))
    if (!ABBREVIATION_BEFORE.test(before.slice(Math.max(0, m.index - 4), m.index)))
      sentenceStart = m.index + 1;
  if (sentenceStart < 0) return true;
  const sentence = content.slice(lineStart + sentenceStart, at + 1);
  return OPENS_WITH_TIME.test(foldLower(sentence)) || unitHead(sentence) !== null;
}

/**
 * The completion a piece of work's own text states: `completionClause("… hoàn thành trước ngày
 * 30/6/2026.", { year: 2026 }, title)` → the deadline 2026-06-30; null where it states none.
 */
export function completionClause(content: string, time: TimeContext, title: string): Timeframe | null {
  const key = foldLower(content);
  const reportTask = REPORT_TASK.test(foldLower(title));
  if (!MAY_COMPLETE.test(key) && !reportTask) return null;
  for (const found of findTimeframes(content, time)) {
    if (!speaksForTask(content, found.start)) continue;
    const before = key.slice(Math.max(0, found.start - 40), found.start + 12);
    if (
      COMPLETION.test(key.slice(Math.max(0, found.start - 30), found.start)) ||
      /hoan thanh|xong/.test(before)
    ) {
      if (/hoan thanh|hoan tat|xong|ket thuc/.test(before) || /^\s*bao cao/.test(key)) return found.timeframe;
    }
    if (reportTask && /bao cao[^.;]{0,50}$/.test(key.slice(Math.max(0, found.start - 60), found.start)))
      return found.timeframe;
    // "Hoàn thành việc hỗ trợ nhà ở … đến hết năm 2019.": a task that is a completion, its date
    // closing the sentence.
    if (
      /^\s*hoan (?:thanh|tat)\b/.test(key) &&
      /^(?:den het|den cuoi|truoc|trong|vao)\b/.test(key.slice(found.start, found.end)) &&
      /^\s*(?:[.;]|$)/.test(key.slice(found.end, found.end + 2))
    )
      return found.timeframe;
  }
  // "- Năm 2018, hoàn thành việc hỗ trợ nhà ở …": the date opens the clause that completes the work.
  const opening = COMPLETED_IN.exec(key);
  if (opening?.[1]) {
    const at = (opening.index ?? 0) + opening[0].indexOf(opening[1]);
    const reading = parseTimeframe(content.slice(at, at + opening[1].length), time);
    if (reading.timeframe && reading.timeframe.kind !== "none") return reading.timeframe;
  }
  return null;
}

function dedupe(list: string[]): string[] {
  const seen = new Set<string>();
  return list.filter((u) => {
    const k = foldLower(u);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
