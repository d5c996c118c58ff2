import { describe, expect, it } from "vitest";
import { resultDocuments } from "../parse/result-documents.js";
import { compileSummary, type ReportedItem, type SummaryInput, themeOf } from "./summary.js";

const reported = (
  reportId: string,
  unitName: string,
  status: ReportedItem["status"],
  texts: Partial<Pick<ReportedItem, "results" | "difficulties" | "proposals" | "evidence" | "via">> = {},
): ReportedItem => ({
  reportId,
  unitName,
  status,
  results: texts.results ?? "",
  difficulties: texts.difficulties ?? "",
  proposals: texts.proposals ?? "",
  evidence: texts.evidence ?? "",
  documents: resultDocuments(texts.evidence ?? ""),
  ...(texts.via ? { via: texts.via } : {}),
});

// A Sở plan on school safety, two tasks and a duty, three units; two reports accepted, one unit
// silent; one school's report reaches the plan through its Phòng's implementing plan.
const INPUT: SummaryInput = {
  planId: "7",
  periodDue: "2026-12-15",
  today: "2026-12-18",
  plan: {
    number: "901/KH-SGDĐT",
    issuedOn: "2026-01-15",
    title: "Kế hoạch bảo đảm an toàn trường học năm 2026",
    issuer: "Sở Giáo dục và Đào tạo",
    parentIssuer: "UBND thành phố Hải Phòng",
    place: "Hải Phòng",
    signer: { capacity: "KT. GIÁM ĐỐC", position: "PHÓ GIÁM ĐỐC", name: "Đỗ Thị Hòa" },
    reportsTo: ["UBND thành phố"],
  },
  tasks: [
    {
      key: "I.1",
      title: "Kiểm tra cơ sở vật chất các trường",
      kind: "task",
      work: [
        {
          unitName: "Phòng Kế hoạch - Tài chính",
          role: "lead",
          state: "done_on_time",
          progress: "done",
          reported: reported("11", "Phòng Kế hoạch - Tài chính", "done", {
            results: "Đã kiểm tra 45 trường, lập danh mục 12 phòng học cần sửa chữa.",
            difficulties: "Thiếu kinh phí sửa chữa phòng học xuống cấp",
            proposals: "Đề nghị bổ sung kinh phí sửa chữa năm 2027; Đề nghị Sở ban hành hướng dẫn kiểm định",
            evidence: "Báo cáo số 15/BC-KHTC ngày 2/12/2026",
          }),
        },
        {
          unitName: "Phòng GDĐT huyện An Lão",
          role: "cooperate",
          state: "in_progress",
          progress: "in_progress",
          reported: reported("12", "Phòng GDĐT huyện An Lão", "in_progress", {
            results: "Đang rà soát 20 trường",
            difficulties: "- Thiếu kinh phí sửa chữa phòng học xuống cấp\n- Nhiều giáo viên kiêm nhiệm",
          }),
        },
      ],
      below: [
        reported("31", "Trường THCS Quang Trung", "done", {
          results: "Đã sửa 2 phòng học",
          via: "Kế hoạch số 12/KH-PGDĐT",
          evidence: "Biên bản nghiệm thu ngày 01/12/2026",
        }),
      ],
    },
    {
      key: "I.2",
      title: "Tập huấn phòng cháy chữa cháy",
      kind: "task",
      work: [
        { unitName: "Văn phòng Sở", role: "lead", state: "overdue", progress: "not_started", reported: null },
      ],
      below: [],
    },
    {
      key: "III.1",
      title: "Văn phòng Sở tổng hợp, báo cáo",
      kind: "duty",
      work: [
        {
          unitName: "Văn phòng Sở",
          role: "lead",
          state: "in_progress",
          progress: "not_started",
          reported: null,
        },
      ],
      below: [],
    },
  ],
  units: [
    { name: "Phòng Kế hoạch - Tài chính", accepted: true },
    { name: "Phòng GDĐT huyện An Lão", accepted: true },
    { name: "Văn phòng Sở", accepted: false },
  ],
};

describe("the summary report", () => {
  const doc = compileSummary(INPUT);
  const all = [...doc.opening, ...doc.sections.flatMap((s) => s.paragraphs)];
  const find = (needle: string) => all.find((p) => p.text.includes(needle));

  it("opens by citing the plan, and heads as the issuer under its parent body", () => {
    expect(doc.opening[0]?.text).toBe(
      "Thực hiện Kế hoạch số 901/KH-SGDĐT ngày 15/01/2026 của Sở Giáo dục và Đào tạo về bảo đảm an toàn trường học năm 2026, Sở Giáo dục và Đào tạo báo cáo kết quả thực hiện đến kỳ báo cáo ngày 15/12/2026 như sau:",
    );
    expect(doc.header).toEqual({
      parentBody: "UBND THÀNH PHỐ HẢI PHÒNG",
      body: "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
      number: "     /BC-SGDĐT",
      place: "Hải Phòng",
      date: "2026-12-18",
    });
    expect(doc.recipients).toEqual(["UBND thành phố (để báo cáo)", "Giám đốc (để báo cáo)", "Lưu: VT"]);
  });

  it("counts the four states over every unit's work, and names the units that did not report", () => {
    expect(doc.counts).toEqual({ done_on_time: 1, done_late: 0, in_progress: 2, overdue: 1 });
    expect(find("giao cho")?.text).toBe(
      "Kế hoạch có 2 nhiệm vụ và 1 nhiệm vụ của các đơn vị trong phần tổ chức thực hiện, giao cho 3 đơn vị (4 lượt việc). Đến kỳ báo cáo ngày 15/12/2026, 2/3 đơn vị đã gửi báo cáo được chấp nhận.",
    );
    expect(find("Tính đến")?.text).toBe(
      "Tính đến ngày 18/12/2026: 1 lượt việc hoàn thành đúng hạn, 0 hoàn thành quá hạn, 2 đang thực hiện trong hạn, 1 quá hạn chưa hoàn thành.",
    );
    expect(doc.missing).toEqual(["Văn phòng Sở"]);
    expect(find("chưa gửi báo cáo")?.text).toBe(
      "Các đơn vị chưa gửi báo cáo hoặc báo cáo chưa được chấp nhận: Văn phòng Sở.",
    );
  });

  it("says what was done per task and by whom, each sentence traced to its report", () => {
    expect(find("Phòng Kế hoạch - Tài chính: Đã kiểm tra")).toEqual({
      text: "- Phòng Kế hoạch - Tài chính: Đã kiểm tra 45 trường, lập danh mục 12 phòng học cần sửa chữa (đã hoàn thành).",
      sources: [{ reportId: "11", unitName: "Phòng Kế hoạch - Tài chính" }],
    });
    // A school's report reaches the Sở's plan through the Phòng's implementing plan, and says so.
    expect(find("Trường THCS Quang Trung")).toEqual({
      text: "- Trường THCS Quang Trung (qua Kế hoạch số 12/KH-PGDĐT): Đã sửa 2 phòng học (đã hoàn thành).",
      sources: [{ reportId: "31", unitName: "Trường THCS Quang Trung", via: "Kế hoạch số 12/KH-PGDĐT" }],
    });
    expect(find("Chưa có đơn vị báo cáo")).toBeDefined();
  });

  it("gathers difficulties and proposals by theme, the same point from two units said once naming both", () => {
    const heads = doc.sections.map((s) => s.heading);
    const difficulties = heads.indexOf("II. KHÓ KHĂN, VƯỚNG MẮC");
    const proposals = heads.indexOf("III. ĐỀ XUẤT, KIẾN NGHỊ");
    expect(heads.slice(difficulties, proposals)).toEqual([
      "II. KHÓ KHĂN, VƯỚNG MẮC",
      "1. Kinh phí, cơ sở vật chất, trang thiết bị",
      "2. Đội ngũ, nhân lực",
    ]);
    expect(doc.sections[difficulties + 1]?.paragraphs).toEqual([
      {
        text: "- Thiếu kinh phí sửa chữa phòng học xuống cấp (Phòng Kế hoạch - Tài chính; Phòng GDĐT huyện An Lão).",
        sources: [
          { reportId: "11", unitName: "Phòng Kế hoạch - Tài chính" },
          { reportId: "12", unitName: "Phòng GDĐT huyện An Lão" },
        ],
      },
    ]);
    expect(heads.slice(proposals)).toEqual([
      "III. ĐỀ XUẤT, KIẾN NGHỊ",
      "1. Kinh phí, cơ sở vật chất, trang thiết bị",
      "2. Cơ chế, chính sách, văn bản hướng dẫn",
    ]);
  });

  it("lists every task in the appendix with its lead, its state and its result documents by number and date", () => {
    expect(doc.appendix).toEqual([
      {
        stt: "1",
        task: "I.1. Kiểm tra cơ sở vật chất các trường",
        lead: "Phòng Kế hoạch - Tài chính",
        done: 1,
        inProgress: 0,
        notStarted: 0,
        results:
          "Phòng Kế hoạch - Tài chính: Đã kiểm tra 45 trường, lập danh mục 12 phòng học cần sửa chữa.\nPhòng GDĐT huyện An Lão: Đang rà soát 20 trường\nTrường THCS Quang Trung (qua Kế hoạch số 12/KH-PGDĐT): Đã sửa 2 phòng học",
        evidence: "15/BC-KHTC ngày 02/12/2026; Biên bản nghiệm thu ngày 01/12/2026",
      },
      expect.objectContaining({ stt: "2", lead: "Văn phòng Sở", done: 0, notStarted: 1, results: "" }),
      expect.objectContaining({ stt: "3", task: "III.1. Văn phòng Sở tổng hợp, báo cáo" }),
    ]);
  });

  it("sorts a unit's free text into themes as units write it", () => {
    expect(themeOf("Đề nghị cấp bổ sung trang thiết bị dạy học")).toBe(
      "Kinh phí, cơ sở vật chất, trang thiết bị",
    );
    expect(themeOf("Đề nghị Sở sớm ban hành văn bản hướng dẫn")).toBe(
      "Cơ chế, chính sách, văn bản hướng dẫn",
    );
    expect(themeOf("Phần mềm quản lý thường xuyên lỗi")).toBe("Ứng dụng công nghệ thông tin, dữ liệu");
    expect(themeOf("Sự phối hợp của chính quyền địa phương chưa chặt chẽ")).toBe(
      "Phối hợp giữa các cơ quan, đơn vị",
    );
    expect(themeOf("Học sinh nghỉ học do mưa bão")).toBe("Nội dung khác");
  });
});
