// The summary report of a plan for a reporting period ("Báo cáo kết quả thực hiện Kế hoạch số …"),
// compiled from what the units reported and the plan officers accepted: the opening that cites the
// plan, the four states, what was done per task and by whom, the units that did not report, the
// difficulties and the proposals grouped by theme, the appendix table. Every sentence taken from a
// report keeps where it came from (the report, the unit, the implementing plan it came through), so
// a reader can check it; the clerk edits the text before exporting it.

import { foldLowerCase as foldLower } from "../text/fold.js";
import { viDate } from "./dates.js";
import type { ProgressState } from "./progress.js";

/** Where a sentence came from: the accepted report of a unit (through an implementing plan, if so). */
export interface SourceRef {
  reportId: string;
  unitName: string;
  /** The implementing plan a report reached this plan through ("Kế hoạch số 12/KH-PGDĐT"). */
  via?: string;
}

export interface SummaryParagraph {
  text: string;
  sources: SourceRef[];
}

export interface SummarySection {
  heading: string;
  paragraphs: SummaryParagraph[];
}

export type StateCounts = Record<ProgressState, number>;

/** One row of the appendix: a task, its lead units, how many of its work items stand where. */
export interface AppendixRow {
  stt: string;
  task: string;
  lead: string;
  done: number;
  inProgress: number;
  notStarted: number;
  results: string;
  /** The result documents the reports name: "15/BC-GDTrH ngày 26/03/2027". */
  evidence: string;
}

export interface SummarySigner {
  capacity: string;
  position: string;
  name: string;
}

/** The report as it is edited and exported. */
export interface SummaryDocument {
  planId: string;
  periodDue: string;
  header: {
    /** The body above the issuer ("UBND THÀNH PHỐ HẢI PHÒNG"), if the plan names one. */
    parentBody: string;
    body: string;
    number: string;
    place: string;
    /** ISO day the report is dated. */
    date: string;
  };
  /** The issuing body as the plan names it ("Sở Giáo dục và Đào tạo"), for the appendix's note. */
  issuer: string;
  /** The line under "BÁO CÁO". */
  subject: string;
  opening: SummaryParagraph[];
  sections: SummarySection[];
  closing: string;
  counts: StateCounts;
  /** The units that owe the period's report and have none accepted. */
  missing: string[];
  appendix: AppendixRow[];
  signer: SummarySigner;
  recipients: string[];
}

/** What the units reported on one work item in the period, accepted. */
export interface ReportedItem {
  reportId: string;
  unitName: string;
  via?: string;
  status: "not_started" | "in_progress" | "done";
  results: string;
  difficulties: string;
  proposals: string;
  evidence: string;
  /** The result documents its evidence names, as number and date ("15/BC-GDTrH ngày 26/03/2027"). */
  documents: string[];
}

/** One unit's work on one task, with its state today and what its accepted report said. */
export interface WorkLine {
  unitName: string;
  role: "lead" | "cooperate";
  state: ProgressState;
  /** The progress accepted so far (from this period's report or an earlier one). */
  progress: "not_started" | "in_progress" | "done";
  reported: ReportedItem | null;
}

export interface TaskLine {
  key: string;
  title: string;
  kind: "task" | "duty";
  work: WorkLine[];
  /** What the units of implementing plans reported on the tasks that carry this one down. */
  below: ReportedItem[];
}

export interface SummaryInput {
  planId: string;
  periodDue: string;
  today: string;
  plan: {
    number: string | null;
    issuedOn: string | null;
    title: string | null;
    issuer: string | null;
    parentIssuer: string | null;
    place: string | null;
    signer: SummarySigner | null;
    /** Whom the issuer reports to, where the plan says ("Ủy ban nhân dân thành phố"). */
    reportsTo: string[];
  };
  tasks: TaskLine[];
  /** Units with work in the plan, and whether their report of the period was accepted. */
  units: Array<{ name: string; accepted: boolean }>;
}

export const STATE_LABELS: Record<ProgressState, string> = {
  done_on_time: "Hoàn thành đúng hạn",
  done_late: "Hoàn thành quá hạn",
  in_progress: "Đang thực hiện trong hạn",
  overdue: "Quá hạn chưa hoàn thành",
};

const PROGRESS_LABELS = {
  done: "đã hoàn thành",
  in_progress: "đang thực hiện",
  not_started: "chưa triển khai",
};

// Themes of difficulties and proposals, as units write them. Each is matched on the folded text,
// the first that fits wins: "Thiếu kinh phí mua sắm thiết bị dạy học" → funds and facilities;
// "Đề nghị Sở ban hành văn bản hướng dẫn cụ thể" → guidance; "Giáo viên còn thiếu, nhiều giáo viên
// kiêm nhiệm" → staff.
const THEMES: ReadonlyArray<[string, RegExp]> = [
  [
    "Kinh phí, cơ sở vật chất, trang thiết bị",
    /\b(kinh phi|ngan sach|tai chinh|nguon von|co so vat chat|trang thiet bi|thiet bi|phong hoc|truong lop|mua sam|sua chua|dau tu)\b/,
  ],
  [
    "Đội ngũ, nhân lực",
    /\b(giao vien|can bo|nhan vien|nhan luc|doi ngu|bien che|kiem nhiem|tuyen dung|boi duong|tap huan|chuyen vien)\b/,
  ],
  [
    "Cơ chế, chính sách, văn bản hướng dẫn",
    /\b(huong dan|van ban|quy dinh|co che|chinh sach|thong tu|nghi dinh|quy che|ban hanh|sua doi)\b/,
  ],
  [
    "Ứng dụng công nghệ thông tin, dữ liệu",
    /\b(phan mem|he thong|du lieu|cong nghe thong tin|cntt|mang internet|duong truyen|chuyen doi so|truc tuyen|may tinh)\b/,
  ],
  ["Thời gian, tiến độ", /\b(thoi gian|tien do|thoi han|gia han|cham tien do|keo dai)\b/],
  [
    "Phối hợp giữa các cơ quan, đơn vị",
    /\b(phoi hop|lien nganh|chinh quyen dia phuong|phu huynh|cha me hoc sinh)\b/,
  ],
];
const OTHER_THEME = "Nội dung khác";

/** The theme a difficulty or a proposal is about: `themeOf("Thiếu kinh phí mua sắm")` → "Kinh phí, …". */
export function themeOf(text: string): string {
  const key = foldLower(text);
  for (const [theme, pattern] of THEMES) if (pattern.test(key)) return theme;
  return OTHER_THEME;
}

/** Splits a unit's free text into its points: lines, bullets, or sentences ending in ";". */
function points(text: string): string[] {
  return text
    .split(/\n+|;\s+|(?<=\.)\s+(?=[-+•]?\s*\p{Lu})/u)
    .map((p) =>
      p
        .replace(/^[\s\-+•–*]+/, "")
        .replace(/[\s;.]+$/, "")
        .trim(),
    )
    .filter((p) => p.length > 1);
}

/** "Phòng GDĐT huyện A", or "Trường THCS B (qua Kế hoạch số 12/KH-PGDĐT)". */
const attribution = (r: { unitName: string; via?: string }) =>
  r.via ? `${r.unitName} (qua ${r.via})` : r.unitName;
const source = (r: ReportedItem): SourceRef => ({
  reportId: r.reportId,
  unitName: r.unitName,
  ...(r.via ? { via: r.via } : {}),
});

/**
 * Difficulties or proposals gathered from every report, the same point from several units said once
 * with each unit named, grouped by theme (themes in a fixed order, "other" last).
 */
function gathered(items: readonly ReportedItem[], pick: (r: ReportedItem) => string): SummarySection[] {
  const byPoint = new Map<string, { text: string; from: ReportedItem[] }>();
  for (const r of items)
    for (const p of points(pick(r))) {
      const key = foldLower(p);
      const entry = byPoint.get(key) ?? { text: p, from: [] };
      if (!entry.from.some((f) => f.reportId === r.reportId && f.via === r.via)) entry.from.push(r);
      byPoint.set(key, entry);
    }
  const byTheme = new Map<string, SummaryParagraph[]>();
  for (const { text, from } of byPoint.values()) {
    const theme = themeOf(text);
    const list = byTheme.get(theme) ?? [];
    list.push({
      text: `- ${text} (${[...new Set(from.map(attribution))].join("; ")}).`,
      sources: from.map(source),
    });
    byTheme.set(theme, list);
  }
  const order = [...THEMES.map(([t]) => t), OTHER_THEME];
  return order
    .filter((t) => byTheme.has(t))
    .map((t, i) => ({ heading: `${i + 1}. ${t}`, paragraphs: byTheme.get(t) ?? [] }));
}

/** "Hà Nội, ngày 05 tháng 01 năm 2027" → the place and date line of the header. */
export function placeAndDate(place: string, iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${place ? `${place}, ` : ""}ngày ${d} tháng ${m} năm ${y}`;
}

/** "901/KH-SGDĐT" → "/BC-SGDĐT": the report's number, left for the clerk's register to fill. */
function reportNumber(planNumber: string | null): string {
  const code = planNumber?.match(/\/(?:\d{4}\/)?[A-ZĐ][A-Za-zĐđ]*-(.+)$/u)?.[1];
  return code ? `     /BC-${code}` : "     /BC-";
}

const upper = (s: string) => s.toLocaleUpperCase("vi");
/** "Bảo đảm an toàn …" → "bảo đảm an toàn …" after "về"; an acronym ("THCS …") stays. */
const lowerFirst = (s: string) =>
  /^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLocaleLowerCase("vi") + s.slice(1) : s;

/** Compiles the summary report of a plan's period from the accepted reports. */
export function compileSummary(input: SummaryInput): SummaryDocument {
  const { plan } = input;
  const body = plan.issuer ?? "";
  const planRef = `Kế hoạch số ${plan.number ?? "(không số)"}${plan.issuedOn ? ` ngày ${viDate(plan.issuedOn)}` : ""}`;
  const about = plan.title ? ` về ${lowerFirst(plan.title.replace(/^(kế hoạch|về)\s+/iu, ""))}` : "";

  const counts: StateCounts = { done_on_time: 0, done_late: 0, in_progress: 0, overdue: 0 };
  for (const t of input.tasks) for (const w of t.work) counts[w.state]++;
  const items = input.tasks.reduce((n, t) => n + t.work.length, 0);
  const reported = input.units.filter((u) => u.accepted).length;
  const missing = input.units.filter((u) => !u.accepted).map((u) => u.name);

  const general: SummaryParagraph[] = [
    {
      text:
        `Kế hoạch có ${input.tasks.filter((t) => t.kind === "task").length} nhiệm vụ` +
        (input.tasks.some((t) => t.kind === "duty")
          ? ` và ${input.tasks.filter((t) => t.kind === "duty").length} nhiệm vụ của các đơn vị trong phần tổ chức thực hiện`
          : "") +
        `, giao cho ${input.units.length} đơn vị (${items} lượt việc). ` +
        `Đến kỳ báo cáo ngày ${viDate(input.periodDue)}, ${reported}/${input.units.length} đơn vị đã gửi báo cáo được chấp nhận.`,
      sources: [],
    },
    {
      text:
        `Tính đến ngày ${viDate(input.today)}: ${counts.done_on_time} lượt việc hoàn thành đúng hạn, ` +
        `${counts.done_late} hoàn thành quá hạn, ${counts.in_progress} đang thực hiện trong hạn, ` +
        `${counts.overdue} quá hạn chưa hoàn thành.`,
      sources: [],
    },
  ];

  const perTask: SummaryParagraph[] = [];
  const allReported: ReportedItem[] = [];
  for (const t of input.tasks) {
    const lines = [...t.work.flatMap((w) => (w.reported ? [w.reported] : [])), ...t.below];
    allReported.push(...lines);
    perTask.push({ text: `${t.key}. ${t.title}:`, sources: [] });
    if (!lines.length) {
      perTask.push({ text: "- Chưa có đơn vị báo cáo kết quả trong kỳ.", sources: [] });
      continue;
    }
    for (const r of lines) {
      const said = r.results.trim().replace(/[\s.;]+$/, "");
      perTask.push({
        text: `- ${attribution(r)}: ${said || "không nêu kết quả"} (${PROGRESS_LABELS[r.status]}).`,
        sources: [source(r)],
      });
    }
  }

  const sections: SummarySection[] = [
    { heading: "I. KẾT QUẢ THỰC HIỆN", paragraphs: [] },
    { heading: "1. Tình hình chung", paragraphs: general },
    { heading: "2. Kết quả thực hiện các nhiệm vụ", paragraphs: perTask },
    {
      heading: "3. Đơn vị chưa báo cáo",
      paragraphs: [
        {
          text: missing.length
            ? `Các đơn vị chưa gửi báo cáo hoặc báo cáo chưa được chấp nhận: ${missing.join(", ")}.`
            : "Tất cả các đơn vị đã gửi báo cáo được chấp nhận.",
          sources: [],
        },
      ],
    },
  ];
  const difficulties = gathered(allReported, (r) => r.difficulties);
  sections.push({
    heading: "II. KHÓ KHĂN, VƯỚNG MẮC",
    paragraphs: difficulties.length
      ? []
      : [{ text: "Các đơn vị không nêu khó khăn, vướng mắc.", sources: [] }],
  });
  sections.push(...difficulties);
  const proposals = gathered(allReported, (r) => r.proposals);
  sections.push({
    heading: "III. ĐỀ XUẤT, KIẾN NGHỊ",
    paragraphs: proposals.length ? [] : [{ text: "Các đơn vị không có đề xuất, kiến nghị.", sources: [] }],
  });
  sections.push(...proposals);

  const appendix: AppendixRow[] = input.tasks.map((t, i) => {
    const leads = t.work.filter((w) => w.role === "lead");
    const counted = leads.length ? leads : t.work;
    const reports = [...t.work.flatMap((w) => (w.reported ? [w.reported] : [])), ...t.below];
    return {
      stt: String(i + 1),
      task: `${t.key}. ${t.title}`,
      lead: [...new Set(leads.map((w) => w.unitName))].join(", "),
      done: counted.filter((w) => w.progress === "done").length,
      inProgress: counted.filter((w) => w.progress === "in_progress").length,
      notStarted: counted.filter((w) => w.progress === "not_started").length,
      results: reports
        .filter((r) => r.results.trim())
        .map((r) => `${attribution(r)}: ${r.results.trim()}`)
        .join("\n"),
      evidence: [...new Set(reports.flatMap((r) => r.documents))].join("; "),
    };
  });

  return {
    planId: input.planId,
    periodDue: input.periodDue,
    header: {
      parentBody: upper(plan.parentIssuer ?? ""),
      body: upper(body),
      number: reportNumber(plan.number),
      place: plan.place ?? "",
      date: input.today,
    },
    issuer: body,
    subject: `Kết quả thực hiện ${planRef}${body ? ` của ${body}` : ""}${about} (kỳ báo cáo ngày ${viDate(input.periodDue)})`,
    opening: [
      {
        text: `Thực hiện ${planRef}${body ? ` của ${body}` : ""}${about}, ${body || "đơn vị"} báo cáo kết quả thực hiện đến kỳ báo cáo ngày ${viDate(input.periodDue)} như sau:`,
        sources: [],
      },
    ],
    sections,
    closing: `Trên đây là báo cáo kết quả thực hiện ${planRef}${body ? ` của ${body}` : ""}./.`,
    counts,
    missing,
    appendix,
    signer: plan.signer ?? { capacity: "", position: "", name: "" },
    recipients: [
      ...plan.reportsTo.map((to) => `${to} (để báo cáo)`),
      ...(plan.signer?.capacity?.startsWith("KT.")
        ? [`${capitalize(plan.signer.capacity.slice(4))} (để báo cáo)`]
        : []),
      "Lưu: VT",
    ],
  };
}

const capitalize = (s: string) => s.charAt(0) + s.slice(1).toLocaleLowerCase("vi");
