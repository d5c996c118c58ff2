import { describe, expect, it } from "vitest";
import { looksLikeOcrWithoutDiacritics, ocrKey, repairOcr } from "./ocr.js";

// Modelled on a scanned plan whose OCR lost most diacritics.
const OCR_SAMPLE = [
  "Thuc hién Nghi quyet so 07-NQ/TU ngay 01/8/2022 cua Ban Chap hanh",
  "Pang bo thanh phd vé mot s giai phap d6i mdi, nang cao chat luong, hi¢u qua",
  "cong tac tu tudng ciia Pang bo thanh phd dén nam 2025, dinh huéng dén nam 2030;",
  "Chuong trinh hanh dong s6 40-CTr/TU ngay 18/11/2022 ctia Ban Thuong vu Thanh ty",
  "thuc hién Nghi quyét s6 07-NQ/TU, S¢ Gido duc va Pao tao ban hanh Ké hoach.",
].join("\n");

// The same kind of paragraph, printed with its diacritics.
const PRINTED_SAMPLE = [
  "Thực hiện Nghị quyết số 07-NQ/TU ngày 01/8/2022 của Ban Chấp hành Đảng bộ thành phố về một số",
  "giải pháp đổi mới, nâng cao chất lượng, hiệu quả công tác tư tưởng của Đảng bộ thành phố đến năm",
  "2025, định hướng đến năm 2030; Chương trình hành động số 40-CTr/TU ngày 18/11/2022 của Ban Thường vụ",
  "Thành ủy, Sở Giáo dục và Đào tạo ban hành Kế hoạch triển khai thực hiện với các nội dung như sau.",
].join("\n");

describe("repairOcr", () => {
  it("repairs the doc example", () => {
    expect(repairOcr("Pon vi thyc hién: Co quan S¢")).toBe("Đon vi thưc hién: Co quan Sơ");
  });

  it("reads the misread forms of của and số", () => {
    expect(repairOcr("ctia Ban Thuong vu")).toBe("của Ban Thuong vu");
    expect(repairOcr("caa Ban")).toBe("của Ban");
    expect(repairOcr("S6:22 /KH-SGDDT")).toBe("Số:22 /KH-SGDDT");
    expect(repairOcr("Nghi quyet s0 07-NQ/TU")).toBe("Nghi quyet số 07-NQ/TU");
  });

  it("reads P before a vowel as Đ", () => {
    expect(repairOcr("Pang bo thanh pho")).toBe("Đang bo thanh pho");
    expect(repairOcr("SO GIAO DUC VA PAO TAO")).toBe("SO GIAO DUC VA ĐAO TAO");
  });

  it("reads ¢ as c opening an item, ệ after i, else ơ", () => {
    expect(repairOcr("¢) Tiep tuc chi dao")).toBe("c) Tiep tuc chi dao");
    expect(repairOcr("nang cao hi¢u qua")).toBe("nang cao hiệu qua");
    expect(repairOcr("co s¢")).toBe("co sơ");
  });

  it("repairs the Đ inside a capital acronym", () => {
    expect(repairOcr("Phong GDTX&DPH")).toBe("Phong GDTX&ĐH");
  });

  it("repairs misread vowels of common words", () => {
    expect(repairOcr("céc don vi gido duc")).toBe("các don vi giáo duc");
    expect(repairOcr("Trudng phong")).toBe("Truong phong");
    expect(repairOcr("hanh ddng")).toBe("hanh dong");
    expect(repairOcr("S6 Khoa hoc va Cong nghe")).toBe("Sở Khoa hoc va Cong nghe");
  });

  it("reads w as ư and drops the u of uw", () => {
    expect(repairOcr("Chwong trinh")).toBe("Chưong trinh");
    expect(repairOcr("tw twéng")).toBe("tư tưéng");
    expect(repairOcr("Thuwong vu")).toBe("Thuong vu");
  });

  it("reads digits inside words as letters", () => {
    expect(repairOcr("d6i moi")).toBe("doi moi");
    expect(repairOcr("Poc 1ap")).toBe("Đoc lap");
  });

  it("restores the ủ of ủy", () => {
    expect(repairOcr("Ban Thuong vu Thanh ay")).toBe("Ban Thuong vu Thanh ủy");
    expect(repairOcr("cac cap iy")).toBe("cac cap ủy");
  });
});

describe("looksLikeOcrWithoutDiacritics", () => {
  it("recognises OCR output that lost its diacritics", () => {
    expect(looksLikeOcrWithoutDiacritics(OCR_SAMPLE)).toBe(true);
  });
});

describe("ocrKey", () => {
  it("gives the doc example", () => {
    expect(ocrKey("Thoit gian thyc hién")).toBe("thoit gian thuc hien");
  });

  it("reads an OCR label as its printed form", () => {
    expect(ocrKey("Pon vi thuc hién:")).toBe("don vi thuc hien");
    expect(ocrKey("Đơn vị thực hiện")).toBe("don vi thuc hien");
  });
});

describe("ocr negative cases", () => {
  it("does not take printed Vietnamese for OCR output", () => {
    expect(looksLikeOcrWithoutDiacritics(PRINTED_SAMPLE)).toBe(false);
  });

  it("does not take English prose for OCR output", () => {
    const english =
      "The plan sets out the tasks of every department for the coming year. Each department reports " +
      "to the director before the end of June and again before the end of December, and the office " +
      "collects the reports and sends them on to the city people's committee for review and approval.";
    expect(looksLikeOcrWithoutDiacritics(english)).toBe(false);
  });

  it("does not decide on a text shorter than 200 letters", () => {
    expect(looksLikeOcrWithoutDiacritics("Pon vi thuc hién: Co quan S¢ va cac don vi gido duc")).toBe(false);
  });

  it("leaves words that are already right alone", () => {
    const text = "Phòng GD&ĐT; PHÒNG GIÁO DỤC; Sở Nội vụ; Kế hoạch số 10-CTr/TU; ISO 9001:2015; Covid-19";
    expect(repairOcr(text)).toBe(text);
  });

  it("leaves numbers, years and document codes alone", () => {
    const text = "giai đoạn 2020-2025, ngày 06/3/2024, 06-NQ/TW, 0936001379";
    expect(repairOcr(text)).toBe(text);
  });

  it("does not read số into a capital S that is not before a number", () => {
    expect(repairOcr("Sở Tài chính")).toBe("Sở Tài chính");
  });
});
