// The duties of "Tổ chức thực hiện" / "Phân công thực hiện" as pieces of tracked work: each duty an
// assignment gives its units becomes one, led by those units, due when its own text says it is done
// or else when the plan ends.
//   3. Phòng Giáo dục Trung học
//   - Chủ trì tham mưu triển khai Kế hoạch; hoàn thành trước ngày 30/6/2026.   → due 2026-06-30
//   - Hướng dẫn các trường THPT thực hiện …                                     → due as the plan
// An assignment whose duties make one order ("Giao phòng Quản lý công nghiệp tổ chức huấn luyện,
// kiểm tra …") is one piece of work.

import type { ParsedPlan, Timeframe } from "../domain/plan.js";
import { foldKey, foldWithMap } from "../text/fold.js";
import { parseTimeframe, type TimeContext } from "../time/timeframe.js";
import { cleanValue } from "./lines.js";
import { completionClause, taskTitle } from "./tasks.js";

export interface DutyWork {
  /** "PC-IV.2" for an assignment's one duty, "PC-IV.2-3" for its third. */
  key: string;
  /** The assignment it comes from ("IV.2"). */
  assignment: string;
  title: string;
  content: string;
  leads: string[];
  timeframe: Timeframe | null;
  /** Where the duty's text starts and ends in the source text, where it is found there. */
  span: [number, number] | null;
}

/** The key prefix that tells a duty's work from a task: keys of tasks are outline labels. */
export const DUTY_KEY_PREFIX = "PC-";

// "Kế hoạch … năm học 2025-2026" | "… giai đoạn 2026-2030, tầm nhìn đến năm 2045" | "… năm 2026":
// the time the plan itself runs, from its title (the first such phrase: a vision is not the plan).
const PLAN_PERIOD =
  /\b(?:nam hoc\s+\d{4}\s*[-–]\s*\d{4}|giai doan\s+(?:tu\s+)?(?:nam\s+)?\d{4}\s*[-–]\s*(?:nam\s+)?\d{4}|nam\s+\d{4})\b/i;

/** The time a plan runs, read from its title: "Kế hoạch … năm 2026" → due 2026-12-31; null where it names none. */
export function planPeriod(title: string | null, time: TimeContext): Timeframe | null {
  if (!title) return null;
  const folded = foldWithMap(title);
  const m = PLAN_PERIOD.exec(folded.text);
  if (!m) return null;
  const phrase = title.slice(folded.toSource(m.index), folded.toSource(m.index + m[0].length));
  const { timeframe } = parseTimeframe(phrase, time);
  return timeframe.kind === "none" ? null : timeframe;
}

// A duty that is a heading left over from an appendix ("DANH MỤC", "CÁC NHIỆM VỤ CHỦ YẾU …") has
// no lower-case letter; a fragment of fewer than three words orders nothing.
// The closing formulas of a plan ask for feedback rather than order work:
//   "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị phản ánh về Văn phòng Sở …"
//   "Trên đây là Kế hoạch …, đề nghị các đơn vị nghiêm túc triển khai thực hiện./."
const CLOSING =
  /^(?:trong qua trinh (?:to chuc )?(?:trien khai )?(?:thuc hien|trien khai)[^.]{0,200}\b(?:vuong mac|kho khan|phat sinh)|tren day la\b)/;

function ordersWork(duty: string): boolean {
  return /\p{Ll}/u.test(duty) && duty.trim().split(/\s+/).length >= 3 && !CLOSING.test(foldKey(duty));
}

// "a) Chủ trì, phối hợp …" | "- Hướng dẫn …": the list mark is not part of the title.
const LIST_MARK = /^\s*(?:[a-zđ]\)|[-+•–])\s*/u;
// "…; hoàn thành trước ngày 30/9/2026": when the duty is due is its timeframe, not its title.
const WHEN_CLAUSE = /\s*[;,]\s*(?:hoàn thành|hoàn tất|thời gian|thời hạn|chậm nhất|xong)\b.*$/iu;

// "Các sở, ban, ngành định kỳ trước ngày 10/12 hằng năm báo cáo kết quả về Ủy ban nhân dân tỉnh.": a
// duty that is only a reporting duty is tracked as the plan's reporting (periods, reports), not as
// work beside it. One that also orders work ("xây dựng kế hoạch của đơn vị; định kỳ … gửi báo cáo")
// is work.
function onlyReports(duty: string, reportingKeys: readonly string[]): boolean {
  if (/;/.test(duty) || /[.!?]\s+\p{Lu}/u.test(duty)) return false;
  const key = foldKey(duty);
  return key.length > 0 && reportingKeys.some((r) => r.includes(key) || key.includes(r));
}

function locate(sourceText: string, duty: string): [number, number] | null {
  const probe = duty.slice(0, 60);
  if (probe.length < 10) return null;
  const at = sourceText.indexOf(probe);
  if (at < 0) return null;
  const end = sourceText.indexOf(duty.slice(-30), at);
  return [at, end >= 0 ? end + Math.min(30, duty.length) : at + probe.length];
}

/**
 * The plan's assignments as tracked work, one piece per duty:
 * `dutiesAsWork(plan, sourceText)` → `[{ key: "PC-IV.1", leads: ["Văn phòng Sở"], … }]`.
 * Units of an assignment lead its duties; a duty's timeframe is its own completion clause, else the
 * plan's period (its title's "năm 2026"), else none. A duty that only reports is left to the plan's
 * reporting; one the plan's tasks already hold is not tracked twice.
 */
export function dutiesAsWork(plan: ParsedPlan, sourceText: string): DutyWork[] {
  const time: TimeContext = { year: plan.document.year };
  const period = planPeriod(plan.document.title, time);
  const out: DutyWork[] = [];
  // A plan that repeats its task table under "Tổ chức thực hiện" tracks each piece of work once.
  const seen = new Set<string>(plan.tasks.map((t) => foldKey(t.content).slice(0, 120)));
  const reportingKeys = plan.reporting.map((r) => foldKey(r.text)).filter((k) => k.length > 20);
  for (const a of plan.assignments) {
    const duties = a.duties.map(cleanValue).filter((d) => ordersWork(d) && !onlyReports(d, reportingKeys));
    duties.forEach((duty, i) => {
      const key = `${DUTY_KEY_PREFIX}${a.id}${duties.length > 1 ? `-${i + 1}` : ""}`;
      const same = foldKey(duty).slice(0, 120);
      if (seen.has(key) || seen.has(same)) return;
      seen.add(key);
      seen.add(same);
      const title = taskTitle(duty.replace(LIST_MARK, "")).replace(WHEN_CLAUSE, "") || duty.slice(0, 200);
      out.push({
        key,
        assignment: a.id,
        title,
        content: duty,
        leads: [...a.units],
        timeframe: completionClause(duty, time, title) ?? period,
        span: locate(sourceText, duty),
      });
    });
  }
  return out;
}
