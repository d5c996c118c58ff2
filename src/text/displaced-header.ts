// A header that a PDF's text layer put after the body of the first page. Signed PDFs often draw the
// header table as its own object, after the page's text, so the text reads:
//   KẾ HOẠCH / Triển khai thực hiện Chỉ thị số 30/CT-TTg … / I. MỤC ĐÍCH, YÊU CẦU / … (page 1)
//   ỦY BAN NHÂN DÂN / TỈNH NINH BÌNH / Số: /KH-UBND / CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM /
//   Độc lập - Tự do - Hạnh phúc / Ninh Bình, ngày tháng 11 năm 2024
//   II. NHIỆM VỤ, GIẢI PHÁP … (page 2)
// Where the motto comes after the document's kind line, the header block around it is moved back
// to the top, where every reader of the header looks for it.

import { foldDiacritics } from "./fold.js";
import { isUpperLine } from "./line-kinds.js";

const MOTTO = /\b(?:CONG HOA XA HOI CHU NGHIA VIET NAM|DANG CONG SAN VIET NAM)\b/i;
const MOTTO_2 = /^\s*doc lap\s*[-–]\s*tu do\s*[-–]\s*hanh phuc\s*$/i;
const KIND_LINE = /^\s*(?:KE HOACH|QUYET DINH|NGHI QUYET|CHUONG TRINH|DE AN|PHUONG AN)\b/;
// "Số: /KH-UBND" | "Ninh Bình, ngày tháng 11 năm 2024" | "-------"
const NUMBER_LINE = /^\s*so\s*[:.]/i;
const PLACE_DATE = /,\s*ngay\b.*\bnam\s+\d{4}/i;
const RULE = /^\s*[-_=—–.]{3,}\s*$/;

// The header block is a handful of lines on each side of the motto.
const MAX_AROUND = 5;
// The body of a first page is some dozens of lines; a motto further on belongs to another document
// (an appendix's own header, a copy of a letter).
const MAX_DISPLACEMENT = 120;

function headerLike(folded: string, raw: string): boolean {
  return (
    MOTTO.test(folded) ||
    MOTTO_2.test(folded) ||
    NUMBER_LINE.test(folded) ||
    PLACE_DATE.test(folded) ||
    RULE.test(raw) ||
    (isUpperLine(raw) && raw.trim().length <= 60)
  );
}

/** Moves a header block found after the kind line back to the top of the text. */
export function liftDisplacedHeader(text: string): string {
  const lines = text.split("\n");
  const limit = Math.min(lines.length, MAX_DISPLACEMENT);
  let kind = -1;
  let motto = -1;
  for (let i = 0; i < limit; i++) {
    const line = lines[i] ?? "";
    if (line.length > 200) continue;
    const folded = foldDiacritics(line);
    if (MOTTO.test(folded)) {
      motto = i;
      break;
    }
    if (kind < 0 && KIND_LINE.test(folded) && isUpperLine(line)) kind = i;
  }
  if (kind < 0 || motto < 0) return text;
  let start = motto;
  while (start > kind + 1 && motto - start < MAX_AROUND) {
    const before = lines[start - 1] ?? "";
    if (!before.trim() || !headerLike(foldDiacritics(before), before)) break;
    start--;
  }
  let end = motto;
  while (end + 1 < lines.length && end - motto < MAX_AROUND) {
    const after = lines[end + 1] ?? "";
    if (!after.trim() || !headerLike(foldDiacritics(after), after)) break;
    end++;
  }
  // A motto alone is no header: the block must also hold the number or the place and date.
  const block = lines.slice(start, end + 1);
  if (!block.some((l) => NUMBER_LINE.test(foldDiacritics(l)) || PLACE_DATE.test(foldDiacritics(l))))
    return text;
  return [...block, "", ...lines.slice(0, start), ...lines.slice(end + 1)].join("\n");
}
