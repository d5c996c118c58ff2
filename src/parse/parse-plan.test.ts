// The whole parser on plans we wrote (examples/, test/fixtures/) and on arbitrary text.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../test/shared-corpus.js";
import { ParsedPlanSchema } from "../domain/plan.js";
import { normalizePlanText } from "../text/normalize.js";
import { isPlan } from "./is-plan.js";
import { parsePlan } from "./parse-plan.js";

const read = (path: string) => readFileSync(join(PROJECT_ROOT, path), "utf8");

describe("parsePlan on the demo plan", () => {
  const plan = parsePlan(read("examples/ke-hoach-mau.txt"));

  it("reads the two-column header", () => {
    expect(plan.document).toMatchObject({
      type: "KH",
      number: "145/KH-SGDĐT",
      issuer: "Sở Giáo dục và Đào tạo",
      parentIssuer: "UBND tỉnh An Bình",
      place: "An Bình",
      date: "2026-03-12",
      year: 2026,
    });
    expect(plan.document.signer).toEqual({
      capacity: "KT. GIÁM ĐỐC",
      position: "PHÓ GIÁM ĐỐC",
      name: "Trần Minh An",
    });
    expect(plan.document.recipients).toEqual([
      "UBND tỉnh (để báo cáo)",
      "Ban Giám đốc Sở",
      "Các phòng thuộc Sở",
      "Các đơn vị trực thuộc",
      "Lưu: VT, VP",
    ]);
  });

  it("keeps the parenthesis of the title block and relates the references", () => {
    expect(plan.document.title).toBe(
      "Chuyển đổi số ngành Giáo dục và Đào tạo năm 2026 (Thực hiện Kế hoạch số 88/KH-UBND ngày 20/02/2026 của Ủy ban nhân dân tỉnh An Bình)",
    );
    expect(plan.references).toEqual([
      {
        type: "Kế hoạch",
        number: "88/KH-UBND",
        date: "2026-02-20",
        issuer: "Ủy ban nhân dân tỉnh An Bình",
        relation: "implements",
      },
      {
        type: "Quyết định",
        number: "131/QĐ-TTg",
        date: "2022-01-25",
        issuer: "Thủ tướng Chính phủ",
        relation: "basis",
      },
    ]);
  });

  it("reads tasks from fields and from the task's own sentence", () => {
    expect(
      plan.tasks.map((t) => [
        t.id,
        t.leads,
        t.cooperators,
        t.timeframe?.kind,
        t.timeframe?.due ?? t.timeframe?.dates,
      ]),
    ).toEqual([
      [
        "II.1",
        ["Văn phòng Sở"],
        ["Phòng Giáo dục Trung học", "Phòng GDĐT các huyện, thành phố", "các trường THPT"],
        "deadline",
        "2026-06-30",
      ],
      [
        "II.2",
        ["Phòng Giáo dục Tiểu học"],
        ["Phòng Giáo dục Trung học", "Văn phòng Sở"],
        "deadline",
        "2026-08-31",
      ],
      ["II.3", ["Phòng Tổ chức cán bộ"], ["Trung tâm Giáo dục thường xuyên tỉnh"], "deadline", "2026-12-31"],
      ["II.4", ["Văn phòng Sở"], [], "recurring", ["06-15", "12-15"]],
    ]);
    expect(plan.tasks[0]?.products).toEqual(["Báo cáo kết quả đối soát dữ liệu"]);
  });

  it("points each task's span at its text in the normalised plan", () => {
    const normalised = normalizePlanText(read("examples/ke-hoach-mau.txt")).text;
    const [start, end] = plan.tasks[1]?.span ?? [0, 0];
    const slice = normalised.slice(start, end);
    expect(slice.startsWith("2. Triển khai học bạ số")).toBe(true);
    expect(slice.endsWith("Trước ngày 31/8/2026")).toBe(true);
  });

  it("reads sections, assignments, reporting and funding", () => {
    expect(plan.sections.map((s) => [s.label, s.role])).toEqual([
      ["I", "purpose"],
      ["II", "tasks"],
      ["III", "funding"],
      ["IV", "organization"],
    ]);
    expect(plan.assignments.map((a) => a.units)).toEqual([
      ["Văn phòng Sở"],
      ["Các phòng thuộc Sở", "các đơn vị trực thuộc"],
    ]);
    expect(plan.reporting.map((r) => [r.from, r.to, r.timeframe.due ?? r.timeframe.dates])).toEqual([
      [["Văn phòng Sở"], ["Giám đốc Sở", "Ủy ban nhân dân tỉnh"], "2026-12-20"],
      [["Các phòng thuộc Sở", "các đơn vị trực thuộc"], ["Sở Giáo dục và Đào tạo"], ["06-10", "12-10"]],
    ]);
    expect(plan.funding).toMatch(/^Kinh phí thực hiện từ nguồn ngân sách/);
    expect(plan.objectives).toHaveLength(1);
    expect(plan.requirements).toHaveLength(1);
  });
});

describe("parsePlan on a plan issued by a decision", () => {
  const plan = parsePlan(read("test/fixtures/quyet-dinh-ban-hanh-ke-hoach.txt"));

  it("takes number, date, issuer, signer and recipients from the decision, the title from the plan", () => {
    expect(plan.document).toMatchObject({
      type: "KH",
      number: "356/QĐ-UBND",
      issuer: "Ủy ban nhân dân huyện Sông Xanh",
      date: "2025-04-05",
      title: "Phát triển giáo dục mầm non huyện Sông Xanh giai đoạn 2025-2030",
      signer: { capacity: "TM. ỦY BAN NHÂN DÂN", position: "CHỦ TỊCH", name: "Lê Thu Hà" },
      recipients: ["Như Điều 3", "TT Huyện ủy", "Lưu: VT"],
    });
  });

  it("lists the decision's bases, never the decision itself", () => {
    expect(plan.references.map((r) => [r.number, r.relation])).toEqual([
      ["65/2025/QH15", "basis"],
      ["12/2024/NQ-HĐND", "basis"],
    ]);
  });

  it("reads the plan's tasks and assignments, not the decision's articles", () => {
    expect(plan.tasks.map((t) => t.id)).toEqual(["II.1", "II.2"]);
    expect(plan.tasks[1]?.timeframe).toEqual({
      text: "Giai đoạn 2025-2030",
      kind: "range",
      start: "2025-01-01",
      end: "2030-12-31",
    });
    expect(plan.assignments.map((a) => a.id)).toEqual(["III.1", "III.2"]);
    expect(plan.reporting[0]?.timeframe.dates).toEqual(["12-15"]);
  });
});

describe("parsePlan on a task table", () => {
  const text = [
    "KẾ HOẠCH",
    "Công tác y tế trường học năm 2025",
    "",
    "I. NHIỆM VỤ",
    "Chi tiết tại Phụ lục.",
    "",
    "PHỤ LỤC",
    "| STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian | Sản phẩm |",
    "|---|---|---|---|---|---|",
    "| 1 | Tập huấn nhân viên y tế | Phòng Chính trị tư tưởng | Trung tâm Y tế huyện; các trường THPT | Quý II/2025 | Lớp tập huấn |",
    "| 2 | Kiểm tra y tế trường học | Thanh tra Sở | | Tháng 11/2025 | Báo cáo |",
  ].join("\n");

  it("gives one task per numbered row with its cells", () => {
    const plan = parsePlan(text);
    const table = plan.tasks.filter((t) => t.title !== "Chi tiết tại Phụ lục");
    expect(table.map((t) => [t.title, t.leads, t.cooperators, t.timeframe?.due, t.products])).toEqual([
      [
        "Tập huấn nhân viên y tế",
        ["Phòng Chính trị tư tưởng"],
        ["Trung tâm Y tế huyện", "các trường THPT"],
        "2025-06-30",
        ["Lớp tập huấn"],
      ],
      ["Kiểm tra y tế trường học", ["Thanh tra Sở"], [], "2025-11-30", ["Báo cáo"]],
    ]);
  });
});

describe("parsePlan on fields written inside sentences", () => {
  // Written for kehoach after the way department plans phrase their tasks.
  const text = [
    "SỞ Y TẾ",
    "Số: 77/KH-SYT                    Bình An, ngày 2 tháng 2 năm 2026",
    "",
    "KẾ HOẠCH",
    "Phòng, chống dịch bệnh mùa hè năm 2026",
    "",
    "I. NHIỆM VỤ",
    "1. Giám sát dịch bệnh",
    "Trung tâm Kiểm soát bệnh tật có trách nhiệm chủ trì, phối hợp với các bệnh viện tổ chức giám sát; thời hạn hoàn thành: tháng 6/2026.",
    "2. Tổng kết",
    "Văn phòng Sở tham mưu tổng kết, báo cáo UBND tỉnh trước ngày 20/12/2026.",
    "3. Tuyên truyền",
    "Phòng Nghiệp vụ Y tuyên truyền trên báo, đài; chỉ tiêu: 100% xã.",
    "II. TỔ CHỨC THỰC HIỆN",
    "1. Các đơn vị trực thuộc",
    "- Báo cáo kết quả định kỳ hằng quý về Sở (qua Văn phòng Sở) trước ngày 25 tháng cuối quý.",
  ].join("\n");
  const plan = parsePlan(text);

  it("reads a timeframe field that follows the task's sentence on its line", () => {
    expect(plan.tasks[0]).toMatchObject({
      leads: ["Trung tâm Kiểm soát bệnh tật"],
      cooperators: ["các bệnh viện"],
      timeframe: { kind: "deadline", due: "2026-06-30" },
    });
    expect(plan.tasks[0]?.content).toContain("tổ chức giám sát");
  });

  it("takes the date a summary is reported by as the summary task's timeframe, and no other task's", () => {
    expect(plan.tasks[1]?.timeframe).toMatchObject({ kind: "deadline", due: "2026-12-20" });
    expect(plan.tasks[2]?.timeframe).toBeNull();
  });

  it("reads 'hằng quý … trước ngày 25 tháng cuối quý' as one quarterly duty on the 25th", () => {
    expect(plan.reporting.map((r) => r.timeframe)).toEqual([
      expect.objectContaining({ kind: "recurring", dates: ["03-25", "06-25", "09-25", "12-25"] }),
    ]);
  });
});

describe("parsePlan on tasks whose date is the date they are to be completed by", () => {
  const plan = parsePlan(
    [
      "ỦY BAN NHÂN DÂN TỈNH LÀO CAI",
      "Số: 12/KH-UBND",
      "Lào Cai, ngày 10 tháng 3 năm 2017",
      "KẾ HOẠCH",
      "Hỗ trợ nhà ở đối với người có công với cách mạng",
      "",
      "I. NHIỆM VỤ",
      "1. Hỗ trợ xây mới nhà ở",
      "- Năm 2018, hoàn thành việc hỗ trợ xây mới nhà ở cho 300 hộ gia đình.",
      "2. Hoàn thành việc sửa chữa nhà ở cho các hộ còn lại đến hết năm 2019.",
      "3. Tuyên truyền",
      "Tuyên truyền chính sách trên báo, đài trong năm 2018; tổng kết vào năm 2020 rồi hoàn thành báo cáo.",
      "4. Chuyển khu công nghiệp Tằng Loỏng sang khu công nghiệp sinh thái",
      "Ban Quản lý Khu kinh tế chủ trì thực hiện Đề án theo lộ trình. Xây dựng phương án giá dịch vụ hạ tầng, hoàn thành trong năm 2026.",
      "5. Di dời các cụm công nghiệp",
      "UBND phường Lào Cai chủ trì thực hiện giải phóng mặt bằng. Sở Xây dựng hướng dẫn, hoàn thành trong quý IV năm 2026.",
      "6. Rà soát hồ sơ tồn đọng",
      "Rà soát việc công nhận người có công theo Kết luận số 63-KL/TW. Hoàn thành trước ngày 30/6/2018.",
    ].join("\n"),
  );

  it("reads 'Năm 2018, hoàn thành …' opening a clause as the year the task is done in", () => {
    expect(plan.tasks[0]?.timeframe).toMatchObject({ kind: "deadline", due: "2018-12-31" });
  });

  it("reads 'Hoàn thành … đến hết năm 2019.' closing the task's sentence as its deadline", () => {
    expect(plan.tasks[1]?.timeframe).toMatchObject({ kind: "deadline", due: "2019-12-31" });
  });

  it("does not take a year written in passing as the completion of a task that is not one", () => {
    expect(plan.tasks[2]?.timeframe?.due).not.toBe("2020-12-31");
  });

  it("leaves a date to the later sentence it closes when that sentence is a piece of work of its own", () => {
    expect(plan.tasks[3]?.title).toMatch(/^Chuyển khu công nghiệp/);
    expect(plan.tasks[3]?.timeframe ?? null).toBeNull();
  });

  it("takes a later sentence's date for the task when the sentence opens with a unit or the date", () => {
    expect(plan.tasks[4]?.timeframe).toMatchObject({ kind: "deadline", due: "2026-12-31" });
    expect(plan.tasks[5]?.timeframe).toMatchObject({ kind: "deadline", due: "2018-06-30" });
  });
});

describe("parsePlan on a draft whose number and day are left blank with wide spaces", () => {
  it("keeps the blank number as the number and the issuer as the issuer", () => {
    const plan = parsePlan(
      [
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "Số:      /KH-SGDĐT                     Hải Phòng, ngày      tháng 3 năm 2026",
        "KẾ HOẠCH",
        "Kiểm tra nội bộ trường học",
        "I. NHIỆM VỤ",
        "1. Kiểm tra công tác thi",
        "- Đơn vị chủ trì: Phòng Khảo thí",
      ].join("\n"),
    );
    expect(plan.document).toMatchObject({
      number: "/KH-SGDĐT",
      issuer: "Sở Giáo dục và Đào tạo",
      place: "Hải Phòng",
      date: null,
      year: 2026,
    });
  });
});

describe("parsePlan on an event plan whose items are its particulars", () => {
  it("takes the event's time, place and attendants for facts of the plan, not tasks", () => {
    const plan = parsePlan(
      [
        "SỞ CÔNG THƯƠNG",
        "Số: 12/KH-SCT                    Bình An, ngày 2 tháng 6 năm 2026",
        "KẾ HOẠCH",
        "Tập huấn an toàn vật liệu nổ",
        "II. NỘI DUNG",
        "1. Thời gian: 1,5 ngày (bắt đầu từ 13h30 ngày 06/7/2026).",
        "2. Địa điểm: Hội trường Sở Công Thương.",
        "3. Đối tượng: Người quản lý vật liệu nổ công nghiệp.",
        "4. Nội dung huấn luyện: Quy định tại Điều 7 Nghị định số 181/2024/NĐ-CP.",
        "5. Biên soạn tài liệu huấn luyện",
        "- Đơn vị thực hiện: Phòng Quản lý công nghiệp",
      ].join("\n"),
    );
    expect(plan.tasks.map((t) => [t.id, t.title, t.leads])).toEqual([
      ["II.5", "Biên soạn tài liệu huấn luyện", ["Phòng Quản lý công nghiệp"]],
    ]);
  });
});

describe("parsePlan on text that is not a plan", () => {
  it("says so for a letter and for prose", () => {
    expect(
      isPlan(
        parsePlan("Kính gửi các đơn vị,\n\nSở đề nghị các đơn vị báo cáo số liệu trước ngày 15/12/2025.\n"),
      ).ok,
    ).toBe(false);
    expect(isPlan(parsePlan("The quick brown fox jumps over the lazy dog.")).ok).toBe(false);
  });

  it("accepts a plan whose header was lost", () => {
    const text =
      "I. MỤC ĐÍCH\n- Nâng cao chất lượng.\n\nII. NHIỆM VỤ\n1. Tổ chức tập huấn\n- Chủ trì: Văn phòng Sở\n\nIII. TỔ CHỨC THỰC HIỆN\n1. Văn phòng Sở\nTheo dõi.";
    expect(isPlan(parsePlan(text)).ok).toBe(true);
  });
});

describe("parsePlan on arbitrary text (property)", () => {
  const vietnamese = fc.constantFrom(
    "KẾ HOẠCH",
    "I. ",
    "II. ",
    "1. ",
    "a) ",
    "- ",
    "Chủ trì: ",
    "Thời gian thực hiện: ",
    "Trong quý I/2023",
    "Nơi nhận:",
    "KT. GIÁM ĐỐC",
    "Số: 22/KH-SGDĐT",
    "Hải Phòng, ngày 19 tháng 8 năm 2021",
    "\n",
    "\n\n",
    "\t",
    " | ",
    "Văn phòng Sở; Phòng GDTX&ĐH",
    "06-NQ/TW",
    "ngày 08/4/2024",
    "**",
    "<sup>1</sup>",
    "(Chữ ký)",
    "Pon vi thuc hién:",
    "S6:22 /KH",
    "Thường xuyên",
    "PHỤ LỤC",
    "STT\tNội dung\tĐơn vị chủ trì\tThời gian",
  );
  const text = fc.oneof(
    fc.string({ maxLength: 400 }),
    fc.array(fc.oneof(vietnamese, fc.string({ maxLength: 12 })), { maxLength: 80 }).map((a) => a.join("")),
  );

  it("never throws and always validates against the plan schema", () => {
    fc.assert(
      fc.property(text, (input) => {
        const plan = parsePlan(input);
        expect(ParsedPlanSchema.safeParse(plan).success).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

describe("parsePlan on a plan numbered 1., 2.1. without roman sections", () => {
  const text = [
    "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
    "Số: 45/KH-PGDĐT                    Vĩnh Lộc, ngày 03 tháng 9 năm 2024",
    "",
    "KẾ HOẠCH",
    "Thực hiện nhiệm vụ năm học 2024-2025",
    "",
    "1. MỤC ĐÍCH, YÊU CẦU",
    "- Hoàn thành các chỉ tiêu năm học.",
    "",
    "2. NHIỆM VỤ CỤ THỂ",
    "2.1. Nâng cao chất lượng dạy học",
    "Các trường tiểu học chủ trì, phối hợp với Ban đại diện cha mẹ học sinh tổ chức dạy học 2 buổi/ngày; hoàn thành trước ngày 30/9/2024.",
    "2.2. Kiểm tra nội bộ",
    "- Chủ trì: Bộ phận chuyên môn Phòng",
    "- Thời hạn: Tháng 4/2025",
    "",
    "3. TỔ CHỨC THỰC HIỆN",
    "3.1. Các trường học báo cáo kết quả về Phòng GDĐT trước ngày 25/5/2025.",
    "3.2. Phòng Kế hoạch – Tài chính",
    "Bố trí kinh phí.",
  ].join("\n");
  const plan = parsePlan(text);

  it("reads the tasks under 2. with leads from a sentence and a field", () => {
    expect(plan.tasks.map((t) => [t.id, t.leads, t.cooperators, t.timeframe?.due])).toEqual([
      ["2.1", ["Các trường tiểu học"], ["Ban đại diện cha mẹ học sinh"], "2024-09-30"],
      ["2.2", ["Bộ phận chuyên môn Phòng"], [], "2025-04-30"],
    ]);
  });

  it("tells a duty sentence from a unit heading", () => {
    expect(plan.assignments.map((a) => a.units)).toEqual([
      ["Các trường học"],
      ["Phòng Kế hoạch – Tài chính"],
    ]);
    expect(plan.reporting.map((r) => [r.from, r.to, r.timeframe.due])).toEqual([
      [["Các trường học"], ["Phòng GDĐT"], "2025-05-25"],
    ]);
  });
});

describe("parsePlan on a Party committee's plan", () => {
  const plan = parsePlan(read("test/fixtures/ke-hoach-huyen-uy.txt"));

  it("reads the Party header, number and collective signature", () => {
    expect(plan.document).toMatchObject({
      type: "KH",
      number: "48-KH/HU",
      issuer: "Huyện ủy Hòa Bình",
      parentIssuer: "Đảng bộ tỉnh Sơn Lâm",
      place: "Hòa Bình",
      date: "2025-01-15",
      signer: { capacity: "T/M BAN THƯỜNG VỤ", position: "BÍ THƯ", name: "Nguyễn Văn Hải" },
    });
    expect(plan.references.map((r) => [r.number, r.relation])).toEqual([
      ["35-CT/TW", "implements"],
      ["112-KH/TU", "implements"],
    ]);
  });

  it("reads leads from a parenthesis, from inline fields and from a 'Giao … chủ trì' sentence", () => {
    expect(plan.tasks.map((t) => [t.title, t.leads, t.cooperators, t.timeframe?.due ?? null])).toEqual([
      ["Xây dựng văn kiện đại hội", ["Văn phòng Huyện ủy"], ["Ban Tuyên giáo Huyện ủy"], "2025-03-31"],
      ["Công tác nhân sự", ["Ban Tổ chức Huyện ủy"], ["Ủy ban Kiểm tra Huyện ủy"], "2025-06-30"],
      [
        "Tuyên truyền đại hội",
        ["Ban Tuyên giáo Huyện ủy"],
        ["Trung tâm Chính trị huyện", "Đài Truyền thanh huyện"],
        null,
      ],
    ]);
  });

  it("reads the report owed by the grassroots committees", () => {
    expect(plan.reporting.map((r) => [r.from, r.to, r.via, r.timeframe.due])).toEqual([
      [["Các chi, đảng bộ cơ sở"], ["Ban Thường vụ Huyện ủy"], "Văn phòng Huyện ủy", "2025-06-30"],
    ]);
  });
});

describe("parsePlan on appendix tables as Word and PDF converters write them", () => {
  const plan = parsePlan(read("test/fixtures/phu-luc-bang-nhiem-vu.txt"));

  it("merges a header on two rows and joins a cell broken by <br>", () => {
    expect(
      plan.tasks.slice(0, 2).map((t) => [t.id, t.title, t.leads, t.cooperators, t.timeframe?.due]),
    ).toEqual([
      ["1", "Rà soát hồ sơ của học viên", ["Phòng Quản lý công nghiệp"], ["Văn phòng Sở"], "2026-06-30"],
      [
        "2",
        "Tổ chức kiểm tra",
        ["Phòng Quản lý công nghiệp"],
        ["Thanh tra Sở", "Văn phòng Sở"],
        "2026-09-30",
      ],
    ]);
  });

  it("numbers the rows Word numbers itself (empty STT cells) and keeps ids unique", () => {
    expect(plan.tasks.slice(2).map((t) => [t.id, t.title, t.leads])).toEqual([
      ["PL.1", "Rà soát điều kiện học viên", ["Vũ Việt Linh"]],
      ["PL.2", "Tổ chức chấm bài", ["Nguyễn Thị Loan"]],
    ]);
  });
});

describe("parsePlan on a short plan with bullet tasks", () => {
  const plan = parsePlan(
    [
      "KẾ HOẠCH",
      "Phòng chống dịch bệnh trong trường học năm 2025",
      "",
      "I. MỤC ĐÍCH",
      "- Chủ động phòng bệnh.",
      "",
      "II. YÊU CẦU",
      "- Phối hợp chặt chẽ.",
      "",
      "III. NỘI DUNG",
      "- Tuyên truyền phòng bệnh cho học sinh.",
      "- Vệ sinh trường lớp định kỳ; hoàn thành trước ngày 15/9/2025.",
      "",
      "IV. TỔ CHỨC THỰC HIỆN",
      "Các trường học báo cáo kết quả về Phòng Giáo dục và Đào tạo trước ngày 20/12/2025.",
      "1. Trạm Y tế xã",
      "Phối hợp kiểm tra.",
    ].join("\n"),
  );

  it("files Mục đích and Yêu cầu sections apart", () => {
    expect(plan.objectives).toEqual(["Chủ động phòng bệnh"]);
    expect(plan.requirements).toEqual(["Phối hợp chặt chẽ"]);
  });

  it("makes one task per bullet of an unnumbered tasks section", () => {
    expect(plan.tasks.map((t) => [t.id, t.timeframe?.due ?? null])).toEqual([
      ["III.1", null],
      ["III.2", "2025-09-15"],
    ]);
  });

  it("reads a report ordered before the first numbered item, with its subject", () => {
    expect(plan.reporting.map((r) => [r.from, r.to, r.timeframe.due])).toEqual([
      [["Các trường học"], ["Phòng Giáo dục và Đào tạo"], "2025-12-20"],
    ]);
  });
});

describe("parsePlan on a programme issued by a resolution, as PDF text lays it out", () => {
  // Modelled on Government resolutions issuing a "Chương trình hành động": the header's cells
  // parted by a bar, the signature beside the last recipient, "(Kèm theo Nghị quyết …)".
  const text = `CHÍNH PHỦ
------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 41/NQ-CP | Hà Nội, ngày 05 tháng 3 năm 2026

NGHỊ QUYẾT
BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW
CHÍNH PHỦ
Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;
Căn cứ Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị;
QUYẾT NGHỊ:
Điều 1. Ban hành kèm theo Nghị quyết này Chương trình hành động.
Điều 2. Nghị quyết này có hiệu lực từ ngày ký.

Nơi nhận:
- Ban Bí thư Trung ương Đảng;
- Lưu: VT, KGVX (2). | TM. CHÍNH PHỦ
KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG

Nguyễn Văn Minh

CHƯƠNG TRÌNH HÀNH ĐỘNG
THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW NGÀY 22 THÁNG 12 NĂM 2024 CỦA BỘ CHÍNH TRỊ
(Kèm theo Nghị quyết số 41/NQ-CP ngày 05 tháng 3 năm 2026 của Chính phủ)
I. NHIỆM VỤ
1. Hoàn thiện thể chế
- Cơ quan chủ trì: Bộ Khoa học và Công nghệ
- Thời gian hoàn thành: Quý IV/2026
`;
  const plan = parsePlan(text);

  it("takes number, date, issuer, signer and recipients from the resolution, the title from the programme", () => {
    expect(plan.document).toMatchObject({
      number: "41/NQ-CP",
      issuer: "Chính phủ",
      place: "Hà Nội",
      date: "2026-03-05",
      title: "THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW NGÀY 22 THÁNG 12 NĂM 2024 CỦA BỘ CHÍNH TRỊ",
      signer: {
        capacity: "TM. CHÍNH PHỦ / KT. THỦ TƯỚNG",
        position: "PHÓ THỦ TƯỚNG",
        name: "Nguyễn Văn Minh",
      },
      recipients: ["Ban Bí thư Trung ương Đảng", "Lưu: VT, KGVX (2)"],
    });
    expect(plan.references.find((r) => r.number === "57-NQ/TW")?.relation).toBe("implements");
    expect(plan.references.map((r) => r.number)).not.toContain("41/NQ-CP");
    expect(plan.tasks.map((t) => [t.id, t.leads, t.timeframe?.due])).toEqual([
      ["I.1", ["Bộ Khoa học và Công nghệ"], "2026-12-31"],
    ]);
  });
});

describe("parsePlan on a header broken over lines by PDF extraction", () => {
  it("reads a motto, a place and a date each broken over two lines, and ends the title at the opening sentence", () => {
    const plan = parsePlan(`ỦY BAN NHÂN DÂN
TỈNH AN BÌNH
-------
|
CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
|
Số: 317/KH-UBND
|
An Bình, ngày 31
tháng 12 năm 2021
|
KẾ HOẠCH
TRIỂN KHAI CHƯƠNG TRÌNH SỨC KHỎE HỌC ĐƯỜNG GIAI ĐOẠN
2021-2025 TRÊN ĐỊA BÀN TỈNH
Thực hiện Quyết định số
1660/QĐ-TTg ngày 02/10/2021 của Thủ tướng Chính phủ về việc phê duyệt Chương trình Sức khỏe học đường.
I. MỤC ĐÍCH
1. Nâng cao sức khỏe học sinh
`);
    expect(plan.document).toMatchObject({
      number: "317/KH-UBND",
      issuer: "Ủy ban nhân dân tỉnh An Bình",
      place: "An Bình",
      date: "2021-12-31",
      title: "TRIỂN KHAI CHƯƠNG TRÌNH SỨC KHỎE HỌC ĐƯỜNG GIAI ĐOẠN 2021-2025 TRÊN ĐỊA BÀN TỈNH",
    });
    expect(plan.references).toEqual([
      expect.objectContaining({ number: "1660/QĐ-TTg", relation: "implements" }),
    ]);
  });
});

describe("parsePlan on parts A, B, C whose sections hold their fields as numbered sub-items", () => {
  // Modelled on plans of national steering committees and ministries.
  const plan = parsePlan(`BAN CHỈ ĐẠO TỈNH
Số: 25/KH-BCĐ                     An Bình, ngày 11 tháng 11 năm 2025

KẾ HOẠCH
Triển khai Đề án số hóa hồ sơ

A. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Cụ thể hóa Đề án.

B. NỘI DUNG, NHIỆM VỤ, GIẢI PHÁP
I. CÔNG TÁC QUÁN TRIỆT, TRIỂN KHAI THỰC HIỆN
1. Nội dung, biện pháp
a) Tổ chức hội nghị quán triệt Đề án.
b) Xây dựng kế hoạch của các cấp.
2. Cơ quan chủ trì, phối hợp
a) Cơ quan chủ trì
- Văn phòng Ban Chỉ đạo.
- Sở Nội vụ; Sở Tư pháp.
b) Cơ quan phối hợp
- Các sở, ngành liên quan.
3. Thời gian thực hiện: Tháng 12/2025 và thường xuyên.
II. SỐ HÓA HỒ SƠ LƯU TRỮ
1. Nội dung
Số hóa hồ sơ từ năm 2000.
2. Cơ quan chủ trì
- Sở Nội vụ.
3. Thời gian thực hiện: Năm 2026.
III. KIỂM TRA, SƠ KẾT, TỔNG KẾT
1. Nội dung, biện pháp
a) Kiểm tra định kỳ việc thực hiện;
b) Sơ kết giai đoạn 2025-2027 vào năm 2027; tổng kết giai đoạn 2025-2030 vào năm 2030;
2. Cơ quan chủ trì, phối hợp
a) Cơ quan chủ trì
- Ban Chỉ đạo tỉnh; các sở, ban, ngành và địa phương.
b) Cơ quan phối hợp
Mặt trận Tổ quốc tỉnh.
3. Thời gian thực hiện: hằng năm và định kỳ.

C. MỘT SỐ NHIỆM VỤ TRỌNG TÂM NĂM 2026
1. Hoàn thành số hóa hồ sơ cấp tỉnh trong năm 2026.
2. Sơ kết một năm thực hiện.

D. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ chủ trì theo dõi, đôn đốc.
`);

  it("makes each section one task, with leads, cooperators and time from its sub-items", () => {
    expect(plan.tasks.map((t) => [t.id, t.title, t.leads, t.cooperators, t.timeframe?.kind])).toEqual([
      [
        "B.I",
        "CÔNG TÁC QUÁN TRIỆT, TRIỂN KHAI THỰC HIỆN",
        ["Văn phòng Ban Chỉ đạo", "Sở Nội vụ", "Sở Tư pháp"],
        ["Các sở, ngành liên quan"],
        "deadline",
      ],
      ["B.II", "SỐ HÓA HỒ SƠ LƯU TRỮ", ["Sở Nội vụ"], [], "deadline"],
      [
        "B.III",
        "KIỂM TRA, SƠ KẾT, TỔNG KẾT",
        ["Ban Chỉ đạo tỉnh", "các sở, ban, ngành", "các địa phương"],
        ["Mặt trận Tổ quốc tỉnh"],
        "continuous",
      ],
      ["C.1", "Hoàn thành số hóa hồ sơ cấp tỉnh trong năm 2026", [], [], "deadline"],
      ["C.2", "Sơ kết một năm thực hiện", [], [], undefined],
    ]);
    expect(plan.tasks[0]?.content).toContain("Tổ chức hội nghị quán triệt Đề án");
    expect(plan.tasks[0]?.timeframe?.due).toBe("2025-12-31");
  });

  it("reads the dated reviews of the review section as report obligations of the units leading it", () => {
    expect(plan.reporting.map((r) => [r.from, r.timeframe.due])).toEqual([
      [["Ban Chỉ đạo tỉnh", "các sở, ban, ngành", "các địa phương"], "2027-12-31"],
      [["Ban Chỉ đạo tỉnh", "các sở, ban, ngành", "các địa phương"], "2030-12-31"],
    ]);
  });

  it("reads parts as the top of the outline, and the organisation part's items as assignments", () => {
    expect(plan.sections.map((s) => [s.label, s.role])).toEqual([
      ["A", "purpose"],
      ["B", "tasks"],
      ["C", "tasks"],
      ["D", "organization"],
    ]);
    expect(plan.assignments.map((a) => a.id)).toEqual(["D.1"]);
  });
});

describe("parsePlan on an inspection team's plan", () => {
  // Modelled on plans of inspection teams set up by a decision: the team's name runs over the
  // header's lines with the decision's number, sections "1. Mục tiêu" in small letters, the
  // inspection's particulars as numbered items, members given duties by name.
  const plan = parsePlan(`   SỞ Y TẾ                        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    ĐOÀN KIỂM TRA                         Độc lập - Tự do - Hạnh phúc
  THEO QUYẾT ĐỊNH
   SỐ 220/QĐ-SYT                      Bình An, ngày 10 tháng 4 năm 2026

     Số: 15/KH-ĐKT

                               KẾ HOẠCH
Kiểm tra an toàn thực phẩm tại các bếp ăn tập thể

      Thực hiện Quyết định số 220/QĐ-SYT ngày 06/4/2026 của Giám đốc Sở Y tế
về việc kiểm tra an toàn thực phẩm.
      1. Mục tiêu
      - Đánh giá việc chấp hành quy định về an toàn thực phẩm.
      2. Đối tượng, nội dung kiểm tra:
      2.1. Đối tượng kiểm tra: Các bếp ăn tập thể (theo phụ lục đính kèm).
      2.2. Nội dung kiểm tra
      a) Kiểm tra hồ sơ: giấy chứng nhận cơ sở đủ điều kiện.
      b) Kiểm tra thực tế khu vực chế biến.
      2.3. Thời gian kiểm tra: Dự kiến 01 ngày/01 đơn vị.
      2.4. Địa điểm kiểm tra: Tại cơ sở.
      3. Phân công nhiệm vụ
      3.1. Ông. Lê Văn Tâm - Trưởng đoàn: Phụ trách chung.
      3.2. Bà. Trần Thị Hoa - Thành viên: Kiểm tra hồ sơ.
      Trên đây là Kế hoạch kiểm tra của Đoàn./.
Nơi nhận:                                         T/M. ĐOÀN KIỂM TRA
- Giám đốc Sở (để báo cáo);
- Các đơn vị được kiểm tra (để phối                TRƯỞNG ĐOÀN
hợp);
- Lưu: VT.

                                                     Lê Văn Tâm
`);

  it("reads the team's name with the decision that set it up, and the plan's own number", () => {
    expect(plan.document.number).toBe("15/KH-ĐKT");
    expect(plan.document.issuer?.toLowerCase()).toBe("đoàn kiểm tra theo quyết định số 220/qđ-syt");
    expect(plan.document.parentIssuer).toBe("Sở Y tế");
    expect(plan.references).toEqual([
      expect.objectContaining({ number: "220/QĐ-SYT", relation: "implements" }),
    ]);
  });

  it("reads what is inspected as tasks, the particulars as facts, and the members as doers", () => {
    expect(plan.tasks.map((t) => t.id)).toEqual(["2.2.a", "2.2.b"]);
    expect(plan.assignments.map((a) => a.units)).toEqual([
      ["Ông. Lê Văn Tâm - Trưởng đoàn"],
      ["Bà. Trần Thị Hoa - Thành viên"],
    ]);
  });

  it("reads the signature beside the recipients, and the recipients without it", () => {
    expect(plan.document.signer).toEqual({
      capacity: "T/M ĐOÀN KIỂM TRA",
      position: "TRƯỞNG ĐOÀN",
      name: "Lê Văn Tâm",
    });
    expect(plan.document.recipients).toEqual([
      "Giám đốc Sở (để báo cáo)",
      "Các đơn vị được kiểm tra (để phối hợp)",
      "Lưu: VT",
    ]);
  });
});

describe("parsePlan on a decision and its plan copied from a legal-database page as Markdown", () => {
  // Modelled on the pages of legal databases as crawlers save them: header cells between lone
  // bars, bold runs and paragraphs wrapped where the page's source ran long.
  const plan = parsePlan(
    [
      "|",
      "**BỘ VĂN HÓA, THỂ",
      "THAO **",
      "VÀ DU LỊCH",
      "-------",
      "|",
      "**CỘNG HÒA XÃ HỘI",
      "CHỦ NGHĨA VIỆT NAM**",
      "Độc lập - Tự do - Hạnh phúc",
      "---------------",
      "|",
      "|",
      "Số:",
      "4385/QĐ-BVHTTDL",
      "|",
      "*Hà Nội, ngày 18",
      "tháng 11 năm 2025*",
      "|",
      "",
      "**QUYẾT ĐỊNH**",
      "",
      "VỀ VIỆC BAN HÀNH KẾ HOẠCH THỰC HIỆN QUY HOẠCH MẠNG LƯỚI CƠ SỞ VĂN HÓA",
      "",
      "*Căn cứ Nghị định số 43/2025/NĐ-CP ngày 28/02/2025 của Chính phủ quy định chức",
      "năng, nhiệm vụ của Bộ Văn hóa, Thể thao và Du lịch;*",
      "",
      "**Điều 1.** Ban hành kèm theo Quyết định này Kế hoạch thực hiện Quy hoạch.",
      "",
      "|",
      "*Nơi nhận:*",
      "- Như Điều 3;",
      "- Bộ trưởng *(để báo cáo);*",
      "*- *Thứ trưởng Tạ Quang Đông;",
      "- Lưu: VT, KHTC.",
      "|",
      "**KT. BỘ TRƯỞNG",
      "THỨ TRƯỞNG**",
      "**Tạ Quang Đông**",
      "|",
      "",
      "**KẾ HOẠCH**",
      "",
      "THỰC HIỆN QUY HOẠCH MẠNG LƯỚI CƠ SỞ VĂN HÓA VÀ THỂ THAO THỜI",
      "KỲ 2021-2030, TẦM NHÌN ĐẾN NĂM 2045",
      "",
      "*(Kèm theo Quyết định số 4385/QĐ-BVHTTDL ngày 18 tháng 11 năm 2025 của Bộ trưởng*",
      "",
      "**I. NHIỆM VỤ**",
      "",
      ...Array.from({ length: 12 }, (_, i) => [
        `${i + 1}.`,
        `Rà soát, cập nhật danh mục dự án số ${i + 1} thuộc Quy hoạch mạng lưới cơ sở văn hóa`,
        "và thể thao.",
        "",
        "- Cơ quan chủ trì: Vụ Kế hoạch, Tài chính.",
        "",
        "- Thời gian thực hiện: Năm 2026.",
        "",
      ]).flat(),
    ].join("\n"),
  );

  it("reads the decision's number, date, issuer, signer and recipients, and the plan's title", () => {
    expect(plan.document).toMatchObject({
      number: "4385/QĐ-BVHTTDL",
      issuer: "Bộ Văn hóa, Thể thao và Du lịch",
      place: "Hà Nội",
      date: "2025-11-18",
      title:
        "THỰC HIỆN QUY HOẠCH MẠNG LƯỚI CƠ SỞ VĂN HÓA VÀ THỂ THAO THỜI KỲ 2021-2030, TẦM NHÌN ĐẾN NĂM 2045",
      signer: { capacity: "KT. BỘ TRƯỞNG", position: "THỨ TRƯỞNG", name: "Tạ Quang Đông" },
      recipients: ["Như Điều 3", "Bộ trưởng (để báo cáo)", "Thứ trưởng Tạ Quang Đông", "Lưu: VT, KHTC"],
    });
  });

  it("reads each numbered item whose text the page wrapped as one task with its fields", () => {
    expect(plan.tasks).toHaveLength(12);
    expect(plan.tasks[0]).toMatchObject({
      id: "I.1",
      title: "Rà soát, cập nhật danh mục dự án số 1 thuộc Quy hoạch mạng lưới cơ sở văn hóa và thể thao",
      leads: ["Vụ Kế hoạch, Tài chính"],
      timeframe: { kind: "deadline", due: "2026-12-31" },
    });
  });
});

describe("parsePlan on a field sub-item whose lines are fields of their own", () => {
  // Modelled on plans of city people's committees: "b) Cơ quan thực hiện:" over labelled bullets.
  const plan = parsePlan(`ỦY BAN NHÂN DÂN THÀNH PHỐ AN BÌNH
Số: 30/KH-UBND          An Bình, ngày 5 tháng 3 năm 2025
KẾ HOẠCH
Tạo lập dữ liệu số
II. NHIỆM VỤ
1. Về dữ liệu
1.1. Xây dựng Chiến lược dữ liệu của thành phố
a) Nhiệm vụ: Rà soát, hoàn thiện Chiến lược dữ liệu.
b) Cơ quan thực hiện:
- Đơn vị chủ trì: Sở Khoa học và Công nghệ.
- Đơn vị phối hợp: Các Sở, ban, ngành; UBND xã, phường.
c) Thời gian thực hiện: Năm 2025.
`);

  it("reads the lead and the cooperators from the labelled lines under 'Cơ quan thực hiện'", () => {
    expect(plan.tasks.map((t) => [t.id, t.leads, t.cooperators, t.timeframe?.due])).toEqual([
      ["II.1.1", ["Sở Khoa học và Công nghệ"], ["Các Sở, ban, ngành", "UBND xã, phường"], "2025-12-31"],
    ]);
  });
});

describe("parsePlan on a unit field that gives each unit its own sentence", () => {
  const plan = parsePlan(`THỦ TƯỚNG CHÍNH PHỦ
Số: 26/QĐ-TTg          Hà Nội, ngày 5 tháng 3 năm 2025
KẾ HOẠCH
Triển khai thi hành Luật
II. NỘI DUNG
1. Rà soát văn bản quy phạm pháp luật
- Cơ quan thực hiện: Bộ Công an tiến hành rà soát các văn bản quy phạm pháp luật có liên quan đến Luật thuộc thẩm quyền quản lý nhà nước; các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương rà soát văn bản quy phạm pháp luật có liên quan.
- Thời gian thực hiện:
+ Các bộ, cơ quan ngang bộ gửi kết quả rà soát về Bộ Công an trước ngày 15 tháng 12 năm 2025.
+ Bộ Công an tổng hợp kết quả rà soát, báo cáo Thủ tướng Chính phủ trước ngày 31 tháng 12 năm 2025.
`);

  it("reads the dated report a unit of a task's line owes a body as a report obligation", () => {
    expect(plan.reporting.map((r) => [r.from, r.to, r.timeframe.due])).toEqual([
      [["Bộ Công an"], ["Thủ tướng Chính phủ"], "2025-12-31"],
    ]);
  });

  it("takes each sentence's subject as the units, not the sentence", () => {
    expect(plan.tasks[0]?.leads).toEqual([
      "Bộ Công an",
      "các bộ, cơ quan ngang bộ",
      "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",
    ]);
  });
});

describe("parsePlan on a school's items that close with their doer after a dash", () => {
  const plan = parsePlan(
    [
      "TRƯỜNG THPT CAO LÃNH 2",
      "Số: 58/KH-THPTCL2",
      "Đồng Tháp, ngày 15 tháng 4 năm 2026",
      "KẾ HOẠCH",
      "Tổ chức sinh hoạt chuyên môn môn Lịch sử",
      "II. NỘI DUNG SINH HOẠT CHUYÊN MÔN",
      "1. Phân tích đề thi tốt nghiệp năm 2025 (môn Lịch sử) – Trường THPT Cao Lãnh 2 thực hiện.",
      "2. Tham luận “Kinh nghiệm ôn thi” - Trường THPT Thống Linh hỗ trợ thực hiện.",
      "3. Tham luận về công tác phụ đạo – các đơn vị cho ý kiến, thảo luận.",
      "4. Giao lưu - trao đổi giữa giáo viên các trường.",
    ].join("\n"),
  );

  it("takes the unit after the dash as the item's lead", () => {
    expect(plan.tasks.map((t) => t.leads)).toEqual([
      ["Trường THPT Cao Lãnh 2"],
      ["Trường THPT Thống Linh"],
      [],
      [],
    ]);
  });
});

describe("parsePlan on duties written unit by unit, a report among them", () => {
  const plan = parsePlan(
    [
      "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI",
      "Số: 12/KH-UBND",
      "Quảng Ngãi, ngày 10 tháng 11 năm 2025",
      "KẾ HOẠCH",
      "Tổng kiểm kê tài sản công",
      "I. NHIỆM VỤ CỤ THỂ",
      "1. Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo",
      "- Tham mưu triển khai thực hiện kế hoạch kiểm kê.",
      "- Tổng hợp kết quả kiểm kê, báo cáo kết quả kiểm kê gửi Bộ Tài chính.",
      "Thời gian hoàn thành: Trước ngày 31/5/2026.",
      "2. Ủy ban nhân dân các phường, xã",
      "- Tổ chức kiểm kê tài sản thuộc phạm vi quản lý.",
      "- Tổng hợp kết quả kiểm kê, báo cáo kết quả bằng văn bản gửi về Sở Tài chính trước ngày 15/4/2026.",
      "3. Trách nhiệm của đối tượng thực hiện kiểm kê:",
      "- Thực hiện kiểm kê đúng quy định.",
    ].join("\n"),
  );

  it("takes each part's heading as its lead", () => {
    expect(plan.tasks.map((t) => t.leads)).toEqual([
      ["Sở Tài chính"],
      ["Ủy ban nhân dân các phường, xã"],
      ["đối tượng thực hiện kiểm kê"],
    ]);
  });

  it("reads the report a part's item orders as the part's lead's, dated by the item or the part's time field", () => {
    expect(plan.reporting.map((r) => [r.from, r.to, r.timeframe.due])).toEqual([
      [["Sở Tài chính"], ["Bộ Tài chính"], "2026-05-31"],
      [["Ủy ban nhân dân các phường, xã"], ["Sở Tài chính"], "2026-04-15"],
    ]);
  });
});

describe("parsePlan on a plan of thousands of numbered tasks", () => {
  it("keeps every task, the thousandth and after included", () => {
    const lines = [
      "UBND TỈNH AN BÌNH",
      "Số: 7/KH-UBND",
      "An Bình, ngày 2 tháng 1 năm 2026",
      "KẾ HOẠCH",
      "Rà soát",
      "I. NHIỆM VỤ",
    ];
    for (let i = 1; i <= 1500; i++) lines.push(`${i}. Rà soát hồ sơ số ${i}`, "- Đơn vị chủ trì: Sở Nội vụ");
    const plan = parsePlan(lines.join("\n"));
    expect(plan.tasks).toHaveLength(1500);
    expect(plan.tasks[1499]).toMatchObject({
      id: "I.1500",
      title: "Rà soát hồ sơ số 1500",
      leads: ["Sở Nội vụ"],
    });
    expect(plan.tasks[998]?.content).not.toContain("1000.");
  });
});

describe("parsePlan on a PDF's title run together with its opening paragraph", () => {
  it("ends the title where the opening starts, citing the plan it carries out", () => {
    const plan = parsePlan(
      [
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "Số: 362/KH-SGDĐT Đồng Tháp, ngày 14 tháng 4 năm 2026",
        "KẾ HOẠCH",
        "Đón tiếp và làm việc với Đoàn kiểm tra của Bộ Giáo dục và Đào tạo tại các cơ sở giáo dục trên địa bàn tỉnh Đồng Tháp Thực hiện Kế hoạch số 199/KH-BGDĐT của Bộ Giáo dục và Đào tạo ngày 05 tháng 02 năm 2026, Sở xây dựng Kế hoạch như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "Chủ động chuẩn bị hồ sơ.",
      ].join("\n"),
    );
    expect(plan.document.title).toBe(
      "Đón tiếp và làm việc với Đoàn kiểm tra của Bộ Giáo dục và Đào tạo tại các cơ sở giáo dục trên địa bàn tỉnh Đồng Tháp",
    );
    // A title that itself carries a plan out keeps it, in parentheses or as its first words.
    const own = parsePlan(
      "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 12/KH-SGDĐT\nKẾ HOẠCH\nThực hiện Kế hoạch số 155/KH-UBND năm 2026\nI. NHIỆM VỤ\n1. Tổ chức hội nghị",
    );
    expect(own.document.title).toBe("Thực hiện Kế hoạch số 155/KH-UBND năm 2026");
  });
});
