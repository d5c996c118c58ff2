// Task tables rebuilt from where a PDF puts its words. The positions are those Chromium gives a
// printed "Phụ lục" (headings centred, cells left-aligned and wrapped, numbers centred on their row).

import { describe, expect, it } from "vitest";
import { type PlacedText, pageWithTables } from "./pdf-tables.js";

const at = (str: string, x: number, y: number, width = str.length * 6): PlacedText => ({
  str,
  x,
  y,
  size: 12,
  width,
});

const PAGE: PlacedText[] = [
  at("SỞ Y TẾ", 6, 826),
  at("KẾ HOẠCH", 260, 773),
  at("PHỤ LỤC", 266, 680),
  at("STT", 7, 652),
  at("Nội dung", 109, 652),
  at("Đơn vị chủ trì", 270, 652),
  at("Đơn vị phối hợp", 395, 652),
  at("Thời gian", 517, 652),
  at("1", 7, 628),
  at("Tập huấn cán bộ y tế xã về tiêm", 36, 636),
  at("chủng an toàn", 36, 622),
  at("Trung tâm Kiểm soát", 246, 636),
  at("bệnh tật", 246, 622),
  at("Trung tâm Y tế các", 388, 636),
  at("huyện", 388, 622),
  at("Quý I/2026", 510, 628),
  at("2", 7, 598),
  at("Kiểm tra, giám sát", 36, 598),
  at("Phòng Nghiệp vụ Y", 246, 598),
  at("Văn phòng Sở", 388, 598),
  at("Tháng", 510, 605),
  at("10/2026", 510, 591),
  at("Nơi nhận:", 6, 540),
];

describe("pageWithTables", () => {
  it("writes each row as one line of cells, wrapped cell text joined, the rest of the page around it", () => {
    expect(pageWithTables(PAGE)?.text.split("\n")).toEqual([
      "SỞ Y TẾ",
      "KẾ HOẠCH",
      "PHỤ LỤC",
      "STT\tNội dung\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian",
      "1\tTập huấn cán bộ y tế xã về tiêm chủng an toàn\tTrung tâm Kiểm soát bệnh tật\tTrung tâm Y tế các huyện\tQuý I/2026",
      "2\tKiểm tra, giám sát\tPhòng Nghiệp vụ Y\tVăn phòng Sở\tTháng 10/2026",
      "Nơi nhận:",
    ]);
  });

  it("goes on with a table over the next page, where rows line up with its columns", () => {
    const columns = pageWithTables(PAGE)?.columns;
    const next = [
      at("2", 300, 820), // the page number, above the first row
      at("3", 7, 790),
      at("Tổng kết công tác tiêm chủng", 36, 790),
      at("Văn phòng Sở", 246, 790),
      at("Các phòng", 388, 790),
      at("Tháng 12/2026", 510, 790),
      at("Nơi nhận:", 6, 740),
    ];
    expect(pageWithTables(next, columns)?.text.split("\n")).toEqual([
      "2",
      "3\tTổng kết công tác tiêm chủng\tVăn phòng Sở\tCác phòng\tTháng 12/2026",
      "Nơi nhận:",
    ]);
    // Without the columns of a table before it, the same page is plain text.
    expect(pageWithTables(next)).toBeNull();
  });

  it("leaves a page without a task table to the plain reading", () => {
    expect(pageWithTables(PAGE.filter((i) => i.y > 660 || i.y < 560))).toBeNull();
    // A line that merely mentions "thời gian" and "nội dung" is no heading row.
    expect(
      pageWithTables([at("Nội dung và thời gian thực hiện như sau:", 6, 700), at("1", 7, 680)]),
    ).toBeNull();
  });
});
