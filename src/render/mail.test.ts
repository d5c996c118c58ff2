import { describe, expect, it } from "vitest";
import { composeDigest, composeOne } from "./mail.js";

const item = {
  title: "Quá hạn 3 ngày: I.1 Tổng hợp <kết quả> thi",
  body: "Kế hoạch số 995/KH-SGDĐT — Phòng Giáo dục Trung học — hạn 15/07/2026.",
  link: "#/plans/12",
};

describe("the mail people get", () => {
  it("says one event in Vietnamese, plain and HTML alike, with its link", () => {
    const m = composeOne(item, "Trưởng phòng", "https://kehoach.so.test/");
    expect(m.subject).toBe("[kehoach] Quá hạn 3 ngày: I.1 Tổng hợp <kết quả> thi");
    expect(m.text).toContain("Kính gửi Trưởng phòng,");
    expect(m.text).toContain("Xem: https://kehoach.so.test/#/plans/12");
    // Text from a plan is never markup in the HTML part.
    expect(m.html).toContain("Tổng hợp &lt;kết quả&gt; thi");
    expect(m.html).toContain('<a href="https://kehoach.so.test/#/plans/12">');
  });

  it("gathers a day in one digest", () => {
    const m = composeDigest(
      [item, { ...item, title: "Đến hạn hôm nay: I.2 Báo cáo" }],
      "A",
      "2026-07-19",
      "https://k/",
    );
    expect(m.subject).toBe("[kehoach] Tóm tắt ngày 19/07/2026: 2 việc cần chú ý");
    expect(m.text.match(/https:\/\/k\/#\/plans\/12/g)).toHaveLength(2);
    expect(m.html.match(/<li>/g)).toHaveLength(2);
  });
});
