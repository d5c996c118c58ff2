import { describe, expect, it } from "vitest";
import { splitUnits, unitHead } from "./units.js";

describe("splitUnits", () => {
  it("splits at ';' always and at ',' before a unit of its own", () => {
    expect(splitUnits("Văn phòng Sở; Phòng GDTX&ĐH, Công đoàn ngành GDĐT")).toEqual([
      "Văn phòng Sở",
      "Phòng GDTX&ĐH",
      "Công đoàn ngành GDĐT",
    ]);
  });

  it("splits at 'và' before a unit of its own", () => {
    expect(splitUnits("Cơ quan Sở và các đơn vị giáo dục")).toEqual(["Cơ quan Sở", "các đơn vị giáo dục"]);
    expect(splitUnits("Ủy ban Mặt trận Tổ quốc Việt Nam thành phố và các tổ chức thành viên")).toEqual([
      "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố",
      "các tổ chức thành viên",
    ]);
    expect(splitUnits("Cổng thông tin điện tử của Sở và Trang thông tin các đơn vị giáo dục")).toEqual([
      "Cổng thông tin điện tử của Sở",
      "Trang thông tin các đơn vị giáo dục",
    ]);
  });

  it("keeps the office of two bodies as one unit, and splits two bodies of their own", () => {
    expect(splitUnits("Văn phòng HĐND và UBND xã")).toEqual(["Văn phòng HĐND và UBND xã"]);
    expect(splitUnits("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện, Công an huyện")).toEqual([
      "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện",
      "Công an huyện",
    ]);
    expect(splitUnits("Ban Chỉ huy Quân sự và Công an xã")).toEqual(["Ban Chỉ huy Quân sự", "Công an xã"]);
    expect(splitUnits("Văn phòng Sở và UBND các quận, huyện")).toEqual([
      "Văn phòng Sở",
      "UBND các quận, huyện",
    ]);
  });

  it("spreads a shared head over its list", () => {
    expect(splitUnits("Các phòng: Giáo dục Mầm non, Giáo dục Tiểu học")).toEqual([
      "Phòng Giáo dục Mầm non",
      "Phòng Giáo dục Tiểu học",
    ]);
    expect(
      splitUnits(
        "Các phòng: Giáo dục Mầm non, Giáo dục Tiểu học, Giáo dục Trung học, Tổ chức cán bộ, Chính trị tư tưởng",
      ),
    ).toEqual([
      "Phòng Giáo dục Mầm non",
      "Phòng Giáo dục Tiểu học",
      "Phòng Giáo dục Trung học",
      "Phòng Tổ chức cán bộ",
      "Phòng Chính trị tư tưởng",
    ]);
  });

  it("spreads a shared 'các' to the later unit", () => {
    expect(splitUnits("Các đơn vị giáo dục và đơn vị liên quan")).toEqual([
      "Các đơn vị giáo dục",
      "các đơn vị liên quan",
    ]);
  });

  it("splits two named departments whose second name holds 'và'", () => {
    expect(splitUnits("Sở Tài chính, Sở Kế hoạch và Đầu tư")).toEqual([
      "Sở Tài chính",
      "Sở Kế hoạch và Đầu tư",
    ]);
    expect(splitUnits("Sở Giáo dục và Đào tạo, Sở Lao động Thương binh và Xã hội")).toEqual([
      "Sở Giáo dục và Đào tạo",
      "Sở Lao động Thương binh và Xã hội",
    ]);
  });

  it("splits a cooperator field of mixed groups", () => {
    expect(
      splitUnits(
        "Các cơ quan báo chí, truyền hình; các phòng trực thuộc Sở; Phòng GDĐT quận/huyện; Các cơ sở GDĐT trên địa bàn thành phố.",
      ),
    ).toEqual([
      "Các cơ quan báo chí, truyền hình",
      "các phòng trực thuộc Sở",
      "Phòng GDĐT quận/huyện",
      "Các cơ sở GDĐT trên địa bàn thành phố",
    ]);
  });

  it("splits units after 'các' and capital heads, closing up 'quận/ huyện'", () => {
    expect(splitUnits("Các phòng Sở, các đơn vị giáo dục")).toEqual(["Các phòng Sở", "các đơn vị giáo dục"]);
    expect(
      splitUnits(
        "Các trường phổ thông trực thuộc Sở GDĐT, Trung tâm GDNN-GDTX quận/ huyện, Trung tâm GDTX Hải Phòng",
      ),
    ).toEqual([
      "Các trường phổ thông trực thuộc Sở GDĐT",
      "Trung tâm GDNN-GDTX quận/huyện",
      "Trung tâm GDTX Hải Phòng",
    ]);
  });

  it("cleans list marks and trailing punctuation", () => {
    expect(splitUnits("- Sở Tài chính;")).toEqual(["Sở Tài chính"]);
    expect(splitUnits("  Văn phòng   Sở.  ")).toEqual(["Văn phòng Sở"]);
  });
});

describe("unitHead", () => {
  it("gives the folded head word, the longest that fits", () => {
    expect(unitHead("Phòng GDĐT")).toBe("phong");
    expect(unitHead("Văn phòng Sở")).toBe("van phong");
    expect(unitHead("Ủy ban nhân dân thành phố")).toBe("uy ban");
    expect(unitHead("Phó Giám đốc Sở")).toBe("pho giam doc");
    expect(unitHead("Công an tỉnh")).toBe("cong an");
  });
});

describe("splitUnits negative cases", () => {
  it("keeps a name that holds 'và' whole", () => {
    expect(splitUnits("Sở Lao động Thương binh và Xã hội")).toEqual(["Sở Lao động Thương binh và Xã hội"]);
    expect(splitUnits("Sở Kế hoạch và Đầu tư")).toEqual(["Sở Kế hoạch và Đầu tư"]);
    expect(splitUnits("Sở Thông tin và Truyền thông")).toEqual(["Sở Thông tin và Truyền thông"]);
    expect(splitUnits("Phòng Giáo dục và Đào tạo")).toEqual(["Phòng Giáo dục và Đào tạo"]);
  });

  it("reads the localities beside the fixed phrase 'các sở, ban, ngành' as a second group", () => {
    expect(splitUnits("các sở ban ngành và địa phương")).toEqual(["các sở ban ngành", "các địa phương"]);
    expect(splitUnits("Các Sở, ban, ngành và địa phương")).toEqual(["Các Sở, ban, ngành", "các địa phương"]);
    expect(splitUnits("các sở, ngành và địa phương liên quan")).toEqual([
      "các sở, ngành",
      "các địa phương liên quan",
    ]);
    // A department's own name is no collective phrase: "Sở Nông nghiệp và Phát triển nông thôn" stays.
    expect(splitUnits("Sở Văn hóa và Du lịch")).toEqual(["Sở Văn hóa và Du lịch"]);
  });

  it("keeps a bare kind closing a list of kinds with the list's 'Các'", () => {
    expect(splitUnits("Các Bộ, ngành, địa phương và đơn vị")).toEqual([
      "Các Bộ, ngành, địa phương và đơn vị",
    ]);
    expect(splitUnits("Cơ quan Sở và các đơn vị giáo dục")).toEqual(["Cơ quan Sở", "các đơn vị giáo dục"]);
  });

  it("keeps a collective name that holds ',' whole", () => {
    expect(splitUnits("Các cơ quan báo chí, truyền hình")).toEqual(["Các cơ quan báo chí, truyền hình"]);
    expect(splitUnits("Ủy ban nhân dân các quận, huyện")).toEqual(["Ủy ban nhân dân các quận, huyện"]);
    expect(splitUnits("Các sở, ban, ngành, địa phương, đơn vị liên quan")).toEqual([
      "Các sở, ban, ngành, địa phương, đơn vị liên quan",
    ]);
    expect(splitUnits("Phòng GD&ĐT các quận, huyện")).toEqual(["Phòng GD&ĐT các quận, huyện"]);
    expect(splitUnits("Các trường học, cơ sở giáo dục trong huyện")).toEqual([
      "Các trường học, cơ sở giáo dục trong huyện",
    ]);
  });

  it("keeps a name with a dash whole", () => {
    expect(splitUnits("Phòng Kế hoạch – Tài chính")).toEqual(["Phòng Kế hoạch – Tài chính"]);
  });

  it("gives nothing for empty input", () => {
    expect(splitUnits("")).toEqual([]);
    expect(splitUnits(" ; ")).toEqual([]);
  });

  it("unitHead is null for what is not a unit", () => {
    expect(unitHead("Tăng cường công tác tuyên truyền")).toBeNull();
    expect(unitHead("Xây dựng kế hoạch")).toBeNull();
    expect(unitHead("Thường xuyên")).toBeNull();
  });
});
