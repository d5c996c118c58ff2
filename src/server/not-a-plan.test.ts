// A document that is not a plan is refused with its kind named, or imported when the officer
// insists — and then carries a flag that says so.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoApi, demoApi, multipart } from "../../test/api-client.js";
import { STORES } from "../../test/stores.js";

const kind = STORES[0];
if (!kind) throw new Error("no store");

const LETTER = `UBND THÀNH PHỐ HẢI PHÒNG
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 1520/SGDĐT-VP                     Hải Phòng, ngày 2 tháng 3 năm 2026
V/v triển khai kiểm tra nội bộ trường học
Kính gửi: Các phòng thuộc Sở
Sở Giáo dục và Đào tạo đề nghị các phòng thực hiện như sau:
1. Phòng Giáo dục Trung học chủ trì kiểm tra nội bộ các trường trước ngày 30/4/2026.
2. Văn phòng Sở tổng hợp kết quả, báo cáo Giám đốc Sở trước ngày 15/5/2026.
`;

describe("importing a document that is not a plan", () => {
  let api: DemoApi;
  const call: DemoApi["call"] = (...args) => api.call(...args);
  beforeAll(async () => {
    api = await demoApi(kind);
  });
  afterAll(async () => api.close());

  it("refuses a letter, saying it is a letter, and keeps nothing of it", async () => {
    const f = multipart("cong-van-1520.txt", LETTER);
    const r = await call("vanthu", "POST", "/api/v1/plans/import", f.body, f.headers);
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ error: "import.not_a_plan", fields: [{ field: "file" }] });
    expect(r.json().message).toMatch(/^Đây là công văn, không phải kế hoạch/);
    const plans = (await call("vanthu", "GET", "/api/v1/plans")).json().plans as Array<{ number: string }>;
    expect(plans.some((p) => p.number === "1520/SGDĐT-VP")).toBe(false);
  });

  it("imports it when the officer insists, flagged as a letter to check", async () => {
    const f = multipart("cong-van-1520.txt", LETTER);
    const r = await call("vanthu", "POST", "/api/v1/plans/import?force=1", f.body, f.headers);
    expect(r.statusCode).toBe(200);
    expect(r.json().status).toBe("imported");
    const flags = (await call("vanthu", "GET", `/api/v1/review/${r.json().planId}`)).json().flags as Array<{
      subject: string;
    }>;
    expect(flags.map((x) => x.subject)).toContain(
      "Văn bản được nhập theo yêu cầu dù là công văn: hãy kiểm tra các nhiệm vụ trước khi công bố.",
    );
    expect(
      (await call("vanthu", "POST", "/api/v1/plans/import?force=yes", f.body, f.headers)).statusCode,
    ).toBe(400);
  });
});
