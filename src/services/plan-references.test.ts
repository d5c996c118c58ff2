// A plan's references linked to the stored plans of their numbers through the indexed number key,
// on every database: the same plans chosen whatever the spacing, case or diacritics of the number,
// a date or an issuer telling plans of one number apart, the rest offered to a person, and a number
// corrected in review found by its new key.

import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../test/context.js";
import { freshStore, STORES } from "../../test/stores.js";
import type { Store } from "../db/connection.js";
import { documentFields, writeDocumentFields } from "../db/plan-review.repository.js";
import { importPlanFile, readDirectory } from "./plan-import.service.js";
import { importDirectory } from "./units.service.js";

const UNITS = `code,name,short_name,kind,parent_code,abbreviations,aliases,active,valid_from,valid_to
UBNDAB,Ủy ban nhân dân tỉnh An Bình,UBND tỉnh,people_committee,,UBND tỉnh,Ủy ban nhân dân tỉnh,1,,
UBNDDS,Ủy ban nhân dân huyện Đông Sơn,UBND huyện Đông Sơn,people_committee,UBNDAB,,,1,,
SGDDT,Sở Giáo dục và Đào tạo tỉnh An Bình,Sở Giáo dục và Đào tạo,department,UBNDAB,Sở GDĐT,Sở,1,,
SGDDT.VP,Văn phòng Sở,,office,SGDDT,,,1,,
`;

/** A one-task plan of `issuer` (header lines), numbered and dated, citing what `cites` says. */
function planText(issuer: string[], number: string, date: [number, number, number], cites = ""): string {
  const [day, month, year] = date;
  return [
    `${issuer[0]}                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`,
    `${issuer[1] ?? ""}                                    Độc lập - Tự do - Hạnh phúc`,
    "",
    `Số: ${number}                              An Bình, ngày ${day} tháng ${month} năm ${year}`,
    "",
    "KẾ HOẠCH",
    `Tập huấn cán bộ năm ${year}, số ${number}`,
    "",
    cites,
    "",
    "I. NHIỆM VỤ",
    "1. Tập huấn cán bộ",
    "- Chủ trì: Văn phòng Sở",
    "- Thời gian thực hiện: Quý II",
    "",
  ].join("\n");
}

const PROVINCE = ["ỦY BAN NHÂN DÂN", "TỈNH AN BÌNH"];
const DISTRICT = ["ỦY BAN NHÂN DÂN", "HUYỆN ĐÔNG SƠN"];
const DEPARTMENT = ["UBND TỈNH AN BÌNH", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"];

for (const kind of STORES) {
  describe(`linking references by number on ${kind.name}`, () => {
    let store: Store;
    const ids: Record<string, string> = {};
    let seq = 0;

    // Imports a plan citing `cites`; gives each reference's link and the numbers flagged for review.
    async function cite(cites: string) {
      const ctx = testContext(store);
      const r = await importPlanFile(
        ctx,
        await readDirectory(ctx),
        null,
        `citing-${seq}.txt`,
        Buffer.from(planText(DEPARTMENT, `${900 + seq++}/KH-SGDĐT`, [1, 6, 2026], cites)),
      );
      const refs = await store.db
        .selectFrom("plan_reference")
        .select(["number", "target_plan_id", "candidate_plan_ids"])
        .where("plan_id", "=", r.planId)
        .orderBy("position")
        .execute();
      const flagged = await store.db
        .selectFrom("review_item")
        .select("subject")
        .where("plan_id", "=", r.planId)
        .where("kind", "=", "reference")
        .execute();
      return {
        links: refs.map((x) => ({
          number: x.number,
          target: x.target_plan_id === null ? null : String(x.target_plan_id),
          candidates: x.candidate_plan_ids.map(String).sort(),
        })),
        flagged: flagged.map((f) => f.subject),
      };
    }

    beforeAll(async () => {
      store = await freshStore(kind);
      const ctx = testContext(store);
      await importDirectory(ctx, null, UNITS);
      const dir = await readDirectory(ctx);
      // Plans of one number from two issuers and two years, and a department's plan with a Đ.
      const stored: Array<[string, string[], string, [number, number, number]]> = [
        ["province2026", PROVINCE, "123/KH-UBND", [10, 3, 2026]],
        ["province2025", PROVINCE, "123/KH-UBND", [10, 3, 2025]],
        ["district2026", DISTRICT, "123/KH-UBND", [10, 3, 2026]],
        ["department", DEPARTMENT, "22/KH-SGDĐT", [5, 1, 2026]],
      ];
      for (const [name, issuer, number, date] of stored)
        ids[name] = (
          await importPlanFile(ctx, dir, null, `${name}.txt`, Buffer.from(planText(issuer, number, date)))
        ).planId;
    });
    afterAll(async () => store.close());

    it("keys stored numbers as the regular expression over every plan did", async () => {
      const rows = await sql<{ number: string; number_key: string; was: string }>`
        select number, number_key, regexp_replace(kh_fold(coalesce(number, '')), '\\s', '', 'g') as was
        from plan where id = any(${Object.values(ids)}::bigint[]) order by id`.execute(store.db);
      expect(rows.rows.map((r) => r.number)).toEqual([
        "123/KH-UBND",
        "123/KH-UBND",
        "123/KH-UBND",
        "22/KH-SGDĐT",
      ]);
      for (const r of rows.rows) expect(r.number_key).toBe(r.was);
    });

    it("links the one plan whose date and issuer fit, whatever the spacing of the number", async () => {
      const r = await cite(
        "Thực hiện Kế hoạch số 123 /KH- UBND ngày 10/3/2026 của Ủy ban nhân dân tỉnh An Bình;",
      );
      expect(r.links).toEqual([{ number: "123/KH-UBND", target: ids.province2026, candidates: [] }]);
      expect(r.flagged).toEqual([]);
      // The year tells the province's two plans of that number apart.
      const older = await cite("Thực hiện Kế hoạch số 123/KH-UBND ngày 10/3/2025 của UBND tỉnh An Bình;");
      expect(older.links.map((l) => l.target)).toEqual([ids.province2025]);
    });

    it("offers every plan that fits to a person, and flags the number once", async () => {
      // Dated, with no issuer: the province's and the district's plans of that day.
      const dated = await cite("Căn cứ Kế hoạch số 123/KH-UBND ngày 10/3/2026;");
      expect(dated.links).toEqual([
        {
          number: "123/KH-UBND",
          target: null,
          candidates: [ids.province2026, ids.district2026].map(String).sort(),
        },
      ]);
      expect(dated.flagged).toEqual(["123/KH-UBND"]);
      // Neither dated nor issued: all three.
      const bare = await cite("Căn cứ Kế hoạch số 123/KH-UBND về tập huấn;");
      expect(bare.links[0]?.candidates).toEqual(
        [ids.province2026, ids.province2025, ids.district2026].map(String).sort(),
      );
      expect(bare.flagged).toEqual(["123/KH-UBND"]);
    });

    it("reads Đ and D alike, and links nothing where no plan carries the number", async () => {
      const r = await cite(
        "Thực hiện Kế hoạch số 22/KH-SGDDT ngày 05/01/2026 của Sở Giáo dục và Đào tạo; Kế hoạch số 404/KH-UBND ngày 01/02/2026.",
      );
      expect(r.links).toEqual([
        { number: "22/KH-SGDDT", target: ids.department, candidates: [] },
        { number: "404/KH-UBND", target: null, candidates: [] },
      ]);
      expect(r.flagged).toEqual([]);
    });

    it("finds a number corrected in review by its new key: case, Đ and a typed dash", async () => {
      const planId = ids.department as string;
      const fields = await documentFields(store.db, planId);
      if (!fields) throw new Error("no plan");
      await writeDocumentFields(store.db, planId, { ...fields, number: "45/kh–sgdđt" }, "");
      const r = await cite("Thực hiện Kế hoạch số 45/KH-SGDDT ngày 05/01/2026 của Sở Giáo dục và Đào tạo;");
      expect(r.links.map((l) => l.target)).toEqual([planId]);
      // Its old number names it no more.
      const old = await cite("Thực hiện Kế hoạch số 22/KH-SGDĐT ngày 05/01/2026 của Sở Giáo dục và Đào tạo;");
      expect(old.links.map((l) => l.target)).toEqual([null]);
    });
  });
}
