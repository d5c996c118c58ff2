// Task tables rebuilt from where a PDF puts its words. The positions are those Chromium gives a
// printed "Phụ lục" (headings centred, cells left-aligned and wrapped, numbers centred on their row).

import { describe, expect, it } from "vitest";
import { type PlacedText, pageWithTables } from "./pdf-tables.js";

const at = (str: string, x: number, y: number, width = str.length * 6, size = 12): PlacedText => ({
  str,
  x,
  y,
  size,
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

// The same table as PDF.js reads it from Chromium's print in other faces. Places are PDF.js's own.
describe("pageWithTables, whatever the face", () => {
  const HEADING = [
    at("STT", 7.76, 632.88, 23.63),
    at("Nội dung", 135.63, 632.88, 52.61),
    at("Đơn vị chủ trì", 319.01, 632.88, 77.44),
    at("Đơn vị phối hợp", 426.41, 632.88, 92.04),
    at("Thời gian", 527.99, 632.88, 54.42),
  ];
  const ROW_9 = [
    at("9", 7.5, 491.13, 6.67),
    at("Nhiệm vụ số 9 về công tác tiêm chủng tại cơ sở", 33.9, 491.13, 244.31),
    at("Trung tâm Y tế huyện 9", 292.23, 491.13, 121.69),
    at("Văn phòng Sở", 425.47, 491.13, 74.0),
    at("Quý II/2026", 521.66, 491.13, 61.28),
  ];
  const ROW_9_TEXT =
    "9\tNhiệm vụ số 9 về công tác tiêm chủng tại cơ sở\tTrung tâm Y tế huyện 9\tVăn phòng Sở\tQuý II/2026";
  const ROW_10_TEXT =
    "10\tNhiệm vụ số 10 về công tác tiêm chủng tại cơ sở\tTrung tâm Y tế huyện 10\tVăn phòng Sở\tQuý III/2026";

  it("reads cells PDF.js ran together into one run (FreeSans) one by one", () => {
    const page = [
      ...HEADING,
      ...ROW_9,
      at("10", 7.5, 475.38, 13.34),
      at("Nhiệm vụ số 10 về công tác tiêm chủng tại cơ sở", 33.9, 475.38, 250.98),
      // "huyện 10" fills its cell: the next cell's text follows within 0.6 of the type size.
      at("Trung tâm Y tế huyện 10 Văn phòng Sở", 292.23, 475.38, 207.25),
      at("Quý III/2026", 521.66, 475.38, 64.62),
    ];
    expect(pageWithTables(page)?.text.split("\n").slice(1)).toEqual([ROW_9_TEXT, ROW_10_TEXT]);
  });

  it("reads a row number PDF.js ran into its task's title", () => {
    const page = [
      ...HEADING,
      ...ROW_9,
      at("10 Nhiệm vụ số 10 về công tác tiêm chủng tại cơ sở", 7.5, 475.38, 277.38),
      at("Trung tâm Y tế huyện 10", 292.23, 475.38, 128.36),
      at("Văn phòng Sở", 425.47, 475.38, 74.0),
      at("Quý III/2026", 521.66, 475.38, 64.62),
    ];
    expect(pageWithTables(page)?.text.split("\n").slice(1)).toEqual([ROW_9_TEXT, ROW_10_TEXT]);
  });

  it("reads a heading and cells in pieces, a piece to each face (Nimbus Sans: no Vietnamese letters)", () => {
    const page = [
      at("STT", 7.76, 632.88, 23.63),
      at("N", 135.63, 632.88, 8.66),
      at("ộ", 144.29, 632.88, 6.67),
      at("i dung", 150.96, 632.88, 37.28),
      at("Đ", 319.01, 632.88, 8.66),
      at("ơ", 327.67, 632.88, 6.64),
      at("n v", 334.31, 632.88, 15.67),
      at("ị", 349.98, 632.88, 3.33),
      at("ch", 356.31, 632.88, 11.82),
      at("ủ", 368.13, 632.88, 6.67),
      at("trì", 377.8, 632.88, 12.61),
      at("Đơn v", 426.41, 632.88, 32.0),
      at("ị", 458.41, 632.88, 3.33),
      at("ph", 464.74, 632.88, 14.0),
      at("ố", 478.74, 632.88, 6.67),
      at("i h", 485.41, 632.88, 12.0),
      at("ợ", 497.41, 632.88, 6.64),
      at("p", 504.05, 632.88, 7.0),
      at("Th", 527.99, 632.88, 15.0),
      at("ờ", 542.99, 632.88, 6.64),
      at("i gian", 549.63, 632.88, 32.78),
      ...ROW_9.slice(0, 2),
      at("Trung tâm Y t", 292.23, 491.13, 70.0),
      at("ế", 362.23, 491.13, 6.0),
      at("huy", 371.23, 491.13, 20.0),
      at("ệ", 391.23, 491.13, 6.0),
      at("n 9", 397.23, 491.13, 16.69),
      ...ROW_9.slice(3),
    ];
    expect(pageWithTables(page)?.text.split("\n")).toEqual([
      "STT\tNội dung\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian",
      ROW_9_TEXT,
    ]);
  });

  it("keeps a row's text that spans the columns whole, and a footnote under the table out of it", () => {
    // The Official Gazette's PDF of Decision 844/QĐ-TTg (2026), landscape, type size 14.04.
    const big = (str: string, x: number, y: number, width: number) => at(str, x, y, width, 14.04);
    const page = [
      big("STT", 87.38, 361.75, 26.52),
      big("Tên nhiệm vụ cụ thể", 191.54, 361.75, 122.3),
      big("Cơ quan", 403.99, 369.79, 51.81),
      big("chủ trì", 409.87, 353.71, 40.14),
      big("Cơ quan", 504.55, 369.79, 51.81),
      big("phối hợp", 503.83, 353.71, 53.41),
      big("Kết quả", 614.5, 361.75, 47.94),
      big("Thời gian hoàn", 695.86, 369.79, 91.14),
      big("thành", 723.96, 353.71, 35.16),
      big("I", 87.38, 334.27, 5.46),
      big(".", 92.9, 334.27, 3.51),
      big(" ", 96.41, 334.27, 3.81),
      big(
        "Đổi mới mạnh mẽ tư duy và hành động trong lãnh đạo, chỉ đạo và tổ chức thực hiện",
        100.22,
        334.27,
        510.0,
      ),
      big("công tác chăm sóc sức khoẻ", 614.0, 334.27, 163.2),
      big("nhân dân", 87.38, 318.19, 56.48),
      big("1.", 86.18, 266.57, 10.59),
      big("Tăng cường lãnh đạo, chỉ đạo xây dựng và", 130.1, 290.69, 244.0),
      big("Các bộ ở", 391.49, 298.75, 80.0),
      big("Các cơ quan, tổ", 482.83, 290.69, 97.0),
      big("Văn bản chỉ đạo", 587.38, 266.57, 91.38),
      big("Thường xuyên", 695.26, 266.57, 82.4),
      big("2.", 86.18, 190.85, 10.59),
      big("Đưa các chỉ tiêu bao phủ", 130.1, 214.97, 150.0),
      big("Ủy ban nhân dân các cấp", 391.49, 206.0, 80.0),
      big("Các cơ quan", 482.83, 214.97, 70.0),
      big("Nghị quyết", 587.38, 190.85, 60.0),
      big("Hằng năm", 695.26, 190.85, 60.0),
      at("1", 56.64, 87.26, 3.24, 6.48),
      at("Nghị quyết số 66-NQ/TW ngày 30/4/2025 của Bộ Chính trị.", 62.4, 83.78, 300.0, 9.96),
    ];
    expect(pageWithTables(page)?.text.split("\n")).toEqual([
      "STT\tTên nhiệm vụ cụ thể\tCơ quan chủ trì\tCơ quan phối hợp\tKết quả\tThời gian hoàn thành",
      "I.\tĐổi mới mạnh mẽ tư duy và hành động trong lãnh đạo, chỉ đạo và tổ chức thực hiện công tác chăm sóc sức khoẻ nhân dân\t\t\t\t",
      "1.\tTăng cường lãnh đạo, chỉ đạo xây dựng và\tCác bộ ở\tCác cơ quan, tổ\tVăn bản chỉ đạo\tThường xuyên",
      "2.\tĐưa các chỉ tiêu bao phủ\tỦy ban nhân dân các cấp\tCác cơ quan\tNghị quyết\tHằng năm",
      "1",
      "Nghị quyết số 66-NQ/TW ngày 30/4/2025 của Bộ Chính trị.",
    ]);
  });
});
