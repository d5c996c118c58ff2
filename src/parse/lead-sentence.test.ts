import { describe, expect, it } from "vitest";
import { designatingPart, readSentenceUnits } from "./lead-sentence.js";

describe("readSentenceUnits", () => {
  it("reads cooperators named right after 'phối hợp', without 'với'", () => {
    expect(
      readSentenceUnits("Phòng Nội vụ chủ trì phối hợp Phòng Tài chính - Kế hoạch tham mưu UBND huyện."),
    ).toEqual({ leads: ["Phòng Nội vụ"], cooperators: ["Phòng Tài chính - Kế hoạch"] });
    expect(readSentenceUnits("Sở Y tế chủ trì, phối hợp chặt chẽ trong tổ chức thực hiện.")).toEqual({
      leads: ["Sở Y tế"],
      cooperators: [],
    });
  });

  it("reads 'X chủ trì, phối hợp với Y, Z'", () => {
    expect(
      readSentenceUnits(
        "Sở Nội vụ chủ trì, phối hợp với Sở Tài chính, Sở Kế hoạch và Đầu tư tham mưu Ủy ban nhân dân thành phố bố trí biên chế giáo viên.",
      ),
    ).toEqual({ leads: ["Sở Nội vụ"], cooperators: ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"] });
  });

  it("reads 'Giao X chủ trì'", () => {
    expect(
      readSentenceUnits(
        "Giao Công an tỉnh chủ trì, phối hợp với các sở, ngành liên quan triển khai các biện pháp bảo đảm an ninh trường học.",
      ),
    ).toEqual({ leads: ["Công an tỉnh"], cooperators: ["các sở, ngành liên quan"] });
  });

  it("reads 'X có trách nhiệm chủ trì'", () => {
    expect(readSentenceUnits("Sở Y tế có trách nhiệm chủ trì hướng dẫn công tác y tế trường học.")).toEqual({
      leads: ["Sở Y tế"],
      cooperators: [],
    });
  });

  it("reads '(do X chủ trì)'", () => {
    expect(readSentenceUnits("Xây dựng chuyên trang tuyên truyền (do Văn phòng Sở chủ trì).").leads).toEqual([
      "Văn phòng Sở",
    ]);
  });

  it("reads '… do X chủ trì' at the end of the sentence", () => {
    expect(readSentenceUnits("Xây dựng kế hoạch kiểm tra do Văn phòng Sở chủ trì.").leads).toEqual([
      "Văn phòng Sở",
    ]);
  });

  it("reads '… do X chủ trì' after a task that opens with 'Tổ chức'", () => {
    expect(readSentenceUnits("Tổ chức hội nghị sơ kết 03 năm do Văn phòng Sở chủ trì.").leads).toEqual([
      "Văn phòng Sở",
    ]);
  });

  it("reads a lead at the end of a clause", () => {
    expect(
      readSentenceUnits("Tiếp tục rà soát, sắp xếp mạng lưới trường lớp, Sở Nội vụ chủ trì.").leads,
    ).toEqual(["Sở Nội vụ"]);
  });

  it("reads cooperators written before 'phối hợp'", () => {
    expect(readSentenceUnits("Văn phòng Sở chủ trì, các phòng chuyên môn phối hợp.")).toEqual({
      leads: ["Văn phòng Sở"],
      cooperators: ["các phòng chuyên môn"],
    });
  });

  it("reads two leads", () => {
    expect(
      readSentenceUnits(
        "Sở Giáo dục và Đào tạo, Sở Lao động Thương binh và Xã hội chủ trì tổ chức thực hiện.",
      ).leads,
    ).toEqual(["Sở Giáo dục và Đào tạo", "Sở Lao động Thương binh và Xã hội"]);
  });
});

describe("readSentenceUnits negative cases", () => {
  it("does not take the subject of a sentence for a lead", () => {
    expect(
      readSentenceUnits(
        "Sở Thông tin và Truyền thông tăng cường các nội dung, hình thức truyền thông về đổi mới giáo dục và đào tạo.",
      ),
    ).toEqual({ leads: [], cooperators: [] });
  });

  it("does not take 'đơn vị chủ trì' as a concept for a lead", () => {
    expect(
      readSentenceUnits(
        "Thường trực chỉ đạo các phòng chuyên môn; đảm bảo sự phối hợp chặt chẽ giữa đơn vị chủ trì và đơn vị phối hợp.",
      ),
    ).toEqual({ leads: [], cooperators: [] });
  });

  it("does not take 'được giao chủ trì' for a lead", () => {
    expect(readSentenceUnits("Tiếp tục triển khai các nhiệm vụ được giao chủ trì, phối hợp.")).toEqual({
      leads: [],
      cooperators: [],
    });
  });

  it("names no unit when the sentence has no doer", () => {
    expect(
      readSentenceUnits(
        "Chủ trì, phối hợp với phòng GDTX&ĐH và các đơn vị liên quan triển khai các nhiệm vụ.",
      ),
    ).toEqual({ leads: [], cooperators: [] });
  });

  it("gives nothing for a sentence without 'chủ trì'", () => {
    expect(readSentenceUnits("Các đơn vị chủ động phối hợp với Sở Tài chính.")).toEqual({
      leads: [],
      cooperators: [],
    });
    expect(readSentenceUnits("")).toEqual({ leads: [], cooperators: [] });
  });
});

describe("readSentenceUnits on names that hold a verb", () => {
  it("does not end the cooperators at a verb that is part of a body's name", () => {
    expect(
      readSentenceUnits(
        "UBND phường Lào Cai chủ trì, phối hợp với Sở Xây dựng, Ban Quản lý khu Kinh tế và các cơ quan đơn vị liên quan thực hiện công tác GPMB.",
      ),
    ).toEqual({
      leads: ["UBND phường Lào Cai"],
      cooperators: ["Sở Xây dựng", "Ban Quản lý khu Kinh tế", "các cơ quan đơn vị liên quan"],
    });
  });

  it("reads a lead named at the start of a bullet", () => {
    expect(
      readSentenceUnits("- Trung tâm Kiểm soát bệnh tật tỉnh chủ trì điều phối, cấp hóa chất.").leads,
    ).toEqual(["Trung tâm Kiểm soát bệnh tật tỉnh"]);
  });
});

describe("designatingPart", () => {
  // From a provincial plan for industrial parks (UBND tỉnh Lào Cai, 2026): each bullet is its own
  // piece of work with its own subject.
  const bullets = [
    "Hoàn thiện ít nhất 500ha mặt bằng sạch để thu hút các nhà đầu tư thứ cấp.",
    "- UBND cấp xã chủ trì, phối hợp với các Sở, ban ngành, chủ đầu tư kinh doanh hạ tầng kỹ thuật",
    "các khu, cụm công nghiệp trên địa bàn thực hiện công tác GPMB.",
    "- Chủ đầu tư dự án hạ tầng kỹ thuật khu, cụm công nghiệp san tạo mặt bằng.",
  ].join("\n");

  it("leaves out a designation made for one bullet among several", () => {
    expect(designatingPart(bullets)).toBe(
      "Hoàn thiện ít nhất 500ha mặt bằng sạch để thu hút các nhà đầu tư thứ cấp.",
    );
    expect(readSentenceUnits(designatingPart(bullets))).toEqual({ leads: [], cooperators: [] });
  });

  it("keeps a designation in the lead-in, a single bullet or prose", () => {
    const leadIn =
      "Sở Công Thương chủ trì, phối hợp với Sở Tài chính thực hiện:\n- Rà soát quy hoạch;\n- Thu hút đầu tư.";
    expect(readSentenceUnits(designatingPart(leadIn))).toEqual({
      leads: ["Sở Công Thương"],
      cooperators: ["Sở Tài chính"],
    });
    const one = "Tổ chức hội nghị.\n- Văn phòng Sở chủ trì, phối hợp với các phòng chuyên môn thực hiện.";
    expect(designatingPart(one)).toBe(one);
    const prose =
      "Thực hiện Đề án.\nBan Quản lý Khu kinh tế chủ trì, phối hợp với các sở ban ngành và địa phương thực hiện Đề án.";
    expect(readSentenceUnits(designatingPart(prose))).toEqual({
      leads: ["Ban Quản lý Khu kinh tế"],
      cooperators: ["các sở ban ngành", "các địa phương"],
    });
  });
});
