import { describe, expect, it } from "vitest";
import { readReporting } from "./reporting.js";

const Y2024 = { year: 2024 };

describe("readReporting", () => {
  it("reads a chain: units report to the department, the department to the city", () => {
    const text =
      "Trên cơ sở những nhiệm vụ chủ yếu của Kế hoạch này, các phòng cơ quan Sở, các đơn vị giáo dục căn cứ chức năng, nhiệm vụ được giao chủ động xây dựng và thực hiện kế hoạch đơn vị mình; định kỳ trước ngày 15/6 và 15/12 gửi báo cáo kết quả triển khai thực hiện về Sở Giáo dục và Đào tạo qua Văn phòng Sở để tổng hợp, báo cáo Ủy ban nhân dân thành phố và Sở Công thương trước ngày 30/6 và 30/12 hàng năm.";
    const found = readReporting(
      { text, from: ["các phòng cơ quan Sở", "các đơn vị giáo dục"] },
      Y2024,
      "Sở Giáo dục và Đào tạo",
    );
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({
      from: ["các phòng cơ quan Sở", "các đơn vị giáo dục"],
      to: ["Sở Giáo dục và Đào tạo"],
      via: "Văn phòng Sở",
      timeframe: { kind: "recurring", dates: ["06-15", "12-15"] },
    });
    expect(found[1]).toMatchObject({
      from: ["Sở Giáo dục và Đào tạo"],
      to: ["Ủy ban nhân dân thành phố", "Sở Công thương"],
      timeframe: { kind: "recurring", dates: ["06-30", "12-30"] },
    });
    expect(found[0]?.text).toBe(text.replace(/\.$/, ""));
  });

  it("does not take 'sơ kết' after 'báo cáo' for the Sở", () => {
    const found = readReporting(
      {
        text: "Các đơn vị báo cáo sơ kết 6 tháng trước ngày 20/6/2026 và tổng kết năm trước ngày 20/12/2026 về UBND tỉnh.",
        from: ["Các đơn vị"],
      },
      Y2024,
      "Sở Y tế",
    );
    expect(found.map((r) => [r.to, r.timeframe.due])).toEqual([
      [["UBND tỉnh"], "2026-06-20"],
      [["UBND tỉnh"], "2026-12-20"],
    ]);
  });

  it("reads a report sent to two departments, by the month", () => {
    const text =
      "Xây dựng và tổ chức thực hiện kế hoạch hành động của địa phương; định kỳ tháng 11 hằng năm đánh giá kết quả thực hiện gửi Sở Giáo dục và Đào tạo, Sở Lao động Thương binh và Xã hội để tổng hợp, báo cáo Ủy ban nhân dân thành phố.";
    const found = readReporting({ text, from: ["Ủy ban nhân dân các quận, huyện"] }, Y2024, null);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      from: ["Ủy ban nhân dân các quận, huyện"],
      to: ["Sở Giáo dục và Đào tạo", "Sở Lao động Thương binh và Xã hội"],
      timeframe: { kind: "recurring", dates: ["11-30"] },
    });
  });

  it("reads the office a report goes through", () => {
    const text =
      "Lãnh đạo cơ quan, đơn vị, địa phương thường xuyên theo dõi, kiểm tra, đôn đốc tiến độ thực hiện Kế hoạch, định kỳ hằng năm báo cáo về Ủy ban nhân dân thành phố (qua Sở Giáo dục và Đào tạo trước ngày 30/11 hằng năm).";
    const found = readReporting(
      { text, from: ["Các sở, ban, ngành, địa phương, đơn vị liên quan"] },
      { year: 2021 },
      null,
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      from: ["Các sở, ban, ngành, địa phương, đơn vị liên quan"],
      to: ["Ủy ban nhân dân thành phố"],
      via: "Sở Giáo dục và Đào tạo",
      timeframe: { kind: "recurring", dates: ["11-30"] },
    });
  });

  it("falls back to the issuer when the sentence names no sender", () => {
    const text =
      "Tổng hợp, báo cáo kết quả thực hiện về Ủy ban nhân dân thành phố trước ngày 15/11/2024 để theo dõi, chỉ đạo.";
    expect(readReporting({ text, from: [] }, Y2024, "Sở Giáo dục và Đào tạo")).toEqual([
      {
        from: ["Sở Giáo dục và Đào tạo"],
        to: ["Ủy ban nhân dân thành phố"],
        via: null,
        timeframe: expect.objectContaining({ kind: "deadline", due: "2024-11-15" }),
        text: "Tổng hợp, báo cáo kết quả thực hiện về Ủy ban nhân dân thành phố trước ngày 15/11/2024 để theo dõi, chỉ đạo",
      },
    ]);
  });

  it("reads a review (sơ kết, tổng kết) as a report", () => {
    const text = "Tổ chức sơ kết việc thực hiện Kế hoạch, gửi Sở Nội vụ trước ngày 30/6/2024.";
    expect(readReporting({ text, from: ["Văn phòng Sở"] }, Y2024, null)).toMatchObject([
      { from: ["Văn phòng Sở"], to: ["Sở Nội vụ"], timeframe: { kind: "deadline", due: "2024-06-30" } },
    ]);
  });
});

describe("readReporting negative cases", () => {
  it("ignores a report that asks a council for funds, but not a report beside it", () => {
    const asks =
      "Hằng năm, căn cứ khả năng cân đối của ngân sách tỉnh, tham mưu UBND tỉnh báo cáo HĐND tỉnh bố trí kinh phí trong năm 2024 và các năm tiếp theo.";
    expect(readReporting({ text: asks, from: ["Sở Tài chính"] }, Y2024, null)).toEqual([]);
    const both = `${asks.slice(0, -1)}; báo cáo kết quả về Sở trước ngày 15/12/2024.`;
    expect(readReporting({ text: both, from: ["Sở Tài chính"] }, Y2024, null).length).toBeGreaterThan(0);
  });

  it("ignores a sentence that orders no report", () => {
    expect(
      readReporting(
        { text: "Tổ chức hội nghị quán triệt trước ngày 30/6/2024.", from: ["Văn phòng Sở"] },
        Y2024,
        null,
      ),
    ).toEqual([]);
  });

  it("ignores a report without a datable timeframe", () => {
    expect(
      readReporting(
        {
          text: "Chịu trách nhiệm tổng hợp, tham mưu báo cáo tình hình triển khai khi được chỉ đạo của Ủy ban nhân dân thành phố.",
          from: ["Phòng GDTX&ĐH"],
        },
        Y2024,
        null,
      ),
    ).toEqual([]);
    expect(
      readReporting(
        { text: "Thường xuyên báo cáo kết quả về Sở Giáo dục và Đào tạo.", from: ["Các đơn vị"] },
        Y2024,
        null,
      ),
    ).toEqual([]);
  });

  it("does not take the date of a cited report for a deadline", () => {
    expect(
      readReporting(
        {
          text: "Thực hiện Báo cáo số 12/BC-UBND ngày 15/3/2024 của Ủy ban nhân dân thành phố về kết quả năm 2023.",
          from: [],
        },
        Y2024,
        "Sở Giáo dục và Đào tạo",
      ),
    ).toEqual([]);
  });

  it("gives no target when the sentence names none", () => {
    const found = readReporting(
      { text: "Các đơn vị báo cáo kết quả thực hiện trước ngày 15/12/2024.", from: ["Các đơn vị"] },
      Y2024,
      null,
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.to).toEqual([]);
    expect(found[0]?.via).toBeNull();
  });
});
