import { describe, expect, it } from "vitest";
import {
  basisParagraphs,
  findMentions,
  implementingParagraphs,
  type Mention,
  numberKey,
  toReferences,
} from "./legal-references.js";
import { foldLower } from "./lines.js";

function mentionsOf(text: string): Mention[] {
  return findMentions(text, foldLower(text));
}

/** The one mention a text holds, without its offsets. */
function only(text: string) {
  const found = mentionsOf(text);
  expect(found, text).toHaveLength(1);
  const { number, type, date, issuer } = found[0] as Mention;
  return { number, type, date, issuer };
}

/** References of a text whose "Thực hiện …" and "Căn cứ …" paragraphs lie in [0, zoneEnd). */
function referencesOf(text: string, zoneEnd = text.length, exclude: string[] = []) {
  const key = foldLower(text);
  const zones = {
    implementing: implementingParagraphs(key, 0, zoneEnd),
    basis: basisParagraphs(key, 0, zoneEnd),
  };
  return toReferences(findMentions(text, key), key, zones, new Set(exclude.map(numberKey)));
}

function relations(text: string, zoneEnd?: number): Record<string, string> {
  return Object.fromEntries(referencesOf(text, zoneEnd).map((r) => [r.number, r.relation]));
}

describe("findMentions: state numbering", () => {
  it("reads a plan number with its type word, date and issuer", () => {
    expect(
      only(
        "Thực hiện Kế hoạch số 155/KH-UBND ngày 09/7/2024 của Ủy ban nhân dân thành phố Hải Phòng về việc",
      ),
    ).toEqual({
      number: "155/KH-UBND",
      type: "Kế hoạch",
      date: "2024-07-09",
      issuer: "Ủy ban nhân dân thành phố Hải Phòng",
    });
  });

  it("reads a number with a year", () => {
    expect(
      only(
        "theo Quyết định số 42/2017/QĐ-UBND ngày 20/12/2017 của Ủy ban nhân dân thành phố Hải Phòng, các đơn vị",
      ),
    ).toEqual({
      number: "42/2017/QĐ-UBND",
      type: "Quyết định",
      date: "2017-12-20",
      issuer: "Ủy ban nhân dân thành phố Hải Phòng",
    });
  });

  it("reads the freer numbers companies give their letters", () => {
    const text =
      "Xét đề nghị của Công ty A tại Văn bản số 01.6/GĐN/KSYB ngày 10/6/2026; Công ty B tại Văn bản số 30.6/GĐN-ĐQ&V ngày 30/6/2026 và Công văn số 05/2026/VLN/CV-LV ngày 02/7/2026.";
    expect(mentionsOf(text).map((m) => [m.number, m.date])).toEqual([
      ["01.6/GĐN/KSYB", "2026-06-10"],
      ["30.6/GĐN-ĐQ&V", "2026-06-30"],
      ["05/2026/VLN/CV-LV", "2026-07-02"],
    ]);
    // A date written with dots is not a number.
    expect(mentionsOf("họp ngày 30.6.2026 tại Sở")).toEqual([]);
  });

  it("reads a letter (no type code) as a Công văn", () => {
    expect(only("tại Công văn số 2483/VPCP-QHĐP ngày 15/4/2024 về việc triển khai")).toEqual({
      number: "2483/VPCP-QHĐP",
      type: "Công văn",
      date: "2024-04-15",
      issuer: null,
    });
    expect(only("theo văn bản 3954/UBND-VX của thành phố").type).toBe("Công văn");
  });

  it("reads a number with a unit suffix", () => {
    expect(
      only(
        "Quyết định số 326/QĐ-SGDĐT-VP ngày 05/01/2017 của Sở Giáo dục và Đào tạo về việc ban hành Quy chế",
      ),
    ).toEqual({
      number: "326/QĐ-SGDĐT-VP",
      type: "Quyết định",
      date: "2017-01-05",
      issuer: "Sở Giáo dục và Đào tạo",
    });
  });

  it("removes a typed space inside the number", () => {
    expect(only("Chỉ thị số 26/CT- TTg ngày 04/9/2018 của Thủ tướng Chính phủ về đẩy mạnh hội nhập")).toEqual(
      {
        number: "26/CT-TTg",
        type: "Chỉ thị",
        date: "2018-09-04",
        issuer: "Thủ tướng Chính phủ",
      },
    );
  });

  it("reads a National Assembly number as a law", () => {
    expect(only("Căn cứ Luật Giáo dục số 43/2019/QH14 ngày 14/6/2019;")).toEqual({
      number: "43/2019/QH14",
      type: "Luật",
      date: "2019-06-14",
      issuer: null,
    });
    expect(only("Nghị quyết số 1035/NQ-UBTVQH15 ngày 08/4/2024").number).toBe("1035/NQ-UBTVQH15");
  });

  it("offsets point at the number in the text", () => {
    const text = "Căn cứ Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ; tiếp theo";
    const [m] = mentionsOf(text);
    expect(text.slice(m?.start, m?.start !== undefined ? m.start + 14 : 0)).toBe("04/2015/NĐ-CP ");
    expect(text.slice(m?.start, m?.end)).toBe("04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ");
  });
});

describe("findMentions: Party numbering", () => {
  it("reads a Party number", () => {
    expect(only("thực hiện Nghị quyết số 06-NQ/TW về hội nhập")).toEqual({
      number: "06-NQ/TW",
      type: "Nghị quyết",
      date: null,
      issuer: null,
    });
  });

  it("reads a programme with its long type word", () => {
    expect(
      only(
        "Chương trình hành động số 40-CTr/TU ngày 18/11/2022 của Ban Thường vụ Thành ủy thực hiện Nghị quyết",
      ),
    ).toEqual({
      number: "40-CTr/TU",
      type: "Chương trình hành động",
      date: "2022-11-18",
      issuer: "Ban Thường vụ Thành ủy",
    });
  });

  it("records a number printed with two hyphens as printed", () => {
    expect(only("Chương trình hành động số 17-CTr-TU ngày 10/7/2013 của Tỉnh ủy về việc thực hiện")).toEqual({
      number: "17-CTr-TU",
      type: "Chương trình hành động",
      date: "2013-07-10",
      issuer: "Tỉnh ủy",
    });
  });

  it("removes OCR spacing and a doubled hyphen", () => {
    expect(only("Nghị quyết số 45- NQ/TW của Bộ Chính trị về xây dựng").number).toBe("45-NQ/TW");
    expect(only("Nghị quyết số 45- NQ/TW của Bộ Chính trị về xây dựng").issuer).toBe("Bộ Chính trị");
    expect(only("Nghị quyết số 28- -NQ/TU ngày 10/11/2009 của Ban Thường vụ Thành ủy về").number).toBe(
      "28-NQ/TU",
    );
  });

  it("repairs a type code that does not exist to the one OCR misread", () => {
    expect(only("Quy định số 124-Qb/TW, ngày 02/02/2018 của Ban Bí thư về giám sát")).toEqual({
      number: "124-QĐ/TW",
      type: "Quy định",
      date: "2018-02-02",
      issuer: "Ban Bí thư",
    });
  });

  it("keeps '27-CT/TTg' as printed", () => {
    expect(only("Chỉ thị số 27-CT/TTg, ngày 08/9/2016 của Thủ tướng Chính phủ về đẩy mạnh")).toEqual({
      number: "27-CT/TTg",
      type: "Chỉ thị",
      date: "2016-09-08",
      issuer: "Thủ tướng Chính phủ",
    });
  });

  it("keeps 'Đảng' in the issuer (it is not the verb 'đang')", () => {
    expect(
      only("Nghị quyết số 07-NQ/TU ngày 01/8/2022 của Ban Chấp hành Đảng bộ thành phố về một số giải pháp")
        .issuer,
    ).toBe("Ban Chấp hành Đảng bộ thành phố");
    expect(
      only("Nghị quyết số 06-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XII về thực hiện có hiệu quả")
        .issuer,
    ).toBe("Ban Chấp hành Trung ương Đảng khóa XII");
  });

  it("keeps the term of office in the issuer", () => {
    expect(
      only("Nghị quyết số 22-NQ/TW ngày 10/4/2013 của Bộ Chính trị khóa XI về hội nhập quốc tế").issuer,
    ).toBe("Bộ Chính trị khóa XI");
    expect(only("Kết luận số 49-KL/TW, ngày 10/5/2019 của Ban Bí thư khóa XII về tiếp tục").issuer).toBe(
      "Ban Bí thư khóa XII",
    );
  });
});

describe("findMentions: dates after the number", () => {
  it("reads 'ngày D/M/YYYY'", () => {
    expect(only("Nghị quyết số 1035/NQ-UBTVQH15 ngày 08/4/2024 của Ủy ban Thường vụ Quốc hội").date).toBe(
      "2024-04-08",
    );
  });

  it("reads 'ngày D tháng M năm YYYY'", () => {
    expect(only("Kế hoạch số 193/KH-UBND ngày 19 tháng 8 năm 2021 của Ủy ban nhân dân thành phố").date).toBe(
      "2021-08-19",
    );
  });

  it("reads 'thông qua ngày …'", () => {
    expect(only("Nghị quyết số 21/2018/NQ-HĐND thông qua ngày 28/12/2017 về Quy hoạch phát triển").date).toBe(
      "2017-12-28",
    );
  });

  it("reads a date after a comma", () => {
    expect(only("Kết luận số 49-KL/TW, ngày 10/5/2019 của Ban Bí thư khóa XII về").date).toBe("2019-05-10");
  });
});

describe("toReferences", () => {
  it("implements the object of the title, not the document named in its description", () => {
    const title =
      "Triển khai thực hiện Kết luận số 134-KL/TU ngày 04/5/2021 của Ban Thường vụ Thành ủy về tiếp tục thực hiện Chương trình hành động số 34-CTr/TU ngày 04/02/2015 của Ban Thường vụ Thành ủy";
    expect(referencesOf(title)).toEqual([
      {
        type: "Kết luận",
        number: "134-KL/TU",
        date: "2021-05-04",
        issuer: "Ban Thường vụ Thành ủy",
        relation: "implements",
      },
      {
        type: "Chương trình hành động",
        number: "34-CTr/TU",
        date: "2015-02-04",
        issuer: "Ban Thường vụ Thành ủy",
        relation: "cited",
      },
    ]);
  });

  it("implements every coordinated direct object of the opening", () => {
    const opening =
      "Thực hiện Kế hoạch số 25/KH-UBND ngày 07/02/2022 của Ủy ban nhân dân thành phố Hải Phòng về Kế hoạch hội nhập quốc tế năm 2022; " +
      "Nhằm tiếp tục triển khai có hiệu quả Nghị quyết số 38/NQ-CP ngày 25/4/2017 của Chính phủ về việc Ban hành chương trình hành động của Chính phủ thực hiện Nghị quyết số 06-NQ/TW về hội nhập kinh tế quốc tế; " +
      "Chỉ thị số 26/CT- TTg ngày 04/9/2018 của Thủ tướng Chính phủ về đẩy mạnh hội nhập kinh tế quốc tế; " +
      "các Chương trình hành động của Ban Thường vụ Thành ủy: số 02-CTr/TU ngày 12/01/2016 thực hiện Nghị quyết số 22-NQ/TW ngày 10/4/2013 của Bộ Chính trị khóa XI về hội nhập quốc tế; " +
      "số 20-CTr/TU ngày 29/12/2016 thực hiện Nghị quyết số 06-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XII về hội nhập,";
    const refs = referencesOf(opening);
    expect(Object.fromEntries(refs.map((r) => [r.number, r.relation]))).toEqual({
      "25/KH-UBND": "implements",
      "38/NQ-CP": "implements",
      "06-NQ/TW": "cited",
      "26/CT-TTg": "implements",
      "02-CTr/TU": "implements",
      "22-NQ/TW": "cited",
      "20-CTr/TU": "implements",
    });
  });

  it("implements documents joined by 'và' after one verb", () => {
    expect(
      relations(
        "Thực hiện Nghị quyết số 38/NQ-CP ngày 25/4/2017 của Chính phủ và Chỉ thị số 26/CT-TTg ngày 04/9/2018 của Thủ tướng Chính phủ về đẩy mạnh hội nhập.",
      ),
    ).toEqual({ "38/NQ-CP": "implements", "26/CT-TTg": "implements" });
  });

  it("implements a programme named after the alias of the first object", () => {
    expect(
      relations(
        "Thực hiện Nghị quyết số 07-NQ/TU ngày 01/8/2022 của Ban Chấp hành Đảng bộ thành phố (sau đây gọi là Nghị quyết số 07-NQ/TU); Chương trình hành động số 40-CTr/TU ngày 18/11/2022 của Ban Thường vụ Thành ủy thực hiện Nghị quyết số 07-NQ/TU",
      ),
    ).toEqual({ "07-NQ/TU": "implements", "40-CTr/TU": "implements" });
  });

  it("gives 'basis' to the Căn cứ part and 'cited' to the body", () => {
    const text = [
      "Căn cứ Luật Giáo dục số 43/2019/QH14 ngày 14/6/2019;",
      "Căn cứ chỉ đạo của Thủ tướng Chính phủ tại Công văn số 2483/VPCP-QHĐP ngày 15/4/2024 về việc triển khai thực hiện Nghị quyết số 1035/NQ-UBTVQH15 ngày 08/4/2024 của Ủy ban Thường vụ Quốc hội;",
      "Thực hiện Kế hoạch số 155/KH-UBND ngày 09/7/2024 của Ủy ban nhân dân thành phố Hải Phòng triển khai Nghị quyết số 1035;",
      "II. NỘI DUNG NHIỆM VỤ",
      "Thực hiện Quyết định số 2244/QĐ-UBND ngày 28/07/2020 của Ủy ban nhân dân thành phố.",
    ].join("\n");
    const bodyStart = text.indexOf("II. NỘI DUNG");
    expect(relations(text, bodyStart)).toEqual({
      "43/2019/QH14": "basis",
      "2483/VPCP-QHĐP": "basis",
      "1035/NQ-UBTVQH15": "basis",
      "155/KH-UBND": "implements",
      "2244/QĐ-UBND": "cited",
    });
  });

  it("records a number once: first mention wins for date and issuer, the strongest relation wins", () => {
    const text = [
      "Thực hiện Kế hoạch số 155/KH-UBND ngày 09/7/2024 của Ủy ban nhân dân thành phố Hải Phòng;",
      "II. NỘI DUNG",
      "- Bám sát Kế hoạch số 155/KH-UBND ngày 10/7/2024 của Sở Ngoại vụ.",
      "- Thực hiện Nghị quyết số 38/NQ-CP của Chính phủ.",
      "- Theo Nghị quyết số 38/NQ-CP ngày 25/4/2017.",
    ].join("\n");
    expect(referencesOf(text, text.indexOf("II."))).toEqual([
      {
        type: "Kế hoạch",
        number: "155/KH-UBND",
        date: "2024-07-09",
        issuer: "Ủy ban nhân dân thành phố Hải Phòng",
        relation: "implements",
      },
      { type: "Nghị quyết", number: "38/NQ-CP", date: "2017-04-25", issuer: "Chính phủ", relation: "cited" },
    ]);
  });

  it("leaves out the numbers it is told to exclude (the plan's own number)", () => {
    const text = "Kế hoạch số 193/KH-UBND ngày 19/8/2021. Thực hiện Kết luận số 134-KL/TU ngày 04/5/2021.";
    expect(referencesOf(text, text.length, ["193/KH-UBND"]).map((r) => r.number)).toEqual(["134-KL/TU"]);
  });
});

describe("implementingParagraphs and basisParagraphs", () => {
  it("find the paragraphs that open with their verb", () => {
    const text =
      "KẾ HOẠCH\nCăn cứ Luật Giáo dục;\nThực hiện Kế hoạch số 1;\nNhằm triển khai Nghị quyết;\nI. MỤC ĐÍCH";
    const key = foldLower(text);
    const slices = (ranges: Array<[number, number]>) => ranges.map(([s, e]) => text.slice(s, e).trim());
    expect(slices(implementingParagraphs(key, 0, key.length))).toEqual([
      "Thực hiện Kế hoạch số 1;",
      "Nhằm triển khai Nghị quyết;",
    ]);
    expect(slices(basisParagraphs(key, 0, key.length))).toEqual(["Căn cứ Luật Giáo dục;"]);
  });
});

describe("numberKey", () => {
  it("compares numbers folded, without spaces", () => {
    expect(numberKey("22/KH-SGDĐT")).toBe(numberKey("22/KH-SGDDT"));
    expect(numberKey("26/CT- TTg")).toBe(numberKey("26/CT-TTg"));
  });
});

describe("legal references negative cases", () => {
  it("a phone number is not a document number", () => {
    expect(
      mentionsOf("đề nghị liên hệ Sở GDĐT (qua Phòng GDTX&ĐH, điện thoại 0936001379) để giải quyết"),
    ).toEqual([]);
  });

  it("a standard is not a document number", () => {
    expect(mentionsOf("áp dụng hệ thống quản lý chất lượng theo tiêu chuẩn ISO 9001:2015")).toEqual([]);
  });

  it("dates alone are not document numbers", () => {
    expect(mentionsOf("trước ngày 09/7/2024; định kỳ trước ngày 15/6 và 15/12 hằng năm")).toEqual([]);
    expect(mentionsOf("Tháng 11/2023")).toEqual([]);
    expect(mentionsOf("giai đoạn 2020-2025, định hướng đến năm 2030")).toEqual([]);
  });

  it("unit abbreviations with '/' or '-' are not document numbers", () => {
    expect(
      mentionsOf("Phòng GDĐT quận/huyện; Trung tâm GDNN-GDTX quận/ huyện; trường TH&THCS; Sở GD&ĐT"),
    ).toEqual([]);
    expect(mentionsOf("định mức giáo viên/lớp")).toEqual([]);
  });

  it("a disease name with a number is not a document number", () => {
    expect(mentionsOf("phòng, chống dịch bệnh Covid-19 và COVID-19")).toEqual([]);
  });

  it("a document named without its number is not a reference", () => {
    expect(
      mentionsOf(
        "Luật Giáo dục 2019; Nghị quyết số 1035 của Ủy ban Thường vụ Quốc hội; Nghị quyết Đại hội XVI",
      ),
    ).toEqual([]);
  });

  it("the date after a number is not taken when it is not a real date", () => {
    expect(only("Kế hoạch số 12/KH-UBND ngày 31/2/2024 của Ủy ban nhân dân thành phố").date).toBeNull();
  });

  it("an issuer is not read from a following 'thực hiện' clause", () => {
    expect(only("Kế hoạch số 12/KH-UBND ngày 02/3/2024 thực hiện chương trình").issuer).toBeNull();
  });

  it("a document in the body is not 'implements' even after 'Thực hiện'", () => {
    const text = "KẾ HOẠCH\nI. NỘI DUNG\nThực hiện Quyết định số 2244/QĐ-UBND ngày 28/07/2020.";
    expect(relations(text, text.indexOf("I. NỘI DUNG"))).toEqual({ "2244/QĐ-UBND": "cited" });
  });

  it("a document named inside another's description is 'cited', even in the opening", () => {
    expect(
      relations(
        "Thực hiện Kế hoạch số 155/KH-UBND ngày 09/7/2024 của Ủy ban nhân dân thành phố Hải Phòng triển khai Nghị quyết số 1035/NQ-UBTVQH15;",
      ),
    ).toEqual({ "155/KH-UBND": "implements", "1035/NQ-UBTVQH15": "cited" });
  });
});
