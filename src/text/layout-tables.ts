// The header and the closing of a Vietnamese administrative document are laid out as two-column
// tables (Decree 30/2020/NĐ-CP). Text copied from legal-database web pages, and Word or PDF files
// read by other converters, flatten those tables: a row becomes one line with its cells between
// bars, and the lines inside a cell run together:
//   | THỦ TƯỚNG CHÍNH PHỦ ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --- |
//   |---|---|
//   | Số: 773 /QĐ-TTg | Hà Nội, ngày 26 tháng 0 6 năm 2018 |
//   | Nơi nhận: - Ban Bí thư Trung ương Đảng; - …; - Lưu: VT, KGVX (2.b). | THỦ TƯỚNG Nguyễn Xuân Phúc |
// or the cells stand on lines of their own with a bar between them ("|" alone on a line), or a bar
// parts two cells inside one line ("Số: 88/NQ-CP | Hà Nội, ngày 22 tháng 7 năm 2022"). This module
// writes such rows back as the lines a printed page shows, one thing per line, so that the header,
// the recipients and the signature read as they do from the plain layout. Tables of three columns
// or more (task tables) are left to the task-table reader.

import { foldDiacritics } from "./fold.js";
import { COLLECTIVES, POSITIONS } from "./posts.js";

// "| a | b |" — a whole row between bars
const PIPE_ROW = /^\s*\|(.*)\|\s*$/;
// "|---|---|" | "| --- | :---: |"
const SEPARATOR_ROW = /^\s*\|(?:\s*:?-{2,}:?\s*\|)+\s*$/;
// A bar alone on its line: the cells of a row were written one under the other.
const LONE_BAR = /^\s*\|\s*$/;
// " | " inside a line: two cells of a row on one line.
const INLINE_BAR = / \| | \|$|^\| /g;

// "-------" | "_____" under a body's name or the motto
const RULE = /\s*[-_=]{3,}\s*/g;
// "Độc lập - Tự do - Hạnh phúc", folded
const MOTTO_LINE_2 = /doc lap\s*[-–]\s*tu do\s*[-–]\s*hanh phuc/i;
// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" | "ĐẢNG CỘNG SẢN VIỆT NAM", folded
const MOTTO_LINE_1 = /cong hoa xa hoi chu nghia viet nam|dang cong san viet nam/i;
// "Nơi nhận:" at the start of a cell
const RECIPIENTS = /^\s*\*?n\S{1,3}i nh\S{1,3}n\s*:?\s*\*?\s*/i;
// Where a recipient starts: a mark after the label, a ";", or a closing bracket ("; (báo cáo) - X;")
const RECIPIENT_START = /(?<=^|[;:)])\s*[-–+•]\s+(?=\S)/g;
// "TM." | "KT." | "TL." | "TUQ." | "Q." | "T/M" | "K/T" | "T/L" (the capacity of a signature)
const CAPACITY = /(?:^|\s)(?=(?:TM|KT|TL|TUQ|Q)\s*\.|(?:T\/M|K\/T|T\/L)\.?\s)/g;
// A person's name at the end of a signature cell: "Nguyễn Xuân Phúc" | "Lê Văn Thành"
const TRAILING_NAME = /\s+((?:\p{Lu}\p{Ll}*\.?\s+){1,4}\p{Lu}\p{Ll}+)\s*$/u;

const POSTS_BY_LENGTH = [...POSITIONS, ...COLLECTIVES].sort((a, b) => b.length - a.length);

/** The post a run of capitals starts with, if any: "PHÓ CHỦ TỊCH UBND …" → "PHÓ CHỦ TỊCH". */
function postAt(words: readonly string[], k: number): string | null {
  const rest = words.slice(k).join(" ");
  for (const post of POSTS_BY_LENGTH) if (rest === post || rest.startsWith(`${post} `)) return post;
  return null;
}

/**
 * The lines of a signature run together: "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Lê Văn A"
 * → ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Văn A"].
 */
export function signatureLines(cell: string): string[] {
  let text = cell.replace(/\s+/g, " ").trim();
  let name: string | null = null;
  const m = TRAILING_NAME.exec(text);
  if (m && m.index > 0) {
    name = m[1] ?? null;
    text = text.slice(0, m.index).trim();
  }
  const out: string[] = [];
  for (const segment of text.split(CAPACITY).map((s) => s.trim())) {
    if (!segment) continue;
    // After a capacity mark ("KT."), the head's post; then a post of its own starts a new line:
    // "KT. BỘ TRƯỞNG THỨ TRƯỞNG" | "T/M. ĐOÀN KIỂM TRA TRƯỞNG ĐOÀN" | "TRƯỞNG BAN PHÓ THỦ TƯỚNG".
    const words = segment.split(" ");
    const mark = /^(?:TM|KT|TL|TUQ|Q|T\/M|K\/T|T\/L)\.?$/.test(words[0] ?? "") ? 1 : 0;
    const own = postAt(words, mark);
    let from = 0;
    for (let k = mark + (own ? own.split(" ").length : 1); k < words.length; k++) {
      if (postAt(words, k)) {
        out.push(words.slice(from, k).join(" "));
        from = k;
        k += (postAt(words, k) ?? "").split(" ").length - 1;
      }
    }
    out.push(words.slice(from).join(" "));
  }
  if (name) out.push(name);
  return out;
}

/** "Nơi nhận: - A; - B; - Lưu: VT." → ["Nơi nhận:", "- A;", "- B;", "- Lưu: VT."] */
function recipientLines(cell: string): string[] {
  const items = cell.replace(RECIPIENTS, "").replace(/\s+/g, " ").trim();
  return [
    "Nơi nhận:",
    ...items
      .split(RECIPIENT_START)
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => `- ${s}`),
  ];
}

/** One cell of a header or closing row as the lines a printed page shows. */
export function cellLines(cell: string): string[] {
  const text = cell.replace(/\*+/g, "").replace(/\s+/g, " ").trim();
  if (!text) return [];
  if (RECIPIENTS.test(text)) return recipientLines(text);
  const out: string[] = [];
  for (const part of text.split(RULE)) {
    let rest = part.trim();
    if (!rest) continue;
    // The motto's two lines: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" / "Độc lập - Tự do - Hạnh phúc"
    const folded = foldDiacritics(rest);
    const two = MOTTO_LINE_2.exec(folded);
    if (two && two.index > 0) {
      out.push(rest.slice(0, two.index).trim());
      rest = rest.slice(two.index).trim();
    }
    if (MOTTO_LINE_1.test(folded) || two) {
      out.push(rest);
      continue;
    }
    // A signature: a capacity mark, or a post with the signer's name after it ("THỦ TƯỚNG Nguyễn
    // Xuân Phúc"); "THỦ TƯỚNG CHÍNH PHỦ" with no name is the header's issuing body.
    const capacity = /^(?:(?:TM|KT|TL|TUQ|Q)\s*\.|(?:T\/M|K\/T|T\/L)\.?\s)/.test(rest);
    const signed = postAt(rest.split(" "), 0) !== null && TRAILING_NAME.test(rest);
    out.push(...(capacity || signed ? signatureLines(rest) : bodyLines(rest)));
  }
  return out;
}

// A body's name that heads another on the same line: "ỦY BAN NHÂN DÂN TỈNH LÀO CAI SỞ CÔNG THƯƠNG",
// "UBND QUẬN HỒNG BÀNG PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG CỤC BIẾN ĐỔI KHÍ HẬU"
const PARENT_START = /^(?:UY BAN NHAN DAN|UBND|BO|SO|TINH UY|HUYEN UY|THANH UY|DANG UY)\b/;
// The first word of the body under it (not "BAN" of "ỦY BAN", not "VỤ" of "NỘI VỤ")
const CHILD_START = new Set(["SO", "PHONG", "TRUONG", "CUC", "CHI", "VAN", "TRUNG", "THANH", "BAN", "DOAN"]);
const CHILD_PAIR = /^(?:CHI CUC|VAN PHONG|TRUNG TAM|THANH TRA)\b/;
// "TRƯỜNG" heads a school's name ("TRƯỜNG THPT …"), not "MÔI TRƯỜNG", "THỊ TRƯỜNG"
const SCHOOL = /^TRUONG (?:THPT|THCS|TH|MN|MG|PT|PTDTBT|PTDTNT|TIEU|MAM|TRUNG|DAI|CAO|PHO|CHINH|DAN|LIEN)\b/;

/** A header's issuing bodies that ran together, one per line; anything else as it is. */
function bodyLines(text: string): string[] {
  if (text !== text.toUpperCase() || !/\p{L}/u.test(text)) return [text];
  const words = text.split(" ");
  const folded = words.map((w) => foldDiacritics(w).toUpperCase());
  if (!PARENT_START.test(folded.join(" "))) return [text];
  for (let k = 2; k < words.length - 1; k++) {
    const w = folded[k] ?? "";
    if (!CHILD_START.has(w) || folded[k - 1] === "UY") continue;
    const two = `${w} ${folded[k + 1] ?? ""}`;
    if ((w === "CHI" || w === "VAN" || w === "TRUNG" || w === "THANH") && !CHILD_PAIR.test(two)) continue;
    if (w === "TRUONG" && !SCHOOL.test(two)) continue;
    return [words.slice(0, k).join(" "), words.slice(k).join(" ")];
  }
  return [text];
}

function cells(row: string): string[] {
  return row.split("|").map((c) => c.trim());
}

/**
 * Writes flattened layout tables back as lines: `unflattenLayoutTables("| Số: 09/KH-BTNMT | Hà Nội, ngày 06 tháng 8 năm 2024 |")`
 * → `"Số: 09/KH-BTNMT\nHà Nội, ngày 06 tháng 8 năm 2024"`. Text without bars is returned as it is.
 */
export function unflattenLayoutTables(text: string): string {
  if (!text.includes("|")) return text;
  const lines = text.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (!line.includes("|")) {
      out.push(line);
      continue;
    }
    const row = PIPE_ROW.exec(line);
    if (row) {
      const parts = cells(row[1] ?? "");
      // A task table (three columns or more) is read as a table; only its separator rows of two go.
      if (parts.length !== 2) {
        out.push(line);
        continue;
      }
      if (SEPARATOR_ROW.test(line)) continue;
      out.push(...parts.flatMap(cellLines));
      continue;
    }
    if (LONE_BAR.test(line)) {
      out.push("");
      continue;
    }
    // "Số: 88/NQ-CP | Hà Nội, ngày 22 tháng 7 năm 2022" | "- Lưu: VT, CN (2). | TM. CHÍNH PHỦ":
    // one bar between two cells (a row of three or more is a table's, read as such).
    const bars = line.match(INLINE_BAR)?.length ?? 0;
    if (bars === 1) {
      const [left = "", right = ""] = line.split(/ \| | \|$|^\| /);
      const leftLines = /^\s*[-–+•]\s+\S/.test(left) ? [left.trim()] : cellLines(left);
      out.push(...leftLines, ...cellLines(right));
      continue;
    }
    out.push(line);
  }
  return out.join("\n");
}
