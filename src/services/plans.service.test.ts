// Reading plans: search and the list reach every plan within scope, not only the newest ones a
// list page shows; a page of the list says how many there are in all.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../test/context.js";
import { freshStore, STORES } from "../../test/stores.js";
import type { Store } from "../db/connection.js";
import { listUnits } from "../db/units.repository.js";
import { createAccount, type SignedInUser, signIn } from "./auth.service.js";
import type { ServiceContext } from "./context.js";
import { importPlanFile, readDirectory } from "./plan-import.service.js";
import { confirmFlag, publishPlan, reviewView } from "./plan-review.service.js";
import { listPlans, search } from "./plans.service.js";
import { importDirectory } from "./units.service.js";

const DIRECTORY = `code,name,short_name,kind,parent_code,abbreviations,aliases,active,valid_from,valid_to
SO,Sở Giáo dục và Đào tạo tỉnh Thử Nghiệm,Sở Giáo dục và Đào tạo,department,,Sở GDĐT,Sở,1,,
SO.A,Phòng Giáo dục Trung học,,division,SO,,,1,,
`;

const plan = (n: number, topic: string) => `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: ${n}/KH-SGDĐT                     Thử Nghiệm, ngày 10 tháng 1 năm 2026

KẾ HOẠCH
${topic} đợt ${n}

I. NHIỆM VỤ
1. Triển khai ${topic}
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Thời gian thực hiện: Năm 2026
`;

const kind = STORES[0];
if (!kind) throw new Error("no store");

describe("reading plans", () => {
  let store: Store;
  let ctx: ServiceContext;
  let leader: SignedInUser;
  let first = "";

  beforeAll(async () => {
    store = await freshStore(kind);
    ctx = testContext(store);
    await importDirectory(ctx, null, DIRECTORY);
    const so = (await listUnits(store.db)).find((u) => u.code === "SO")?.id ?? "";
    const password = "Mat-khau-kiem-thu-1";
    await createAccount(ctx, null, { login: "admin", displayName: "A", unitId: so, role: "admin", password });
    await createAccount(ctx, null, {
      login: "giamdoc",
      displayName: "G",
      unitId: so,
      role: "leader",
      password,
    });
    const admin = (await signIn(ctx, "admin", password)).user;
    leader = (await signIn(ctx, "giamdoc", password)).user;
    const dir = await readDirectory(ctx);
    // The oldest plan first, then 120 newer ones.
    for (let n = 1; n <= 121; n++) {
      const topic = n === 1 ? "Phổ cập bơi an toàn" : "Chuyển đổi số";
      const id = (await importPlanFile(ctx, dir, null, `${n}.txt`, Buffer.from(plan(n, topic)))).planId;
      for (const f of (await reviewView(ctx, admin, id)).flags) await confirmFlag(ctx, admin, id, f.id);
      await publishPlan(ctx, admin, id);
      if (n === 1) first = id;
    }
  });
  afterAll(async () => store?.close());

  it("finds a plan older than the newest hundred", async () => {
    const hits = await search(ctx, leader, "pho cap boi");
    expect(hits.plans.map((p) => p.id)).toEqual([first]);
    expect(hits.tasks.map((t) => t.planId)).toEqual([first]);
  });

  it("lists the plans a page at a time, with how many there are", async () => {
    const page = await listPlans(ctx, leader, { limit: 100, offset: 0 });
    expect(page.total).toBe(121);
    expect(page.plans).toHaveLength(100);
    const rest = await listPlans(ctx, leader, { limit: 100, offset: 100 });
    expect(rest.total).toBe(121);
    expect(rest.plans.map((p) => p.id)).toContain(first);
    const beyond = await listPlans(ctx, leader, { limit: 100, offset: 200 });
    expect(beyond).toEqual({ plans: [], total: 121 });
  });
});
