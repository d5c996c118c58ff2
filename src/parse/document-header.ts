// The document's own header (Decree 30/2020/NĐ-CP, items 1–4): issuing body and its parent, the
// document number, place and date.
//   UBND THÀNH PHỐ HẢI PHÒNG          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
//   SỞ GIÁO DỤC VÀ ĐÀO TẠO                Độc lập - Tự do - Hạnh phúc
//   Số: 22/KH-SGDĐT                    Hải Phòng, ngày 22 tháng 02 năm 2023

import { isUpperLine } from "../text/line-kinds.js";
import { cleanValue, type Line } from "./lines.js";
import { toOfficialCase } from "./official-case.js";

export interface HeaderFields {
  number: string | null;
  numberLine: number;
  place: string | null;
  date: string | null;
  year: number | null;
  issuer: string | null;
  parentIssuer: string | null;
}

// "Số: 193 /KH-UBND" | "Số: /KH- SGDDĐT" | "Số:22  /KH-SGDDT" | "Số 40-CTr/TU" | "SỐ: 15/QĐ-UBND"
// | "Số: 96O/KH-SGDĐT" (OCR read the zero as the letter O) | "Số: 01.6/GĐN/KSYB" | "Số: 230/KH-THPT.PB"
// (white space is matched by one quantifier at each place: "so\s*[:.]?\s*(…)?\s*" tried every way of
// sharing a long run of spaces among three)
const NUMBER_LINE =
  /^\s*so\s*(?:[:.]\s*)?((?:\d[\dOoIl]{0,4}(?:\.\d{1,3})?\s*)?[/-]\s*[a-z\d][\w&\s/.-]{0,40})$/i;
// "Số:" alone on its line
const BARE_LABEL = /^\s*so\s*[:.]?\s*$/;
// Any "Số: …" line: never an issuing body, even when the number itself is unreadable.
const NUMBER_LABEL = /^\s*so\s*:/;
// "Hải Phòng, ngày 19 tháng 8 năm 2021" | "Hai Phong, ngay 22 thang 02 nam 2023" | ", ngày   tháng   năm 2024"
// (the place starts at its first letter and each run of white space has one quantifier: "^\s*[^,\d]"
// and "\s*(\d)?\s*" tried every way of sharing a long run of spaces)
const PLACE_DATE =
  /^\s*([^,\d\s][^,\d]{1,39}?)\s*,\s*ngay\s*(?:(\d{1,2})\s*)?thang\s*(?:(\d{1,2})\s*)?nam\s*(\d{4})/;
// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" | "Độc lập - Tự do - Hạnh phúc" | "ĐẢNG CỘNG SẢN VIỆT NAM" |
// "CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM" (the motto broken over two lines)
const MOTTO =
  /cong hoa xa hoi|^\s*chu nghia viet nam\b|doc lap|\bt\S{0,2} do\s*[-–]\s*hanh|dang cong san viet nam|^\s*[-_=*]{3,}/;
// "Hà Giang, ngày 31" / "tháng 12 năm 2021": a place and date broken over two lines
const DATE_BROKEN = /,\s*ngay\s*\d{0,2}\s*$/;
const DATE_REST = /^\s*thang\b/;

/** Builds an ISO date, or null when the parts do not make a real date. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2200) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The document number without the spaces OCR and typing put in: "193 /KH- UBND" → "193/KH-UBND";
 * letters OCR mistook for digits in the numeral are put back: "96O/KH" → "960/KH".
 */
export function compactNumber(raw: string): string {
  const compact = raw.replace(/\s+/g, "").replace(/[.,;:]+$/, "");
  return compact.replace(/^\d[\dOoIl]*(?=[/-])/, (numeral) =>
    numeral.replace(/[Oo]/g, "0").replace(/[Il]/g, "1"),
  );
}

// Kinds of body a parent issuer heads: "UBND THÀNH PHỐ HẢI PHÒNG" above "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
const CHILD_BODY =
  /^\s*(?:so|phong|ban|van phong|truong|trung tam|chi cuc|cuc|vu|thanh tra|doan|hoi|cong an|ban chi dao|dang uy|chi bo|(?:huyen|tinh|thanh|quan|thi|dang) uy)\b/;
// The line under "ỦY BAN NHÂN DÂN" that completes its name: "THÀNH PHỐ HẢI PHÒNG" | "HUYỆN ĐẦM HÀ"
const PLACE_NAME = /^\s*(?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran)\b/;

/** Reads the header of lines [0, end): `readHeader(lines, kindLine)`. */
export function readHeader(lines: readonly Line[], end: number): HeaderFields {
  const out: HeaderFields = {
    number: null,
    numberLine: -1,
    place: null,
    date: null,
    year: null,
    issuer: null,
    parentIssuer: null,
  };
  const bodies: string[] = [];
  const bodyKeys: string[] = [];
  // "ĐOÀN KIỂM TRA" / "THEO QUYẾT ĐỊNH" / "SỐ 1050/QĐ-SCT" … "Số: 1105/KH-ĐKT": where a "Số:" line
  // with its colon follows, a number line without one belongs to the issuing body's name.
  const labelled = lines.slice(0, end).findIndex((l) => NUMBER_LABEL.test(l.key) && NUMBER_LINE.test(l.key));
  for (let i = 0; i < Math.min(end, lines.length); i++) {
    const line = lines[i];
    if (!line?.text.trim()) continue;
    // "Số:" in one cell line, "7360/KH-UBND" on the next (a web page's header table).
    if (BARE_LABEL.test(line.key) && out.number === null) {
      let j = i + 1;
      while (j < Math.min(end, lines.length, i + 3) && !lines[j]?.text.trim()) j++;
      const after = lines[j];
      const num = after ? NUMBER_LINE.exec(`so: ${after.key.trim()}`) : null;
      if (after && num && /^\s*\d*\s*[/-]/.test(after.key)) {
        out.number = compactNumber(after.text.trim());
        out.numberLine = j;
        i = j;
        continue;
      }
    }
    const num = NUMBER_LINE.exec(line.key);
    if (num && labelled > i && !NUMBER_LABEL.test(line.key) && bodies.length && out.number === null) {
      bodies[bodies.length - 1] += ` ${line.text.trim()}`;
      continue;
    }
    if (num && out.number === null) {
      const raw = line.text.slice(line.text.length - (num[1] ?? "").length);
      out.number = compactNumber(raw);
      out.numberLine = i;
      continue;
    }
    // A date broken over two lines is read as one; "tháng 0 6" (a digit apart) as "tháng 06".
    const next = lines[i + 1];
    const joined =
      DATE_BROKEN.test(line.key) && next && DATE_REST.test(next.key)
        ? { text: `${line.text} ${next.text}`, key: `${line.key} ${next.key}` }
        : line;
    const pd = PLACE_DATE.exec(joined.key.replace(/\b(\d) (\d)\b/g, "$1$2"));
    if (pd && out.year === null) {
      out.place = cleanValue(
        joined.text.slice(
          joined.key.indexOf(pd[1] ?? ""),
          joined.key.indexOf(pd[1] ?? "") + (pd[1] ?? "").length,
        ),
      );
      if (joined !== line) i++;
      const year = Number(pd[4]);
      out.year = year;
      out.date = pd[2] && pd[3] ? isoDate(year, Number(pd[3]), Number(pd[2])) : null;
      continue;
    }
    if (MOTTO.test(line.key) || NUMBER_LABEL.test(line.key)) continue;
    if (out.number === null && isUpperLine(line.text) && line.text.length < 90) {
      // "THEO QUYẾT ĐỊNH" continues the body above it: "ĐOÀN KIỂM TRA THEO QUYẾT ĐỊNH SỐ …"
      // "BỘ VĂN HÓA, THỂ THAO" / "VÀ DU LỊCH": a name broken at its "và" or after a comma.
      const continues = /^\s*(?:theo|va)\b/.test(line.key) || /,\s*$/.test(bodies[bodies.length - 1] ?? "");
      if (bodies.length && continues) {
        bodies[bodies.length - 1] += ` ${line.text.trim()}`;
        bodyKeys[bodyKeys.length - 1] += ` ${line.key.trim()}`;
        continue;
      }
      bodies.push(line.text.trim());
      bodyKeys.push(line.key.trim());
    }
  }
  if (bodies.length === 1) out.issuer = toOfficialCase(bodies[0] ?? "");
  else if (bodies.length >= 2) {
    const last = bodies.length - 1;
    if (PLACE_NAME.test(bodyKeys[last] ?? "") && !CHILD_BODY.test(bodyKeys[last] ?? "")) {
      // "ỦY BAN NHÂN DÂN" / "TỈNH QUẢNG NINH": one name on two lines.
      out.issuer = toOfficialCase(`${bodies[last - 1]} ${bodies[last]}`);
      if (last >= 2) out.parentIssuer = toOfficialCase(bodies.slice(0, last - 1).join(" "));
    } else {
      out.issuer = toOfficialCase(bodies[last] ?? "");
      out.parentIssuer = toOfficialCase(bodies.slice(0, last).join(" "));
    }
  }
  return out;
}
