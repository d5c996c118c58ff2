// The issuer as the body names it when the header was lost:
//   "Sở Giáo dục và Đào tạo (GDĐT) ban hành Kế hoạch …" | "…, Phòng Giáo dục và Đào tạo xây dựng Kế hoạch …"
//   "(sau đây gọi là Kết luận 134-KL/TU), Ủy ban nhân thành phố ban hành kế hoạch …"

import type { Line } from "./lines.js";
import { unitHead } from "./units.js";

// "<issuer> (abbr)? ban hành|xây dựng|triển khai Kế hoạch"
// (the name starts at its first non-blank: "[,;:)]\s*" and a name that may start with blanks shared
// a long run of spaces every way)
const ISSUES =
  /(?:^|[,;:)]\s*|\n)([^,;:()\n\s][^,;:()\n]{3,89}?)\s*(?:\([^)]{1,20}\)\s*)?(?:ban hanh|xay dung|trien khai|thong bao)\s+(?:ke hoach|chuong trinh)/;

/** Reads the issuer from the preamble lines [from, to), else from a "TM. …" signing capacity. */
export function readBodyIssuer(
  lines: readonly Line[],
  from: number,
  to: number,
  capacity: string | null,
): string | null {
  for (let i = Math.max(from, 0); i < Math.min(to + 1, lines.length); i++) {
    const line = lines[i];
    if (!line) continue;
    const m = ISSUES.exec(line.key);
    if (!m) continue;
    const start = (m.index ?? 0) + m[0].indexOf(m[1] ?? "");
    let name = line.text.slice(start, start + (m[1] ?? "").length).trim();
    if (!unitHead(name)) continue;
    // "Ủy ban nhân thành phố": a dropped "dân" in the fixed name of the People's Committee.
    name = name.replace(/^(Ủy ban nhân|Uỷ ban nhân)(?= (?!dân))/u, "$1 dân");
    return name;
  }
  const tm = capacity ? /^TM\.\s*(.+?)(?:\s*\/|$)/.exec(capacity) : null;
  return tm?.[1] ? tm[1] : null;
}
