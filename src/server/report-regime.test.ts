// The default reporting regime is a setting of the issuing unit (or an ancestor): a plan that
// orders no datable report follows it; administrators set it, with the field named when it is wrong.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoApi, demoApi, multipart } from "../../test/api-client.js";
import { STORES } from "../../test/stores.js";
import { listUnits } from "../db/units.repository.js";

const kind = STORES[0];
if (!kind) throw new Error("no store");

// No "báo cáo" sentence: the plan orders no report, so its periods come from the regime.
const PLAN = `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 980/KH-SGDĐT                     Hải Phòng, ngày 10 tháng 1 năm 2026

KẾ HOẠCH
Không nêu chế độ báo cáo

I. NHIỆM VỤ
1. Tổ chức tập huấn
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Thời gian thực hiện: Trước ngày 30/6/2099
`;

describe("the reporting regime of the issuing unit", () => {
  let api: DemoApi;
  let planId = "";
  let sgd = "";
  let city = "";
  const call: DemoApi["call"] = (...args) => api.call(...args);
  const periodDue = async () =>
    (await call("phongtrunghoc", "GET", "/api/v1/workspace"))
      .json()
      .periods.find((p: { planId: string }) => p.planId === planId)?.periodDue as string;

  beforeAll(async () => {
    api = await demoApi(kind);
    const units = await listUnits(api.store.db);
    sgd = units.find((u) => u.code === "SGDDT")?.id ?? "";
    city = units.find((u) => u.code === "UBNDTP")?.id ?? "";
    const f = multipart("ke-hoach-980.txt", PLAN);
    planId = (await call("vanthu", "POST", "/api/v1/plans/import", f.body, f.headers)).json().planId;
    for (const i of (await call("vanthu", "GET", `/api/v1/review/${planId}`)).json().flags)
      await call("vanthu", "POST", `/api/v1/review/${planId}/flags/${i.id}/confirm`);
    await call("vanthu", "POST", `/api/v1/review/${planId}/publish`);
  });
  afterAll(async () => api.close());

  it("is half-yearly (Decree 09/2019) until someone sets it", async () => {
    expect(await periodDue()).toMatch(/-(06-15|12-15)$/);
  });

  it("follows the issuer's ancestor, then the issuer's own setting", async () => {
    const set = (unitId: string, reportRegime: string | null) =>
      call("quantri", "PUT", `/api/v1/units/${unitId}/report-regime`, { reportRegime });
    const quarterly = await set(city, "31/3, 30/6, 30/9, 31/12");
    expect(quarterly.statusCode).toBe(200);
    expect(quarterly.json()).toEqual({ reportRegime: ["03-31", "06-30", "09-30", "12-31"] });
    expect(await periodDue()).toMatch(/-(03-31|06-30|09-30|12-31)$/);

    expect((await set(sgd, "20/5")).statusCode).toBe(200);
    expect(await periodDue()).toMatch(/-05-20$/);
    const units = (await call("quantri", "GET", "/api/v1/units")).json().units as Array<{
      id: string;
      reportRegime: string[] | null;
    }>;
    expect(units.find((u) => u.id === sgd)?.reportRegime).toEqual(["05-20"]);

    // Cleared, the Sở inherits the city's regime again.
    expect((await set(sgd, "")).json()).toEqual({ reportRegime: null });
    expect(await periodDue()).toMatch(/-(03-31|06-30|09-30|12-31)$/);
  });

  it("names the field and the day that is wrong, and is for administrators alone", async () => {
    const bad = await call("quantri", "PUT", `/api/v1/units/${sgd}/report-regime`, { reportRegime: "31/2" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      error: "unit.bad_regime",
      fields: [{ field: "reportRegime", reason: "«31/2» không phải ngày/tháng có thật" }],
    });
    const missing = await call("quantri", "PUT", `/api/v1/units/${sgd}/report-regime`, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toContain("«reportRegime»");
    expect(
      (await call("quantri", "PUT", "/api/v1/units/999999/report-regime", { reportRegime: "15/6" }))
        .statusCode,
    ).toBe(404);
    for (const who of ["vanthu", "giamdoc", "phongtrunghoc"])
      expect(
        (await call(who, "PUT", `/api/v1/units/${sgd}/report-regime`, { reportRegime: "15/6" })).statusCode,
      ).toBe(403);
  });

  it("follows the reporting schedule a person corrects on the review screen, before the regime", async () => {
    const f = multipart("ke-hoach-981.txt", PLAN.replace("980/", "981/"));
    const id = (await call("vanthu", "POST", "/api/v1/plans/import", f.body, f.headers)).json().planId;
    const url = `/api/v1/review/${id}/reporting`;
    const v = async () => (await api.versions(id)).plan;
    expect((await call("vanthu", "GET", `/api/v1/plans/${id}`)).json().reporting).toEqual([]);

    const bad = await call("vanthu", "PUT", url, { version: await v(), schedule: "khi có yêu cầu" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: "plan.bad_reporting", fields: [{ field: "schedule" }] });
    expect((await call("vanthu", "PUT", url, { version: await v() })).json().message).toContain("«schedule»");
    expect(
      (await call("phongtrunghoc", "PUT", url, { version: 1, schedule: "Trước ngày 20/6" })).statusCode,
    ).toBe(403);
    expect(
      (await call("vanthukhac", "PUT", url, { version: 1, schedule: "Trước ngày 20/6" })).statusCode,
    ).toBe(404);

    const set = await call("vanthu", "PUT", url, {
      version: await v(),
      schedule: "Định kỳ trước ngày 20/6 và 20/12 hằng năm",
    });
    expect(set.statusCode).toBe(200);
    expect(set.json().reporting[0]).toMatchObject({
      text: "Báo cáo định kỳ trước ngày 20/6 và 20/12 hằng năm",
      timeframe: { kind: "recurring" },
    });
    expect((await call("vanthu", "GET", `/api/v1/plans/${id}`)).json().reporting).toHaveLength(1);
    for (const i of (await call("vanthu", "GET", `/api/v1/review/${id}`)).json().flags)
      await call("vanthu", "POST", `/api/v1/review/${id}/flags/${i.id}/confirm`);
    expect((await call("vanthu", "POST", `/api/v1/review/${id}/publish`)).statusCode).toBe(204);
    const period = (await call("phongtrunghoc", "GET", "/api/v1/workspace"))
      .json()
      .periods.find((p: { planId: string }) => p.planId === id)?.periodDue;
    expect(period).toMatch(/-(06-20|12-20)$/);
    // Published: no longer corrected in place.
    expect((await call("vanthu", "PUT", url, { version: await v(), schedule: "" })).statusCode).toBe(409);
  });
});
