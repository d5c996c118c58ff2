import { describe, expect, it } from "vitest";
import { toLines } from "./lines.js";
import { buildOutline, type OutlineItem, readMarker, romanValue, toRoman, walk } from "./outline.js";

/** label → children, to compare trees by their labels. */
function shape(items: readonly OutlineItem[]): unknown[] {
  return items.map((i) => (i.children.length ? [i.label, shape(i.children)] : i.label));
}

describe("readMarker", () => {
  it("reads roman section labels", () => {
    const text = "II. NỘI DUNG NHIỆM VỤ";
    const m = readMarker(text);
    expect(m).toEqual({ label: "II", rank: 1, head: "NỘI DUNG NHIỆM VỤ", headOffset: 4 });
    expect(text.slice(m?.headOffset)).toBe(m?.head);
    expect(readMarker("IV) TỔ CHỨC THỰC HIỆN")).toMatchObject({ label: "IV", rank: 1 });
  });

  it("repairs OCR roman labels: I1 is II, I11 is III", () => {
    expect(readMarker("I1. NOI DUNG KE HOACH")).toEqual({
      label: "II",
      rank: 1,
      head: "NOI DUNG KE HOACH",
      headOffset: 4,
    });
    expect(readMarker("I11. TO CHUC THUC HIEN")).toMatchObject({
      label: "III",
      rank: 1,
      head: "TO CHUC THUC HIEN",
    });
  });

  it("reads arabic labels, with their depth as rank", () => {
    expect(readMarker("1. Mục đích")).toEqual({ label: "1", rank: 2, head: "Mục đích", headOffset: 3 });
    expect(readMarker("12) Sở Tài chính")).toMatchObject({ label: "12", rank: 2, head: "Sở Tài chính" });
    expect(readMarker("1.2. Nhiệm vụ cụ thể")).toMatchObject({
      label: "2",
      rank: 3,
      head: "Nhiệm vụ cụ thể",
    });
    expect(readMarker("2.1.3. Tập huấn")).toMatchObject({ label: "3", rank: 4, head: "Tập huấn" });
  });

  it("reads OCR '/.' as an arabic label to settle later", () => {
    expect(readMarker("/. Tang cuong cong tac")).toMatchObject({
      label: "/",
      rank: 2,
      head: "Tang cuong cong tac",
    });
  });

  it("reads letter labels, OCR ¢ as c", () => {
    expect(readMarker("a) Xây dựng kế hoạch")).toEqual({
      label: "a",
      rank: 5,
      head: "Xây dựng kế hoạch",
      headOffset: 3,
    });
    expect(readMarker("đ) Tổ chức kiểm tra")).toMatchObject({ label: "đ", rank: 5 });
    expect(readMarker("¢) Tiep tuc chi dao")).toMatchObject({
      label: "c",
      rank: 5,
      head: "Tiep tuc chi dao",
    });
  });
});

describe("romanValue and toRoman", () => {
  it("reads roman numerals, OCR 1 and l as I", () => {
    expect(romanValue("I")).toBe(1);
    expect(romanValue("IV")).toBe(4);
    expect(romanValue("IX")).toBe(9);
    expect(romanValue("XIV")).toBe(14);
    expect(romanValue("XX")).toBe(20);
    expect(romanValue("I1")).toBe(2);
    expect(romanValue("I11")).toBe(3);
    expect(romanValue("Il")).toBe(2);
  });

  it("writes roman numerals", () => {
    expect(toRoman(1)).toBe("I");
    expect(toRoman(4)).toBe("IV");
    expect(toRoman(9)).toBe("IX");
    expect(toRoman(14)).toBe("XIV");
  });
});

describe("buildOutline", () => {
  const text = [
    "I. MỤC ĐÍCH, YÊU CẦU", // 0
    "1. Mục đích", // 1
    "- Tăng cường chỉ đạo.", // 2
    "2. Yêu cầu", // 3
    "- Bám sát mục đích.", // 4
    "II. NỘI DUNG NHIỆM VỤ", // 5
    "1. Công tác chỉ đạo, điều hành", // 6
    "a) Xây dựng kế hoạch", // 7
    "+ Nội dung: tuyên truyền", // 8
    "b) Tổ chức hội nghị", // 9
    "2. Công tác truyền thông", // 10
    "III. TỔ CHỨC THỰC HIỆN", // 11
    "1. Văn phòng Sở", // 12
    "Nơi nhận:", // 13
  ].join("\n");
  const lines = toLines(text);

  it("nests items by rank", () => {
    const roots = buildOutline(lines, 0, lines.length);
    expect(shape(roots)).toEqual([
      ["I", ["1", "2"]],
      ["II", [["1", ["a", "b"]], "2"]],
      ["III", ["1"]],
    ]);
  });

  it("records each item's lines, head and head offset", () => {
    const roots = buildOutline(lines, 0, lines.length);
    const ii = roots[1];
    expect(ii).toMatchObject({
      label: "II",
      rank: 1,
      line: 5,
      endLine: 11,
      head: "NỘI DUNG NHIỆM VỤ",
      role: "other",
    });
    const first = ii?.children[0];
    expect(first).toMatchObject({
      label: "1",
      rank: 2,
      line: 6,
      endLine: 10,
      head: "Công tác chỉ đạo, điều hành",
    });
    expect(first?.children.map((c) => [c.label, c.line, c.endLine])).toEqual([
      ["a", 7, 9],
      ["b", 9, 10],
    ]);
    expect(text.slice(ii?.headStart, ii?.headStart !== undefined ? ii.headStart + ii.head.length : 0)).toBe(
      "NỘI DUNG NHIỆM VỤ",
    );
    expect(roots[2]?.endLine).toBe(lines.length);
  });

  it("reads only the lines in [from, to)", () => {
    const roots = buildOutline(lines, 5, 11);
    expect(shape(roots)).toEqual([["II", [["1", ["a", "b"]], "2"]]]);
    expect(roots[0]?.endLine).toBe(11);
  });

  it("walks the tree depth first with the labels on the way down", () => {
    const roots = buildOutline(lines, 0, lines.length);
    const paths = [...walk(roots)].map(([, path]) => path.join("."));
    expect(paths).toEqual(["I", "I.1", "I.2", "II", "II.1", "II.1.a", "II.1.b", "II.2", "III", "III.1"]);
  });

  it("reads OCR '/.' after '6.' as 7 and OCR roman labels", () => {
    const ocr = toLines(
      [
        "I1. NOI DUNG KE HOACH",
        "5. Phat huy vai tro",
        "6. Nang cao chat luong",
        "/. Tang cuong cong tac",
        "I11. TO CHUC THUC HIEN",
      ].join("\n"),
    );
    expect(shape(buildOutline(ocr, 0, ocr.length))).toEqual([["II", ["5", "6", "7"]], "III"]);
  });

  it("continues the count over a repeated arabic label", () => {
    const repeated = toLines(["II. NỘI DUNG", "1. Một", "2. Hai", "2. Ba"].join("\n"));
    expect(shape(buildOutline(repeated, 0, repeated.length))).toEqual([["II", ["1", "2", "3"]]]);
  });
});

describe("outline negative cases", () => {
  it("romanValue is 0 for what is not a roman numeral", () => {
    expect(romanValue("IVI")).toBe(0);
    expect(romanValue("VX")).toBe(0);
    expect(romanValue("IIII")).toBe(0);
    expect(romanValue("VV")).toBe(0);
    expect(romanValue("XXX")).toBe(0);
    expect(romanValue("")).toBe(0);
  });

  it("readMarker is null for lines that are not numbered items", () => {
    expect(readMarker("VX. NỘI DUNG")).toBeNull();
    expect(readMarker("IVI. NỘI DUNG")).toBeNull();
    expect(readMarker("- Nội dung: tuyên truyền")).toBeNull();
    expect(readMarker("+ Tổ chức hội nghị")).toBeNull();
    expect(readMarker("Căn cứ Luật Giáo dục năm 2019;")).toBeNull();
    expect(readMarker("Điều 1. Ban hành kèm theo Quyết định này")).toBeNull();
    expect(readMarker("2025. Năm tổng kết")).toBeNull();
    expect(readMarker("15/6 và 15/12 hằng năm")).toBeNull();
    expect(readMarker("II")).toBeNull();
    expect(readMarker("")).toBeNull();
  });

  it("buildOutline skips bullets, table rows and plain lines", () => {
    const lines = toLines(
      [
        "II. NỘI DUNG",
        "- Tổ chức hội nghị",
        "+ Tuyên truyền",
        "1\tXây dựng kế hoạch\tVăn phòng Sở",
        "| 2 | Tổ chức | Phòng GDTX&ĐH |",
        "Nâng cao chất lượng.",
      ].join("\n"),
    );
    const roots = buildOutline(lines, 0, lines.length);
    expect(shape(roots)).toEqual(["II"]);
  });

  it("keeps printed labels that skip a number", () => {
    const lines = toLines(
      ["IV. PHÂN CÔNG THỰC HIỆN", "5. Các phòng", "7. Công đoàn ngành", "8. Thanh tra Sở"].join("\n"),
    );
    expect(shape(buildOutline(lines, 0, lines.length))).toEqual([["IV", ["5", "7", "8"]]]);
  });
});

describe("readMarker: a decimal number is no label", () => {
  it("reads '1.Mục đích' as an item and '1.5 triệu' as text", () => {
    expect(readMarker("1.Mục đích")?.label).toBe("1");
    expect(readMarker("1.5 triệu đồng mỗi lớp")).toBeNull();
  });
});
