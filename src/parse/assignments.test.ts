import { describe, expect, it } from "vitest";
import { readAssignments } from "./assignments.js";
import { toLines } from "./lines.js";
import { buildOutline } from "./outline.js";

/** Reads the assignments of the first root section of `text`. */
function assignmentsOf(text: string) {
  const lines = toLines(text);
  const [root] = buildOutline(lines, 0, lines.length);
  if (!root) throw new Error("no section");
  return readAssignments(root, root.label, lines);
}

const units = (text: string) => assignmentsOf(text).map((a) => [a.id, a.units]);

describe("readAssignments", () => {
  it("reads units from the item headings and duties from the lines under them", () => {
    const text = [
      "IV. PHÂN CÔNG THỰC HIỆN",
      "1. Giám đốc",
      "Chỉ đạo chung việc triển khai Kế hoạch đảm bảo đúng tiến độ.",
      "2. Các đồng chí Phó Giám đốc Sở",
      "Thường trực, trực tiếp chỉ đạo các phòng chuyên môn, nghiệp vụ.",
      "3. Phòng Giáo dục Thường xuyên & Đại học (GDTX&ĐH)",
      "- Là phòng chủ trì, phối hợp với các phòng thuộc Sở GDĐT triển khai thực hiện các nhiệm vụ.",
      "- Chịu trách nhiệm tổng hợp, tham mưu báo cáo tình hình triển khai.",
      "4. Phòng Kế hoạch – Tài chính",
      "- Chịu trách nhiệm về các hoạt động đảm bảo kinh phí kịp thời;",
      "- Tham mưu các thủ tục lựa chọn đối tác.",
    ].join("\n");
    expect(assignmentsOf(text)).toEqual([
      {
        id: "IV.1",
        units: ["Giám đốc"],
        duties: ["Chỉ đạo chung việc triển khai Kế hoạch đảm bảo đúng tiến độ"],
      },
      {
        id: "IV.2",
        units: ["Các đồng chí Phó Giám đốc Sở"],
        duties: ["Thường trực, trực tiếp chỉ đạo các phòng chuyên môn, nghiệp vụ"],
      },
      {
        id: "IV.3",
        units: ["Phòng Giáo dục Thường xuyên & Đại học"],
        duties: [
          "Là phòng chủ trì, phối hợp với các phòng thuộc Sở GDĐT triển khai thực hiện các nhiệm vụ",
          "Chịu trách nhiệm tổng hợp, tham mưu báo cáo tình hình triển khai",
        ],
      },
      {
        id: "IV.4",
        units: ["Phòng Kế hoạch – Tài chính"],
        duties: [
          "Chịu trách nhiệm về các hoạt động đảm bảo kinh phí kịp thời",
          "Tham mưu các thủ tục lựa chọn đối tác",
        ],
      },
    ]);
  });

  it("spreads a shared head and splits listed units", () => {
    const text = [
      "IV. PHÂN CÔNG THỰC HIỆN",
      "5. Các phòng: Giáo dục Mầm non, Giáo dục Tiểu học, Giáo dục Trung học",
      "- Có trách nhiệm tham mưu về mặt chuyên môn;",
      "7. Công đoàn ngành GDĐT, Văn phòng Sở",
      "Chỉ đạo, phối hợp với các phòng thuộc Sở làm tốt công tác tuyên truyền.",
      "10. Các trường phổ thông trực thuộc Sở GDĐT, Trung tâm GDNN-GDTX quận/ huyện, Trung tâm GDTX Hải Phòng",
      "Triển khai các nhiệm vụ tại mục II Kế hoạch này.",
    ].join("\n");
    expect(units(text)).toEqual([
      ["IV.5", ["Phòng Giáo dục Mầm non", "Phòng Giáo dục Tiểu học", "Phòng Giáo dục Trung học"]],
      ["IV.7", ["Công đoàn ngành GDĐT", "Văn phòng Sở"]],
      [
        "IV.10",
        [
          "Các trường phổ thông trực thuộc Sở GDĐT",
          "Trung tâm GDNN-GDTX quận/huyện",
          "Trung tâm GDTX Hải Phòng",
        ],
      ],
    ]);
  });

  it("drops a request verb before the unit and keeps collective names whole", () => {
    const text = [
      "III. TỔ CHỨC THỰC HIỆN",
      "11. Ủy ban nhân dân các quận, huyện",
      "- Xây dựng và tổ chức thực hiện kế hoạch hành động của địa phương.",
      "12. Đề nghị Ban Tuyên giáo Thành ủy",
      "Chỉ đạo hệ thống tuyên giáo đẩy mạnh công tác tuyên truyền.",
      "13. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam thành phố và các tổ chức thành viên",
      "Tuyên truyền, phổ biến, vận động các tầng lớp nhân dân.",
    ].join("\n");
    expect(units(text)).toEqual([
      ["III.11", ["Ủy ban nhân dân các quận, huyện"]],
      ["III.12", ["Ban Tuyên giáo Thành ủy"]],
      ["III.13", ["Ủy ban Mặt trận Tổ quốc Việt Nam thành phố", "các tổ chức thành viên"]],
    ]);
  });

  it("reads the heading up to the colon and the rest as a duty", () => {
    expect(
      assignmentsOf(
        "III. TỔ CHỨC THỰC HIỆN\n2. Các trường học, cơ sở giáo dục trong huyện: Căn cứ Kế hoạch này triển khai thực hiện các chương trình cụ thể.",
      ),
    ).toEqual([
      {
        id: "III.2",
        units: ["Các trường học, cơ sở giáo dục trong huyện"],
        duties: ["Căn cứ Kế hoạch này triển khai thực hiện các chương trình cụ thể"],
      },
    ]);
  });

  it("reads the subject of a duty sentence", () => {
    const text = [
      "III. TỔ CHỨC THỰC HIỆN",
      "1. Văn phòng Sở - cơ quan thường trực có trách nhiệm theo dõi, đôn đốc các đơn vị thực hiện Kế hoạch.",
      "14. Các sở, ban, ngành, địa phương, đơn vị liên quan căn cứ chức năng, nhiệm vụ được giao xây dựng kế hoạch triển khai.",
      "3. Trên cơ sở những nhiệm vụ chủ yếu của Kế hoạch này, các phòng cơ quan Sở, các đơn vị giáo dục căn cứ chức năng, nhiệm vụ được giao chủ động xây dựng kế hoạch.",
    ].join("\n");
    const found = assignmentsOf(text);
    expect(found.map((a) => [a.id, a.units])).toEqual([
      ["III.1", ["Văn phòng Sở"]],
      ["III.14", ["Các sở, ban, ngành, địa phương, đơn vị liên quan"]],
      ["III.3", ["các phòng cơ quan Sở", "các đơn vị giáo dục"]],
    ]);
    expect(found[0]?.duties).toEqual([
      "Văn phòng Sở - cơ quan thường trực có trách nhiệm theo dõi, đôn đốc các đơn vị thực hiện Kế hoạch",
    ]);
  });
});

describe("readAssignments negative cases", () => {
  it("names no unit for an item that names none", () => {
    expect(
      assignmentsOf(
        "IV. TỔ CHỨC THỰC HIỆN\n1. Trong quá trình thực hiện, nếu có khó khăn vướng mắc, kịp thời báo cáo để xem xét.",
      ),
    ).toEqual([
      {
        id: "IV.1",
        units: [],
        duties: ["Trong quá trình thực hiện, nếu có khó khăn vướng mắc, kịp thời báo cáo để xem xét"],
      },
    ]);
  });

  it("does not take a task-like heading for a unit", () => {
    expect(
      units("IV. TỔ CHỨC THỰC HIỆN\n1. Tăng cường công tác kiểm tra, giám sát\n- Thường xuyên."),
    ).toEqual([["IV.1", []]]);
  });

  it("gives the section's own sentence that names a unit and opens a list the items under it", () => {
    const found = assignmentsOf(
      [
        "III. TỔ CHỨC THỰC HIỆN",
        "Giao phòng Quản lý Công nghiệp triển khai, thực hiện các công việc:",
        "1. Tổ chức kiểm tra kỹ thuật an toàn cho các đối tượng liên quan.",
        "2. Chuẩn bị các điều kiện cần thiết khác để tổ chức kiểm tra.",
      ].join("\n"),
    );
    expect(found.map((a) => [a.id, a.units, a.duties.length])).toEqual([
      ["III", ["phòng Quản lý Công nghiệp"], 3],
    ]);
  });

  it("keeps items that name their own units apart from a section sentence that names none", () => {
    expect(
      units(
        [
          "III. TỔ CHỨC THỰC HIỆN",
          "Để triển khai có hiệu quả Kế hoạch, yêu cầu thực hiện như sau:",
          "1. Sở Tài chính bố trí kinh phí.",
          "2. Sở Nội vụ hướng dẫn, kiểm tra.",
        ].join("\n"),
      ),
    ).toEqual([
      ["III.1", ["Sở Tài chính"]],
      ["III.2", ["Sở Nội vụ"]],
    ]);
  });

  it("reads an organisation part of bullets: a bullet naming a unit opens its assignment", () => {
    const found = assignmentsOf(
      [
        "IV. TỔ CHỨC THỰC HIỆN",
        "- Trường THPT Cao Lãnh 2 xây dựng kế hoạch, điều hành các hoạt động của buổi sinh hoạt chuyên môn.",
        "- Tham mưu với lãnh đạo nhà trường về việc tổ chức các hoạt động theo kế hoạch.",
        "- Phối hợp với giáo viên môn Lịch sử các trường THPT để thực hiện các tham luận.",
      ].join("\n"),
    );
    expect(found.map((a) => [a.id, a.units, a.duties.length])).toEqual([
      ["IV", ["Trường THPT Cao Lãnh 2"], 3],
    ]);
    expect(
      units(
        ["IV. TỔ CHỨC THỰC HIỆN", "- Sở Tài chính bố trí kinh phí.", "- Sở Nội vụ hướng dẫn."].join("\n"),
      ),
    ).toEqual([
      ["IV.1", ["Sở Tài chính"]],
      ["IV.2", ["Sở Nội vụ"]],
    ]);
  });

  it("reads a post given duties after a colon, with its holder or its number", () => {
    expect(
      units(
        [
          "VII. PHÂN CÔNG TRÁCH NHIỆM",
          "1. Phó Hiệu trưởng: Ông Nguyễn Văn Thành – Giám sát lịch trình, chịu trách nhiệm chính về cuộc thi.",
          "2. 22 GVCN: Chịu trách nhiệm đăng ký nhóm lớp.",
          "3. Thư kí: 01 thành viên (Thư kí hội đồng)",
          "4. Thời gian: tháng 12/2025.",
        ].join("\n"),
      ),
    ).toEqual([
      ["VII.1", ["Phó Hiệu trưởng"]],
      ["VII.2", ["22 GVCN"]],
      ["VII.3", ["Thư kí"]],
      ["VII.4", []],
    ]);
  });

  it("reads the unit given work by 'Giao', a 'Ban' among them, and no unit in 'giáo viên'", () => {
    expect(
      units(
        [
          "IV. TỔ CHỨC THỰC HIỆN",
          "1. Giao Ban Quản lý quy hoạch là cơ quan lập Quy hoạch; thực hiện quyền và trách nhiệm của cơ quan lập quy hoạch.",
          "2. Giáo viên chủ nhiệm các lớp thực hiện theo dõi, tổng hợp.",
        ].join("\n"),
      ),
    ).toEqual([
      ["IV.1", ["Ban Quản lý quy hoạch"]],
      ["IV.2", []],
    ]);
  });

  it("reads the assignments of the part that gives out the work, not the committees beside it", () => {
    expect(
      units(
        [
          "III. TỔ CHỨC THỰC HIỆN",
          "1. Ban Chỉ đạo",
          "- Trưởng ban: Ông Nguyễn Văn Hiếu, Giám đốc Sở Giáo dục và Đào tạo.",
          "2. Ban Tổ chức",
          "- Trưởng ban: Bà Trần Thị Hà, Phó Giám đốc Sở.",
          "3. Phân công thực hiện",
          "3.1. Sở Giáo dục và Đào tạo",
          "- Chỉ đạo các trường tổ chức cho học sinh tham dự.",
          "3.2. Tạp chí Giáo dục TP.HCM",
          "- Xây dựng nội dung chương trình.",
        ].join("\n"),
      ),
    ).toEqual([
      ["III.3.1", ["Sở Giáo dục và Đào tạo"]],
      ["III.3.2", ["Tạp chí Giáo dục TP.HCM"]],
    ]);
  });

  it("gives each part of a body headed by a unit its own assignment", () => {
    const found = assignmentsOf(
      [
        "IV. TỔ CHỨC THỰC HIỆN",
        "1. Sở Giáo dục và Đào tạo",
        "a) Phòng Học sinh, sinh viên",
        "- Thường trực, chủ trì tổ chức Cuộc thi.",
        "b) Các phòng thuộc Sở",
        "- Thông báo Kế hoạch đến các trường.",
        "2. Liên đoàn Vovinam Việt Nam",
        "- Phối hợp thực hiện công tác truyền thông.",
      ].join("\n"),
    );
    expect(found.map((a) => [a.id, a.units, a.duties])).toEqual([
      ["IV.1.a", ["Phòng Học sinh, sinh viên"], ["Thường trực, chủ trì tổ chức Cuộc thi"]],
      ["IV.1.b", ["Các phòng thuộc Sở"], ["Thông báo Kế hoạch đến các trường"]],
      ["IV.2", ["Liên đoàn Vovinam Việt Nam"], ["Phối hợp thực hiện công tác truyền thông"]],
    ]);
  });

  it("reads the units a heading is about ('Đối với …')", () => {
    expect(
      units(
        [
          "VI. TỔ CHỨC THỰC HIỆN",
          "4. Đối với Uỷ ban nhân dân cấp xã, các trường phổ thông",
          "- Chuẩn bị địa điểm, hồ sơ khi Đoàn kiểm tra đến làm việc.",
        ].join("\n"),
      ),
    ).toEqual([["VI.4", ["Uỷ ban nhân dân cấp xã", "các trường phổ thông"]]]);
  });

  it("gives no assignment for a section without items", () => {
    const lines = toLines("IV. TỔ CHỨC THỰC HIỆN\nCác đơn vị nghiêm túc triển khai thực hiện.");
    const [root] = buildOutline(lines, 0, lines.length);
    expect(root && readAssignments(root, "IV", lines)).toEqual([]);
  });
});

describe("readAssignments on the organisation parts of Government and ministry plans", () => {
  it("reads posts listed as the subject after openings whose own lists hold commas", () => {
    expect(
      units(
        [
          "III. TỔ CHỨC THỰC HIỆN",
          "1. Trên cơ sở các nhiệm vụ, giải pháp trong Chương trình này, căn cứ chức năng, nhiệm vụ được phân công, Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương có trách nhiệm xây dựng kế hoạch.",
          "2. Các Bộ trưởng, Thủ trưởng cơ quan thuộc Chính phủ tập trung chỉ đạo, đôn đốc thực hiện.",
        ].join("\n"),
      ),
    ).toEqual([
      [
        "III.1",
        [
          "Bộ trưởng",
          "Thủ trưởng cơ quan ngang bộ",
          "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",
        ],
      ],
      ["III.2", ["Các Bộ trưởng", "Thủ trưởng cơ quan thuộc Chính phủ"]],
    ]);
  });

  it("takes a ministry's name for a name though it holds a verb, and a person given duties as named", () => {
    expect(units("IV. TỔ CHỨC THỰC HIỆN\n6. Bộ Xây dựng\nChủ trì hướng dẫn hỗ trợ nhà ở.")).toEqual([
      ["IV.6", ["Bộ Xây dựng"]],
    ]);
    expect(units("4. Phân công nhiệm vụ\n4.1. Ông. Lê Văn Tâm - Trưởng đoàn: Phụ trách chung.")).toEqual([
      ["4.1", ["Ông. Lê Văn Tâm - Trưởng đoàn"]],
    ]);
  });
});
