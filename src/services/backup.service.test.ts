// A backup restores the store it was made from: every table's rows byte for byte (uploaded files
// too), the same answers from the API, into the embedded store or PostgreSQL whichever wrote it;
// and a restore that cannot be whole (a store already in use, a cut or foreign file, a newer
// version) changes nothing.

import { createReadStream, createWriteStream, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoApi, demoApi, multipart } from "../../test/api-client.js";
import { testContext } from "../../test/context.js";
import { PROJECT_ROOT } from "../../test/shared-corpus.js";
import { freshStore, STORES, type TestStoreKind } from "../../test/stores.js";
import type { Store } from "../db/connection.js";
import { MIGRATION_NAMES, migrateTo } from "../db/migrate.js";
import type { Database } from "../db/schema.js";
import { DomainError } from "../domain/errors.js";
import { buildApp } from "../server/app.js";
import { numberKey } from "../text/number-key.js";
import { restoreBackup, writeBackup } from "./backup.service.js";

const dir = mkdtempSync(join(tmpdir(), "kehoach-backup-"));
let files = 0;

/** Every table's rows as PostgreSQL writes them (binary columns in hex), sorted; sessions aside. */
async function dump(db: Kysely<Database>): Promise<Record<string, string[]>> {
  return db.transaction().execute(async (trx) => {
    await sql`set local timezone = 'UTC'`.execute(trx);
    const tables = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE'
        and table_name not in ('app_session', 'kehoach_migration', 'kehoach_migration_lock')
      order by 1`.execute(trx);
    const out: Record<string, string[]> = {};
    for (const t of tables.rows) {
      const rows = await sql<{
        j: string;
      }>`select row_to_json(t)::text as j from ${sql.id(t.name)} t`.execute(trx);
      out[t.name] = rows.rows.map((r) => r.j).sort();
    }
    return out;
  });
}

async function backupTo(store: Store): Promise<string> {
  const file = join(dir, `backup-${files++}.kehoach`);
  await writeBackup(testContext(store), store.kind, createWriteStream(file));
  return file;
}

const restore = (store: Store, file: string, replace = false) =>
  restoreBackup(testContext(store), () => createReadStream(file), { replace });

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

// Bytes of every value, so a file that went through text anywhere would not come back the same.
const ATTACHMENT = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 256));

const UNMARKED_PLAN = join(PROJECT_ROOT, "test", "fixtures", "ke-hoach-khong-dau.txt");

const PLAN = `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 951/KH-SGDĐT                     Hải Phòng, ngày 10 tháng 1 năm 2026

KẾ HOẠCH
Sao lưu thử

I. NHIỆM VỤ
1. Tổ chức hội thảo chuyên môn
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Thời gian thực hiện: Trước ngày 30/6/2099

II. TỔ CHỨC THỰC HIỆN
1. Các phòng thuộc Sở định kỳ trước ngày 15/6 và 15/12 hằng năm gửi báo cáo về Sở Giáo dục và Đào tạo (qua Văn phòng Sở).
`;

/** The demo, with a plan published through the API and a report sent with a binary attachment. */
async function filledDemo(kind: TestStoreKind) {
  const api = await demoApi(kind);
  const planId = await api.importText("vanthu", "ke-hoach-951.txt", PLAN);
  const published = await api.confirmAndPublish("vanthu", planId);
  if (published.statusCode !== 204) throw new Error(`publish: ${published.body}`);
  // A plan without diacritics: its text as it came and the restored words are kept beside it.
  await api.importText("vanthu", "ke-hoach-khong-dau.txt", readFileSync(UNMARKED_PLAN, "utf8"));
  const ws = (await api.call("phongtrunghoc", "GET", "/api/v1/workspace")).json();
  const items = (ws.items as Array<{ workItemId: string; planId: string }>)
    .filter((i) => i.planId === planId)
    .map((i) => ({ workItemId: i.workItemId, status: "done", results: "Đã tổ chức" }));
  const saved = await api.call("phongtrunghoc", "PUT", `/api/v1/reports/plans/${planId}`, { items });
  const reportId = saved.json().id as string;
  const file = multipart("bien-ban.bin", ATTACHMENT);
  const attached = await api.call(
    "phongtrunghoc",
    "POST",
    `/api/v1/reports/${reportId}/attachments`,
    file.body,
    file.headers,
  );
  const attachmentId = attached.json().id as string;
  const submitted = await api.call("phongtrunghoc", "POST", `/api/v1/reports/${reportId}/submit`);
  if (submitted.statusCode !== 204) throw new Error(`submit: ${submitted.body}`);
  return { api, planId, reportId, attachmentId };
}

/** What the app answers over a store, signed in as the demo's people. */
async function answers(
  store: Store,
  passwords: Record<string, string>,
  filled: Awaited<ReturnType<typeof filledDemo>>,
) {
  const app = await buildApp({ store, reader: testContext(store).reader });
  try {
    const session = async (login: string) => {
      const r = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { login, password: passwords[login] },
      });
      if (r.statusCode !== 200) throw new Error(`sign-in ${login}: ${r.statusCode} ${r.body}`);
      return { cookie: String(r.headers["set-cookie"]).split(";")[0] ?? "" };
    };
    const officer = await session("vanthu");
    const unit = await session("phongtrunghoc");
    const get = (who: { cookie: string }, url: string) => app.inject({ method: "GET", url, headers: who });
    const plan = await get(officer, `/api/v1/plans/${filled.planId}`);
    const reports = await get(officer, `/api/v1/reports/plans/${filled.planId}`);
    const file = await get(unit, `/api/v1/reports/${filled.reportId}/attachments/${filled.attachmentId}`);
    return {
      plan: [plan.statusCode, plan.json()],
      reports: [reports.statusCode, reports.json()],
      file: [file.statusCode, file.rawPayload.toString("base64")],
    };
  } finally {
    await app.close();
  }
}

for (const from of STORES) {
  describe(`a backup of a ${from.name} store`, () => {
    let filled: Awaited<ReturnType<typeof filledDemo>>;
    let api: DemoApi;
    let file: string;
    let before: Record<string, string[]>;

    beforeAll(async () => {
      filled = await filledDemo(from);
      api = filled.api;
      file = await backupTo(api.store);
      before = await dump(api.store.db);
    });
    afterAll(async () => api.close());

    it("holds the uploaded files and every table with rows", () => {
      expect(before.report_attachment).toHaveLength(1);
      expect(before.report_attachment?.[0]).toContain(ATTACHMENT.toString("hex"));
      expect(before.document?.length).toBeGreaterThanOrEqual(4);
      expect(
        before.document?.filter(
          (d) => d.includes('"original_text":"UBND TINH AN BINH') && d.includes('"restoration":{'),
        ),
      ).toHaveLength(1);
      for (const t of ["unit", "plan", "task", "work_item", "app_user", "report", "audit_event"])
        expect(before[t]?.length, t).toBeGreaterThan(0);
    });

    for (const to of STORES)
      it(`restores into a new ${to.name} store: the same rows, the same answers`, async () => {
        const target = await to.open();
        try {
          const r = await restore(target, file);
          expect(r.source).toBe(from.name);
          expect(r.upgradedBy).toEqual([]);
          expect(await dump(target.db)).toEqual(before);
          const migrations = await sql<{
            name: string;
          }>`select name from kehoach_migration order by name`.execute(target.db);
          expect(migrations.rows.map((m) => m.name)).toEqual([...MIGRATION_NAMES]);
          const there = await answers(target, api.passwords, filled);
          expect(there.file).toEqual([200, ATTACHMENT.toString("base64")]);
          expect(there).toEqual(await answers(api.store, api.passwords, filled));
        } finally {
          await target.close();
        }
      });

    it("restores into a migrated, unused store, and a second backup of it is the same", async () => {
      const target = await freshStore(from);
      try {
        await restore(target, file);
        expect(await dump(target.db)).toEqual(before);
        const again = await backupTo(target);
        const other = await freshStore(from);
        try {
          await restore(other, again);
          expect(await dump(other.db)).toEqual(before);
        } finally {
          await other.close();
        }
      } finally {
        await target.close();
      }
    });

    it("refuses a store that holds data without --replace, then replaces it with it", async () => {
      const target = await freshStore(from);
      try {
        await sql`insert into unit (code, name, kind, path) values ('KHAC', 'Đơn vị khác', 'other', '1')`.execute(
          target.db,
        );
        const held = await dump(target.db);
        const error = await refusal(restore(target, file));
        expect(error.id).toBe("restore.target_not_empty");
        expect(error.message).toMatch(/đã có dữ liệu .*--replace/);
        expect(await dump(target.db)).toEqual(held);
        await restore(target, file, true);
        expect(await dump(target.db)).toEqual(before);
      } finally {
        await target.close();
      }
    });

    it("refuses a cut, an altered or a foreign file, and leaves the store as it was", async () => {
      const target = await freshStore(from);
      try {
        await sql`insert into unit (code, name, kind, path) values ('KHAC', 'Đơn vị khác', 'other', '1')`.execute(
          target.db,
        );
        const held = await dump(target.db);
        const bytes = readFileSync(file);
        const variant = (name: string, content: Buffer) => {
          const path = join(dir, `${name}-${files++}`);
          writeFileSync(path, content);
          return path;
        };
        // Cut anywhere (near the end too: the whole load has run when the cut is found), or one byte changed.
        for (const at of [0.5, 0.999]) {
          const cut = variant("cut", bytes.subarray(0, Math.floor(bytes.length * at)));
          const error = await refusal(restore(target, cut, true));
          expect(error.id).toBe("backup.corrupt");
          expect(error.message).toMatch(/bị hỏng hoặc không trọn vẹn/);
          expect(await dump(target.db)).toEqual(held);
        }
        const altered = Buffer.from(bytes);
        const middle = Math.floor(altered.length / 2);
        altered[middle] = (altered[middle] ?? 0) ^ 0x55;
        expect((await refusal(restore(target, variant("altered", altered), true))).id).toBe("backup.corrupt");
        expect(await dump(target.db)).toEqual(held);
        for (const foreign of [
          Buffer.from("code,name,kind\nA,B,other\n"),
          gzipSync(Buffer.from(JSON.stringify({ format: "something-else" }))),
          Buffer.alloc(0),
        ]) {
          const error = await refusal(restore(target, variant("foreign", foreign), true));
          expect(error.id).toBe("backup.not_a_backup");
          expect(error.message).toMatch(/không phải bản sao lưu của kehoach/);
        }
        // A later format version, named.
        const head = Buffer.from(JSON.stringify({ format: "kehoach-backup", version: 2 }));
        const frame = Buffer.alloc(5);
        frame.write("H");
        frame.writeUInt32BE(head.length, 1);
        const later = gzipSync(Buffer.concat([Buffer.from("KEHOACH-BACKUP\n"), frame, head]));
        const error = await refusal(restore(target, variant("later", later), true));
        expect(error.id).toBe("backup.unsupported_version");
        expect(error.message).toMatch(/phiên bản 2.*phiên bản 1/);
        expect(await dump(target.db)).toEqual(held);
      } finally {
        await target.close();
      }
    });
  });

  describe(`a backup of an older ${from.name} store`, () => {
    it("restores at its own level, then migrates to this version's", async () => {
      const old = await from.open();
      try {
        expect((await migrateTo(old.db, "0022-implementing-plans")).error).toBeNull();
        await sql`insert into unit (code, name, kind, path) values ('SGDDT', 'Sở Giáo dục và Đào tạo', 'department', '1')`.execute(
          old.db,
        );
        await sql`insert into document (sha256, file_name, media_type, size_bytes, content, text)
          values (repeat('a', 64), 'kh.txt', 'text/plain', 3, '\\x010203', 'Kế hoạch')`.execute(old.db);
        await sql`insert into plan (document_id, number, parsed) select id, '123 /KH - UBND', '{}' from document`.execute(
          old.db,
        );
        const file = await backupTo(old);
        const target = await from.open();
        try {
          const r = await restore(target, file);
          expect(r.level).toBe("0022-implementing-plans");
          expect(r.upgradedBy).toEqual(MIGRATION_NAMES.filter((m) => m > "0022-implementing-plans"));
          const plan = await sql<{ number_key: string; content: string }>`
            select p.number_key, encode(d.content, 'hex') as content from plan p join document d on d.id = p.document_id`.execute(
            target.db,
          );
          expect(plan.rows).toEqual([{ number_key: numberKey("123 /KH - UBND"), content: "010203" }]);
        } finally {
          await target.close();
        }
      } finally {
        await old.close();
      }
    });

    it("refuses a backup from a newer version, naming both levels", async () => {
      const newer = await freshStore(from);
      const target = await freshStore(from);
      try {
        await sql`insert into kehoach_migration (name, timestamp) values ('9999-future', '2099-01-01T00:00:00Z')`.execute(
          newer.db,
        );
        const file = await backupTo(newer);
        const error = await refusal(restore(target, file));
        expect(error.id).toBe("backup.newer_version");
        expect(error.message).toContain("9999-future");
        expect(error.message).toContain(MIGRATION_NAMES.at(-1));
      } finally {
        await newer.close();
        await target.close();
      }
    });

    it("continues each sequence past where it stood, not only past the highest id kept", async () => {
      const source = await freshStore(from);
      const target = await from.open();
      try {
        const add = (db: Kysely<Database>, code: string) =>
          sql<{
            id: string;
          }>`insert into unit (code, name, kind, path) values (${code}, ${`Đơn vị ${code}`}, 'other', '1')
            returning id::text as id`.execute(db);
        for (const code of ["A1", "A2", "A3"]) await add(source.db, code);
        await sql`delete from unit where code = 'A3'`.execute(source.db);
        const file = await backupTo(source);
        await restore(target, file);
        const next = (await add(target.db, "B1")).rows[0]?.id;
        const there = (await add(source.db, "B1")).rows[0]?.id;
        expect(next).toBe(there);
        expect(Number(next)).toBe(4);
      } finally {
        await source.close();
        await target.close();
      }
    });
  });
}
