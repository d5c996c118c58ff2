// Reads plan timeframe phrases ("Thường xuyên", "Trong quý I/2023", "trước ngày 15/6 và 15/12 hằng năm") into Timeframes.
//
// Matching runs on a normalised copy of the text: diacritics folded (OCR text often has none), ASCII
// lower case, every dash "-", every run of white space one space. A map leads back to the offsets of
// the text as given. Every pattern starts with a fixed word or a digit, repeats only bounded groups
// of bounded pieces and meets single spaces only, so a match is at most a few hundred characters long
// and a scan is linear in the input. Nothing here throws: a phrase that cannot be read is "none".
//
// Choices the spec leaves open:
// - "Hằng tháng" reads as recurring at the 12 month ends ("02-28" for February), like "Hằng quý"
//   reads as the four quarter ends: both give dates a tracker can schedule.
// - "trước ngày D" is due on D; "trước tháng/quý/năm P" is due the day before P starts.
// - Several day-months without a year ("trước ngày 15/6 và 15/12") come back each year: recurring.
//   A yearless date is also recurring when "định kỳ" or "hằng năm" stands earlier in its clause.
// - Several dated days ("trước ngày 15/6/2024 và 15/12/2024"): the latest is the deadline (a field
//   reading warns). Several months or quarters ("Quý I, II/2024"): the range they cover.
// - findTimeframes only returns what a date can be put on: anchored phrases ("trước", "chậm nhất",
//   "vào", "đến", "trong", "hoàn thành"), recurrences ("hằng năm", "định kỳ") and "từ … đến …"
//   ranges. Bare dates, "năm 2025", "đến năm 2030" and "giai đoạn 2021-2025" are left out: in a
//   sentence they are most often a document's date or a programme's name.
import type { Timeframe } from "../domain/plan.js";
import { foldWithMap } from "../text/fold.js";

/** What the reader knows of the document: its year, for phrases that omit the year. */
export interface TimeContext {
  year: number | null;
}

/** A timeframe field read, with a warning (Vietnamese) when a person should check it. */
export interface TimeframeReading {
  timeframe: Timeframe;
  warning: string | null;
}

/** A datable phrase inside a sentence: `sentence.slice(start, end)` is `timeframe.text`. */
export interface FoundTimeframe {
  start: number;
  end: number;
  timeframe: Timeframe;
}

type TimeframeBody = Omit<Timeframe, "text">;
/** The piece of a date a problem is about, as the warning names it. */
type Part = "quý" | "tháng" | "ngày" | "năm" | "khoảng thời gian";
type Problem =
  | { code: "lost"; part: Part }
  | { code: "invalid"; part: Part }
  | { code: "noYear" }
  | { code: "openStart" };
type Reading = { ok: true; body: TimeframeBody; several?: boolean } | { ok: false; problem: Problem };

/** Warnings shown to the people who check a plan (Vietnamese), kept in one place. */
const MESSAGES = {
  lost: (text: string, part: Part) => `Thời gian «${text}» thiếu số ${part}: không đoán, cần người kiểm tra`,
  invalid: (text: string, part: Part) =>
    `Thời gian «${text}» có ${part} không hợp lệ: không đoán, cần người kiểm tra`,
  noYear: (text: string) =>
    `Thời gian «${text}» không ghi năm và chưa biết năm của văn bản: không đoán, cần người kiểm tra`,
  openStart: (text: string) => `Thời gian «${text}» chỉ có mốc bắt đầu, không có hạn: cần người kiểm tra`,
  unreadable: (text: string) =>
    `Thời gian «${text}» có số nhưng không đọc được thành mốc thời gian: cần người kiểm tra`,
  several: (text: string) =>
    `Thời gian «${text}» nêu nhiều mốc thời gian, chỉ giữ một mốc: cần người kiểm tra`,
} as const;

function describe(text: string, problem: Problem): string {
  switch (problem.code) {
    case "lost":
      return MESSAGES.lost(text, problem.part);
    case "invalid":
      return MESSAGES.invalid(text, problem.part);
    case "noYear":
      return MESSAGES.noYear(text);
    case "openStart":
      return MESSAGES.openStart(text);
  }
}

// ---- dates ------------------------------------------------------------------------------------

const MIN_YEAR = 1900;
const MAX_YEAR = 2199;
/** Days of each month in a common year (index 1–12): recurring dates never fall on 29 February. */
const COMMON_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

const pad = (n: number): string => String(n).padStart(2, "0");
const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
const commonDays = (month: number): number => COMMON_DAYS[month] ?? 31;
const iso = (year: number, month: number, day: number): string => `${year}-${pad(month)}-${pad(day)}`;
const monthDay = (month: number, day: number): string => `${pad(month)}-${pad(day)}`;
const validYear = (year: number): boolean => Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;

/** The ISO date of the day before `year-month-day`. */
function dayBefore(year: number, month: number, day: number): string {
  const d = new Date(Date.UTC(year, month - 1, day - 1));
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * A printed period: one day (`day` set, `first === last`), a month, a quarter, half a year or a
 * year (months `first`..`last`), with its year when printed.
 */
interface Slot {
  year: number | null;
  first: number;
  last: number;
  day: number | null;
}

const rankOf = (s: Slot): number => s.first * 100 + (s.day ?? 0);
const slotStart = (s: Slot, year: number): string => iso(year, s.first, s.day ?? 1);
const slotEnd = (s: Slot, year: number): string => iso(year, s.last, s.day ?? daysIn(year, s.last));

/**
 * Gives every slot a year: a slot without one takes the next printed year ("15/6 và 15/12/2024",
 * "tháng 9 đến tháng 5/2025" → 2024), then the previous one, then the document's year.
 */
function resolveYears(slots: readonly Slot[], contextYear: number | null): number[] | null {
  const years = slots.map((s) => s.year);
  const fill = (): void => {
    for (let i = years.length - 2; i >= 0; i--) {
      const next = years[i + 1];
      const a = slots[i];
      const b = slots[i + 1];
      if (years[i] == null && next != null && a && b) years[i] = next - (rankOf(a) > rankOf(b) ? 1 : 0);
    }
    for (let i = 1; i < years.length; i++) {
      const prev = years[i - 1];
      const a = slots[i];
      const b = slots[i - 1];
      if (years[i] == null && prev != null && a && b) years[i] = prev + (rankOf(a) < rankOf(b) ? 1 : 0);
    }
  };
  fill();
  if (!years.some((y) => y != null)) {
    if (contextYear === null) return null;
    years[0] = contextYear;
    fill();
  }
  const out: number[] = [];
  for (const y of years) {
    if (y == null) return null;
    out.push(y);
  }
  return out;
}

/** Why a slot cannot be a real period, or null when it can (`year` null: any year, 29/2 allowed). */
function slotProblem(s: Slot, year: number | null, unit: Part): Problem | null {
  if (year !== null && !validYear(year)) return { code: "invalid", part: "năm" };
  if (s.first < 1 || s.first > 12 || s.last < 1 || s.last > 12) return { code: "invalid", part: unit };
  if (s.day !== null) {
    const max = year === null ? (s.first === 2 ? 29 : commonDays(s.first)) : daysIn(year, s.first);
    if (s.day < 1 || s.day > max) return { code: "invalid", part: "ngày" };
  }
  return null;
}

// ---- normalised text --------------------------------------------------------------------------

/** The text patterns run on, with the way back to offsets in the text as given. */
interface NormalText {
  text: string;
  /** Source offset of the normalised character at `i`. */
  start(i: number): number;
  /** Source offset just after the normalised character at `i - 1`. */
  end(i: number): number;
}

const isSpace = (code: number): boolean =>
  (code >= 9 && code <= 13) ||
  code === 32 ||
  code === 0x85 ||
  code === 0xa0 ||
  code === 0x1680 ||
  (code >= 0x2000 && code <= 0x200a) ||
  code === 0x2028 ||
  code === 0x2029 ||
  code === 0x202f ||
  code === 0x205f ||
  code === 0x3000;
const isIgnorable = (code: number): boolean =>
  code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff;
const isDash = (code: number): boolean =>
  (code >= 0x2010 && code <= 0x2015) ||
  code === 0x2212 ||
  code === 0xfe58 ||
  code === 0xfe63 ||
  code === 0xff0d;

/** "Trước  ngày 30/6 – Hằng năm" → "truoc ngay 30/6 - hang nam", with the map back. */
function normalize(input: string): NormalText {
  const folded = foldWithMap(input);
  const src = folded.text;
  const out: string[] = [];
  const map: number[] = [];
  let inSpace = false;
  for (let i = 0; i < src.length; i++) {
    const code = src.charCodeAt(i);
    if (isIgnorable(code)) continue;
    if (isSpace(code)) {
      if (!inSpace) {
        out.push(" ");
        map.push(i);
        inSpace = true;
      }
      continue;
    }
    inSpace = false;
    if (code >= 65 && code <= 90) out.push(String.fromCharCode(code + 32));
    else if (isDash(code)) out.push("-");
    else out.push(src.charAt(i));
    map.push(i);
  }
  map.push(src.length);
  return {
    text: readOcrQuarters(out.join("")),
    start: (i) => folded.toSource(map[i] ?? src.length),
    end: (i) => (i <= 0 ? folded.toSource(0) : folded.toSource((map[i - 1] ?? src.length - 1) + 1)),
  };
}

// OCR reads the strokes of a Roman quarter as ones or ells: "Quý 11/2026" (there is no quarter 11)
// is "Quý II/2026"; "quý 1v" is IV. The same length, so offsets into the text still hold.
function readOcrQuarters(text: string): string {
  return text.replace(
    /(qu[yi] ?)(111|11|1v|lv|1l|l1|l{2,3})(?=[ /,.;)-]|$)/g,
    (_, q: string, n: string) => `${q}${n.replace(/[1l]/g, "i")}`,
  );
}

/** The phrase as printed: trimmed, without trailing ";" and ".". Linear, unlike a `[;.\s]+$` regex. */
function clean(text: string): string {
  let end = text.length;
  while (end > 0) {
    const ch = text.charAt(end - 1);
    if (ch === ";" || ch === "." || ch.trim() === "") end--;
    else break;
  }
  return text.slice(0, end).trim();
}

// ---- pattern pieces (on normalised text) --------------------------------------------------------

/** Not inside a word: no letter or digit just before / after. */
const WB = String.raw`(?<![\p{L}\p{N}])`;
const WE = String.raw`(?![\p{L}\p{N}])`;
/** ", " or " " between a prefix and what follows: "định kỳ, trước" | "định kỳ trước". */
const COMMA_SP = `(?: ?, ?| )`;
/** Between the numbers of a date: 30/6 | 30 - 6 | 30.6 */
const DATE_SEP = ` ?[/.-] ?`;

// trước | chậm nhất là ngày | chậm nhất vào | hạn chót | đến hết | vào | trong | cuối | từ
const ANCHOR = `(?<anchor>truoc|cham nhat(?: la)?(?: (?:vao|truoc|trong))?|han chot(?: la)?|thoi han|den(?: het)?|het|vao|trong|cuoi|tu)`;
// hoàn thành | hoàn thành xong | xong | kết thúc
const VERB = `(?:(?<verb>hoan thanh|xong|ket thuc)(?: xong)? )?`;
// từ năm 2024, | kể từ năm 2024
const FROM = String.raw`(?:(?:bat dau |ke )?tu nam (?<from>\d{4})${COMMA_SP})?`;
// định kỳ | định kỳ, | định kỳ hằng năm
const PERIODIC = `(?:(?<periodic>dinh ky)(?: (?:hang|moi) nam)?${COMMA_SP})?`;
// hằng năm | hàng năm | mỗi năm | hằng năm, bắt đầu từ năm 2024
const YEARLY = String.raw`(?: (?<yearly>hang|moi) nam(?:,? (?:bat dau |ke )?tu nam (?<from2>\d{4})(?!\d))?)?`;
// năm sau | năm tới | năm tiếp theo | của năm kế tiếp  (a year the phrase does not print: never guessed)
const NOT_NEXT_YEAR = `(?! (?:cua )?nam (?:sau|toi|tiep|ke))`;
// , | và | & | - | đến | đến hết
const LIST_SEP = `(?: ?, ?| va | ?& ?| ?- ?| den (?:het )?)`;

/** `(` when the numbers are read back, `(?:` inside the patterns that only find them. */
const group = (capture: boolean): string => (capture ? "(" : "(?:");

// 30/6/2024 | 15/6 | 30-6-2024 | 30.6.2024 | 15/12 năm 2024 | 30 tháng 6 năm 2024 | 15 tháng 3
// (not 15/6/24 or "30/6/" whose year is cut: those are no dates)
function datePattern(capture: boolean): string {
  const o = group(capture);
  return String.raw`${o}\d{1,2})(?:${DATE_SEP}${o}\d{1,2})(?:${DATE_SEP}${o}\d{4})|,? nam ${o}\d{4}))?| thang ${o}\d{1,2})(?:,? nam ${o}\d{4})| ?/ ?${o}\d{4}))?)(?!\d)(?! ?/)(?!\.\d)`;
}
// 11/2023 | 11 năm 2023 | 3 | 5/2025
function monthPattern(capture: boolean): string {
  const o = group(capture);
  return String.raw`${o}\d{1,2})(?:(?: ?/ ?|,? nam )${o}\d{4}))?(?!\d)(?! ?/)`;
}
// I/2023 | III năm 2024 | 4/2024 | IV
function quarterPattern(capture: boolean): string {
  const o = group(capture);
  return String.raw`${o}[ivxl]{1,4}|\d{1,2})${WE}(?:(?: ?/ ?|,? nam )${o}\d{4}))?(?!\d)(?! ?/)`;
}

const rx = (source: string): RegExp => new RegExp(source, "gu");

// 30/6/2024 | 15/6 | 30 tháng 6 năm 2024 (one date of a list, read back)
const DATE_ATOM = rx(String.raw`(?<!\d)${datePattern(true)}`);
// 11/2023 | 3 | 5/2025 (one month of a list)
const MONTH_ATOM = rx(String.raw`(?<!\d)${monthPattern(true)}`);
// I/2023 | ii | 4/2024 (one quarter of a list)
const QUARTER_ATOM = rx(`${WB}${quarterPattern(true)}`);
// - | đến  (between two items of a list: a range, not a list)
const RANGE_SEP = /-|den/;
// định kỳ | hằng năm | mỗi năm  (earlier in the clause: a yearless date comes back each year)
const CLAUSE_CUE = /dinh ky|(?:hang|moi) nam/;
// Thường xuyên | Thường xuyên, liên tục | Liên tục | Hằng năm | Hàng năm | Định kỳ | hằng tuần | Cả năm
const CONTINUOUS =
  /(?<![\p{L}\p{N}])(?:thuong xuyen|lien tuc|(?:hang|moi) (?:nam|tuan|ngay)|dinh ky|ca nam)(?![\p{L}\p{N}])/u;

const ROMAN: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4 };

// ---- readers ------------------------------------------------------------------------------------

interface Env {
  /** Sentence mode (findTimeframes): only anchored phrases count. */
  strict: boolean;
  year: number | null;
  /** The normalised text being scanned. */
  text: string;
}

interface Flags {
  anchor: string | undefined;
  verb: string | undefined;
  periodic: string | undefined;
  yearly: string | undefined;
  from: string | undefined;
}

function flagsOf(m: RegExpExecArray): Flags {
  const g = m.groups ?? {};
  return { anchor: g.anchor, verb: g.verb, periodic: g.periodic, yearly: g.yearly, from: g.from ?? g.from2 };
}

const anchored = (f: Flags): boolean =>
  f.anchor !== undefined || f.verb !== undefined || f.periodic !== undefined || f.yearly !== undefined;

/** Items of a list and whether the list is a range ("15/6 - 30/6", "tháng 3 đến tháng 5"). */
interface Items {
  slots: Slot[];
  ranged: boolean;
}

/** Reads the list text `list` item by item with `atom`; `toSlot` returns a Problem for a bad numeral. */
function readItems(
  list: string,
  atom: RegExp,
  toSlot: (m: RegExpExecArray) => Slot | Problem,
): Items | Problem {
  const slots: Slot[] = [];
  let ranged = false;
  let prevEnd = -1;
  atom.lastIndex = 0;
  for (let m = atom.exec(list); m !== null; m = atom.exec(list)) {
    if (m[0].length === 0) {
      atom.lastIndex++;
      continue;
    }
    if (prevEnd >= 0 && RANGE_SEP.test(list.slice(prevEnd, m.index))) ranged = true;
    const slot = toSlot(m);
    if ("code" in slot) return slot;
    slots.push(slot);
    prevEnd = m.index + m[0].length;
  }
  return { slots, ranged };
}

const num = (s: string | undefined): number | null => (s === undefined ? null : Number.parseInt(s, 10));

function dateSlot(m: RegExpExecArray): Slot {
  const day = num(m[1]) ?? 0;
  const month = num(m[2]) ?? num(m[5]) ?? 0;
  const year = num(m[3]) ?? num(m[4]) ?? num(m[6]) ?? num(m[7]);
  return { year, first: month, last: month, day };
}

function monthSlot(m: RegExpExecArray): Slot {
  const month = num(m[1]) ?? 0;
  return { year: num(m[2]), first: month, last: month, day: null };
}

function quarterSlot(m: RegExpExecArray): Slot | Problem {
  const raw = m[1] ?? "";
  const q = /^\d+$/.test(raw) ? Number.parseInt(raw, 10) : (ROMAN[raw] ?? 0);
  if (q < 1 || q > 4) return { code: "invalid", part: "quý" };
  return { year: num(m[2]), first: q * 3 - 2, last: q * 3, day: null };
}

/** "định kỳ" or "hằng năm" earlier in the clause that ends at `at` (back to ";" or ". "). */
function clauseCue(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 200), at);
  const cut = Math.max(before.lastIndexOf(";"), before.lastIndexOf(". "));
  return CLAUSE_CUE.test(cut >= 0 ? before.slice(cut) : before);
}

const fail = (problem: Problem, env: Env): Reading | null => (env.strict ? null : { ok: false, problem });

/** The anchors that put the deadline at the end of a period: "đến hết", "cuối", "chậm nhất". */
const END_ANCHOR = /^(?:den|het|cuoi|cham nhat|han chot|thoi han)/;

/** A period from `start` to `end`: "trước" → due the day before, "đến hết …" → due the end, else a range. */
function span(start: string, end: string, anchor: string | undefined): Reading {
  if (start > end) return { ok: false, problem: { code: "invalid", part: "khoảng thời gian" } };
  if (anchor === "truoc") {
    const [y, m, d] = start.split("-").map(Number);
    return { ok: true, body: { kind: "deadline", due: dayBefore(y ?? 0, m ?? 0, d ?? 0) } };
  }
  if (anchor !== undefined && END_ANCHOR.test(anchor))
    return { ok: true, body: { kind: "deadline", due: end } };
  return { ok: true, body: { kind: "range", start, end } };
}

/** The "MM-DD" a slot comes back on each year. */
function recurringDate(s: Slot, anchor: string | undefined): string {
  if (s.day !== null) return monthDay(s.first, s.day);
  if (anchor === "truoc") return s.first === 1 ? "12-31" : monthDay(s.first - 1, commonDays(s.first - 1));
  return monthDay(s.last, commonDays(s.last));
}

function fromYear(f: Flags): { from?: number } {
  const from = num(f.from);
  return from !== null && validYear(from) ? { from } : {};
}

/** Reads a list of days, months or quarters (or one of them) into a timeframe. */
function readSlots(items: Items, f: Flags, env: Env, at: number, unit: Part): Reading | null {
  const { slots, ranged } = items;
  const last = slots[slots.length - 1];
  if (!last) return null;
  const printedYear = slots.some((s) => s.year !== null);
  const several = slots.length > 1;
  const recurs =
    f.yearly !== undefined ||
    (!printedYear &&
      (f.periodic !== undefined || (unit === "ngày" && several && !ranged) || clauseCue(env.text, at)));
  if (recurs) {
    const picked = ranged ? [last] : slots;
    const dates: string[] = [];
    for (const s of picked) {
      const problem = slotProblem(s, null, unit);
      if (problem) return fail(problem, env);
      const date = recurringDate(s, f.anchor);
      if (!dates.includes(date)) dates.push(date);
    }
    return { ok: true, body: { kind: "recurring", dates, ...fromYear(f) } };
  }
  // "Từ ngày 01/3/2024" alone: a start without an end is no timeframe.
  if (f.anchor === "tu" && !ranged) return fail({ code: "openStart" }, env);
  const years = resolveYears(slots, env.year);
  if (!years) return fail({ code: "noYear" }, env);
  for (const [i, s] of slots.entries()) {
    const problem = slotProblem(s, years[i] ?? null, unit);
    if (problem) return fail(problem, env);
  }
  const first = slots[0] ?? last;
  const firstYear = years[0] ?? 0;
  const lastYear = years[years.length - 1] ?? 0;
  if (ranged || (several && unit !== "ngày")) {
    const reading = span(slotStart(first, firstYear), slotEnd(last, lastYear), f.anchor);
    return reading.ok ? reading : fail(reading.problem, env);
  }
  if (several) {
    const dues = slots.map((s, i) => slotEnd(s, years[i] ?? 0)).sort();
    return { ok: true, body: { kind: "deadline", due: dues[dues.length - 1] ?? "" }, several: true };
  }
  if (last.day === null && f.anchor === "truoc") {
    return { ok: true, body: { kind: "deadline", due: dayBefore(lastYear, last.first, 1) } };
  }
  return { ok: true, body: { kind: "deadline", due: slotEnd(last, lastYear) } };
}

/** Reads the named group `list` of `m` item by item and then as a whole. */
function readList(
  m: RegExpExecArray,
  env: Env,
  atom: RegExp,
  toSlot: (a: RegExpExecArray) => Slot | Problem,
  unit: Part,
): Reading | null {
  const f = flagsOf(m);
  if (env.strict && !anchored(f)) return null;
  const items = readItems(m.groups?.list ?? "", atom, toSlot);
  if ("code" in items) return fail(items, env);
  return readSlots(items, f, env, m.index, unit);
}

const lost = (part: Part) => (): Reading => ({ ok: false, problem: { code: "lost", part } });

interface Rule {
  re: RegExp;
  /** Only for a whole field value (problems to warn about): never in sentences. */
  fieldOnly?: boolean;
  /** null: not a timeframe here (the scan then retries one character further). */
  read(m: RegExpExecArray, env: Env): Reading | null;
}

const RULES: readonly Rule[] = [
  {
    // định kỳ trước ngày 15/6 và 15/12 hằng năm | trước 30/6/2024 | chậm nhất ngày 30/6/2024 | Ngày 15/3/2024
    // | Trước ngày 30 tháng 6 năm 2024 | từ năm 2024, định kỳ trước ngày 15/12 hằng năm
    // | Từ ngày 01/3/2024 đến ngày 30/5/2024 | xong trước ngày 30/6/2024 | truoc ngay 30/6
    re: rx(
      `${WB}(?<!\\d ?[/.-] ?)${FROM}${PERIODIC}${VERB}(?:${ANCHOR} )?(?:ngay ?)?(?<list>${datePattern(false)}(?:${LIST_SEP}(?:truoc )?(?:ngay ?)?${datePattern(false)}){0,11})${NOT_NEXT_YEAR}${YEARLY}${WE}`,
    ),
    read: (m, env) => readList(m, env, DATE_ATOM, dateSlot, "ngày"),
  },
  {
    // trước ngày 25 hằng tháng | ngày 5 hàng tháng | định kỳ ngày 20 hằng tháng
    re: rx(`${WB}${PERIODIC}${VERB}(?:${ANCHOR} )?(?:ngay ?)?(?<day>\\d{1,2}) (?:hang|moi) thang${WE}`),
    read: (m, env) => {
      const f = flagsOf(m);
      if (env.strict && !anchored(f)) return null;
      const day = num(m.groups?.day) ?? 0;
      if (day < 1 || day > 31) return fail({ code: "invalid", part: "ngày" }, env);
      const dates = COMMON_DAYS.slice(1).map((max, i) => monthDay(i + 1, Math.min(day, max)));
      return { ok: true, body: { kind: "recurring", dates } };
    },
  },
  {
    // Định kỳ hằng tháng, trước ngày 20 | hằng tháng chậm nhất ngày 25 (the day is not a date of its own)
    re: rx(
      `${WB}(?:(?<periodic>dinh ky)${COMMA_SP})?(?:hang|moi) thang${COMMA_SP}${VERB}(?:${ANCHOR} )?(?:ngay ?)?(?<day>\\d{1,2})(?! ?[/.-] ?\\d)(?! thang)${WE}`,
    ),
    read: (m, env) => {
      if (env.strict && !anchored(flagsOf(m))) return null;
      const day = num(m.groups?.day) ?? 0;
      if (day < 1 || day > 31) return fail({ code: "invalid", part: "ngày" }, env);
      const dates = COMMON_DAYS.slice(1).map((max, i) => monthDay(i + 1, Math.min(day, max)));
      return { ok: true, body: { kind: "recurring", dates } };
    },
  },
  {
    // trước ngày 20 của tháng cuối quý | Hằng quý, trước ngày 15 tháng cuối quý
    re: rx(
      `${WB}(?:(?<periodic>(?:dinh ky )?(?:hang|moi) qu[yi])${COMMA_SP})?${VERB}(?:${ANCHOR} )?(?:ngay ?)?(?<day>\\d{1,2}) (?:cua )?thang cuoi qu[yi]${WE}`,
    ),
    read: (m, env) => {
      if (env.strict && !anchored(flagsOf(m))) return null;
      const day = num(m.groups?.day) ?? 0;
      if (day < 1 || day > 31) return fail({ code: "invalid", part: "ngày" }, env);
      return {
        ok: true,
        body: {
          kind: "recurring",
          dates: [3, 6, 9, 12].map((mo) => monthDay(mo, Math.min(day, commonDays(mo)))),
        },
      };
    },
  },
  {
    // Tháng 11/2023 | Trong tháng 11 năm 2023 | định kỳ tháng 11 hằng năm | Từ tháng 3 đến tháng 5/2024
    // | Tháng 3 - tháng 5/2024 | từ tháng 9/2024 đến tháng 5/2025 | tháng 6 và tháng 12 hằng năm
    re: rx(
      `${WB}${FROM}${PERIODIC}${VERB}(?:${ANCHOR} )?thang ?(?<list>${monthPattern(false)}(?:${LIST_SEP}(?:thang ?)?${monthPattern(false)}){0,11})${NOT_NEXT_YEAR}${YEARLY}${WE}`,
    ),
    read: (m, env) => readList(m, env, MONTH_ATOM, monthSlot, "tháng"),
  },
  {
    // Trong quý I/2023 | Quý III năm 2024 | quy 4/2024 | Quý I, II/2024 | Quý I và quý II năm 2024
    // | Quý I hằng năm | hoàn thành trong quý IV năm 2026 | Quí II/2023
    re: rx(
      `${WB}${FROM}${PERIODIC}${VERB}(?:${ANCHOR} )?qu[yi] ?(?<list>${quarterPattern(false)}(?:${LIST_SEP}(?:qu[yi] ?)?${quarterPattern(false)}){0,3})${YEARLY}${WE}`,
    ),
    read: (m, env) => readList(m, env, QUARTER_ATOM, quarterSlot, "quý"),
  },
  {
    // 6 tháng đầu năm 2024 | 6 tháng cuối năm 2024 | trong 6 tháng đầu năm | 06 tháng đầu năm 2024
    re: rx(
      `${WB}${VERB}(?:${ANCHOR} )?(?:0?6|sau) thang (?<half>dau|cuoi) nam(?:(?: ?/ ?| )(?<year>\\d{4})(?!\\d))?${WE}`,
    ),
    read: (m, env) => {
      const f = flagsOf(m);
      if (env.strict && !anchored(f)) return null;
      const firstHalf = m.groups?.half === "dau";
      const slot: Slot = {
        year: num(m.groups?.year),
        first: firstHalf ? 1 : 7,
        last: firstHalf ? 6 : 12,
        day: null,
      };
      return readSlots({ slots: [slot], ranged: false }, f, env, m.index, "năm");
    },
  },
  {
    // Năm học 2024-2025 | trong năm học 2024 - 2025 | cuối năm học 2024–2025
    re: rx(`${WB}${VERB}(?:${ANCHOR} )?nam hoc (?<y1>\\d{4}) ?- ?(?<y2>\\d{4})(?!\\d)${WE}`),
    read: (m, env) => {
      const f = flagsOf(m);
      if (env.strict && !anchored(f)) return null;
      if (f.anchor === "tu") return fail({ code: "openStart" }, env);
      const y1 = num(m.groups?.y1) ?? 0;
      const y2 = num(m.groups?.y2) ?? 0;
      if (!validYear(y1) || y2 !== y1 + 1) return fail({ code: "invalid", part: "năm" }, env);
      const reading = span(iso(y1, 9, 1), iso(y2, 5, 31), f.anchor);
      return reading.ok ? reading : fail(reading.problem, env);
    },
  },
  {
    // Giai đoạn 2021–2025 | 2021 - 2025 | Từ năm 2021 đến năm 2025 | năm 2024-2025 | giai đoạn 2021 đến 2025
    re: rx(
      `${WB}(?<![/.-])(?:(?<lead>giai doan|thoi ky|tu|trong(?: giai doan| thoi ky)?) )?(?:nam )?(?<y1>\\d{4}) ?(?:-|den(?: het)?(?: nam)?) ?(?<y2>\\d{4})(?!\\d)${WE}`,
    ),
    read: (m, env) => {
      if (env.strict && m.groups?.lead !== "tu") return null;
      const y1 = num(m.groups?.y1) ?? 0;
      const y2 = num(m.groups?.y2) ?? 0;
      if (!validYear(y1) || !validYear(y2)) return null;
      const reading = span(iso(y1, 1, 1), iso(y2, 12, 31), undefined);
      return reading.ok ? reading : fail(reading.problem, env);
    },
  },
  {
    // Năm 2025 | Trong năm 2025 | vào năm 2025 | trước năm 2025 | cuối năm 2024 | chậm nhất năm 2025
    re: rx(`${WB}${VERB}(?:${ANCHOR} )?nam (?<year>\\d{4})(?!\\d)(?! ?- ?\\d)${WE}`),
    read: (m, env) => {
      const f = flagsOf(m);
      // "đến năm 2030" in a sentence names a programme's horizon ("… đến năm 2025, định hướng đến năm 2030").
      if (env.strict && ((f.anchor === undefined && f.verb === undefined) || f.anchor === "den")) return null;
      const year = num(m.groups?.year) ?? 0;
      if (!validYear(year)) return fail({ code: "invalid", part: "năm" }, env);
      return readSlots(
        { slots: [{ year, first: 1, last: 12, day: null }], ranged: false },
        f,
        env,
        m.index,
        "năm",
      );
    },
  },
  {
    // Hằng quý | định kỳ hằng quý | hàng tháng | mỗi quý
    re: rx(`${WB}(?:(?<periodic>dinh ky)${COMMA_SP})?(?:hang|moi) (?<unit>qu[yi]|thang)${WE}`),
    read: (m, env) => {
      if (env.strict && m.groups?.periodic === undefined) return null;
      const months = m.groups?.unit === "thang" ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] : [3, 6, 9, 12];
      return {
        ok: true,
        body: { kind: "recurring", dates: months.map((mo) => monthDay(mo, commonDays(mo))) },
      };
    },
  },
  {
    // Trong quý /2023 | quý năm 2023 | Quý / 2024
    re: rx(`${WB}qu[yi] ?(?:/ ?|nam )\\d{4}(?!\\d)`),
    fieldOnly: true,
    read: lost("quý"),
  },
  {
    // Tháng /2023 | tháng năm 2024 | ngày tháng năm 2024
    re: rx(`${WB}(?:ngay ?)?thang ?(?:/ ?|nam )\\d{4}(?!\\d)`),
    fieldOnly: true,
    read: lost("tháng"),
  },
  {
    // ngày /6/2024 | trước ngày / /2024
    re: rx(`${WB}ngay ?/ ?(?:\\d{1,2} ?)?/ ?\\d{4}(?!\\d)`),
    fieldOnly: true,
    read: lost("ngày"),
  },
  {
    // Quý I/ | tháng 6/ | trước ngày 30/6/
    re: rx(`${WB}(?:qu[yi] ?(?:[ivxl]{1,4}|\\d{1,2})|thang ?\\d{1,2}|\\d{1,2} ?[/.-] ?\\d{1,2}) ?/(?! ?\\d)`),
    fieldOnly: true,
    read: lost("năm"),
  },
];

interface Candidate {
  start: number;
  end: number;
  reading: Reading;
  rank: number;
}

/** Runs every rule over the normalised text and keeps the leftmost-longest matches that do not overlap. */
function scan(env: Env): Candidate[] {
  const all: Candidate[] = [];
  RULES.forEach((rule, rank) => {
    if (env.strict && rule.fieldOnly) return;
    const re = rule.re;
    re.lastIndex = 0;
    for (let m = re.exec(env.text); m !== null; m = re.exec(env.text)) {
      const reading = m[0].length > 0 ? rule.read(m, env) : null;
      if (reading === null) {
        re.lastIndex = m.index + 1;
        continue;
      }
      all.push({ start: m.index, end: m.index + m[0].length, reading, rank });
    }
  });
  all.sort((a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank);
  const kept: Candidate[] = [];
  let reach = 0;
  for (const c of all) {
    if (c.start < reach) continue;
    kept.push(c);
    reach = c.end;
  }
  return kept;
}

function contextYear(ctx: TimeContext | null | undefined): number | null {
  const year = ctx?.year;
  return typeof year === "number" && validYear(year) ? year : null;
}

/** Several readings of one field: recurring dates merge, deadlines keep the latest, else the first. */
function combine(readings: readonly { body: TimeframeBody; several?: boolean }[]): {
  body: TimeframeBody;
  several: boolean;
} {
  const first = readings[0];
  if (!first) return { body: { kind: "none" }, several: false };
  if (readings.length === 1) return { body: first.body, several: first.several === true };
  if (readings.every((r) => r.body.kind === "recurring")) {
    const dates: string[] = [];
    const froms: number[] = [];
    for (const r of readings) {
      for (const d of r.body.dates ?? []) if (!dates.includes(d)) dates.push(d);
      if (r.body.from !== undefined) froms.push(r.body.from);
    }
    const body: TimeframeBody = { kind: "recurring", dates };
    // (a loop, not Math.min(...froms): a field of a hundred thousand phrases would overflow the stack)
    if (froms.length > 0) body.from = froms.reduce((a, b) => Math.min(a, b));
    return { body, several: false };
  }
  if (readings.every((r) => r.body.kind === "deadline")) {
    const dues = readings.map((r) => r.body.due ?? "").sort();
    return { body: { kind: "deadline", due: dues[dues.length - 1] ?? "" }, several: true };
  }
  return { body: first.body, several: true };
}

/**
 * Reads a whole timeframe field value. Never throws; text with nothing datable gives kind "none".
 *
 * @example parseTimeframe("Trong quý I/2023") // { timeframe: { text: "Trong quý I/2023", kind: "deadline", due: "2023-03-31" }, warning: null }
 * @example parseTimeframe("Trước ngày 30/6", { year: 2024 }).timeframe.due // "2024-06-30"
 */
export function parseTimeframe(text: string, ctx?: TimeContext): TimeframeReading {
  const shown = typeof text === "string" ? clean(text) : "";
  const none = (warning: string | null): TimeframeReading => ({
    timeframe: { text: shown, kind: "none" },
    warning,
  });
  if (shown === "") return none(null);
  const norm = normalize(shown);
  const found = scan({ strict: false, year: contextYear(ctx), text: norm.text });
  const readings: { body: TimeframeBody; several?: boolean }[] = [];
  for (const c of found) {
    if (!c.reading.ok) return none(describe(shown, c.reading.problem));
    readings.push(c.reading);
  }
  if (readings.length > 0) {
    const { body, several } = combine(readings);
    return { timeframe: { text: shown, ...body }, warning: several ? MESSAGES.several(shown) : null };
  }
  if (CONTINUOUS.test(norm.text)) return { timeframe: { text: shown, kind: "continuous" }, warning: null };
  return none(/\d/.test(norm.text) ? MESSAGES.unreadable(shown) : null);
}

/**
 * Finds the datable timeframe phrases inside a sentence (reporting duties, completion clauses).
 * A bare date ("… số 29-NQ/TW ngày 04/11/2013") is not one: it needs "trước", "chậm nhất", "vào",
 * "đến", "trong", "hoàn thành", "định kỳ" or "hằng năm".
 *
 * @example findTimeframes("báo cáo Ủy ban nhân dân thành phố trước ngày 30/6 và 30/12 hàng năm")
 * // [{ start: 34, end: 67, timeframe: { text: "trước ngày 30/6 và 30/12 hàng năm", kind: "recurring", dates: ["06-30", "12-30"] } }]
 */
export function findTimeframes(sentence: string, ctx?: TimeContext): FoundTimeframe[] {
  if (typeof sentence !== "string" || sentence === "") return [];
  const norm = normalize(sentence);
  const found = scan({ strict: true, year: contextYear(ctx), text: norm.text });
  const out: FoundTimeframe[] = [];
  for (const c of found) {
    if (!c.reading.ok) continue;
    const start = norm.start(c.start);
    const end = norm.end(c.end);
    if (end <= start) continue;
    out.push({ start, end, timeframe: { text: clean(sentence.slice(start, end)), ...c.reading.body } });
  }
  return out;
}
