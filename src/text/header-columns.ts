// The Decree 30/2020/NĐ-CP header is two columns: the issuing body and the number on the left,
// the national motto and "place, date" on the right. Text extracted from PDF or Word puts both
// columns on one line; this module puts each column on a line of its own so that later stages
// read one thing per line.
//   "SỞ GIÁO DỤC VÀ ĐÀO TẠO      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
//   "Số: 22/KH-SGDĐT    Hải Phòng, ngày 22 tháng 02 năm 2023"

import { foldDiacritics } from "./fold.js";

// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" | "CONG HOA XA HOI CHU NGHIA VIET NAM" | "ĐẢNG CỘNG SẢN VIỆT NAM"
const MOTTO = /\b(?:CONG HOA XA HOI CHU NGHIA VIET NAM|DANG CONG SAN VIET NAM)\b/i;
// "Độc lập - Tự do - Hạnh phúc" | "Poc 1ap - Ty do - Hanh phiac" (OCR)
const MOTTO_2 = /\S{2,4}\s+\S{2,4}\s*[-–]\s*T\S{0,2}\s+do\s*[-–]\s*H\S{2,4}\s+ph\S{1,4}/i;
// "Hải Phòng, ngày 19 tháng 8 năm 2021" | "Hai Phong, ngay 22 thang 02 nam 2023" | "TP. Hồ Chí Minh, ngày"
// | "Thành phố Hồ Chí Minh, ngày" | "Thị xã Sơn Tây, ngày" (a kind of place in small letters before its name)
const PLACE_DATE =
  /(?:(?<=\s)|^)((?:TP\.\s*|Tp\.\s*|(?:Thanh pho|Tinh|Thi xa|Thi tran|Huyen|Quan|Xa|Phuong)\s+)?[A-Z][\p{L}.]*(?:\s+[A-Z][\p{L}.]*){0,4}),\s*ngay\b/u;
// Two or more spaces, or a tab, between two columns.
const GAP = /\t+| {3,}/;

/** Splits one header line at its column boundary; returns the parts in reading order. */
export function splitHeaderLine(line: string): string[] {
  const folded = foldDiacritics(line);
  const cuts = new Set<number>();
  for (const pattern of [MOTTO, MOTTO_2]) {
    const m = pattern.exec(folded);
    if (m && m.index > 0) cuts.add(m.index);
    if (m && m.index + m[0].length < line.length) cuts.add(m.index + m[0].length);
  }
  const pd = PLACE_DATE.exec(folded);
  if (pd && pd.index > 0) cuts.add(pd.index);
  // Without a motto or a date to cut at, a wide gap parts two columns — but not the many gaps of a table row.
  if (!cuts.size && (line.match(/\t+| {3,}/g)?.length ?? 0) > 1) return [line];
  const points = [...cuts].sort((a, b) => a - b);
  const parts: string[] = [];
  let from = 0;
  for (const at of [...points, line.length]) {
    const part = line.slice(from, at);
    // "Tân Hưng, ngày    tháng 3 năm 2026": the blanks of a date left to be filled in are no gap.
    const pieces = pd && from === pd.index ? [part] : part.split(GAP);
    for (const piece of pieces) {
      if (!piece.trim()) continue;
      // "Số:        /KH-UBND": the numeral is left blank to be written in by hand, not a column gap.
      const last = parts[parts.length - 1];
      if (last !== undefined && NUMBER_LABEL.test(foldDiacritics(last)))
        parts[parts.length - 1] = `${last} ${piece.trim()}`;
      else parts.push(piece.trim());
    }
    from = at;
  }
  return parts.length ? parts : [line];
}

// "Số:" | "SỐ:" | "So" alone, before a number whose numeral was left blank
const NUMBER_LABEL = /^\s*so\s*[:.]?\s*$/i;

// The header ends where the document names its kind: "KẾ HOẠCH" | "QUYẾT ĐỊNH" | "CHƯƠNG TRÌNH".
const KIND_LINE =
  /^\s*(?:KE HOACH|QUYET DINH|CHUONG TRINH|DE AN|PHUONG AN|HUONG DAN|THONG BAO|BAO CAO|CONG VAN)\b/;

/** Splits the two-column lines of the header (the lines before the document kind line). */
export function splitHeaderColumns(text: string): string {
  const lines = text.split("\n");
  const limit = Math.min(lines.length, 25);
  for (let i = 0; i < limit; i++) {
    const line = lines[i] ?? "";
    if (KIND_LINE.test(foldDiacritics(line))) break;
    if (line.length > 300) continue;
    const parts = splitHeaderLine(line);
    if (parts.length > 1) lines[i] = parts.join("\n");
  }
  return lines.join("\n");
}
