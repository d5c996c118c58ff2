// What a section heading says the section is for (spec: Section.role).

import type { SectionRole } from "../domain/plan.js";
import { foldKey } from "../text/fold.js";
import { ocrKey } from "../text/ocr.js";

// Checked in this order: "TỔ CHỨC THỰC HIỆN" must win over the "THỰC HIỆN" of "NỘI DUNG THỰC HIỆN".
const ROLES: Array<[SectionRole, RegExp]> = [
  // "IV. TỔ CHỨC THỰC HIỆN" | "PHÂN CÔNG THỰC HIỆN" | "TRÁCH NHIỆM THỰC HIỆN" | "I11. TO CHUC THU'C HIEN"
  [
    "organization",
    /\b(?:to chuc (?:thu c |thuc |trien khai )?(?:hien|thuc hien)|to chuc thuc hien|phan cong|trach nhiem (?:thuc hien|cua cac)|trach nhiem to chuc)\b/,
  ],
  // "III. KINH PHÍ" | "KINH PHÍ THỰC HIỆN" | "NGUỒN KINH PHÍ"
  ["funding", /\b(?:kinh phi|nguon luc tai chinh|du toan)\b/],
  // "I. MỤC ĐÍCH, YÊU CẦU" | "MỤC TIÊU" | "QUAN ĐIỂM"
  ["purpose", /^(?:muc dich|yeu cau|muc tieu|quan diem|muc dich yeu cau)\b/],
  // "II. NỘI DUNG NHIỆM VỤ" | "NHIỆM VỤ, GIẢI PHÁP" | "TRIỂN KHAI NHIỆM VỤ" | "CÁC HOẠT ĐỘNG"
  [
    "tasks",
    /\b(?:noi dung|nhiem vu|giai phap|trien khai|hoat dong|cong viec|chuong trinh|lo trinh|ke hoach thuc hien)\b/,
  ],
];

/** The role a heading gives its section: `sectionRole("NỘI DUNG NHIỆM VỤ")` → `"tasks"`. */
export function sectionRole(heading: string, ocr = true): SectionRole {
  const key = (ocr ? ocrKey(heading) : foldKey(heading)).replace(/\bthu c\b/g, "thuc");
  for (const [role, pattern] of ROLES) if (pattern.test(key)) return role;
  return "other";
}
