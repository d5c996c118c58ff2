// Unit resolution measured on the unit strings of the seed plans against the answer key written
// before the resolver (test/fixtures/unit-resolution-answers.json), over the sample directory.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../test/context.js";
import { PROJECT_ROOT } from "../../test/shared-corpus.js";
import { freshStore, STORES } from "../../test/stores.js";
import type { Store } from "../db/connection.js";
import { listUnits } from "../db/units.repository.js";
import type { DirectoryUnit } from "../domain/unit.js";
import { createResolver } from "./resolve-units.js";
import { importDirectory } from "./units.service.js";

interface Answer {
  seed: string;
  text: string;
  units?: string[];
  group?: string;
  review?: boolean;
}
const key = JSON.parse(
  readFileSync(join(PROJECT_ROOT, "test", "fixtures", "unit-resolution-answers.json"), "utf8"),
) as {
  groups: Record<string, string[]>;
  issuers: Record<string, string>;
  answers: Answer[];
};

const kind = STORES[0];
if (!kind) throw new Error("no store");

describe("unit resolution on the seed plans' unit strings", () => {
  let store: Store;
  let units: DirectoryUnit[];
  beforeAll(async () => {
    store = await freshStore(kind);
    await importDirectory(
      testContext(store),
      null,
      readFileSync(join(PROJECT_ROOT, "examples", "don-vi-mau.csv"), "utf8"),
    );
    units = await listUnits(store.db);
  });
  afterAll(async () => store.close());

  it("resolves at least 95% of them to the right unit or group, and sends open groups to review", () => {
    const resolver = createResolver(units);
    const codeOf = new Map(units.map((u) => [u.id, u.code]));
    const idOf = new Map(units.map((u) => [u.code, u.id]));
    const wrong: string[] = [];
    for (const a of key.answers) {
      const r = resolver.resolve(a.text, { issuerId: idOf.get(key.issuers[a.seed] ?? "") ?? null });
      const got = r.unitIds.map((id) => codeOf.get(id)).sort();
      const expected = a.review ? null : [...(a.units ?? key.groups[a.group ?? ""] ?? [])].sort();
      const ok = expected === null ? r.method === "review" : JSON.stringify(got) === JSON.stringify(expected);
      if (!ok) wrong.push(`${a.seed} «${a.text}» → ${r.method} [${got.join(", ")}]`);
    }
    const accuracy = 1 - wrong.length / key.answers.length;
    console.info(
      `unit resolution: ${key.answers.length - wrong.length}/${key.answers.length} = ${(accuracy * 100).toFixed(1)}%${wrong.length ? `; wrong: ${wrong.join("; ")}` : ""}`,
    );
    expect(accuracy, wrong.join("\n")).toBeGreaterThanOrEqual(0.95);
  });

  it("never guesses: an unknown unit goes to review with candidates", () => {
    const r = createResolver(units).resolve("Phòng Khảo thí và Kiểm định chất lượng", { issuerId: null });
    expect(r.method).toBe("review");
    expect(r.unitIds).toEqual([]);
    expect(r.candidates.length).toBeGreaterThan(0);
  });

  it("does not resolve to a unit that was merged away", () => {
    const r = createResolver(units).resolve("Phòng GDĐT huyện Thủy Nguyên", { issuerId: null });
    expect(r.method).toBe("review");
  });
});

describe("resolution relative to the issuer and through history", () => {
  const unit = (
    id: string,
    code: string,
    name: string,
    kind: DirectoryUnit["kind"],
    parentId: string | null,
    extra: Partial<DirectoryUnit> = {},
  ): DirectoryUnit => ({
    id,
    code,
    name,
    shortName: null,
    kind,
    parentId,
    path: parentId ? `${parentId}.${id}` : id,
    active: true,
    aliases: [],
    replacedBy: null,
    reportRegime: null,
    ...extra,
  });
  const units = [
    unit("1", "UB", "Ủy ban nhân dân tỉnh An Bình", "people_committee", null),
    unit("2", "SGD", "Sở Giáo dục và Đào tạo", "department", "1"),
    unit("3", "SYT", "Sở Y tế", "department", "1"),
    unit("4", "H.CU", "Ủy ban nhân dân huyện Cũ", "district", "1", { active: false, replacedBy: "5" }),
    unit("5", "TP.MOI", "Ủy ban nhân dân thành phố Mới", "district", "1"),
  ];
  const resolver = createResolver(units);

  it("reads 'Sở' and 'Cơ quan Sở' as the department that issued the plan", () => {
    expect(resolver.resolve("Sở", { issuerId: "3" })).toMatchObject({ method: "issuer", unitIds: ["3"] });
    expect(resolver.resolve("Cơ quan Sở", { issuerId: "2" })).toMatchObject({
      method: "issuer",
      unitIds: ["2"],
    });
    expect(resolver.resolve("Sở", { issuerId: null }).method).toBe("review");
  });

  it("offers the successor of a unit that merged away, without moving the work silently", () => {
    const r = resolver.resolve("Ủy ban nhân dân huyện Cũ", { issuerId: null });
    expect(r.method).toBe("review");
    expect(r.candidates[0]?.id).toBe("5");
    expect(r.reason).toMatch(/không còn hoạt động.*thành phố Mới/);
  });
});
