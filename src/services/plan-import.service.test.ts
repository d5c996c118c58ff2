// Importing plans into the store, on every database: the whole graph, once, linked both ways.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../test/context.js";
import { HAS_SHARED, PROJECT_ROOT, SEEDS } from "../../test/shared-corpus.js";
import { freshStore, STORES } from "../../test/stores.js";
import type { Store } from "../db/connection.js";
import { planSource } from "../db/plan-review.repository.js";
import { planCounts, searchPlans } from "../db/plans.repository.js";
import { DomainError } from "../domain/errors.js";
import { importPlanFile, readDirectory } from "./plan-import.service.js";
import { importDirectory } from "./units.service.js";

const file = (path: string) => readFileSync(join(PROJECT_ROOT, path));
const UNITS = `code,name,short_name,kind,parent_code,abbreviations,aliases,active,valid_from,valid_to
UBNDAB,Ủy ban nhân dân tỉnh An Bình,UBND tỉnh,people_committee,,UBND tỉnh,Ủy ban nhân dân tỉnh,1,,
SGDDT,Sở Giáo dục và Đào tạo tỉnh An Bình,Sở Giáo dục và Đào tạo,department,UBNDAB,Sở GDĐT,Sở,1,,
SGDDT.VP,Văn phòng Sở,,office,SGDDT,,,1,,
SGDDT.GDTH,Phòng Giáo dục Tiểu học,,division,SGDDT,,,1,,
SGDDT.GDTRH,Phòng Giáo dục Trung học,,division,SGDDT,,,1,,
SGDDT.TCCB,Phòng Tổ chức cán bộ,,division,SGDDT,,,1,,
STTTT,Sở Thông tin và Truyền thông,,department,UBNDAB,,,1,,
`;

for (const kind of STORES) {
  describe(`importing plans on ${kind.name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await freshStore(kind);
      await importDirectory(testContext(store), null, UNITS);
    });
    afterAll(async () => store.close());

    it("reads the directory again only when a unit or an alias changed", async () => {
      const ctx = testContext(store);
      const sgd = await store.db
        .selectFrom("unit")
        .select("id")
        .where("code", "=", "SGDDT")
        .executeTakeFirstOrThrow();
      const resolved = async (text: string) => {
        const r = (await readDirectory(ctx)).resolver.resolve(text, { issuerId: String(sgd.id) });
        return r.method === "review" ? null : r.unitIds;
      };
      const first = await readDirectory(ctx);
      expect(await readDirectory(ctx)).toBe(first);
      expect(await resolved("Phòng Khảo thí và Kiểm định chất lượng")).toBeNull();
      // A unit added, then renamed, then given an alias: each is seen by the next import.
      await importDirectory(
        ctx,
        null,
        `${UNITS.split("\n")[0]}\nSGDDT.KT,Phòng Khảo thí và Kiểm định chất lượng,,division,SGDDT,,,1,,\n`,
      );
      const kt = await store.db
        .selectFrom("unit")
        .select("id")
        .where("code", "=", "SGDDT.KT")
        .executeTakeFirstOrThrow();
      expect(await readDirectory(ctx)).not.toBe(first);
      expect(await resolved("Phòng Khảo thí và Kiểm định chất lượng")).toEqual([String(kt.id)]);
      await store.db
        .updateTable("unit")
        .set({ name: "Phòng Quản lý chất lượng" })
        .where("id", "=", kt.id)
        .execute();
      expect(await resolved("Phòng Quản lý chất lượng")).toEqual([String(kt.id)]);
      await store.db
        .insertInto("unit_alias")
        .values({ unit_id: kt.id, alias: "Phòng Khảo thí", kind: "alias" })
        .execute();
      expect(await resolved("Phòng Khảo thí")).toEqual([String(kt.id)]);
      // A change rolled back leaves the directory as it was read.
      const kept = await readDirectory(ctx);
      await store.db
        .transaction()
        .execute(async (trx) => {
          await trx.deleteFrom("unit_alias").where("unit_id", "=", kt.id).execute();
          throw new Error("changed my mind");
        })
        .catch(() => {});
      expect(await readDirectory(ctx)).toBe(kept);
      // Gone again, for the tests that follow.
      await store.db.deleteFrom("unit_alias").where("unit_id", "=", kt.id).execute();
      await store.db.deleteFrom("unit").where("id", "=", kt.id).execute();
      expect(await resolved("Phòng Quản lý chất lượng")).toBeNull();
    });

    it("stores the province's plan with its tasks, work items and deadlines", async () => {
      const ctx = testContext(store);
      const dir = await readDirectory(ctx);
      const r = await importPlanFile(
        ctx,
        dir,
        null,
        "ke-hoach-ubnd-tinh.txt",
        file("test/fixtures/ke-hoach-ubnd-tinh.txt"),
      );
      expect(r).toMatchObject({ status: "imported", tasks: 1, duties: 0, review: 0 });
      expect(await planCounts(store.db, r.planId)).toEqual({
        tasks: 1,
        // Its one duty under "Tổ chức thực hiện" only reports: the reporting duty tracks it.
        duties: 0,
        taskUnits: 2,
        workItems: 2,
        deadlines: 2,
        review: 0,
      });
    });

    it("stores the department's plan, links it to the province's plan it implements, and lists what needs review", async () => {
      const ctx = testContext(store);
      const dir = await readDirectory(ctx);
      const r = await importPlanFile(ctx, dir, null, "ke-hoach-mau.txt", file("examples/ke-hoach-mau.txt"));
      expect(r.status).toBe("imported");
      const counts = await planCounts(store.db, r.planId);
      expect(counts.tasks).toBe(4);
      // "Phòng GDĐT các huyện, thành phố", "các trường THPT", "Trung tâm GDTX tỉnh" are not in this small directory.
      expect(counts.review).toBeGreaterThanOrEqual(3);
      const link = await store.db
        .selectFrom("plan_reference")
        .innerJoin("plan as target", "target.id", "plan_reference.target_plan_id")
        .select(["plan_reference.number", "plan_reference.relation", "target.number as target_number"])
        .where("plan_reference.plan_id", "=", r.planId)
        .execute();
      expect(link).toEqual([{ number: "88/KH-UBND", relation: "implements", target_number: "88/KH-UBND" }]);
      // Walking the chain the other way: who implements the province's plan?
      const implementers = await store.db
        .selectFrom("plan_reference")
        .innerJoin("plan", "plan.id", "plan_reference.plan_id")
        .innerJoin("plan as target", "target.id", "plan_reference.target_plan_id")
        .select("plan.number")
        .where("target.number", "=", "88/KH-UBND")
        .execute();
      expect(implementers.map((p) => p.number)).toEqual(["145/KH-SGDĐT"]);
      // The unit that leads task II.2 holds it with its deadline.
      const work = await sql<{ code: string; due: string }>`
        select u.code, d.due::text as due from work_item w
        join task t on t.id = w.task_id join unit u on u.id = w.unit_id join deadline d on d.work_item_id = w.id
        where t.plan_id = ${r.planId} and t.key = 'II.2' and w.role = 'lead'`.execute(store.db);
      expect(work.rows).toEqual([{ code: "SGDDT.GDTH", due: "2026-08-31" }]);
    });

    it("imports the same file once", async () => {
      const ctx = testContext(store);
      const dir = await readDirectory(ctx);
      const again = await importPlanFile(ctx, dir, null, "copy.txt", file("examples/ke-hoach-mau.txt"));
      expect(again.status).toBe("duplicate");
      const n = await store.db
        .selectFrom("plan")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(2);
    });

    it("offers a number that fits two plans to a person instead of linking it", async () => {
      const ctx = testContext(store);
      const dir = await readDirectory(ctx);
      const twin = readFileSync(join(PROJECT_ROOT, "test/fixtures/ke-hoach-ubnd-tinh.txt"), "utf8").replace(
        "ngày 20 tháng 02 năm 2026",
        "ngày 20 tháng 02 năm 2025",
      );
      await importPlanFile(ctx, dir, null, "twin.txt", Buffer.from(twin));
      const citing =
        "KẾ HOẠCH\nThử\n\nThực hiện Kế hoạch số 88/KH-UBND của Ủy ban nhân dân tỉnh An Bình,\n\nI. NHIỆM VỤ\n1. Tập huấn\n- Chủ trì: Văn phòng Sở\n";
      const r = await importPlanFile(ctx, dir, null, "citing.txt", Buffer.from(citing));
      const ref = await store.db
        .selectFrom("plan_reference")
        .selectAll()
        .where("plan_id", "=", r.planId)
        .executeTakeFirstOrThrow();
      expect(ref.target_plan_id).toBeNull();
      expect(ref.candidate_plan_ids).toHaveLength(2);
      const review = await store.db
        .selectFrom("review_item")
        .select(["kind", "subject"])
        .where("plan_id", "=", r.planId)
        .where("kind", "=", "reference")
        .execute();
      expect(review).toEqual([{ kind: "reference", subject: "88/KH-UBND" }]);
    });

    it("finds plans without diacritics or tone marks", async () => {
      const hits = await searchPlans(store.db, { reach: null, drafts: true }, [
        "chuyen",
        "doi",
        "so",
        "nam",
        "2026",
      ]);
      // The province plan, its twin of 2025 (same title) and the department plan.
      expect(hits.map((h) => h.number).sort()).toEqual(["145/KH-SGDĐT", "88/KH-UBND", "88/KH-UBND"]);
      expect(
        (
          await searchPlans(store.db, { reach: null, drafts: true }, [
            "ke",
            "hoach",
            "chuyen",
            "doi",
            "so",
            "tinh",
            "an",
            "binh",
          ])
        ).length,
      ).toBeGreaterThan(0);
    });

    it("refuses a text that is no plan, and stores nothing of it", async () => {
      const ctx = testContext(store);
      const dir = await readDirectory(ctx);
      const before = await store.db
        .selectFrom("document")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      const error = await importPlanFile(
        ctx,
        dir,
        null,
        "letter.txt",
        Buffer.from("Kính gửi các trường,\nĐề nghị gửi số liệu.\n"),
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).id).toBe("import.not_a_plan");
      const after = await store.db
        .selectFrom("document")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });

    it("keeps a plan without diacritics restored, with its text as it came and each word restoring changed or doubted", async () => {
      const ctx = testContext(store);
      const dir = await readDirectory(ctx);
      const r = await importPlanFile(
        ctx,
        dir,
        null,
        "khong-dau.txt",
        file("test/fixtures/ke-hoach-khong-dau.txt"),
      );
      expect(r).toMatchObject({ status: "imported", tasks: 2 });
      const source = await planSource(store.db, r.planId);
      expect(source?.text).toContain("KẾ HOẠCH\nTriển khai công tác bồi dưỡng giáo viên");
      const restoration = source?.restoration;
      if (!source || !restoration) throw new Error("no restoration stored");
      // Restoring keeps every word in its place: the two texts have one length and one set of offsets.
      expect(restoration.original).toContain("KE HOACH\nTrien khai cong tac boi duong giao vien");
      expect(restoration.original).toHaveLength(source.text.length);
      for (const w of restoration.words) {
        expect(restoration.original.slice(w.start, w.end)).toBe(w.from);
        expect(source.text.slice(w.start, w.end)).toBe(w.to);
      }
      expect(restoration.words).toContainEqual(expect.objectContaining({ from: "HOACH", to: "HOẠCH" }));
      expect(restoration.changed).toBe(restoration.words.filter((w) => w.from !== w.to).length);
      expect(restoration.uncertain).toBe(restoration.words.filter((w) => w.confidence < 0.8).length);
      expect(restoration.syllables).toBeGreaterThan(restoration.changed);

      // The same plan with its diacritics (the restored text, as a file) is kept as it is, with no restoration.
      const marked = await importPlanFile(ctx, dir, null, "co-dau.txt", Buffer.from(source.text));
      expect(marked.status).toBe("imported");
      expect((await planSource(store.db, marked.planId))?.restoration).toBeNull();
      const row = await store.db
        .selectFrom("document")
        .innerJoin("plan", "plan.document_id", "document.id")
        .select(["document.original_text", "document.restoration"])
        .where("plan.id", "=", marked.planId)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ original_text: null, restoration: null });
    });

    it.skipIf(!HAS_SHARED)(
      "imports all five seed plans with every task, and nothing more on a second run",
      async () => {
        const fresh = await freshStore(kind);
        try {
          const ctx = testContext(fresh);
          const dir = await readDirectory(ctx);
          const names = [
            "000_8fa428da3b0cd451.txt",
            "001_711110c2ab5b1f48.txt",
            "002_6c687b1be164f383.txt",
            "003_2cbe05e6abbeba06.txt",
            "004_e1e758192b84d9f3.txt",
          ];
          const results = [];
          for (const n of names)
            results.push(await importPlanFile(ctx, dir, null, n, readFileSync(join(SEEDS, n))));
          expect(results.map((r) => r.tasks)).toEqual([4, 15, 8, 14, 15]);
          for (const n of names)
            expect((await importPlanFile(ctx, dir, null, n, readFileSync(join(SEEDS, n)))).status).toBe(
              "duplicate",
            );
          const units = await fresh.db
            .selectFrom("task_unit")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow();
          expect(Number(units.n)).toBeGreaterThan(40);
        } finally {
          await fresh.close();
        }
      },
    );
  });
}
