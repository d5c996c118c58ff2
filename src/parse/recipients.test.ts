import { describe, expect, it } from "vitest";
import { toLines } from "./lines.js";
import { readRecipients } from "./recipients.js";

function recipientsOf(text: string) {
  const lines = toLines(text);
  return readRecipients(lines, 0, lines.length);
}

describe("readRecipients", () => {
  it("reads one recipient a line, without marks or trailing ';'/'.'", () => {
    const text = [
      "Trên đây là kế hoạch triển khai.",
      "Nơi nhận:",
      "- UBND TP (để báo cáo);",
      "- Ban GD Sở;",
      "- Các phòng trực thuộc Sở;",
      "- Phòng GDĐT quận/huyện;",
      "- Trường THPT, trường PT liên cấp;",
      "- Lưu: VT.",
      "",
      "KT. GIÁM ĐỐC",
    ].join("\n");
    expect(recipientsOf(text)).toEqual({
      recipients: [
        "UBND TP (để báo cáo)",
        "Ban GD Sở",
        "Các phòng trực thuộc Sở",
        "Phòng GDĐT quận/huyện",
        "Trường THPT, trường PT liên cấp",
        "Lưu: VT",
      ],
      line: 1,
    });
  });

  it("skips blank lines between items and reads a capitalised heading", () => {
    expect(
      recipientsOf("NƠI NHẬN:\n\n- Sở Thông tin và Truyền thông;\n\n- Lưu: VT, THCS2.").recipients,
    ).toEqual(["Sở Thông tin và Truyền thông", "Lưu: VT, THCS2"]);
  });

  it("keeps a ';' inside a recipient", () => {
    expect(recipientsOf("Nơi nhận:\n- Các trường THPT; PT có nhiều cấp học;\n- Lưu: VT.").recipients).toEqual(
      ["Các trường THPT; PT có nhiều cấp học", "Lưu: VT"],
    );
  });

  it("drops the signature column printed beside the list (OCR)", () => {
    const text = [
      "Noi nhén: KT. GIAM POC",
      "- UBND thanh phs; _—2HO GIAM bOC",
      "- S& Thong tin va Truyén thong;",
      "- Luu: VT.",
    ].join("\n");
    expect(recipientsOf(text)).toEqual({
      recipients: ["UBND thanh phs", "S& Thong tin va Truyén thong", "Luu: VT"],
      line: 0,
    });
  });

  it("reads '+' items", () => {
    expect(recipientsOf("Nơi nhận:\n+ Như trên;\n+ Lưu: VT.").recipients).toEqual(["Như trên", "Lưu: VT"]);
  });
});

describe("readRecipients negative cases", () => {
  it("is empty without a 'Nơi nhận' heading", () => {
    expect(recipientsOf("- Ban Giám đốc Sở;\n- Lưu: VT.")).toEqual({ recipients: [], line: -1 });
  });

  it("does not take 'nơi nhận' inside a sentence for the heading", () => {
    expect(recipientsOf("Gửi văn bản về nơi nhận theo quy định:\n- Lưu: VT.")).toEqual({
      recipients: [],
      line: -1,
    });
  });

  it("stops at the first line that is not an item", () => {
    expect(recipientsOf("Nơi nhận:\n- Ban GD Sở;\nKT. GIÁM ĐỐC\n- Lưu: VT.").recipients).toEqual([
      "Ban GD Sở",
    ]);
  });

  it("reads nothing outside [from, to)", () => {
    const lines = toLines("Nơi nhận:\n- Ban GD Sở;\n- Lưu: VT.");
    expect(readRecipients(lines, 1, lines.length)).toEqual({ recipients: [], line: -1 });
    expect(readRecipients(lines, 0, 2)).toEqual({ recipients: ["Ban GD Sở"], line: 0 });
  });
});
