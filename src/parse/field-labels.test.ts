import { describe, expect, it } from "vitest";
import { readField, readFields } from "./field-labels.js";

describe("readField", () => {
  it("reads the doc example, with the offset of the value", () => {
    const line = "- Thời gian thực hiện: Thường xuyên;";
    expect(readField(line, false)).toEqual({ kind: "time", value: "Thường xuyên;", valueOffset: 23 });
  });

  it("reads the label kinds plans print", () => {
    const cases: Array<[string, string, string]> = [
      [
        "- Nội dung: Bám sát chỉ đạo, hướng dẫn của thành phố",
        "content",
        "Bám sát chỉ đạo, hướng dẫn của thành phố",
      ],
      ["- Chủ trì: Sở Giáo dục và Đào tạo;", "lead", "Sở Giáo dục và Đào tạo;"],
      [
        "- Đơn vị chủ trì: Văn phòng Sở; Phòng GDTX&ĐH, Công đoàn ngành GDĐT;",
        "lead",
        "Văn phòng Sở; Phòng GDTX&ĐH, Công đoàn ngành GDĐT;",
      ],
      ["Cơ quan chủ trì: Sở Nội vụ", "lead", "Sở Nội vụ"],
      [
        "Trách nhiệm chỉ đạo thực hiện: Các cấp ủy, tổ chức đảng; Đảng ủy Ủy ban nhân dân tỉnh.",
        "lead",
        "Các cấp ủy, tổ chức đảng; Đảng ủy Ủy ban nhân dân tỉnh.",
      ],
      ["Đơn vị thực hiện: Cơ quan Sở và các đơn vị giáo dục", "lead", "Cơ quan Sở và các đơn vị giáo dục"],
      [
        "- Đơn vị phối hợp thực hiện: Các cơ quan báo chí, truyền hình",
        "cooperate",
        "Các cơ quan báo chí, truyền hình",
      ],
      ["Cơ quan phối hợp: Sở Tài chính", "cooperate", "Sở Tài chính"],
      ["Phối hợp: Các phòng thuộc Sở", "cooperate", "Các phòng thuộc Sở"],
      ["Thời hạn: Quý II/2024", "time", "Quý II/2024"],
      ["Thời gian hoàn thành: Trước ngày 30/6/2024", "time", "Trước ngày 30/6/2024"],
      ["Tiến độ: Tháng 11/2023", "time", "Tháng 11/2023"],
      ["Sản phẩm: Báo cáo kết quả thực hiện", "product", "Báo cáo kết quả thực hiện"],
      ["Kinh phí: Ngân sách nhà nước", "funding", "Ngân sách nhà nước"],
      ["Chỉ tiêu: 100% cơ sở giáo dục", "target", "100% cơ sở giáo dục"],
    ];
    for (const [line, kind, value] of cases) {
      const field = readField(line, false);
      expect(field, line).toMatchObject({ kind, value });
      expect(line.slice(field?.valueOffset), line).toBe(value);
    }
  });

  it("reads a when-label that names what it times", () => {
    expect(readField("Thời gian kiểm tra: 13h30 ngày 29/4/2026 (Thứ Tư)", false)?.kind).toBe("time");
    expect(readField("- Thời hạn nộp hồ sơ: trước ngày 15/5/2026", false)?.kind).toBe("time");
    expect(
      readField("Thời gian qua các đơn vị đã làm tốt công tác tuyên truyền, cụ thể như sau:", false),
    ).toBeNull();
  });

  it("reads an OCR label one or two letters off when the text is OCR", () => {
    expect(readField("Pon vi thuc hién: Co quan S¢ va cac don vi gido duc", true)).toEqual({
      kind: "lead",
      value: "Co quan S¢ va cac don vi gido duc",
      valueOffset: 18,
    });
    expect(readField("Thoit gian thuc hién: Trong quy /2023", true)).toMatchObject({
      kind: "time",
      value: "Trong quy /2023",
    });
  });

  it("reads an unaccented label exactly", () => {
    expect(readField("Don vi chu tri: Van phong So", false)).toMatchObject({
      kind: "lead",
      value: "Van phong So",
    });
  });
});

describe("readFields", () => {
  it("reads the doc example: several fields on one line", () => {
    const line = "- Chủ trì: Sở Y tế; phối hợp: Sở Tài chính; thời gian: Quý II/2024";
    const fields = readFields(line, false);
    expect(fields.map((f) => [f.kind, f.value])).toEqual([
      ["lead", "Sở Y tế"],
      ["cooperate", "Sở Tài chính"],
      ["time", "Quý II/2024"],
    ]);
    for (const f of fields) expect(line.slice(f.valueOffset).startsWith(f.value)).toBe(true);
  });

  it("reads a single field as one", () => {
    expect(readFields("- Đơn vị chủ trì: Phòng GDTX&ĐH", false)).toEqual([
      { kind: "lead", value: "Phòng GDTX&ĐH", valueOffset: 18 },
    ]);
  });
});

describe("field-labels negative cases", () => {
  it("does not take a place-and-date line for a field", () => {
    expect(readField("Hải Phòng, ngày 19 tháng 8 năm 2021", false)).toBeNull();
    expect(readField("Hải Phòng, ngày 19 tháng 8 năm 2021", true)).toBeNull();
  });

  it("does not take a sentence whose colon comes far in", () => {
    const line =
      "1. Triển khai và tuyên truyền thực hiện có hiệu quả các văn bản chỉ đạo của Trung ương và Thành phố tại: Nghị quyết số 38/NQ-CP";
    expect(readField(line, false)).toBeNull();
    expect(readField(line, true)).toBeNull();
  });

  it("does not take a long clause before a colon", () => {
    expect(
      readField("Các phòng chuyên môn của cơ quan Sở có trách nhiệm như sau: tham mưu", false),
    ).toBeNull();
  });

  it("does not take the recipients' 'Lưu: VT' or other closing labels for a task field", () => {
    expect(readField("- Lưu: VT.", false)).toBeNull();
    expect(readField("- Lưu: VT.", true)).toBeNull();
    expect(readField("Nơi nhận:", false)).toBeNull();
    expect(readField("- CV: GD;", true)).toBeNull();
    expect(readField("Số: 22/KH-SGDĐT", true)).toBeNull();
  });

  it("does not take a lead-in ending in a colon for a content field", () => {
    expect(readField("Nội dung cụ thể như sau:", false)).toBeNull();
  });

  it("does not fuzz-match labels in printed text", () => {
    expect(readField("Pon vi thuc hién: Co quan S¢", false)).toBeNull();
    expect(readField("Thoit gian thuc hién: Trong quy /2023", false)).toBeNull();
  });

  it("readFields does not split at a colon inside the value", () => {
    expect(readFields("- Nội dung: Tuyên truyền về: các chủ trương của Đảng", false)).toEqual([
      { kind: "content", value: "Tuyên truyền về: các chủ trương của Đảng", valueOffset: 12 },
    ]);
    expect(readFields("Không phải nhãn", false)).toEqual([]);
  });
});
