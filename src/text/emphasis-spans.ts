// Bold and italic runs that a converter wrapped over lines, in Markdown made from web pages:
//   "**UỶ BAN NHÂN" / "DÂN**"              → "**UỶ BAN NHÂN DÂN**"
//   "**I. MỤC" / "ĐÍCH, YÊU CẦU**"          → "**I. MỤC ĐÍCH, YÊU CẦU**"
//   "*Lai Châu, ngày" / "19 tháng 11 năm 2025*"
// The page's own line breaks fall wherever its source was wrapped, even inside a heading or a
// header cell; a run of emphasis opened on one line and closed on a later one is one piece of text.
// Joined before the markers are cleaned away, since afterwards nothing tells the lines belong together.

import { signatureLines } from "./layout-tables.js";

// "KT. GIÁM ĐỐC" | "TM. ỦY BAN NHÂN DÂN" | "KT.GIÁM ĐỐC" | "T/M BAN THƯỜNG VỤ"
const CAPACITY_MARK = /^(?:TM|KT|TL|TUQ|Q)\s*\.|^(?:T\/M|K\/T|T\/L)\b/;

// A run that stays open must close within a few lines, with no blank line between: an opener
// without a closer ("**" left by a broken converter) joins nothing.
const MAX_SPAN_LINES = 4;

/** How many "**" the line holds. */
function boldMarks(line: string): number {
  let n = 0;
  for (let at = line.indexOf("**"); at >= 0; at = line.indexOf("**", at + 2)) n++;
  return n;
}

// "*Lai Châu, ngày" — an italic opened at the start of the line and not closed on it (a single
// "*" that is neither a bullet "* item" nor half of "**").
const OPENS_ITALIC = /^\s*\*(?!\*)(?=\S)/;
const CLOSES_ITALIC = /(?<=[^\s*])\*(?!\*)\s*$/;

function opensRun(line: string): "bold" | "italic" | null {
  if (boldMarks(line) % 2 === 1) return "bold";
  const withoutBold = line.replaceAll("**", "");
  if (OPENS_ITALIC.test(withoutBold) && !CLOSES_ITALIC.test(withoutBold)) return "italic";
  return null;
}

function closesRun(line: string, kind: "bold" | "italic"): boolean {
  if (kind === "bold") return boldMarks(line) % 2 === 1;
  const withoutBold = line.replaceAll("**", "");
  return CLOSES_ITALIC.test(withoutBold) && !OPENS_ITALIC.test(withoutBold);
}

/** Joins the lines of each emphasis run that spans lines; every other line is kept as it is. */
export function joinEmphasisSpans(text: string): string {
  if (!text.includes("*")) return text;
  const lines = text.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const kind = line.includes("*") ? opensRun(line) : null;
    if (!kind) {
      out.push(line);
      continue;
    }
    let end = -1;
    for (let j = i + 1; j < Math.min(lines.length, i + MAX_SPAN_LINES); j++) {
      const next = lines[j] ?? "";
      if (!next.trim()) break;
      if (closesRun(next, kind)) {
        end = j;
        break;
      }
      if (next.includes("*")) break;
    }
    if (end < 0) {
      out.push(line);
      continue;
    }
    const joined = lines
      .slice(i, end + 1)
      .map((l) => l.trim())
      .join(" ");
    // "**KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC**": a signature set in bold keeps its lines, which are
    // real (capacity, then position), not a wrap: read them back by the closed set of posts.
    const plain = joined.replace(/\*+/g, "").trim();
    if (CAPACITY_MARK.test(plain)) out.push(...signatureLines(plain));
    else out.push(joined);
    i = end;
  }
  return out.join("\n");
}
