import { describe, expect, it } from "vitest";
import { parsePlan } from "../parse/parse-plan.js";
import { cellLines, signatureLines, unflattenLayoutTables } from "./layout-tables.js";

// A plan as a legal-database web page gives it: header and closing as two-column table rows.
const FLAT = `| ỦY BAN NHÂN DÂN TỈNH AN BÌNH SỞ CÔNG THƯƠNG ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |
|---|---|
| Số: 57 /KH-SCT | *An Bình, ngày 14 tháng 0 3 năm 2026* |

KẾ HOẠCH
Kiểm tra an toàn điện năm 2026

I. NHIỆM VỤ
1. Kiểm tra các trạm biến áp
- Đơn vị chủ trì: Phòng Quản lý năng lượng
- Thời gian thực hiện: Quý II/2026

| *Nơi nhận:* - UBND tỉnh (để b/c); - Lao động - Thương binh và Xã hội; (phối hợp) - Các phòng thuộc Sở; - Lưu: VT, QLNL. | KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Trần Văn Bình |
|---|---|
`;

describe("layout tables flattened by converters", () => {
  it("writes a signature back as its lines: capacities, position, name", () => {
    expect(signatureLines("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Lê Văn An")).toEqual([
      "TM. ỦY BAN NHÂN DÂN",
      "KT. CHỦ TỊCH",
      "PHÓ CHỦ TỊCH",
      "Lê Văn An",
    ]);
    expect(signatureLines("KT. BỘ TRƯỞNG THỨ TRƯỞNG Lê Công Thành")).toEqual([
      "KT. BỘ TRƯỞNG",
      "THỨ TRƯỞNG",
      "Lê Công Thành",
    ]);
    expect(signatureLines("T/M. ĐOÀN KIỂM TRA TRƯỞNG ĐOÀN Hoàng Văn An")).toEqual([
      "T/M. ĐOÀN KIỂM TRA",
      "TRƯỞNG ĐOÀN",
      "Hoàng Văn An",
    ]);
    expect(signatureLines("TRƯỞNG BAN PHÓ THỦ TƯỚNG Nguyễn Văn Nam")).toEqual([
      "TRƯỞNG BAN",
      "PHÓ THỦ TƯỚNG",
      "Nguyễn Văn Nam",
    ]);
  });

  it("keeps a header's body whole, and parts a parent and its body run together", () => {
    // Not a signature: a post with no name after it is the issuing body.
    expect(cellLines("THỦ TƯỚNG CHÍNH PHỦ -------")).toEqual(["THỦ TƯỚNG CHÍNH PHỦ"]);
    expect(cellLines("ỦY BAN NHÂN DÂN TỈNH AN BÌNH SỞ NỘI VỤ -------")).toEqual([
      "ỦY BAN NHÂN DÂN TỈNH AN BÌNH",
      "SỞ NỘI VỤ",
    ]);
    expect(cellLines("BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG CỤC BIẾN ĐỔI KHÍ HẬU")).toEqual([
      "BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG",
      "CỤC BIẾN ĐỔI KHÍ HẬU",
    ]);
    // "BAN" of "ỦY BAN", and a name with "và", stay whole.
    expect(cellLines("ỦY BAN NHÂN DÂN HUYỆN ĐẦM HÀ")).toEqual(["ỦY BAN NHÂN DÂN HUYỆN ĐẦM HÀ"]);
    expect(cellLines("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ----")).toEqual([
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
    ]);
  });

  it("writes recipients one a line, never cutting a name at its own dash", () => {
    expect(
      cellLines(
        "Nơi nhận: - Bộ Lao động - Thương binh và Xã hội; (báo cáo) - Sở Y tế; - Lưu: VT, KGVX (2.b).",
      ),
    ).toEqual([
      "Nơi nhận:",
      "- Bộ Lao động - Thương binh và Xã hội; (báo cáo)",
      "- Sở Y tế;",
      "- Lưu: VT, KGVX (2.b).",
    ]);
  });

  it("reads cells a bar parts on one line, and cells written one under the other", () => {
    expect(
      unflattenLayoutTables(
        "CHÍNH PHỦ\n------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 88/NQ-CP | Hà Nội, ngày 22 tháng 7 năm 2022",
      ),
    ).toBe("CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 88/NQ-CP\nHà Nội, ngày 22 tháng 7 năm 2022");
    expect(unflattenLayoutTables("ỦY BAN NHÂN DÂN\n|\nCỘNG HÒA XÃ HỘI")).toBe(
      "ỦY BAN NHÂN DÂN\n\nCỘNG HÒA XÃ HỘI",
    );
    // A task table's row (three columns or more) is left to the task-table reader.
    const row = "| 1. | Rà soát hồ sơ | Văn phòng Sở | Quý II/2026 |";
    expect(unflattenLayoutTables(row)).toBe(row);
  });

  it("gives the parser the header, the recipients and the signature of a flattened plan", () => {
    const plan = parsePlan(FLAT);
    expect(plan.document).toMatchObject({
      number: "57/KH-SCT",
      issuer: "Sở Công Thương",
      parentIssuer: "Ủy ban nhân dân tỉnh An Bình",
      place: "An Bình",
      date: "2026-03-14",
      title: "Kiểm tra an toàn điện năm 2026",
      signer: { capacity: "KT. GIÁM ĐỐC", position: "PHÓ GIÁM ĐỐC", name: "Trần Văn Bình" },
    });
    expect(plan.document.recipients).toEqual([
      "UBND tỉnh (để b/c)",
      "Lao động - Thương binh và Xã hội; (phối hợp)",
      "Các phòng thuộc Sở",
      "Lưu: VT, QLNL",
    ]);
    expect(plan.tasks.map((t) => [t.id, t.leads])).toEqual([["I.1", ["Phòng Quản lý năng lượng"]]]);
  });
});
