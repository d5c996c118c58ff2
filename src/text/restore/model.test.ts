import { describe, expect, it } from "vitest";
import { deserializeModel, SENTENCE_END, SENTENCE_START, serializeModel } from "./model.js";
import { ModelTrainer } from "./train.js";

// A few sentences of a plan, enough to give every n-gram order something to count.
const TEXT = `Sở Giáo dục và Đào tạo ban hành kế hoạch thực hiện nghị quyết số 07-NQ/TU như sau:
Các phòng giáo dục và đào tạo chủ trì, phối hợp với các trường triển khai kế hoạch.
Các đơn vị báo cáo kết quả thực hiện về Sở Giáo dục và Đào tạo trước ngày 20 hằng tháng.
Ủy ban nhân dân tỉnh giao Sở Giáo dục và Đào tạo chủ trì thực hiện kế hoạch này.`;

function trained() {
  const trainer = new ModelTrainer();
  trainer.add(TEXT);
  return { trainer, model: deserializeModel(serializeModel(trainer.build(1))) };
}

describe("the syllable model", () => {
  it("is a distribution: after any two syllables the next one's probabilities sum to one", () => {
    const { model } = trained();
    const id = (w: string) => model.ids.get(w) as number;
    const contexts: Array<[number, number]> = [
      [SENTENCE_START, SENTENCE_START],
      [id("giáo"), id("dục")],
      [id("kế"), id("hoạch")],
      [id("tỉnh"), id("giao")],
      [id("bàn"), id("hoạch")],
    ];
    for (const [u, v] of contexts) {
      let sum = 0;
      for (let w = 1; w < model.size; w++) sum += Math.exp(model.logProb(u, v, w));
      expect(sum).toBeCloseTo(1, 3);
    }
  });

  it("prefers what it saw: 'đào tạo' after 'giáo dục và', not 'đạo tào'", () => {
    const { model } = trained();
    const id = (w: string) => model.ids.get(w) as number;
    expect(model.logProb(id("dục"), id("và"), id("đào"))).toBeGreaterThan(
      model.logProb(id("dục"), id("và"), id("đạo")),
    );
    expect(model.logProb(id("và"), id("đào"), id("tạo"))).toBeGreaterThan(
      model.logProb(id("và"), id("đào"), id("tào")),
    );
    // A sentence ends after "như sau".
    expect(model.logProb(id("như"), id("sau"), SENTENCE_END)).toBeGreaterThan(
      model.logProb(id("như"), id("sau"), id("kế")),
    );
  });

  it("counts syllables, not numbers or codes, and survives being written and read", () => {
    const { trainer, model } = trained();
    expect(trainer.syllables).toBe(TEXT.match(/\p{L}+/gu)?.filter((w) => !/^[A-Z]{2}$/.test(w)).length);
    const again = deserializeModel(serializeModel(model.tables));
    expect(again.tables.trigramKeys).toEqual(model.tables.trigramKeys);
    expect(again.tables.vocab).toEqual(model.tables.vocab);
  });

  it("refuses a file that is not a model", () => {
    expect(() => deserializeModel(Buffer.from("not a model at all"))).toThrow(/mô hình/);
  });
});
