// The title (trích yếu): the words under the kind line, up to the first blank line.
//   KẾ HOẠCH
//   TRIỂN KHAI NGHỊ QUYẾT SỐ 1035/NQ-UBTVQH15 CỦA
//   ỦY BAN THƯỜNG VỤ QUỐC HỘI TRONG LĨNH VỰC NGOẠI GIAO
//   (Thực hiện Kế hoạch số 155/KH-UBND ngày 09/7/2024 …)
// A "(Ban hành kèm theo Quyết định …)" line is not part of it; "Căn cứ …" starts the preamble.

import type { Line } from "./lines.js";
import { foldLower } from "./lines.js";

// "Căn cứ …" | "(Ban hành kèm theo …" | "I. MỤC ĐÍCH" — where a title never runs on
// (the blanks after an opening bracket are read only after one: "\s*\(?\s*" shared a long run of
// blanks every way)
// "Thực hiện Kế hoạch số 199/KH-BGDĐT của Bộ …": the opening paragraph, hard-wrapped (PDF) so that
// its first line is short — it starts in capitals and cites a numbered document.
const OPENING_CITES = /^\s*(?:Thực hiện|Triển khai|Căn cứ)\s.{0,60}\bsố\s+\d+[^\s]*\//u;
const OPENING_INSIDE = /\s(?:Thực hiện|Triển khai|Căn cứ)\s.{0,60}?\bsố\s+\d+[^\s]*\//u;
const STOP = /^\s*(?:can cu\b|(?:\(\s*)?(?:ban hanh )?kem theo\b|[ivx]+\.\s)/;
// "… CÁCH MẠNG (Ban hành kèm theo Quyết định số 773/QĐ-TTg …)": the note on the title's own line
const ATTACHED_NOTE = /\s*\(\s*(?:Ban hành\s+)?[Kk]èm theo\b[^)]*\)?\s*$/u;
// A sentence that opens the preamble: "Thực hiện Quyết định số …" | "Căn cứ …" (not "(Thực hiện …)")
const SENTENCE_START = /^\s*\p{Lu}\p{Ll}/u;

export interface TitleRead {
  title: string | null;
  firstLine: number;
  endLine: number;
}

/** Reads the title under the kind line `kindLine` (the heading line may carry words after "KẾ HOẠCH"). */
export function readTitle(lines: readonly Line[], kindLine: number): TitleRead {
  const parts: string[] = [];
  const kind = lines[kindLine];
  let firstLine = -1;
  let i = kindLine + 1;
  // "KẾ HOẠCH Hội nhập quốc tế …" on one line
  if (kind) {
    const rest = kind.text.replace(/^\s*(?:KẾ HOẠCH|KE HOACH|Kế hoạch|CHƯƠNG TRÌNH(?: HÀNH ĐỘNG)?)\s*/u, "");
    if (rest.trim() && rest !== kind.text) {
      parts.push(rest.trim());
      firstLine = kindLine;
    }
  }
  // Skip blank lines right under the heading, then read until a blank line.
  while (i < lines.length && !lines[i]?.text.trim() && parts.length === 0 && i < kindLine + 4) i++;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (!line?.text.trim()) break;
    if (STOP.test(line.key)) break;
    if (
      parts.length &&
      /^\s*(?:thuc hien|trien khai|can cu)\b/.test(line.key) &&
      !/^\s*\(/.test(line.text) &&
      (line.text.length > 120 || OPENING_CITES.test(line.text))
    )
      break;
    // A title in capitals ends where a sentence in small letters begins (no blank line between them
    // in text from PDF): "… TỈNH HÀ GIANG" / "Thực hiện Quyết định số".
    const sofar = parts.join(" ");
    if (
      parts.length &&
      sofar === sofar.toUpperCase() &&
      /\p{Lu}{4}/u.test(sofar) &&
      SENTENCE_START.test(line.text)
    )
      break;
    if (firstLine < 0) firstLine = i;
    parts.push(line.text.trim());
    if (parts.join(" ").length > 1200) break;
  }
  let joined = parts.join(" ").replace(/\s+/g, " ");
  // "… trên địa bàn tỉnh Đồng Tháp Thực hiện Kế hoạch số 199/KH-BGDĐT …": the opening paragraph run
  // into the title when a PDF's hard-wrapped lines were joined — cut where it starts, in capitals
  // mid-sentence, citing a numbered document.
  const opening = OPENING_INSIDE.exec(joined);
  if (opening && opening.index > 20) joined = joined.slice(0, opening.index);
  const title = joined
    .replace(ATTACHED_NOTE, "")
    .replace(/[.;]\s*$/, "")
    .trim();
  return { title: title || null, firstLine, endLine: i };
}

/** The body's own naming of the document when the kind line was lost: first line in capitals. */
export function titleKey(text: string | null): string {
  return foldLower(text ?? "");
}
