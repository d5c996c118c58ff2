// The two real Word plans of ../shared/corpus/files read as the clerk of the Sở who receives them
// would record them: the training's or test's Thời gian / Địa điểm / Đối tượng / Nội dung are facts
// of the event, not tasks; the appendix "Phân công nhiệm vụ" gives one task per row, its "Người thực
// hiện" column naming people (not units); the order of "Tổ chức thực hiện" goes to the division
// named. Skipped with a notice where ../shared is absent.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FILES, HAS_FILES } from "../../test/shared-corpus.js";
import { extractText } from "../extract/extract.js";
import { parsePlan } from "./parse-plan.js";

async function planOf(name: string) {
  const { text } = await extractText(readFileSync(join(FILES, name)));
  return parsePlan(text);
}

const LINH = "Vũ Việt Linh";
const LOAN = "Nguyễn Thị Loan";
const CUONG = "Đỗ Mạnh Cường";
const EVENT_FACTS = /^(?:thời gian|địa điểm|đối tượng|nội dung (?:huấn luyện|kiểm tra))/i;

describe.skipIf(!HAS_FILES)("KH-3898: training of managers of industrial explosives (DOCX)", async () => {
  const plan = HAS_FILES ? await planOf("KH-3898_30.6.2026_Huan-luyen-nguoi-quan-ly.docx") : parsePlan("");

  it("records the nine steps of the appendix, each with the people the table names and no date", () => {
    expect(plan.tasks.map((t) => [t.title, t.leads, t.cooperators, t.timeframe])).toEqual([
      ["Rà soát việc đáp ứng các điều kiện của học viên", [LINH, LOAN], [], null],
      ["Xây dựng tài liệu huấn luyện, bài kiểm tra, đáp án", [CUONG, LINH], [], null],
      ["Tổ chức huấn luyện, kiểm tra", [CUONG, LINH, LOAN], [], null],
      ["Tổ chức chấm bài", [LINH], [], null],
      ["Rà soát vào điểm", [LOAN], [], null],
      ["Xây dựng quyết định công nhận kết quả kiểm tra", [LINH], [], null],
      ["In ấn chứng chỉ", [LINH], [], null],
      ["Rà soát chứng chỉ trước khi trình", [LOAN], [], null],
      ["Trình ký Quyết định, chứng chỉ", [CUONG], [], null],
    ]);
  });

  it("says the doers are people, and does not warn that a step has several lead units", () => {
    for (const t of plan.tasks) expect(t.doers?.map((d) => d.kind)).toEqual(t.leads.map(() => "person"));
    expect(plan.warnings.filter((w) => /đơn vị chủ trì/.test(w))).toEqual([]);
  });

  it("keeps the training's time, place, trainees and content out of the tasks", () => {
    expect(plan.tasks.filter((t) => EVENT_FACTS.test(t.title))).toEqual([]);
  });

  it("gives the order of 'Tổ chức thực hiện' to the division it names", () => {
    expect(plan.assignments[0]).toMatchObject({ id: "III.1", units: ["phòng Quản lý công nghiệp"] });
    expect(plan.assignments[0]?.duties[0]).toMatch(/^Giao phòng Quản lý công nghiệp tổ chức huấn luyện/);
  });

  it("reads the header, the signature and the recipients as printed", () => {
    expect(plan.document).toMatchObject({
      number: "/KH-SCT",
      issuer: "Sở Công Thương",
      parentIssuer: "UBND tỉnh Lào Cai",
      date: null,
      year: 2026,
      signer: { capacity: "KT. GIÁM ĐỐC", position: "PHÓ GIÁM ĐỐC", name: "Hoàng Văn Thuân" },
      recipients: ["Ban Giám đốc Sở", "Lưu: VT, CN(Linh)"],
    });
    expect(plan.document.title).toMatch(
      /^Huấn luyện, kiểm tra, cấp Giấy chứng nhận .* trên địa bàn tỉnh Lào Cai$/,
    );
  });

  it("cites the companies' letters and bases the plan on the decree and decisions", () => {
    const basis = plan.references.filter((r) => r.relation === "basis").map((r) => r.number);
    expect(basis).toEqual([
      "181/2024/NĐ-CP",
      "146/2025/NĐ-CP",
      "1883/QĐ-UBND",
      "05/2025/QĐ-UBND",
      "2797/QĐ-SCT",
      "564/QĐ-SCT",
    ]);
    const cited = plan.references.filter((r) => r.relation === "cited").map((r) => r.number);
    expect(cited).toEqual(["01.6/GĐN/KSYB", "51/GĐN", "30.6/GĐN-ĐQ&V"]);
  });
});

describe.skipIf(!HAS_FILES)("KH-2242: test of 28 companies' staff (DOCX)", async () => {
  const plan = HAS_FILES ? await planOf("KH-2242_23.4.2026_Kiem-tra-cap-GCN-28-don-vi.docx") : parsePlan("");

  it("records the nine steps of the appendix with the people the table names", () => {
    const all = [CUONG, LINH, LOAN];
    expect(plan.tasks.map((t) => [t.title, t.leads, t.timeframe])).toEqual([
      ["Rà soát việc đáp ứng các điều kiện của học viên", all, null],
      ["Xây dựng bài kiểm tra, đáp án", [CUONG, LINH], null],
      ["Tổ chức kiểm tra", all, null],
      ["Tổ chức chấm bài", [LINH], null],
      ["Rà soát vào điểm", [LOAN], null],
      ["Xây dựng quyết định công nhận kết quả kiểm tra", [LINH], null],
      ["In ấn chứng chỉ", [LINH], null],
      ["Rà soát chứng chỉ trước khi trình", all, null],
      ["Trình ký chứng chỉ", [CUONG], null],
    ]);
    expect(plan.tasks.filter((t) => EVENT_FACTS.test(t.title))).toEqual([]);
  });

  it("gives the division both orders its item opens with a colon, numbered on at its level", () => {
    expect(plan.assignments.map((a) => [a.id, a.units, a.duties.length])).toEqual([
      ["III.1", ["phòng Quản lý Công nghiệp"], 3],
    ]);
    expect(plan.assignments[0]?.duties[1]).toMatch(/^Tổ chức kiểm tra kỹ thuật an toàn/);
  });

  it("reads 28 letters as cited, once each, and the blank day as a year", () => {
    expect(plan.document).toMatchObject({ number: "/KH-SCT", date: null, year: 2026 });
    const cited = plan.references.filter((r) => r.relation === "cited");
    expect(cited.length).toBeGreaterThanOrEqual(24);
    expect(new Set(cited.map((r) => r.number)).size).toBe(cited.length);
  });
});
