// Field labels of a task, as plans print them before a colon:
//   "- Nội dung: …" | "Thời gian thực hiện: Thường xuyên" | "Đơn vị chủ trì: Phòng GDTX&ĐH"
//   "Đơn vị phối hợp thực hiện: …" | "Sản phẩm: …" | "Pon vi thuc hién: …" (OCR Đơn vị thực hiện)

import { foldKey } from "../text/fold.js";
import { ocrKey } from "../text/ocr.js";
import { editDistance } from "./similarity.js";

export type FieldKind = "content" | "lead" | "cooperate" | "time" | "product" | "funding" | "target";

const LABELS: Array<[FieldKind, string[]]> = [
  ["content", ["noi dung", "noi dung cong viec", "noi dung thuc hien", "noi dung nhiem vu", "nhiem vu"]],
  [
    "lead",
    [
      "chu tri",
      "don vi chu tri",
      "co quan chu tri",
      "don vi thuc hien",
      "co quan thuc hien",
      "don vi chu tri thuc hien",
      "chu tri thuc hien",
      "co quan don vi chu tri",
      "bo phan thuc hien",
      "bo phan chu tri",
      "nguoi thuc hien",
      "trach nhiem thuc hien",
      // A Party body's programme: "Trách nhiệm chỉ đạo thực hiện: Đảng ủy Ủy ban nhân dân tỉnh."
      "trach nhiem chi dao thuc hien",
      "trach nhiem chi dao",
      "co quan chi dao thuc hien",
      "phu trach",
      "don vi phu trach",
      "co quan chu tri thuc hien",
      "don vi thuc hien chinh",
    ],
  ],
  [
    "cooperate",
    [
      "phoi hop",
      "don vi phoi hop",
      "don vi phoi hop thuc hien",
      "co quan phoi hop",
      "phoi hop thuc hien",
      "co quan don vi phoi hop",
      "bo phan phoi hop",
      "co quan phoi hop thuc hien",
    ],
  ],
  [
    "time",
    [
      "thoi gian",
      "thoi gian thuc hien",
      "thoi han",
      "thoi gian hoan thanh",
      "tien do",
      "thoi han hoan thanh",
      "tien do thuc hien",
      "thoi gian trien khai",
      "tien do hoan thanh",
      "thoi gian to chuc",
      "thoi diem",
    ],
  ],
  [
    "product",
    [
      "san pham",
      "ket qua",
      "san pham dau ra",
      "ket qua san pham",
      "hinh thuc san pham",
      "du kien san pham",
      "san pham du kien",
    ],
  ],
  ["funding", ["kinh phi", "nguon kinh phi", "kinh phi thuc hien"]],
  ["target", ["chi tieu", "muc tieu"]],
];

// A when-label names what it times: "Thời gian kiểm tra:" | "Thời gian tổ chức hội nghị:" | "Thời hạn nộp:"
const TIME_PREFIX = /^(?:thoi gian|thoi han)(?: \S+){1,4}$/;

function byPrefix(label: string): FieldKind | undefined {
  return TIME_PREFIX.test(label) ? "time" : undefined;
}

const EXACT = new Map<string, FieldKind>(
  LABELS.flatMap(([kind, labels]) => labels.map((l) => [l, kind] as [string, FieldKind])),
);

// The label before the colon: up to six words, "Thời gian thực hiện" | "Đơn vị phối hợp thực hiện"
// (the value is the rest of the line, sliced off rather than matched: a pattern that ran on to the
// end of the line re-read the whole line for every "…; nhãn:" in it)
const LABELLED = /^\s*(?:[-+•–*]\s*)?([\p{L}][\p{L}\s/,]{1,45}?)\s*:\s*/u;

export interface FieldLine {
  kind: FieldKind;
  /** The value after the colon. */
  value: string;
  /** Offset of the value inside the line. */
  valueOffset: number;
}

/**
 * Reads a field line: `readField("- Thời gian thực hiện: Thường xuyên;")` →
 * `{ kind: "time", value: "Thường xuyên;" }`. In OCR text a label one or two letters off still counts.
 */
export function readField(line: string, ocr: boolean): FieldLine | null {
  // The first colon, looked for in the first 61 characters only.
  const colon = line.slice(0, 61).indexOf(":");
  if (colon < 2) return null;
  const m = LABELLED.exec(line);
  if (!m) return null;
  const label = m[1] ?? "";
  if (label.split(/\s+/).length > 7) return null;
  const value = line.slice(m[0].length);
  const exact = EXACT.get(foldKey(label)) ?? byPrefix(foldKey(label));
  if (exact) return { kind: exact, value, valueOffset: line.length - value.length };
  if (!ocr) return null;
  const key = ocrKey(label);
  const tolerance = Math.max(1, Math.floor(key.length / 8));
  let best: FieldKind | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const [kind, labels] of LABELS) {
    for (const l of labels) {
      const d = editDistance(key, l);
      if (d <= tolerance && d < bestDistance) {
        best = kind;
        bestDistance = d;
      }
    }
  }
  if (!best) return null;
  return { kind: best, value, valueOffset: line.length - value.length };
}

// "…; đơn vị phối hợp: Sở Tài chính; thời gian hoàn thành: Quý II/2024": further fields on the same line
const NEXT_LABEL = /[;,.]\s*([\p{L}][\p{L}\s/]{1,45}?)\s*:\s*/gu;

/**
 * Reads every field of a line that may carry several:
 * `readFields("- Chủ trì: Sở Y tế; phối hợp: Sở Tài chính; thời gian: Quý II/2024", false)` →
 * lead "Sở Y tế", cooperate "Sở Tài chính", time "Quý II/2024".
 */
export function readFields(line: string, ocr: boolean): FieldLine[] {
  const first = readField(line, ocr);
  if (!first) return [];
  const out: FieldLine[] = [];
  let current = first;
  for (;;) {
    let split: { at: number; next: FieldLine } | null = null;
    for (const m of current.value.matchAll(NEXT_LABEL)) {
      const rest = current.value.slice((m.index ?? 0) + 1);
      const next = readField(rest, ocr);
      if (next && next.kind !== "content") {
        split = {
          at: m.index ?? 0,
          next: { ...next, valueOffset: current.valueOffset + (m.index ?? 0) + 1 + next.valueOffset },
        };
        break;
      }
    }
    if (!split) {
      out.push(current);
      return out;
    }
    out.push({ ...current, value: current.value.slice(0, split.at) });
    current = split.next;
    if (out.length > 8) {
      out.push(current);
      return out;
    }
  }
}

/**
 * Fields written after a sentence on the same line:
 * `readInlineFields("Trung tâm … tổ chức giám sát; thời hạn hoàn thành: tháng 6/2026.", false)` →
 * `{ before: "Trung tâm … tổ chức giám sát", fields: [time "tháng 6/2026."] }`. Only the labels of who,
 * when and what comes out count here; "nội dung:" inside a sentence is prose.
 */
export function readInlineFields(line: string, ocr: boolean): { before: string; fields: FieldLine[] } | null {
  if (!line.includes(":")) return null;
  for (const m of line.matchAll(NEXT_LABEL)) {
    const at = (m.index ?? 0) + 1;
    // The first label decides; the rest of the line is read for further fields only then.
    const first = readField(line.slice(at), ocr);
    if (!first || first.kind === "content" || first.kind === "target") continue;
    return { before: line.slice(0, at - 1), fields: readFields(line.slice(at), ocr) };
  }
  return null;
}
