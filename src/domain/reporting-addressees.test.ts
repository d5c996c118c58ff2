import { describe, expect, it } from "vitest";
import type { Reporting } from "./plan.js";
import { addressesIssuer, unitsReporting, upwardAddressees } from "./reporting-addressees.js";

const duty = (to: string[], text: string, dates: string[]): Reporting => ({
  from: [],
  to,
  text,
  timeframe: { text, kind: "recurring", dates },
});

// The Sở's plan on school safety: units report to the Sở twice a year, the Sở to the city by 30/5.
const SO = ["Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo Hải Phòng", "Sở GDĐT"];
const TO_SO = duty(["Sở Giáo dục và Đào tạo"], "Định kỳ trước ngày 15/12 và 15/5 gửi báo cáo kết quả về Sở", [
  "12-15",
  "05-15",
]);
const TO_CITY = duty(
  ["Ủy ban nhân dân thành phố"],
  "báo cáo Ủy ban nhân dân thành phố trước ngày 30/5/2027",
  ["05-30"],
);

describe("whose reports a plan's obligations are", () => {
  it("knows the issuer by any of its names, its office, its leaders, its kind alone", () => {
    for (const to of ["Sở Giáo dục và Đào tạo", "Sở GD&ĐT", "SGDĐT", "Văn phòng Sở", "Giám đốc Sở", "Sở"])
      expect(addressesIssuer(to, SO), to).toBe(true);
    for (const to of ["Ủy ban nhân dân thành phố", "UBND TP", "Bộ Giáo dục và Đào tạo", "Sở Nội vụ"])
      expect(addressesIssuer(to, SO), to).toBe(false);
  });

  it("leaves the issuer's own report upward out of the units' periods, and names its addressee", () => {
    expect(unitsReporting([TO_SO, TO_CITY], SO)).toEqual([TO_SO]);
    expect(upwardAddressees([TO_SO, TO_CITY], SO)).toEqual(["Ủy ban nhân dân thành phố"]);
  });

  it("keeps what goes to the issuer's divisions, names no addressee, or where the issuer is unknown", () => {
    const toDivision = duty(["Phòng Giáo dục Trung học"], "báo cáo về Phòng Giáo dục Trung học", ["06-15"]);
    const nobody = duty([], "báo cáo định kỳ 6 tháng", ["06-30"]);
    expect(unitsReporting([toDivision, nobody, TO_CITY], SO)).toEqual([toDivision, nobody]);
    expect(unitsReporting([TO_CITY], [""])).toEqual([TO_CITY]);
  });

  it("reads a city's plan: the sở and districts report to the city (through its Sở), the city to the Ministry", () => {
    const city = ["Ủy ban nhân dân thành phố Hải Phòng", "UBND thành phố"];
    const toCity = duty(["UBND thành phố"], "báo cáo kết quả về Ủy ban nhân dân thành phố (qua Sở GDĐT)", [
      "12-20",
    ]);
    const toMinistry = duty(["Bộ Giáo dục và Đào tạo"], "báo cáo Bộ Giáo dục và Đào tạo", ["12-30"]);
    expect(unitsReporting([toCity, toMinistry], city)).toEqual([toCity]);
  });

  it("reads a district Phòng's plan: schools report to the Phòng, the Phòng to the Sở and the district", () => {
    const phong = ["Phòng Giáo dục và Đào tạo quận Hồng Bàng"];
    const schools = duty(["Phòng GDĐT"], "Các trường báo cáo về Phòng GDĐT trước ngày 10/12", ["12-10"]);
    const up = duty(["Sở GDĐT", "UBND quận"], "Phòng GDĐT tổng hợp, báo cáo Sở GDĐT và UBND quận", ["12-15"]);
    expect(unitsReporting([schools, up], phong)).toEqual([schools]);
  });
});
