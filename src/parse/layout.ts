// Where the parts of a plan sit in the text: the header, the kind line ("KẾ HOẠCH"), the title,
// the preamble, the body, the closing (recipients and signature) and the appendices. A plan issued
// by a decision has the decision's own header, preamble and signature first.

import { isUpperLine } from "../text/line-kinds.js";
import type { Line } from "./lines.js";

export interface Layout {
  /** The kind line of the plan ("KẾ HOẠCH"), or -1 when the heading was lost. */
  kindLine: number;
  /** The document type code the kind line gives: "KH", "CTr" … */
  kindCode: string | null;
  /** The decision that issues the plan: its kind line, or -1. */
  decisionLine: number;
  /** "(Ban hành kèm theo Quyết định số …)" line under the plan heading, or -1. */
  attachedLine: number;
  /** First line of the plan body (first section heading), or the preamble start. */
  bodyStart: number;
  /** Index after the last body line: the closing formula, "Nơi nhận" or the signature. */
  bodyEnd: number;
  /** Index of the first appendix line ("PHỤ LỤC"), or lines.length. */
  appendixStart: number;
}

// "KẾ HOẠCH" | "KE HOACH" | "CHƯƠNG TRÌNH HÀNH ĐỘNG" | "ĐỀ ÁN": alone on the line, capitals
const KIND_LINES: Array<[RegExp, string]> = [
  [/^\s*ke hoach\s*$/, "KH"],
  [/^\s*ke hoach\s/, "KH"],
  [/^\s*chuong trinh(?: hanh dong| cong tac)?\s*$/, "CTr"],
  [/^\s*de an\s*$/, "ĐA"],
  [/^\s*phuong an\s*$/, "PA"],
];
// "QUYẾT ĐỊNH" | "NGHỊ QUYẾT" alone on its line: the instrument that issues a plan or a programme
const DECISION = /^\s*(?:quyet dinh|nghi quyet)\s*$/;
// "(Ban hành kèm theo Quyết định số 773/QĐ-TTg ngày 26/6/2018 của Thủ tướng Chính phủ)" |
// "(Kèm theo Nghị quyết số 88/NQ-CP ngày 22 tháng 7 năm 2022 của Chính phủ)"
// (one blank quantifier each side of the bracket: "\s*\(?\s*" shared a long run of blanks every way)
const ATTACHED = /^\s*(?:\(\s*)?(?:ban hanh )?kem theo\b/;
// The same note at the end of the title's own line: "… CÁCH MẠNG (Ban hành kèm theo Quyết định số …)"
const ATTACHED_INLINE = /\(\s*(?:ban hanh )?kem theo (?:quyet dinh|nghi quyet)\b/;
// "Nơi nhận:" | "TM. ỦY BAN NHÂN DÂN" | "KT. GIÁM ĐỐC" | "T/M BAN THƯỜNG VỤ"
export const CLOSING_LINE =
  /^\s*(?:n\S{1,3}i nh\S{1,3}n\s*:|(?:tm|kt|tl|tuq|q)\s*\.\s*\S|(?:t\/m|k\/t|t\/l)\s)/;
// "PHỤ LỤC" | "Phụ lục I" | "PHỤ LỤC 02: DANH MỤC NHIỆM VỤ" | "BIỂU MẪU" | "MẪU BÁO CÁO"
const APPENDIX = /^\s*(?:phu luc\b|bieu mau\b|mau (?:so \d+|bao cao)\b)/;
// "Trên đây là Kế hoạch …" — the closing paragraph
const CLOSING_FORMULA = /^\s*tren day la\b/;

function kindOf(line: Line): string | null {
  if (!isUpperLine(line.text) && !/^\s*ke hoach\s*$/.test(line.key)) return null;
  for (const [pattern, code] of KIND_LINES) if (pattern.test(line.key)) return code;
  return null;
}

/** Finds the zones of a plan: `findLayout(lines)`. */
export function findLayout(lines: readonly Line[], isSectionStart: (line: Line) => boolean): Layout {
  let kindLine = -1;
  let kindCode: string | null = null;
  let decisionLine = -1;
  let attachedLine = -1;
  const scanLimit = lines.length;
  for (let i = 0; i < scanLimit; i++) {
    const line = lines[i];
    if (!line) continue;
    if (decisionLine < 0 && kindLine < 0 && DECISION.test(line.key) && i < 40) decisionLine = i;
    const code = kindOf(line);
    if (code && kindLine < 0 && (decisionLine >= 0 || i < 40)) {
      // In a decision, the plan heading is the one followed by "(Ban hành kèm theo …)".
      if (decisionLine >= 0) {
        const next = nextNonEmpty(lines, i + 1, 6);
        if (
          next >= 0 &&
          !ATTACHED.test(lines[next]?.key ?? "") &&
          ATTACHED_INLINE.test(lines[next]?.key ?? "")
        ) {
          attachedLine = -1;
        } else if (next < 0 || !ATTACHED.test(lines[next]?.key ?? "")) {
          // The note under a title of one to three lines: "THỰC HIỆN QUY HOẠCH … THỜI" / "KỲ
          // 2021-2030, …" / "(Kèm theo Quyết định số 4385/QĐ-BVHTTDL …)".
          let after = next;
          for (let k = 0; k < 3 && after >= 0 && !ATTACHED.test(lines[after]?.key ?? ""); k++) {
            const line = lines[after];
            if (!line || isSectionStart(line)) {
              after = -1;
              break;
            }
            after = nextNonEmpty(lines, after + 1, 6);
          }
          if (after < 0 || !ATTACHED.test(lines[after]?.key ?? "")) continue;
          attachedLine = after;
        } else attachedLine = next;
      }
      kindLine = i;
      kindCode = code;
    }
  }
  const from = kindLine >= 0 ? kindLine + 1 : decisionLine >= 0 ? decisionLine + 1 : 0;
  let bodyStart = -1;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (line && isSectionStart(line)) {
      bodyStart = i;
      break;
    }
  }
  if (bodyStart < 0) bodyStart = from;
  let bodyEnd = lines.length;
  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    if (CLOSING_LINE.test(line.key) || APPENDIX.test(line.key) || CLOSING_FORMULA.test(line.key)) {
      bodyEnd = i;
      break;
    }
  }
  let appendixStart = lines.length;
  for (let i = bodyEnd; i < lines.length; i++) {
    const line = lines[i];
    if (line && APPENDIX.test(line.key) && isUpperLine(line.text.slice(0, 12))) {
      appendixStart = i;
      break;
    }
  }
  return { kindLine, kindCode, decisionLine, attachedLine, bodyStart, bodyEnd, appendixStart };
}

export function nextNonEmpty(lines: readonly Line[], from: number, within: number): number {
  for (let i = Math.max(from, 0); i < Math.min(lines.length, from + within); i++) {
    if (lines[i]?.text.trim()) return i;
  }
  return -1;
}
