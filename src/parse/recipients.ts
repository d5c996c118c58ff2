// "Nơi nhận:" and its list, one recipient a line:
//   Nơi nhận:
//   - UBND TP (để báo cáo);
//   - Lưu: VT.
// In text extracted from two columns, the signature may sit on the same lines after the ";".

import { isUpperLine } from "../text/line-kinds.js";
import type { Line } from "./lines.js";
import { cleanValue } from "./lines.js";

// "Nơi nhận:" | "Noi nhén:" (OCR) | "NƠI NHẬN"
const HEADING = /^\s*n\S{1,3}i nh\S{1,3}n\s*:?/;
const ITEM = /^\s*[-+•–*]\s*(\S.*)$/u;

/** Reads the recipients after the first "Nơi nhận" in lines [from, to). */
export function readRecipients(
  lines: readonly Line[],
  from: number,
  to: number,
): { recipients: string[]; line: number } {
  for (let i = Math.max(from, 0); i < Math.min(to, lines.length); i++) {
    const line = lines[i];
    if (!line || !HEADING.test(line.key)) continue;
    const out: string[] = [];
    for (let j = i + 1; j < Math.min(to, lines.length); j++) {
      const text = lines[j]?.text ?? "";
      if (!text.trim()) continue;
      const item = ITEM.exec(text);
      if (!item) break;
      // "- Văn phòng Sở (Bố trí kinh phí, phương              TRƯỞNG ĐOÀN tiện Phục vụ …)": the
      // signature's column, in capitals after a wide gap, sits inside a recipient its line broke.
      let value = (item[1] ?? "").replace(/ {3,}(?:[\p{Lu}/.]+ ?)+(?= \p{Ll}|$)/gu, " ");
      // "- UBND thanh phs; _—2HO GIAM bOC": what follows the ";" in capitals is the other column.
      const semi = value.indexOf(";");
      if (semi > 0) {
        const after = value.slice(semi + 1).trim();
        if (after && isUpperLine(after.replace(/[^\p{L}\s]/gu, ""))) value = value.slice(0, semi);
      }
      const clean = cleanValue(value);
      if (clean) out.push(clean);
    }
    return { recipients: out, line: i };
  }
  return { recipients: [], line: -1 };
}
