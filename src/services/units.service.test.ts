// The unit directory's CSV import and export, on every database.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../test/context.js";
import { PROJECT_ROOT } from "../../test/shared-corpus.js";
import { freshStore, STORES } from "../../test/stores.js";
import type { Store } from "../db/connection.js";
import { listUnits } from "../db/units.repository.js";
import { DomainError } from "../domain/errors.js";
import { exportDirectory, importDirectory } from "./units.service.js";

const SAMPLE = readFileSync(join(PROJECT_ROOT, "examples", "don-vi-mau.csv"), "utf8");
const HEADER = "code,name,short_name,kind,parent_code,abbreviations,aliases,active,valid_from,valid_to";

for (const kind of STORES) {
  describe(`unit directory on ${kind.name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await freshStore(kind);
    });
    afterAll(async () => store.close());

    it("imports the sample tree with paths, aliases and history", async () => {
      const report = await importDirectory(testContext(store), null, SAMPLE);
      expect(report.created).toBe(SAMPLE.trim().split("\n").length - 1);
      const units = await listUnits(store.db);
      const vp = units.find((u) => u.code === "SGDDT.VP");
      const so = units.find((u) => u.code === "SGDDT");
      const root = units.find((u) => u.code === "UBNDTP");
      expect(vp?.path).toBe(`${root?.id}.${so?.id}.${vp?.id}`);
      expect(units.find((u) => u.code === "SGDDT.GDTXDH")?.aliases).toContain("GDTX&ĐH");
      expect(units.find((u) => u.code === "H.THUYNGUYEN")?.active).toBe(false);
    });

    it("re-importing the same file changes nothing but counts updates", async () => {
      const before = await exportDirectory(testContext(store));
      const report = await importDirectory(testContext(store), null, SAMPLE);
      expect(report.created).toBe(0);
      expect(await exportDirectory(testContext(store))).toBe(before);
    });

    it("moves a unit with its subtree when its parent changes", async () => {
      await importDirectory(
        testContext(store),
        null,
        `${HEADER}\nSGDDT.CTTDT,Cổng thông tin điện tử Sở,,other,SGDDT,,,1,,\n`,
      );
      const units = await listUnits(store.db);
      const so = units.find((u) => u.code === "SGDDT");
      const portal = units.find((u) => u.code === "SGDDT.CTTDT");
      expect(portal?.parentId).toBe(so?.id);
      expect(portal?.path.endsWith(`${so?.id}.${portal?.id}`)).toBe(true);
    });

    it("exports a file that imports again to the same directory", async () => {
      const csv = await exportDirectory(testContext(store));
      const other = await freshStore(kind);
      try {
        await importDirectory(testContext(other), null, csv);
        expect(await exportDirectory(testContext(other))).toBe(csv);
      } finally {
        await other.close();
      }
    });

    it.each([
      ["an unknown kind", `${HEADER}\nX1,Phòng Thử nghiệm,,phong,,,,1,,`, "kind"],
      ["a missing parent", `${HEADER}\nX2,Phòng Thử nghiệm,,division,KHONG_CO,,,1,,`, "parent_code"],
      ["a duplicate code", `${HEADER}\nX3,Phòng A,,division,,,,1,,\nX3,Phòng B,,division,,,,1,,`, "code"],
      ["a cycle", `${HEADER}\nX4,Phòng A,,division,X5,,,1,,\nX5,Phòng B,,division,X4,,,1,,`, "parent_code"],
      ["a bad date", `${HEADER}\nX6,Phòng A,,division,,,,1,2024-13-45,`, "valid_from"],
      ["a bad active flag", `${HEADER}\nX7,Phòng A,,division,,,,có lẽ,,`, "active"],
    ])("rejects %s with the line and field, and writes nothing", async (_name, csv, field) => {
      const before = await exportDirectory(testContext(store));
      const error = await importDirectory(
        testContext(store),
        null,
        `${csv}\nX9,Phòng hợp lệ,,division,,,,1,,\n`,
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).id).toBe("unit.csv_invalid");
      expect((error as DomainError).details.some((d) => d.field === field && (d.line ?? 0) >= 2)).toBe(true);
      expect((error as DomainError).message).toMatch(/dòng \d+, cột/);
      expect(await exportDirectory(testContext(store))).toBe(before);
    });

    it("rejects a file without the required columns", async () => {
      await expect(importDirectory(testContext(store), null, "ma,ten\nA,B\n")).rejects.toMatchObject({
        id: "unit.csv_columns",
      });
      await expect(importDirectory(testContext(store), null, "")).rejects.toMatchObject({
        id: "unit.csv_empty",
      });
    });
  });
}

describe("unit history in the CSV", () => {
  it("records the successor of a merged unit and exports it", async () => {
    const kind = STORES[0];
    if (!kind) return;
    const store = await freshStore(kind);
    try {
      const csv = [
        `${HEADER},replaced_by`,
        "UB,Ủy ban nhân dân tỉnh An Bình,,people_committee,,,,1,,,",
        "H.CU,Ủy ban nhân dân huyện Cũ,,district,UB,,,0,,2025-06-30,TP.MOI",
        "TP.MOI,Ủy ban nhân dân thành phố Mới,,district,UB,,,1,2025-07-01,,",
      ].join("\n");
      await importDirectory(testContext(store), null, csv);
      const units = await listUnits(store.db);
      const old = units.find((u) => u.code === "H.CU");
      expect(old?.replacedBy).toBe(units.find((u) => u.code === "TP.MOI")?.id);
      expect(await exportDirectory(testContext(store))).toMatch(/^H\.CU,.*,0,,2025-06-30,TP\.MOI$/m);
      const bad = `${HEADER},replaced_by\nX,Phòng X,,division,,,,0,,,KHONG_CO\n`;
      await expect(importDirectory(testContext(store), null, bad)).rejects.toMatchObject({
        id: "unit.csv_invalid",
      });
    } finally {
      await store.close();
    }
  });
});
