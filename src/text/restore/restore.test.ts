// Restoring with the shipped model (dist/restore-model.bin, trained by `npm run build` from
// data/restore-corpus/): sentences written for this test, in the way plans are written.

import { describe, expect, it } from "vitest";
import { stripMarks } from "./accuracy.js";
import { loadRestoreModel } from "./model-file.js";
import { restoreDiacritics } from "./restore.js";
import { lacksDiacritics, restoreIfUnmarked } from "./unmarked.js";

const model = loadRestoreModel();

describe("restoreDiacritics", () => {
  it("puts back the marks of an administrative sentence, keeping every offset and the case", () => {
    const marked =
      "KẾ HOẠCH Tổ chức hội nghị sơ kết công tác giáo dục năm học 2024-2025. Sở Giáo dục và Đào tạo yêu cầu các đơn vị báo cáo kết quả thực hiện trước ngày 15 tháng 6 năm 2025.";
    const page = stripMarks(marked);
    expect(page).toContain("KE HOACH To chuc hoi nghi so ket");
    const restored = restoreDiacritics(page, model);
    expect(restored.text).toHaveLength(page.length);
    expect(restored.text).toBe(marked);
    expect(restored.changed).toBeGreaterThan(30);
    for (const word of restored.words) expect(page.slice(word.start, word.end)).toBe(word.from);
  });

  it("leaves numbers, codes and item labels as they are", () => {
    const page = "Thuc hien Nghi quyet so 07-NQ/TU ngay 01/8/2022 cua Ban Chap hanh; GD&DT; a) trien khai";
    const restored = restoreDiacritics(page, model).text;
    expect(restored).toContain("07-NQ/TU");
    expect(restored).toContain("01/8/2022");
    expect(restored).toContain("GD&DT");
    expect(restored).toContain("a) triển khai");
    expect(restored).toContain("Thực hiện Nghị quyết số");
  });

  it("marks a word it cannot decide for review, with the other reading", () => {
    // "ban" alone in a short list: bàn, bản, bán, bạn and ban all read well.
    const restored = restoreDiacritics("ban", model);
    const word = restored.words.find((w) => w.from === "ban");
    expect(word?.confidence).toBeLessThan(0.8);
    expect(word?.alternative).toBeDefined();
    expect(restored.uncertain).toBe(1);
  });

  it("reads OCR's confusions where the text is OCR output: a digit or w for a letter, P for Đ", () => {
    const page = "Thuc hien Chwong trinh hanh dong s6 40-CTr/TU cua Ban Thuong vu; Pang bo thanh pho";
    const restored = restoreDiacritics(page, model, { ocr: true });
    expect(restored.text).toContain("Chương trình hành động số 40-CTr/TU");
    // P is read as Đ; which Đ-word it was, the model gets right or says it is unsure of.
    const start = page.indexOf("Pang");
    expect(restored.text.slice(start, start + 4)).toMatch(/^Đ/);
    for (const [at, right] of [
      [start, "Đảng"],
      [start + 5, "bộ"],
    ] as const) {
      const got = restored.text.slice(at, at + right.length);
      const word = restored.words.find((w) => w.start === at);
      if (got !== right) expect(word?.confidence, `${got} for ${right}`).toBeLessThan(0.8);
    }
  });
});

describe("restoreIfUnmarked", () => {
  it("restores text typed without a Vietnamese keyboard", () => {
    const page =
      "Cac truong hoc to chuc tuyen truyen, pho bien noi dung ke hoach den toan the can bo, giao vien.";
    expect(lacksDiacritics(page, model)).toBe(true);
    expect(restoreIfUnmarked(page, model)?.text).toBe(
      "Các trường học tổ chức tuyên truyền, phổ biến nội dung kế hoạch đến toàn thể cán bộ, giáo viên.",
    );
  });

  it("never touches a text that has its marks, nor one in English", () => {
    expect(
      restoreIfUnmarked(
        "Các trường học tổ chức tuyên truyền, phổ biến nội dung kế hoạch đến toàn thể cán bộ.",
        model,
      ),
    ).toBeNull();
    expect(
      restoreIfUnmarked(
        "The schools organise the campaign and report the results to the department every month.",
        model,
      ),
    ).toBeNull();
  });
});
