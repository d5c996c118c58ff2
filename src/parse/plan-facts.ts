// The particulars of an event, a training or an inspection, written as numbered items of its
// "Nội dung" section, are facts of the plan, not tasks (spec: "What is a task"):
//   1. Thời gian: 1,5 ngày (bắt đầu từ 13h30 ngày 06/7/2026)
//   2. Địa điểm: Hội trường Sở Công Thương
//   3. Đối tượng: Người quản lý vật liệu nổ công nghiệp
//   4. Nội dung huấn luyện: Quy định tại Điều 7 Nghị định số 181/2024/NĐ-CP
//   3.5. Phương thức kiểm tra
//   5.1. Kinh phí cho hoạt động kiểm tra: Theo quy định hiện hành
// The orders of such plans stand in their "Phân công" / "Tổ chức thực hiện" part and their tables.

import { foldLower, labelLongerThan } from "./lines.js";

// The label of a fact, folded: what the event is (time, place, who attends, in what form, its
// content or programme) and what it is done with (funding, means). "Thời gian thực hiện" of a
// task's own fields never stands as a numbered item of its own.
const FACT_LABEL =
  /^(?:thoi gian|thoi diem|dia diem|doi tuong|thanh phan|hinh thuc|phuong thuc|phuong phap|noi dung (?:huan luyen|kiem tra|tap huan|boi duong|hoi nghi|dao tao|chuong trinh|sat hach|thi|lam viec)|chuong trinh|quy mo|so luong|kinh phi|nguon kinh phi|phuong tien|thanh vien|thanh phan tham du|thanh phan doan)(?:\s+\S+){0,6}$/;

/**
 * True when a numbered item's own line is such a fact: `isPlanFact("Địa điểm: Hội trường Sở")` → true;
 * `isPlanFact("Tổ chức hội nghị sơ kết")` → false.
 */
export function isPlanFact(head: string): boolean {
  const colon = head.indexOf(":");
  // A heading of a thousand characters is no fact's label: it is not folded whole to learn so
  // (a task of one line of megabytes was folded and copied four times over here).
  const end = colon >= 0 ? colon : head.length;
  if (end > 1000 && labelLongerThan(head, end, 70, true)) return false;
  const label = foldLower(colon >= 0 ? head.slice(0, colon) : head)
    .replace(/[.;(]+.*$/, "")
    .replace(/\s+/g, " ")
    .trim();
  if (!label || label.length > 70) return false;
  // Without a colon, the whole line must be the label ("3.5. Phương thức kiểm tra").
  if (colon < 0 && label.split(" ").length > 7) return false;
  return FACT_LABEL.test(label);
}
