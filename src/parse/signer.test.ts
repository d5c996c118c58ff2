import { describe, expect, it } from "vitest";
import { toLines } from "./lines.js";
import { readSigner, snapPosition } from "./signer.js";

function signerOf(text: string, ocr = false) {
  const lines = toLines(text);
  return readSigner(lines, 0, lines.length, ocr);
}

describe("readSigner", () => {
  it("reads a deputy signing for the director", () => {
    expect(signerOf("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\n\n\nĐỗ Thị Hòa")).toEqual({
      capacity: "KT. GIÁM ĐỐC",
      position: "PHÓ GIÁM ĐỐC",
      name: "Đỗ Thị Hòa",
    });
  });

  it("keeps a two-line capacity, joined by ' / '", () => {
    expect(signerOf("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\n\nLê Khắc Nam")).toEqual({
      capacity: "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH",
      position: "PHÓ CHỦ TỊCH",
      name: "Lê Khắc Nam",
    });
  });

  it("writes a capitalised name in title case", () => {
    expect(signerOf("KT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG\n\nGIẢN MẠNH TRÁNG")).toEqual({
      capacity: "KT. TRƯỞNG PHÒNG",
      position: "PHÓ TRƯỞNG PHÒNG",
      name: "Giản Mạnh Tráng",
    });
  });

  it("writes 'KT.GIÁM ĐỐC' with its space", () => {
    expect(signerOf("KT.GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nPhạm Quốc Hiệu")).toEqual({
      capacity: "KT. GIÁM ĐỐC",
      position: "PHÓ GIÁM ĐỐC",
      name: "Phạm Quốc Hiệu",
    });
  });

  it("reads Party capacities (T/M, K/T)", () => {
    expect(signerOf("T/M BAN THƯỜNG VỤ\nK/T BÍ THƯ\nPHÓ BÍ THƯ\n\nNguyễn Văn Tùng")).toEqual({
      capacity: "T/M BAN THƯỜNG VỤ / K/T BÍ THƯ",
      position: "PHÓ BÍ THƯ",
      name: "Nguyễn Văn Tùng",
    });
  });

  it("reads a signature beside 'Nơi nhận' and the recipients (OCR, two columns run together)", () => {
    const text = [
      "Noi nhén: KT. GIAM POC",
      "- UBND thanh phs; _—2HO GIAM bOC",
      "- S& Thong tin va Truyén thong;",
      "- S6 Khoa hoc va Cong nghé;",
      "- Luu: VT.",
    ].join("\n");
    expect(signerOf(text, true)).toEqual({ capacity: "KT. GIÁM ĐỐC", position: "PHÓ GIÁM ĐỐC", name: null });
  });

  it("reads a position with no capacity", () => {
    expect(signerOf("GIÁM ĐỐC\n\n\nNguyễn Văn An")).toEqual({
      capacity: null,
      position: "GIÁM ĐỐC",
      name: "Nguyễn Văn An",
    });
  });

  it("reads a post held in the signing body, then its holder's post, as capacity and position", () => {
    expect(signerOf("TRƯỞNG BAN\nPHÓ THỦ TƯỚNG\n\nNguyễn Thiện Nhân")).toEqual({
      capacity: "TRƯỞNG BAN",
      position: "PHÓ THỦ TƯỚNG",
      name: "Nguyễn Thiện Nhân",
    });
  });

  it("reads only the lines in [from, to)", () => {
    const lines = toLines(
      "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nĐỗ Thị Hòa\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Khắc Nam",
    );
    expect(readSigner(lines, 3, lines.length, false)).toEqual({
      capacity: "KT. CHỦ TỊCH",
      position: "PHÓ CHỦ TỊCH",
      name: "Lê Khắc Nam",
    });
  });
});

describe("snapPosition", () => {
  it("snaps an OCR-damaged position to the closed set", () => {
    expect(snapPosition("_—2HO GIAM bOC")).toBe("PHÓ GIÁM ĐỐC");
    expect(snapPosition("GIAM POC")).toBe("GIÁM ĐỐC");
  });

  it("keeps a position that is already right", () => {
    expect(snapPosition("PHÓ GIÁM ĐỐC")).toBe("PHÓ GIÁM ĐỐC");
    expect(snapPosition("  HIỆU   TRƯỞNG ")).toBe("HIỆU TRƯỞNG");
    // Only diacritics missing: the position is kept as printed.
    expect(snapPosition("PHO CHU TICH")).toBe("PHO CHU TICH");
  });
});

describe("signer negative cases", () => {
  it("is null for a closing without a signature block", () => {
    expect(signerOf("Trên đây là Kế hoạch của Sở.\nNơi nhận:\n- Ban Giám đốc Sở;\n- Lưu: VT.")).toBeNull();
  });

  it("does not take a sentence that names a post for a signature", () => {
    expect(signerOf("Giám đốc Sở chỉ đạo chung việc triển khai Kế hoạch.")).toBeNull();
    expect(signerOf("- Ban Giám đốc Sở;\n- Phó Giám đốc phụ trách.")).toBeNull();
  });

  it("leaves the name null when no name follows", () => {
    expect(signerOf("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC")).toEqual({
      capacity: "KT. GIÁM ĐỐC",
      position: "PHÓ GIÁM ĐỐC",
      name: null,
    });
  });

  it("snapPosition leaves what is no position alone", () => {
    expect(snapPosition("Nguyễn Văn An")).toBe("Nguyễn Văn An");
    expect(snapPosition("LƯU VĂN THƯ")).toBe("LƯU VĂN THƯ");
  });
});
