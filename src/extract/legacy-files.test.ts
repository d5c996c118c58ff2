// Plans typed in the legacy Vietnamese encodings, read as offices send them: text files in TCVN3,
// VNI and VIQR, Word files whose runs are typed in .VnTime, .VnTimeH and VNI-Times (written at
// test time with the docx package), an old .doc through LibreOffice; each parsed into the very
// tasks the plan gives in Unicode.

import { describe, expect, it } from "vitest";
import { parsePlan } from "../parse/parse-plan.js";
import { encodeLegacyBytes, LEGACY_CODECS } from "../text/legacy/codecs.js";
import { docConversionAvailable } from "./doc-convert.js";
import { extractText } from "./extract.js";
import { LEGACY_PLAN, tcvn3Runs, vniRuns, wordFile } from "./legacy-fixtures.js";
import { saveDocxAsDoc } from "./test-files.js";

const SOFFICE = await docConversionAvailable();
if (!SOFFICE) console.warn("[kehoach] LibreOffice (soffice) not found: the legacy .doc test is skipped.");

const tasksOf = (text: string) => parsePlan(text).tasks;
const UNICODE_TASKS = tasksOf(LEGACY_PLAN);

describe("text files in legacy encodings", () => {
  it("has a plan with three tasks to compare with", () => {
    expect(UNICODE_TASKS.map((t) => [t.title, t.leads, t.timeframe?.due])).toEqual([
      ["Xây dựng cơ sở dữ liệu ngành giáo dục", ["Phòng Kế hoạch - Tài chính"], "2024-10-31"],
      ["Tập huấn kỹ năng số cho giáo viên", ["Phòng Giáo dục Trung học"], "2024-12-31"],
      ["Kiểm tra việc ứng dụng học bạ số tại các trường", ["Thanh tra Sở"], "2024-12-31"],
    ]);
  });

  it.each([
    ["tcvn3", "TCVN3 (ABC)"],
    ["vni", "VNI"],
    ["windows-1258", "Windows-1258"],
  ] as const)(
    "imports a plan saved in %s with its tasks, and says it was converted",
    async (encoding, name) => {
      const extracted = await extractText(encodeLegacyBytes(encoding, LEGACY_PLAN));
      expect(extracted).toMatchObject({
        format: "txt",
        encoding,
        legacyEncoding: encoding,
        text: LEGACY_PLAN,
      });
      expect(extracted.notes).toEqual([`Văn bản gõ bằng bảng mã cũ ${name} đã được chuyển sang Unicode.`]);
      expect(tasksOf(extracted.text)).toEqual(UNICODE_TASKS);
    },
  );

  it("imports a plan written in VIQR, escapes and all", async () => {
    const extracted = await extractText(Buffer.from(LEGACY_CODECS.viqr.encode(LEGACY_PLAN), "ascii"));
    expect(extracted).toMatchObject({ encoding: "viqr", legacyEncoding: "viqr", text: LEGACY_PLAN });
    expect(tasksOf(extracted.text)).toEqual(UNICODE_TASKS);
  });

  it("reads a UTF-8 file that holds TCVN3 text, and a UTF-16 one Word saved from .VnTime", async () => {
    const tcvn3 = LEGACY_CODECS.tcvn3.encode(LEGACY_PLAN);
    for (const bytes of [
      Buffer.from(tcvn3, "utf8"),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tcvn3, "utf16le")]),
    ]) {
      const extracted = await extractText(bytes);
      expect(extracted).toMatchObject({ legacyEncoding: "tcvn3", text: LEGACY_PLAN });
      expect(tasksOf(extracted.text)).toEqual(UNICODE_TASKS);
    }
  });

  it("converts a TCVN3 table inside a UTF-8 plan, says only part was, and leaves the rest", async () => {
    const table = [
      "STT\tNội dung\tĐơn vị chủ trì",
      "1\tRà soát thiết bị dạy học\tPhòng Kế hoạch - Tài chính",
    ];
    const text = `${LEGACY_PLAN}\nPHỤ LỤC\n${table.map((row) => LEGACY_CODECS.tcvn3.encode(row)).join("\n")}\n`;
    const extracted = await extractText(Buffer.from(text, "utf8"));
    expect(extracted.encoding).toBe("utf-8");
    expect(extracted.legacyEncoding).toBe("tcvn3");
    expect(extracted.text).toBe(`${LEGACY_PLAN}\nPHỤ LỤC\n${table.join("\n")}\n`);
    expect(extracted.notes).toEqual([
      "Một phần văn bản gõ bằng bảng mã cũ TCVN3 (ABC) đã được chuyển sang Unicode.",
    ]);
  });

  it("warns where a short text's encoding is a guess", async () => {
    const extracted = await extractText(Buffer.from("KÕ ho¹ch", "latin1"));
    expect(extracted.text).toBe("Kế hoạch");
    expect(extracted.notes).toContain(
      "Bảng mã không chắc chắn: đã đọc theo TCVN3 (ABC), cần đối chiếu với bản gốc.",
    );
  });

  it("reads an old web page in TCVN3 that declares no charset, and one in VNI saved as UTF-8", async () => {
    const tcvn3 = Buffer.from(
      `<p>${LEGACY_CODECS.tcvn3.encode("Sở Giáo dục và Đào tạo tỉnh An Bình")}</p>`,
      "latin1",
    );
    const vni = Buffer.from(
      `<p>${LEGACY_CODECS.vni.encode("Sở Giáo dục và Đào tạo tỉnh An Bình")}</p>`,
      "utf8",
    );
    for (const [bytes, encoding] of [
      [tcvn3, "tcvn3"],
      [vni, "vni"],
    ] as const) {
      const page = await extractText(bytes, { fileName: "trang.html" });
      expect(page).toMatchObject({ format: "html", legacyEncoding: encoding });
      expect(page.text.trim()).toBe("Sở Giáo dục và Đào tạo tỉnh An Bình");
    }
  });

  it("leaves a plan in UTF-8 as it is, with no note", async () => {
    const extracted = await extractText(Buffer.from(LEGACY_PLAN, "utf8"));
    expect(extracted).toMatchObject({ encoding: "utf-8", text: LEGACY_PLAN, notes: [] });
    expect(extracted.legacyEncoding).toBeUndefined();
  });
});

const planRuns = (runs: (line: string) => Array<{ text: string; font?: string }>) =>
  LEGACY_PLAN.trimEnd()
    .split("\n")
    .map((line) => (line ? runs(line) : []));

describe("Word files typed in legacy fonts", () => {
  it("converts the runs typed in .VnTime and .VnTimeH, and leaves the Unicode runs alone", async () => {
    const docx = await wordFile([
      [{ text: "kÕ ho¹ch", font: ".VnTimeH" }],
      [
        { text: "Tr­êng ", font: ".VnTime" },
        { text: "Trung học phổ thông", font: "Times New Roman" },
        { text: " Hµ Néi – “§éc lËp” & ", font: ".VnArial" },
        { text: "Kế hoạch", font: ".VnTime" },
      ],
      [{ text: "Sè 12 < 20", font: ".VnTime" }, { text: "Café" }],
    ]);
    const extracted = await extractText(docx);
    expect(extracted.text.trim().split("\n")).toEqual([
      "KẾ HOẠCH",
      "Trường Trung học phổ thông Hà Nội – “Độc lập” & Kế hoạch",
      "Số 12 < 20Café",
    ]);
    expect(extracted).toMatchObject({ legacyEncoding: "tcvn3" });
    expect(extracted.notes).toEqual([
      "Một phần văn bản gõ bằng bảng mã cũ TCVN3 (ABC) đã được chuyển sang Unicode.",
    ]);
  });

  it("converts the runs typed in VNI fonts", async () => {
    const docx = await wordFile([
      [{ text: "KEÁ HOAÏCH", font: "VNI-Times" }],
      [{ text: "UÛy ban nhaân daân tænh", font: "VNI-Helve" }],
    ]);
    const extracted = await extractText(docx);
    expect(extracted.text.trim().split("\n")).toEqual(["KẾ HOẠCH", "Ủy ban nhân dân tỉnh"]);
    expect(extracted).toMatchObject({
      legacyEncoding: "vni",
      notes: ["Văn bản gõ bằng bảng mã cũ VNI đã được chuyển sang Unicode."],
    });
  });

  it("reads a run's font from the document's default when the run names none", async () => {
    const docx = await wordFile(
      [[{ text: "Së Gi¸o dôc vµ §µo t¹o" }], [{ text: "Sở Y tế", font: "Arial" }]],
      {
        defaultFont: ".VnTime",
      },
    );
    expect((await extractText(docx)).text.trim().split("\n")).toEqual(["Sở Giáo dục và Đào tạo", "Sở Y tế"]);
  });

  it.each([
    ["TCVN3", tcvn3Runs, "tcvn3"],
    ["VNI", vniRuns, "vni"],
  ] as const)(
    "imports a Word plan typed in %s with the tasks of the same plan in Unicode",
    async (_name, runs, encoding) => {
      const unicode = await extractText(
        await wordFile(planRuns((line) => [{ text: line, font: "Times New Roman" }])),
      );
      const legacy = await extractText(await wordFile(planRuns(runs)));
      expect(legacy.legacyEncoding).toBe(encoding);
      expect(legacy.text).toBe(unicode.text);
      expect(tasksOf(legacy.text)).toEqual(tasksOf(unicode.text));
      expect(tasksOf(legacy.text)).toHaveLength(3);
    },
  );

  it.skipIf(!SOFFICE)(
    "reads an old .doc typed in .VnTime and VNI-Times: LibreOffice keeps the fonts",
    async () => {
      const doc = await saveDocxAsDoc(
        await wordFile([
          [{ text: "kÕ ho¹ch", font: ".VnTimeH" }],
          [{ text: "TËp huÊn gi¸o viªn vÒ chuyÓn ®æi sè trong c¸c tr­êng häc", font: ".VnTime" }],
          [{ text: "Ñôn vò chuû trì: Phoøng Giaùo duïc Trung hoïc", font: "VNI-Times" }],
        ]),
      );
      const extracted = await extractText(doc);
      expect(extracted.format).toBe("doc");
      expect(extracted.text.trim().split("\n")).toEqual([
        "KẾ HOẠCH",
        "Tập huấn giáo viên về chuyển đổi số trong các trường học",
        "Đơn vị chủ trì: Phòng Giáo dục Trung học",
      ]);
    },
    120_000,
  );
});
