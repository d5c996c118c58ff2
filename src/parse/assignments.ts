// Duties per unit under "Tổ chức thực hiện" / "Phân công thực hiện":
//   3. Phòng Giáo dục Thường xuyên & Đại học (GDTX&ĐH)        → units from the heading line
//   - Là phòng chủ trì, …                                      → duties
//   12. Đề nghị Ban Tuyên giáo Thành ủy                         → "Ban Tuyên giáo Thành ủy"
//   2. Các trường học, cơ sở giáo dục trong huyện: Căn cứ …    → heading up to the colon
//   1. Văn phòng Sở - cơ quan thường trực có trách nhiệm …     → the subject of the sentence

import type { Assignment } from "../domain/plan.js";
import { doerKind } from "./doers.js";
import type { Line } from "./lines.js";
import { cleanValue, foldLower } from "./lines.js";
import type { OutlineItem } from "./outline.js";
import { namesPerson, splitUnits, unitHead } from "./units.js";

// Verbs that end the subject of a duty sentence: "… căn cứ chức năng" | "… có trách nhiệm" | "… chủ trì"
const PREDICATE =
  /\s(?:-\s|–\s|can cu|co trach nhiem|tap trung|chu tri|phoi hop|chu dong|(?<!cac )to chuc|trien khai|tien hanh|thuc hien|xay dung|tham muu|theo doi|kip thoi|tiep tuc|tang cuong|day manh|chiu trach nhiem|la co quan|la don vi|huong dan|chi dao|nghiem tuc|ban hanh|quan triet|tuyen truyen|bo tri|dam bao|ra soat|tong hop|bao cao|gui|nop|cung cap|phan cong|dinh ky|truoc ngay|hang nam|hang quy)\b/;
// "Đề nghị …" | "Giao …" | "Yêu cầu …": a polite or formal verb before the unit
// ("giáo viên", "giáo dục", "giao thông" fold to the same "giao": no request)
const REQUEST_WORDS = String.raw`de nghi|yeu cau|giao(?! (?:vien|duc|thong|luu|dich|nhan|tiep|trinh|khoa|thua|hang|lien|quyen|an)\b)`;
const REQUEST = new RegExp(String.raw`^\s*(?:kinh de nghi|${REQUEST_WORDS})\s+`);
// "4. Đối với Ủy ban nhân dân cấp xã, các trường phổ thông": the units a heading is about
const TOPIC = /^\s*(?:rieng )?doi voi\s+/;
// The same verbs inside a sentence: "…, đề nghị các đơn vị kịp thời …"
const REQUEST_INSIDE = new RegExp(String.raw`(?:^|\s)(?:${REQUEST_WORDS})\s+`);
/^\s*(?:de nghi|giao(?! (?:vien|duc|thong|luu|dich|nhan|tiep|trinh|khoa|thua|hang|lien|quyen|an)\b)|yeu cau|kinh de nghi)\s+/;
// "Trên cơ sở …, " | "Trong quá trình …, " — an opening adverbial before the subject
const ADVERBIAL = /^\s*(?:tren co so|trong qua trinh|can cu|de|nham|theo)\b[^,]{0,160},\s*/;
// "căn cứ chức năng, nhiệm vụ, quyền hạn được giao, " — a second opening whose list holds commas
const MANDATE =
  /^\s*can cu (?:vao )?chuc nang, nhiem vu(?:, quyen han)?(?: (?:duoc giao|duoc phan cong|cua minh))?\s*,\s*/;
// "(GDTX&ĐH)" after a unit name: its abbreviation (the blanks before it are trimmed apart: a leading
// "\s*" would be tried from every blank of a long run)
const ABBREVIATION = /\((?:[A-ZĐ][\p{L}&\-–]{1,14})\)\s*$/u;

// "Tổ chức kiểm tra kỹ thuật an toàn …" opens with the verb "to organise"; "Tổ chức chính trị - xã
// hội", "Tổ chức đảng", "Tổ chức, cá nhân" are bodies.
const ORGANISE =
  /^\s*to chuc\b(?!\s*,|\s+(?:chinh tri|doan the|dang|xa hoi|nghe nghiep|quoc te|phi chinh phu|tin dung|cong doan|kinh te|ca nhan|hanh nghe|dai dien|thanh vien)\b)/;

/** The heading without its abbreviation: "Phòng GDTX&ĐH (GDTX&ĐH)" → "Phòng GDTX&ĐH". */
function withoutAbbreviation(head: string): string {
  const m = ABBREVIATION.exec(head);
  return m ? head.slice(0, m.index).trimEnd() : head;
}

export function unitsFromHeading(head: string): string[] | null {
  let text = withoutAbbreviation(head);
  const key = foldLower(text);
  const req = REQUEST.exec(key) ?? TOPIC.exec(key);
  if (req) text = text.slice(req[0].length);
  // "Các phòng: Giáo dục Mầm non, Giáo dục Tiểu học": the colon opens the shared head's list.
  const sharedHead =
    // ("[^.;:]+" holds the blanks after the colon: "\s*[^.;:]+" would share a run of them two ways)
    /^\s*cac\s+[\p{L}\s]{2,20}:[^.;:]+$/u.test(foldLower(text)) &&
    !/\b(?:can cu|co trach nhiem|trien khai|tien hanh|thuc hien)\b/.test(foldLower(text));
  if (sharedHead) return splitUnits(text);
  const colon = text.indexOf(":");
  const headPart = colon > 0 ? text.slice(0, colon) : text;
  // "Ông. Hoàng Văn An - Trưởng đoàn: Phụ trách chung …": a person given duties, written as named.
  if (colon > 0 && namesPerson(headPart) && headPart.split(/\s+/).length <= 14) return [cleanValue(headPart)];
  const words = headPart.trim().split(/\s+/).length;
  // "Phó Hiệu trưởng: Ông Nguyễn Văn Thành – Giám sát …" | "22 GVCN: Chịu trách nhiệm …" | "Thư kí:
  // 01 thành viên": a post (and how many hold it) given duties, as named.
  if (colon > 0 && words <= 8 && doerKind(headPart.replace(/^\s*\d+\s+/, "")) === "post")
    return [cleanValue(headPart)];
  const isHeading = colon > 0 ? words <= 16 : words <= 18 && !/[.;]/.test(headPart.replace(/[.;]\s*$/, ""));
  if (!isHeading || !unitHead(headPart) || ORGANISE.test(foldLower(headPart))) return null;
  // A dash inside a heading joins name parts ("Phòng Kế hoạch – Tài chính"); only a verb makes it a
  // sentence — a verb in small letters: "Bộ Xây dựng", "Phòng Quản lý đô thị" are names.
  const small = headPart
    .split(/\s+/)
    .filter((w) => /^\p{Ll}/u.test(w))
    .join(" ");
  if (PREDICATE.test(` ${foldLower(small)} `)) return null;
  return splitUnits(withoutAbbreviation(headPart));
}

/** The units a duty sentence is about: "Trên cơ sở …, các phòng cơ quan Sở căn cứ …" → ["các phòng cơ quan Sở"]. */
export function unitsFromSentence(sentence: string): string[] {
  let text = sentence;
  let key = foldLower(text);
  for (const opening of [ADVERBIAL, MANDATE]) {
    const adv = opening.exec(key);
    if (adv) {
      text = text.slice(adv[0].length);
      key = key.slice(adv[0].length);
    }
  }
  // "Trên cơ sở các nhiệm vụ, giải pháp trong Chương trình này, căn cứ …, Bộ trưởng …": an opening
  // whose own list holds commas ends where the subject — a unit or a post — begins.
  if (ADVERBIAL.test(foldLower(sentence)))
    for (let n = 0; n < 6 && !unitHead(text); n++) {
      const comma = text.indexOf(",");
      // "…, đề nghị các đơn vị kịp thời …": a request names its units after the verb (read below).
      if (comma < 0 || REQUEST_INSIDE.test(key.slice(0, comma))) break;
      text = text.slice(comma + 1).trimStart();
      key = foldLower(text);
      const mandate = MANDATE.exec(key);
      if (mandate) {
        text = text.slice(mandate[0].length);
        key = key.slice(mandate[0].length);
      }
    }
  // "…, đề nghị các đơn vị kịp thời …": the unit after a request verb inside the sentence.
  const req = REQUEST_INSIDE.exec(key);
  if (!unitHead(text) && req) {
    const at = (req.index ?? 0) + req[0].length;
    text = text.slice(at);
    key = key.slice(at);
  }
  if (!unitHead(text)) return [];
  const stop = PREDICATE.exec(` ${key}`);
  const subject = text.slice(0, stop ? Math.max(stop.index - 1, 0) : Math.min(text.length, 80));
  return splitUnits(withoutAbbreviation(subject));
}

/** Reads the assignments of the organization section's items. */
export function readAssignments(section: OutlineItem, path: string, lines: readonly Line[]): Assignment[] {
  // "III. TỔ CHỨC THỰC HIỆN" / "1. Ban Chỉ đạo" (its members) / "2. Ban Tổ chức" / "3. Phân công
  // thực hiện" / "3.1. Sở Giáo dục và Đào tạo" …: the part that gives out the work holds the
  // assignments; the committees listed beside it are who sits on them.
  const share = section.children.find((c) => c.children.length > 0 && SHARING_HEAD.test(foldLower(c.head)));
  if (share) return readAssignments(share, `${path}.${share.label}`, lines);
  const out: Assignment[] = [];
  // An item that opens a list with a colon and has nothing under it, its list numbered at its
  // own level (Word's numbering ran on): "1. Giao phòng Quản lý Công nghiệp triển khai, thực hiện
  // các công việc liên quan:" / "2. Tổ chức kiểm tra …" / "3. Chuẩn bị …" — the items after it that
  // name no unit are its duties.
  let opener: Assignment | null = null;
  // "III. TỔ CHỨC THỰC HIỆN" / "Giao phòng Quản lý Công nghiệp triển khai, thực hiện các công
  // việc:" / "1. Tổ chức kiểm tra …" / "2. Chuẩn bị …": the section's own sentence names the unit
  // and opens the list; its items that name no unit are that unit's duties, one assignment.
  const lead = sectionLead(section, lines);
  if (lead) {
    const units = unitsFromSentence(lead);
    if (units.length) {
      opener = { id: path, units, duties: [cleanValue(lead.replace(/:\s*$/, ""))] };
      out.push(opener);
    }
  }
  if (!section.children.length) return bulletAssignments(section, path, lines);
  for (const item of section.children) {
    const id = `${path}.${item.label}`;
    let units = unitsFromHeading(item.head);
    // "1. Sở Giáo dục và Đào tạo" / "a) Phòng Học sinh, sinh viên" / "- Thường trực …" / "b) Các
    // phòng thuộc Sở" / "- Thông báo …": a body whose parts each get their own duties — one
    // assignment per part.
    const parts = units && !ownLines(item, lines) ? partsNamingUnits(item) : null;
    if (parts) {
      for (const [child, childUnits] of parts)
        out.push({ id: `${id}.${child.label}`, units: childUnits, duties: bodyOf(child, lines) });
      opener = null;
      continue;
    }
    const duties: string[] = [];
    const colon = item.head.indexOf(":");
    if (units && colon > 0 && item.head.slice(colon + 1).trim())
      duties.push(cleanValue(item.head.slice(colon + 1)));
    if (!units) {
      units = unitsFromSentence(item.head);
      duties.push(cleanValue(item.head));
    }
    for (let i = item.line + 1; i < item.endLine; i++) {
      const text = lines[i]?.text.trim();
      if (text) duties.push(cleanValue(text));
    }
    const assignment = { id, units, duties: duties.filter(Boolean) };
    if (opener && !units.length) {
      opener.duties.push(...assignment.duties);
      continue;
    }
    const opensList = /:\s*$/.test(item.head) && !hasBody(item, lines);
    opener = units.length && opensList ? assignment : null;
    if (opener) opener.duties = opener.duties.map((d) => d.replace(/:\s*$/, ""));
    out.push(assignment);
  }
  return out;
}

// "- Trường THPT Cao Lãnh 2 xây dựng kế hoạch, điều hành …" / "- Tham mưu với lãnh đạo nhà trường …":
// an organisation part of bullets, not numbered items. A bullet whose subject is a unit opens that
// unit's assignment; the bullets after it that name none are its duties.
const BULLET = /^\s*[-+•–—*▪◦●]\s*/u;

function bulletAssignments(section: OutlineItem, path: string, lines: readonly Line[]): Assignment[] {
  const out: Assignment[] = [];
  let current: Assignment | null = null;
  for (let i = section.line + 1; i < section.endLine; i++) {
    const raw = lines[i]?.text ?? "";
    const bullet = BULLET.exec(raw);
    if (!bullet) continue;
    const text = raw.slice(bullet[0].length);
    const units = unitsFromSentence(text);
    if (units.length) {
      current = { id: out.length ? `${path}.${out.length + 1}` : path, units, duties: [] };
      out.push(current);
    }
    if (current) current.duties.push(cleanValue(text));
  }
  // One assignment is the section's; several are numbered in the order they come.
  if (out.length > 1 && out[0]) out[0].id = `${path}.1`;
  return out;
}

// "Phân công thực hiện" | "Phân công nhiệm vụ" | "Trách nhiệm của các cơ quan, đơn vị" | "Nhiệm vụ
// cụ thể của các đơn vị"
const SHARING_HEAD =
  /^\s*(?:phan cong (?:thuc hien|nhiem vu|trach nhiem)|trach nhiem (?:cua cac|thuc hien)|nhiem vu (?:cu the )?cua cac)\b/;

/** The section's text before its first item, when it is one sentence that opens a list ("…:"). */
function sectionLead(section: OutlineItem, lines: readonly Line[]): string | null {
  const first = section.children[0];
  if (!first) return null;
  const body: string[] = [];
  for (let i = section.line + 1; i < first.line; i++) {
    const text = lines[i]?.text.trim();
    if (text) body.push(text);
  }
  const text = body.join(" ");
  return body.length > 0 && body.length <= 3 && /:\s*$/.test(text) ? text : null;
}

/** The children of an item when there are two or more and each is headed by a unit. */
function partsNamingUnits(item: OutlineItem): Array<[OutlineItem, string[]]> | null {
  if (item.children.length < 2) return null;
  const parts: Array<[OutlineItem, string[]]> = [];
  for (const child of item.children) {
    const units = unitsFromHeading(child.head);
    if (!units?.length) return null;
    parts.push([child, units]);
  }
  return parts;
}

/** Whether an item has lines of its own before its first child. */
function ownLines(item: OutlineItem, lines: readonly Line[]): boolean {
  const end = item.children[0]?.line ?? item.endLine;
  for (let i = item.line + 1; i < end; i++) if (lines[i]?.text.trim()) return true;
  return false;
}

/** An item's lines under its heading, each a duty. */
function bodyOf(item: OutlineItem, lines: readonly Line[]): string[] {
  const out: string[] = [];
  for (let i = item.line + 1; i < item.endLine; i++) {
    const text = cleanValue(lines[i]?.text.trim() ?? "");
    if (text) out.push(text);
  }
  return out;
}

function hasBody(item: OutlineItem, lines: readonly Line[]): boolean {
  for (let i = item.line + 1; i < item.endLine; i++) if (lines[i]?.text.trim()) return true;
  return false;
}
