// Tests for the timeframe reader: field values, phrases inside sentences, negative cases, properties.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Timeframe, TimeframeSchema } from "../domain/plan.js";
import { findTimeframes, parseTimeframe } from "./timeframe.js";

type Body = Omit<Timeframe, "text">;

const QUARTER_ENDS = ["03-31", "06-30", "09-30", "12-31"];
const MONTH_ENDS = [
  "01-31",
  "02-28",
  "03-31",
  "04-30",
  "05-31",
  "06-30",
  "07-31",
  "08-31",
  "09-30",
  "10-31",
  "11-30",
  "12-31",
];

/** Checks that `text` reads as `body`, with no warning. */
function reads(text: string, body: Body, year: number | null = null): void {
  const reading = parseTimeframe(text, { year });
  expect(reading).toEqual({ timeframe: { text: text.trim(), ...body }, warning: null });
  expect(TimeframeSchema.safeParse(reading.timeframe).success).toBe(true);
}

describe("parseTimeframe: continuous", () => {
  it.each([
    "Thường xuyên",
    "Thường xuyên, liên tục",
    "Liên tục",
    "Hằng năm",
    "Hàng năm",
    "hang nam",
    "Thuong xuyén",
    "THƯỜNG XUYÊN",
    "Định kỳ hằng năm",
    "Cả năm",
  ])("%s", (text) => reads(text, { kind: "continuous" }));

  it("keeps the text as printed, trimmed, without a trailing ; or .", () => {
    expect(parseTimeframe("  Thường xuyên; ").timeframe).toEqual({
      text: "Thường xuyên",
      kind: "continuous",
    });
    expect(parseTimeframe("Thoi gian thuc hién: Thuong xuyén.").timeframe).toEqual({
      text: "Thoi gian thuc hién: Thuong xuyén",
      kind: "continuous",
    });
  });
});

describe("parseTimeframe: deadline", () => {
  it.each<[string, string]>([
    ["Trước ngày 30/6/2024", "2024-06-30"],
    ["trước 30/6/2024", "2024-06-30"],
    ["chậm nhất ngày 30/6/2024", "2024-06-30"],
    ["Chậm nhất là ngày 30/6/2024", "2024-06-30"],
    ["Trước ngày 30 tháng 6 năm 2024", "2024-06-30"],
    ["Ngày 15/3/2024", "2024-03-15"],
    ["truoc ngay 30/6/2024", "2024-06-30"],
    ["TRƯỚC NGÀY 30/6/2024", "2024-06-30"],
    ["Trước ngày 30 / 6 / 2024", "2024-06-30"],
    ["Trước ngày 30-6-2024", "2024-06-30"],
    ["Trước ngày 30.6.2024", "2024-06-30"],
    ["Trong quý I/2023", "2023-03-31"],
    ["Trong quy I/2023", "2023-03-31"],
    ["Quý III năm 2024", "2024-09-30"],
    ["quý 4/2024", "2024-12-31"],
    ["quý II / 2024", "2024-06-30"],
    ["Quí II/2023", "2023-06-30"],
    ["Tháng 11/2023", "2023-11-30"],
    ["Trong tháng 11 năm 2023", "2023-11-30"],
    ["Tháng 2/2024", "2024-02-29"],
    ["Tháng 2/2023", "2023-02-28"],
    ["Đến hết tháng 6/2024", "2024-06-30"],
    ["trước tháng 6/2024", "2024-05-31"],
    ["Năm 2025", "2025-12-31"],
    ["Trong năm 2025", "2025-12-31"],
    ["vào năm 2025", "2025-12-31"],
    ["trước năm 2025", "2024-12-31"],
    ["cuối năm 2024", "2024-12-31"],
    ["6 tháng đầu năm 2024", "2024-06-30"],
    ["6 tháng cuối năm 2024", "2024-12-31"],
    ["cuối năm học 2024–2025", "2025-05-31"],
  ])("%s → %s", (text, due) => reads(text, { kind: "deadline", due }));

  it("uses the document's year for a phrase without one", () => {
    reads("Trước ngày 30/6", { kind: "deadline", due: "2024-06-30" }, 2024);
    reads("Trong tháng 11", { kind: "deadline", due: "2023-11-30" }, 2023);
    reads("Trong quý I", { kind: "deadline", due: "2023-03-31" }, 2023);
    reads("6 tháng đầu năm", { kind: "deadline", due: "2024-06-30" }, 2024);
  });

  it("without a year and without the document's year: none, with a warning", () => {
    const reading = parseTimeframe("Trước ngày 30/6");
    expect(reading.timeframe).toEqual({ text: "Trước ngày 30/6", kind: "none" });
    expect(reading.warning).toContain("«Trước ngày 30/6»");
    expect(reading.warning).toContain("không ghi năm");
    expect(parseTimeframe("Trước ngày 30/6", { year: null }).timeframe.kind).toBe("none");
  });

  it("keeps the latest of several dated days, with a warning", () => {
    const reading = parseTimeframe("Trước ngày 15/6/2024 và 15/12/2024");
    expect(reading.timeframe).toEqual({
      text: "Trước ngày 15/6/2024 và 15/12/2024",
      kind: "deadline",
      due: "2024-12-15",
    });
    expect(reading.warning).toContain("nhiều mốc");
  });
});

describe("parseTimeframe: OCR quarters", () => {
  it.each<[string, string]>([
    ["Quý 11/2026", "2026-06-30"],
    ["Quý 111/2026", "2026-09-30"],
    ["Quý 1V/2026", "2026-12-31"],
    ["Quý 1/2026", "2026-03-31"],
  ])("%s", (text, due) => reads(text, { kind: "deadline", due }));
});

describe("parseTimeframe: recurring", () => {
  it.each<[string, string[]]>([
    ["Định kỳ trước ngày 15/6 và 15/12 hằng năm", ["06-15", "12-15"]],
    ["trước ngày 30/6 và 30/12 hàng năm", ["06-30", "12-30"]],
    ["định kỳ trước ngày 15/6 và 15/12", ["06-15", "12-15"]],
    ["dinh ky truoc ngay 15/6 va 15/12 hang nam", ["06-15", "12-15"]],
    ["Tháng 11 hằng năm", ["11-30"]],
    ["Tháng 2 hằng năm", ["02-28"]],
    ["định kỳ tháng 11 hằng năm", ["11-30"]],
    ["tháng 6 và tháng 12 hằng năm", ["06-30", "12-31"]],
    ["trước ngày 30/12 hằng năm", ["12-30"]],
    ["Hằng năm, trước ngày 15/12", ["12-15"]],
    ["Quý I hằng năm", ["03-31"]],
    ["Quý II và quý IV hằng năm", ["06-30", "12-31"]],
    ["Hằng quý", QUARTER_ENDS],
    ["Hàng quý", QUARTER_ENDS],
    ["Định kỳ hằng quý", QUARTER_ENDS],
    ["Hằng tháng", MONTH_ENDS],
    ["Hằng quý, trước ngày 20 của tháng cuối quý", ["03-20", "06-20", "09-20", "12-20"]],
    ["trước ngày 25 hằng tháng", MONTH_ENDS.map((d) => `${d.slice(0, 3)}25`)],
    ["Định kỳ hằng tháng, trước ngày 20", MONTH_ENDS.map((d) => `${d.slice(0, 3)}20`)],
    ["hằng tháng chậm nhất ngày 25", MONTH_ENDS.map((d) => `${d.slice(0, 3)}25`)],
    ["trước ngày 29/2 hằng năm", ["02-29"]],
  ])("%s", (text, dates) => reads(text, { kind: "recurring", dates }));

  it("keeps the dates in the order printed", () => {
    reads("Định kỳ trước ngày 15/12 và 15/6 hằng năm", { kind: "recurring", dates: ["12-15", "06-15"] });
  });

  it("keeps a stated start year", () => {
    reads("từ năm 2024, định kỳ trước ngày 15/12 hằng năm", {
      kind: "recurring",
      dates: ["12-15"],
      from: 2024,
    });
    reads("Tháng 11 hằng năm, bắt đầu từ năm 2025", { kind: "recurring", dates: ["11-30"], from: 2025 });
  });

  it("a recurring phrase ignores the document's year", () => {
    reads("định kỳ trước ngày 15/6 và 15/12", { kind: "recurring", dates: ["06-15", "12-15"] }, 2022);
  });
});

describe("parseTimeframe: range", () => {
  it.each<[string, string, string]>([
    ["Giai đoạn 2021–2025", "2021-01-01", "2025-12-31"],
    ["Giai đoạn 2021—2025", "2021-01-01", "2025-12-31"],
    ["2021 - 2025", "2021-01-01", "2025-12-31"],
    ["2021 -2025", "2021-01-01", "2025-12-31"],
    ["2020-2025", "2020-01-01", "2025-12-31"],
    ["Từ năm 2021 đến năm 2025", "2021-01-01", "2025-12-31"],
    ["Từ tháng 3 đến tháng 5/2024", "2024-03-01", "2024-05-31"],
    ["Từ ngày 01/3/2024 đến ngày 30/5/2024", "2024-03-01", "2024-05-30"],
    ["từ 15/12 đến 15/1/2025", "2024-12-15", "2025-01-15"],
    ["Tháng 3 - tháng 5/2024", "2024-03-01", "2024-05-31"],
    ["Tháng 3 – tháng 5/2024", "2024-03-01", "2024-05-31"],
    ["tháng 12/2023 - tháng 2/2024", "2023-12-01", "2024-02-29"],
    ["Năm học 2024-2025", "2024-09-01", "2025-05-31"],
    ["Năm học 2024 – 2025", "2024-09-01", "2025-05-31"],
    ["Quý I, II/2024", "2024-01-01", "2024-06-30"],
    ["Quý I và quý II năm 2024", "2024-01-01", "2024-06-30"],
    ["quý I - quý II/2024", "2024-01-01", "2024-06-30"],
    ["Từ quý I đến quý III/2024", "2024-01-01", "2024-09-30"],
    ["Quý IV/2023 - Quý II/2024", "2023-10-01", "2024-06-30"],
    ["Từ tháng 9/2024 đến tháng 5/2025", "2024-09-01", "2025-05-31"],
  ])("%s → %s..%s", (text, start, end) => reads(text, { kind: "range", start, end }));

  it("uses the document's year for a range without one", () => {
    reads("Từ tháng 3 đến tháng 5", { kind: "range", start: "2024-03-01", end: "2024-05-31" }, 2024);
  });
});

describe("parseTimeframe: none", () => {
  it.each(["Theo chỉ đạo", "Khi có yêu cầu", "", "   ", "Theo kế hoạch của Ủy ban nhân dân thành phố"])(
    "«%s» says nothing datable",
    (text) => {
      expect(parseTimeframe(text)).toEqual({ timeframe: { text: text.trim(), kind: "none" }, warning: null });
    },
  );

  it.each<[string, string]>([
    ["Trong quý /2023", "thiếu số quý"],
    ["Trong quy /2023", "thiếu số quý"],
    ["Quý / 2024", "thiếu số quý"],
    ["Tháng /2023", "thiếu số tháng"],
    ["ngày tháng năm 2024", "thiếu số tháng"],
    ["Trước ngày /6/2024", "thiếu số ngày"],
    ["Quý I/", "thiếu số năm"],
    ["Trước ngày 30/6/", "thiếu số năm"],
  ])("«%s» lost a numeral: none, warned (%s)", (text, words) => {
    const reading = parseTimeframe(text, { year: 2023 });
    expect(reading.timeframe).toEqual({ text, kind: "none" });
    expect(reading.warning).toContain(words);
    expect(reading.warning).toContain("không đoán");
  });

  it("warns in the words the spec gives", () => {
    expect(parseTimeframe("Trong quý /2023").warning).toBe(
      "Thời gian «Trong quý /2023» thiếu số quý: không đoán, cần người kiểm tra",
    );
  });

  it.each<[string, string]>([
    ["31/2/2024", "ngày"],
    ["Ngày 29/2/2023", "ngày"],
    ["Trước ngày 32/1/2024", "ngày"],
    ["Tháng 13/2024", "tháng"],
    ["Trước ngày 15/13/2024", "ngày"],
    ["quý V/2024", "quý"],
    ["Quý V", "quý"],
    ["quý 0/2024", "quý"],
    ["quy l/2023", "quý"],
    ["Năm học 2024-2026", "năm"],
    ["Từ ngày 30/5/2024 đến ngày 01/3/2024", "khoảng thời gian"],
  ])("«%s» is not a real date: none, warned (%s)", (text, part) => {
    const reading = parseTimeframe(text, { year: 2024 });
    expect(reading.timeframe).toEqual({ text, kind: "none" });
    expect(reading.warning).toContain(`có ${part} không hợp lệ`);
  });

  it("a start without an end is none, warned", () => {
    const reading = parseTimeframe("Từ ngày 01/3/2024");
    expect(reading.timeframe.kind).toBe("none");
    expect(reading.warning).toContain("chỉ có mốc bắt đầu");
    expect(parseTimeframe("Từ năm 2024").timeframe.kind).toBe("none");
  });

  it("never guesses a year it cannot read", () => {
    for (const text of ["Trước ngày 30/6/24", "trước ngày 15/01 năm sau", "Tháng 1 năm sau"]) {
      const reading = parseTimeframe(text, { year: 2024 });
      expect(reading.timeframe.kind).toBe("none");
      expect(reading.warning).not.toBeNull();
    }
  });

  it("an out-of-range context year counts as none", () => {
    expect(parseTimeframe("Trước ngày 30/6", { year: Number.NaN }).timeframe.kind).toBe("none");
    expect(parseTimeframe("Trước ngày 30/6", { year: 20240 }).timeframe.kind).toBe("none");
  });
});

describe("findTimeframes", () => {
  /** The found phrases with their texts checked against the sentence. */
  function find(sentence: string, year: number | null = null) {
    const found = findTimeframes(sentence, { year });
    for (const f of found) expect(sentence.slice(f.start, f.end)).toBe(f.timeframe.text);
    return found;
  }

  it("a half-yearly reporting chain gives two recurring obligations", () => {
    const sentence =
      "định kỳ trước ngày 15/6 và 15/12 gửi báo cáo kết quả về Sở Giáo dục và Đào tạo để tổng hợp, báo cáo Ủy ban nhân dân thành phố trước ngày 30/6 và 30/12 hàng năm";
    const found = find(sentence);
    expect(found.map((f) => f.timeframe)).toEqual([
      { text: "định kỳ trước ngày 15/6 và 15/12", kind: "recurring", dates: ["06-15", "12-15"] },
      { text: "trước ngày 30/6 và 30/12 hàng năm", kind: "recurring", dates: ["06-30", "12-30"] },
    ]);
    expect(found[0]?.start).toBe(0);
    expect(found[1]?.start).toBe(sentence.indexOf("trước ngày 30/6"));
    expect(found[1]?.end).toBe(sentence.length);
  });

  it("years after 'vào' are deadlines; a bare 'hằng năm' is not returned", () => {
    const sentence =
      "Tổng hợp, báo cáo kết quả thực hiện sơ kết hằng năm, sơ kết 03 năm vào năm 2025 và tổng kết vào năm 2030";
    expect(find(sentence).map((f) => f.timeframe)).toEqual([
      { text: "vào năm 2025", kind: "deadline", due: "2025-12-31" },
      { text: "vào năm 2030", kind: "deadline", due: "2030-12-31" },
    ]);
  });

  it("finds the dated phrase inside a parenthesis", () => {
    const sentence =
      "định kỳ hằng năm báo cáo về Ủy ban nhân dân thành phố (qua Sở Giáo dục và Đào tạo trước ngày 30/11 hằng năm)";
    expect(find(sentence).map((f) => f.timeframe)).toEqual([
      { text: "trước ngày 30/11 hằng năm", kind: "recurring", dates: ["11-30"] },
    ]);
  });

  it.each<[string, Body]>([
    ["hoàn thành trong quý IV năm 2026", { kind: "deadline", due: "2026-12-31" }],
    ["xong trước ngày 30/6/2024", { kind: "deadline", due: "2024-06-30" }],
    ["chậm nhất ngày 30/6/2024", { kind: "deadline", due: "2024-06-30" }],
    ["trong quý I/2024", { kind: "deadline", due: "2024-03-31" }],
    ["trong năm 2025", { kind: "deadline", due: "2025-12-31" }],
    ["vào năm 2025", { kind: "deadline", due: "2025-12-31" }],
    ["định kỳ tháng 11 hằng năm", { kind: "recurring", dates: ["11-30"] }],
    ["tháng 11 hằng năm", { kind: "recurring", dates: ["11-30"] }],
    ["trước ngày 15/6 và 15/12", { kind: "recurring", dates: ["06-15", "12-15"] }],
    ["trước ngày 30/12 hằng năm", { kind: "recurring", dates: ["12-30"] }],
    ["từ tháng 3 đến tháng 5/2024", { kind: "range", start: "2024-03-01", end: "2024-05-31" }],
    ["từ năm 2021 đến năm 2025", { kind: "range", start: "2021-01-01", end: "2025-12-31" }],
    ["đến ngày 30/6/2024", { kind: "deadline", due: "2024-06-30" }],
  ])("«%s» inside a sentence", (phrase, body) => {
    const sentence = `Các đơn vị tổ chức thực hiện, ${phrase} báo cáo kết quả về Sở.`;
    const found = find(sentence);
    expect(found).toEqual([
      {
        start: sentence.indexOf(phrase),
        end: sentence.indexOf(phrase) + phrase.length,
        timeframe: { text: phrase, ...body },
      },
    ]);
  });

  it("a completion clause in a task's text", () => {
    const sentence = "Xây dựng cơ sở dữ liệu ngành, hoàn thành trong quý IV năm 2026.";
    expect(find(sentence).map((f) => f.timeframe.text)).toEqual(["hoàn thành trong quý IV năm 2026"]);
  });

  it("a yearless date is recurring after 'định kỳ' in its clause", () => {
    const found = find("định kỳ 6 tháng báo cáo trước ngày 30/6");
    expect(found.map((f) => f.timeframe)).toEqual([
      { text: "trước ngày 30/6", kind: "recurring", dates: ["06-30"] },
    ]);
  });

  it("a yearless date takes the document's year, and is left out without it", () => {
    expect(find("báo cáo kết quả trước ngày 30/6", 2024).map((f) => f.timeframe)).toEqual([
      { text: "trước ngày 30/6", kind: "deadline", due: "2024-06-30" },
    ]);
    expect(find("báo cáo kết quả trước ngày 30/6")).toEqual([]);
  });

  it("works on text without diacritics, with line breaks, and in another case", () => {
    const ocr = "dinh ky truoc ngay 15/6 va 15/12 gui bao cao";
    expect(find(ocr).map((f) => f.timeframe)).toEqual([
      { text: "dinh ky truoc ngay 15/6 va 15/12", kind: "recurring", dates: ["06-15", "12-15"] },
    ]);
    const broken = "về Ủy ban nhân dân thành phố trước ngày 30/12 hằng\nnăm.";
    expect(find(broken).map((f) => f.timeframe)).toEqual([
      { text: "trước ngày 30/12 hằng\nnăm", kind: "recurring", dates: ["12-30"] },
    ]);
    expect(find("HOÀN THÀNH TRƯỚC NGÀY 30/6/2024").map((f) => f.timeframe.due)).toEqual(["2024-06-30"]);
  });

  it("maps offsets back through decomposed (non-NFC) text", () => {
    const sentence = "Ba\u0301o ca\u0301o tru\u031bo\u031b\u0301c nga\u0300y 30/6/2024 nhé";
    const found = find(sentence);
    expect(found).toHaveLength(1);
    expect(found[0]?.timeframe.due).toBe("2024-06-30");
    expect(found[0]?.timeframe.text.normalize("NFC")).toBe("trước ngày 30/6/2024");
  });
});

describe("negative cases", () => {
  it.each([
    "Nghị quyết số 29-NQ/TW ngày 04/11/2013 của Ban Chấp hành Trung ương",
    "Kế hoạch số 155/KH-UBND ngày 09/7/2024 của Ủy ban nhân dân thành phố Hải Phòng",
    "Quyết định số 42/2017/QĐ-UBND ngày 20/12/2017 của Ủy ban nhân dân thành phố",
    "Hải Phòng, ngày 19 tháng 8 năm 2021",
    "Hải Phòng, ngày tháng năm 2024",
  ])("a document's date is no timeframe: %s", (sentence) => {
    expect(findTimeframes(sentence)).toEqual([]);
  });

  it.each([
    "Điện thoại: 0225.3842.123",
    "Liên hệ đồng chí Nam, ĐT: 0936001379",
    "ĐT: 0936 001 379, fax 0225-3842-124",
  ])("a phone number is no timeframe: %s", (sentence) => {
    expect(findTimeframes(sentence)).toEqual([]);
    expect(parseTimeframe(sentence).timeframe.kind).toBe("none");
  });

  it.each([
    "Kế hoạch phát triển giáo dục phổ thông thành phố Hải Phòng giai đoạn 2020-2025",
    "Chương trình chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030",
    "Kế hoạch hội nhập quốc tế ngành Giáo dục và Đào tạo Hải Phòng năm 2022",
    "nâng cao chỉ số năng lực cạnh tranh (PCI) năm 2021-2022 của ngành",
    "Sở Kế hoạch và Đầu tư bố trí ngân sách nhà nước hằng năm",
    "Thường xuyên theo dõi, kiểm tra, đôn đốc tiến độ",
    "Kính gửi quý vị đại biểu",
    "quy hoạch mạng lưới trường lớp, quy chế phối hợp",
  ])("a name or an undated phrase is no timeframe in a sentence: %s", (sentence) => {
    expect(findTimeframes(sentence)).toEqual([]);
  });

  it("a title's period is a range only when read as a timeframe field", () => {
    expect(findTimeframes("giai đoạn 2020-2025")).toEqual([]);
    expect(parseTimeframe("2020-2025").timeframe).toEqual({
      text: "2020-2025",
      kind: "range",
      start: "2020-01-01",
      end: "2025-12-31",
    });
  });

  it("invalid dates in a sentence are left out", () => {
    expect(findTimeframes("hoàn thành trước ngày 31/2/2024")).toEqual([]);
    expect(findTimeframes("hoàn thành trong quý V/2024")).toEqual([]);
  });
});

describe("properties", () => {
  const WORDS = [
    "trước",
    "ngày",
    "tháng",
    "quý",
    "năm",
    "hằng",
    "hàng",
    "định kỳ",
    "từ",
    "đến",
    "và",
    "vào",
    "trong",
    "chậm nhất",
    "học",
    "giai đoạn",
    "thường xuyên",
    "I",
    "IV",
    "V",
    "/",
    "-",
    "–",
    ",",
    ".",
    ";",
    " ",
    "\n",
    "\u0301",
    "0",
    "6",
    "12",
    "15",
    "29",
    "31",
    "2024",
    "2025",
    "9999",
  ];
  const phrase = fc.array(fc.constantFrom(...WORDS), { maxLength: 30 }).map((ws) => ws.join(" "));
  const glued = fc.array(fc.constantFrom(...WORDS), { maxLength: 30 }).map((ws) => ws.join(""));
  const text = fc.oneof(
    fc.string(),
    fc.string({ unit: "binary" }),
    fc.string({ unit: "grapheme" }),
    phrase,
    glued,
  );
  const year = fc.oneof(
    fc.constant(null),
    fc.integer({ min: 1990, max: 2100 }),
    fc.integer(),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 2024.5),
  );

  it("parseTimeframe never throws and always gives a valid timeframe", () => {
    fc.assert(
      fc.property(text, year, (s, y) => {
        const reading = parseTimeframe(s, { year: y });
        expect(TimeframeSchema.safeParse(reading.timeframe).success).toBe(true);
        expect(reading.timeframe.text).toBe(reading.timeframe.text.trim());
        // A datable reading warns only when the text names several dates and one was kept.
        if (reading.timeframe.kind !== "none" && reading.warning !== null)
          expect(reading.warning).toMatch(/nêu nhiều mốc/);
      }),
      { numRuns: 2000 },
    );
  });

  it("findTimeframes never throws; its spans lie in the sentence and hold the text", () => {
    fc.assert(
      fc.property(text, year, (s, y) => {
        let end = 0;
        for (const f of findTimeframes(s, { year: y })) {
          expect(TimeframeSchema.safeParse(f.timeframe).success).toBe(true);
          expect(f.timeframe.kind).not.toBe("none");
          expect(f.start).toBeGreaterThanOrEqual(end);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.end).toBeLessThanOrEqual(s.length);
          expect(s.slice(f.start, f.end)).toBe(f.timeframe.text);
          end = f.end;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("runs in linear time on long, repetitive input", () => {
    const units = [
      "trước ngày 1/1 và ",
      " ",
      "quý i, ",
      "tháng 1, ",
      "ngày ",
      "1/",
      "2024 - ",
      "định kỳ, ",
      "a\u0301",
    ];
    for (const unit of units) {
      const long = unit.repeat(Math.ceil(100_000 / unit.length));
      const started = performance.now();
      findTimeframes(long);
      parseTimeframe(long);
      // A quadratic scan of 100 000 characters takes minutes; a linear one well under a second.
      expect(performance.now() - started).toBeLessThan(5_000);
    }
  });

  it("does not break on odd calls from untyped code", () => {
    const untyped = parseTimeframe as (text: unknown, ctx?: unknown) => unknown;
    const untypedFind = findTimeframes as (text: unknown, ctx?: unknown) => unknown;
    expect(() => untyped(undefined)).not.toThrow();
    expect(() => untyped(42, null)).not.toThrow();
    expect(untypedFind(null)).toEqual([]);
    expect(() => untypedFind("trước ngày 30/6", null)).not.toThrow();
  });
});
