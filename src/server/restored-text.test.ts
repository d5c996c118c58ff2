// A plan without diacritics over the API: its review gives the restored text, the text as it came
// and the words restoring changed or doubted; a plan with its diacritics gives no restoration.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../test/context.js";
import { PROJECT_ROOT } from "../../test/shared-corpus.js";
import { freshStore, STORES } from "../../test/stores.js";
import type { Store } from "../db/connection.js";
import { listUnits } from "../db/units.repository.js";
import { createAccount } from "../services/auth.service.js";
import { importDirectory } from "../services/units.service.js";
import { buildApp } from "./app.js";
import type { ReviewReply } from "./contract/index.js";

const kind = STORES[0];
if (!kind) throw new Error("no store");

const UNMARKED = readFileSync(join(PROJECT_ROOT, "test/fixtures/ke-hoach-khong-dau.txt"), "utf8");

const MARKED = `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 997/KH-SGDĐT                     Hải Phòng, ngày 01 tháng 12 năm 2026

KẾ HOẠCH
Kiểm kê thiết bị dạy học năm 2026

I. NHIỆM VỤ
1. Kiểm kê thiết bị dạy học các trường THPT
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Thời gian thực hiện: Trước ngày 30/12/2026
`;

describe("the review of a plan whose diacritics were restored", () => {
  let store: Store;
  let app: FastifyInstance;
  let session = { cookie: "", csrf: "" };
  // The plan officer's upload (the import that answers with the plan) and the review it opens.
  const importText = async (name: string, text: string): Promise<string> => {
    const boundary = "----kehoachrestored";
    const r = await app.inject({
      method: "POST",
      url: "/api/v1/plans/import",
      payload: Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n${text}\r\n--${boundary}--\r\n`,
      ),
      headers: {
        "content-type": `multipart/form-data; boundary=${boundary}`,
        cookie: session.cookie,
        "x-csrf-token": session.csrf,
      },
    });
    if (r.statusCode !== 200) throw new Error(`import ${name}: ${r.statusCode} ${r.body}`);
    return r.json().planId;
  };
  const review = async (planId: string): Promise<ReviewReply> => {
    const r = await app.inject({
      method: "GET",
      url: `/api/v1/review/${planId}`,
      headers: { cookie: session.cookie },
    });
    expect(r.statusCode).toBe(200);
    return r.json();
  };

  beforeAll(async () => {
    // A directory and one plan officer: no demo data, which this test does not need.
    store = await freshStore(kind);
    const ctx = testContext(store);
    await importDirectory(ctx, null, readFileSync(join(PROJECT_ROOT, "examples", "don-vi-mau.csv"), "utf8"));
    const vp = (await listUnits(store.db)).find((u) => u.code === "SGDDT.VP")?.id ?? "";
    const password = "Mat-khau-kiem-thu-1";
    await createAccount(ctx, null, {
      login: "vanthu",
      displayName: "Văn thư",
      unitId: vp,
      role: "plan_officer",
      password,
    });
    app = await buildApp({ store, reader: ctx.reader, importJobs: false });
    const r = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { login: "vanthu", password },
    });
    session = { cookie: String(r.headers["set-cookie"]).split(";")[0] ?? "", csrf: r.json().csrfToken };
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  it("gives the restored text, the original beside it, and each word changed or to check", async () => {
    const reply = await review(await importText("ke-hoach-khong-dau.txt", UNMARKED));
    expect(reply.text).toContain("KẾ HOẠCH\nTriển khai công tác bồi dưỡng giáo viên");
    const restoration = reply.restoration;
    if (!restoration) throw new Error("no restoration in the reply");
    expect(restoration.original).toContain("KE HOACH\nTrien khai cong tac boi duong giao vien");
    expect(restoration.original).toHaveLength(reply.text.length);
    const hoach = restoration.words.find((w) => w.from === "HOACH");
    expect(hoach).toMatchObject({ to: "HOẠCH", uncertain: false });
    expect(reply.text.slice(hoach?.start, hoach?.end)).toBe("HOẠCH");
    expect(restoration.words.filter((w) => w.uncertain)).toHaveLength(restoration.uncertain);
    expect(restoration.changed).toBe(restoration.words.filter((w) => w.from !== w.to).length);
    // The parser's note is a flag to confirm before publishing.
    expect(reply.flags.map((f) => f.subject)).toContainEqual(expect.stringMatching(/phục hồi dấu/));
  });

  it("gives none for a plan that had its diacritics", async () => {
    const reply = await review(await importText("ke-hoach-co-dau.txt", MARKED));
    expect(reply.text).toContain("Kiểm kê thiết bị dạy học");
    expect(reply.restoration).toBeNull();
  });
});
