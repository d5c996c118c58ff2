// Reminders walked through July with a controlled clock, to a real SMTP server: the unit is told a
// week, three days and a day before its deadline, on the day and after it; three days late its
// leader hears (in the morning digest they chose), a week late the plan officer. A second run of a
// day, a restart, a sender stopped mid-send and two servers on one PostgreSQL send nothing twice and
// lose nothing; a refused address is retried with backoff, then shown to administrators.

import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoApi, demoApi } from "../../test/api-client.js";
import { startSmtp, type TestSmtp } from "../../test/smtp.js";
import { STORES } from "../../test/stores.js";
import { claimMail, savePreferences } from "../db/notifications.repository.js";
import { createAccount } from "../services/auth.service.js";
import { createMailer } from "../services/mailer.js";
import { createScheduler, type Scheduler } from "../services/reminders.service.js";

const PLAN = `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 995/KH-SGDĐT                     Hải Phòng, ngày 01 tháng 7 năm 2026

KẾ HOẠCH
Tổng kết năm học 2025-2026

I. NHIỆM VỤ
1. Tổng hợp kết quả thi tốt nghiệp của các trường
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Thời gian thực hiện: Trước ngày 15/7/2026
`;

// 08:00 in Hà Nội on a day of July 2026.
const morning = (day: number) => new Date(Date.UTC(2026, 6, day, 1, 0, 0));

for (const kind of STORES) {
  describe(`reminders on ${kind.name}`, () => {
    let api: DemoApi;
    let smtp: TestSmtp;
    let now = morning(1);
    let planId995 = "";
    const clock = { now: () => new Date(now) };
    const scheduler = (): Scheduler =>
      createScheduler(api.ctx, {
        mailer: createMailer(smtp.url, "kehoach <kehoach@so.test>"),
        publicUrl: "https://kehoach.so.test/",
      });
    const mailsTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));

    beforeAll(async () => {
      smtp = await startSmtp();
      api = await demoApi(kind, clock);
      const gdtrh = (
        await api.store.db
          .selectFrom("unit")
          .select("id")
          .where("code", "=", "SGDDT.GDTRH")
          .executeTakeFirstOrThrow()
      ).id;
      const leader = await createAccount(api.ctx, null, {
        login: "truongphong",
        displayName: "Trưởng phòng Giáo dục Trung học",
        unitId: String(gdtrh),
        role: "leader",
        password: "Truong-phong-2026",
      });
      await savePreferences(api.store.db, leader, {
        email: "truongphong@so.test",
        mode: "digest",
        muted: [],
      });
      const vanthu = await api.store.db
        .selectFrom("app_user")
        .select("id")
        .where("login", "=", "vanthu")
        .executeTakeFirstOrThrow();
      await savePreferences(api.store.db, String(vanthu.id), {
        email: "vanthu@so.test",
        mode: "each",
        muted: ["plan_published"],
      });
    });
    afterAll(async () => {
      await api.close();
      await smtp.close();
    });

    it("sets a person's address and choices, and refuses a bad address with its field", async () => {
      const bad = await api.call("phongtrunghoc", "PUT", "/api/v1/notifications/preferences", {
        email: "gdtrh-at-so",
        mode: "each",
        muted: [],
      });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().fields).toEqual([{ field: "email", reason: "không đúng dạng ten@donvi.gov.vn" }]);
      const ok = await api.call("phongtrunghoc", "PUT", "/api/v1/notifications/preferences", {
        email: "gdtrh@so.test",
        mode: "each",
        muted: [],
      });
      expect(ok.json()).toEqual({ email: "gdtrh@so.test", mode: "each", muted: [] });
    });

    it("tells the unit of its new work, then of its deadline as it nears and passes; escalates when late", async () => {
      const planId = await api.importText("vanthu", "ke-hoach-995.txt", PLAN);
      expect((await api.confirmAndPublish("vanthu", planId)).statusCode).toBe(204);
      planId995 = planId;

      const daily = scheduler();
      const sentOn = new Map<number, string[]>();
      for (let day = 1; day <= 23; day++) {
        now = morning(day);
        const before = smtp.received.length;
        await daily.tick();
        sentOn.set(
          day,
          smtp.received
            .slice(before)
            .map((m) => `${m.to.join(",")}: ${m.subject.replace(/^\[kehoach\] /, "")}`),
        );
      }
      const days = (who: string) =>
        [...sentOn].flatMap(([day, mails]) => (mails.some((m) => m.startsWith(`${who}:`)) ? [day] : []));
      expect(days("gdtrh@so.test")).toEqual([1, 8, 12, 14, 15, 16, 18, 22]);
      expect(sentOn.get(8)).toContain(
        "gdtrh@so.test: Sắp đến hạn (còn 7 ngày): I.1 Tổng hợp kết quả thi tốt nghiệp của các trường",
      );
      expect(sentOn.get(15)).toContain(
        "gdtrh@so.test: Đến hạn hôm nay: I.1 Tổng hợp kết quả thi tốt nghiệp của các trường",
      );
      expect(sentOn.get(16)).toContain(
        "gdtrh@so.test: Quá hạn 1 ngày: I.1 Tổng hợp kết quả thi tốt nghiệp của các trường",
      );
      expect(sentOn.get(1)).toEqual(["gdtrh@so.test: Kế hoạch mới giao việc cho đơn vị: 995/KH-SGDĐT"]);
      // The leader takes a digest: the morning after each day that had something for them.
      expect(days("truongphong@so.test")).toEqual([19, 23]);
      const digest = mailsTo("truongphong@so.test")[0];
      expect(digest?.subject).toBe("[kehoach] Tóm tắt ngày 19/07/2026: 1 việc cần chú ý");
      expect(digest?.text).toContain("Quá hạn 3 ngày: I.1 Tổng hợp kết quả thi tốt nghiệp của các trường");
      expect(digest?.text).toContain("https://kehoach.so.test/#/plans/");
      // A week late the plan officer hears (who muted only the news of published plans).
      expect(days("vanthu@so.test")).toEqual([22]);
      expect(mailsTo("vanthu@so.test")[0]?.text).toContain("Phòng Giáo dục Trung học — hạn 15/07/2026.");

      // In the app: the bell's count and list, each opening the plan (read as of the 1st: the test's
      // sessions were opened then and would have expired by the 23rd).
      const walked = now;
      now = morning(1);
      const bell = (await api.call("phongtrunghoc", "GET", "/api/v1/notifications")).json();
      expect(bell.unread).toBe(8);
      expect(bell.items[0]).toMatchObject({ kind: "overdue", link: `#/plans/${planId}`, read: false });
      await api.call("phongtrunghoc", "POST", "/api/v1/notifications/read", { ids: [bell.items[0].id] });
      expect((await api.call("phongtrunghoc", "GET", "/api/v1/notifications")).json().unread).toBe(7);
      await api.call("phongtrunghoc", "POST", "/api/v1/notifications/read", {});
      expect((await api.call("phongtrunghoc", "GET", "/api/v1/notifications")).json().unread).toBe(0);
      now = walked;
    });

    it("refreshes the planner's statistics in the day's round: PGlite never does by itself", async () => {
      const [row] = (
        await sql<{ believed: number; rows: number }>`
          select (select reltuples::int from pg_class where relname = 'work_item') as believed,
                 (select count(*)::int from work_item) as rows`.execute(api.store.db)
      ).rows;
      // Plan 995 was imported and published after the demo: the July rounds analysed its work too.
      expect(row?.rows).toBeGreaterThan(0);
      expect(row?.believed).toBe(row?.rows);
    });

    it("sends nothing twice: the same day again, a restarted server; a sender stopped mid-send loses nothing", async () => {
      const count = smtp.received.length;
      const again = await scheduler().tick();
      expect(again).toMatchObject({ reminders: null, queued: 0, sent: 0 });
      expect(smtp.received.length).toBe(count);
      // A report returned: its notice is queued, and a sender takes it and stops before sending.
      now = new Date(now.getTime() + 60_000);
      const stopped = scheduler();
      await api.store.db
        .insertInto("mail_outbox")
        .values({
          user_id: null,
          to_address: "gdtrh@so.test",
          dedupe_key: "test:stopped-sender",
          subject: "[kehoach] Thư đang gửi dở",
          text_body: "…",
          html_body: "<p>…</p>",
          created_at: now,
          next_attempt_at: now,
        })
        .execute();
      expect(await claimMail(api.store.db, now, 10)).toHaveLength(1);
      await stopped.stop();
      // The next server takes it up once the stopped sender's hold lapses (ten minutes).
      now = new Date(now.getTime() + 5 * 60_000);
      await scheduler().tick();
      expect(smtp.received.filter((m) => m.subject === "Thư đang gửi dở")).toHaveLength(0);
      now = new Date(now.getTime() + 11 * 60_000);
      await scheduler().tick();
      expect(smtp.received.filter((m) => m.subject === "[kehoach] Thư đang gửi dở")).toHaveLength(1);
      await scheduler().tick();
      expect(smtp.received.filter((m) => m.subject === "[kehoach] Thư đang gửi dở")).toHaveLength(1);
    });

    it("retries a refused address with backoff, then lists it for administrators", async () => {
      smtp.refuse.add("sai@so.test");
      await api.store.db
        .insertInto("mail_outbox")
        .values({
          user_id: null,
          to_address: "sai@so.test",
          dedupe_key: "test:refused",
          subject: "[kehoach] Thư bị từ chối",
          text_body: "…",
          html_body: "<p>…</p>",
          created_at: now,
          next_attempt_at: new Date(now.getTime() + 60_000),
        })
        .execute();
      const tries: number[] = [];
      for (let minute = 0; minute < 64; minute++) {
        now = new Date(now.getTime() + 60_000);
        const r = await scheduler().tick();
        if (r.failed) tries.push(minute);
      }
      // Tried at once, then 1, 2, 4, 8 and 16 minutes later: six tries, then given up.
      expect(tries).toEqual([0, 1, 3, 7, 15, 31]);
      const walked = now;
      now = morning(1);
      const failed = (await api.call("quantri", "GET", "/api/v1/notifications/failed-mail")).json().mails;
      expect(failed).toEqual([expect.objectContaining({ to: "sai@so.test", attempts: 6 })]);
      expect((await api.call("vanthu", "GET", "/api/v1/notifications/failed-mail")).statusCode).toBe(403);
      now = walked;
    });

    it("reminds a unit of its report before the period's due date, on it and on the last day, until it is sent", async () => {
      // Plan 995 sets no report dates: its units report by the regime's 15/12. A report returned is
      // not sent: the unit is reminded again until it sends it once more.
      const tell = (day: number) => new Date(Date.UTC(2026, 11, day, 1, 0, 0));
      const daily = scheduler();
      const of995 = new Map<number, string[]>();
      const act = new Map<number, () => Promise<void>>([
        [
          9,
          async () => {
            await api.signInAgain();
            const plan = (await api.call("phongtrunghoc", "GET", "/api/v1/workspace")).json();
            const item = (plan.items as Array<{ workItemId: string; planId: string }>).find(
              (i) => i.planId === planId995,
            );
            const saved = await api.call("phongtrunghoc", "PUT", `/api/v1/reports/plans/${planId995}`, {
              items: [{ workItemId: item?.workItemId, status: "in_progress", results: "Đang tổng hợp" }],
            });
            expect(saved.statusCode, saved.body).toBe(200);
            expect(saved.json().periodDue).toBe("2026-12-15");
            reportId = saved.json().id;
            expect(
              (await api.call("phongtrunghoc", "POST", `/api/v1/reports/${reportId}/submit`)).statusCode,
            ).toBe(204);
            const back = await api.call("vanthu", "POST", `/api/v1/reports/${reportId}/decision`, {
              accept: false,
              comment: "Bổ sung số liệu các trường",
            });
            expect(back.statusCode, back.body).toBe(204);
          },
        ],
        [
          13,
          async () => {
            await api.signInAgain();
            expect(
              (await api.call("phongtrunghoc", "POST", `/api/v1/reports/${reportId}/submit`)).statusCode,
            ).toBe(204);
          },
        ],
      ]);
      let reportId = "";
      for (let day = 1; day <= 31; day++) {
        now = tell(day);
        const before = smtp.received.length;
        await daily.tick();
        of995.set(
          day,
          smtp.received
            .slice(before)
            .filter((m) => m.to.includes("gdtrh@so.test") && m.subject.includes("995/KH-SGDĐT"))
            .map((m) => m.subject.replace(/^\[kehoach\] /, "")),
        );
        await act.get(day)?.();
      }
      const days = [...of995].flatMap(([day, subjects]) => (subjects.length ? [day] : []));
      // 8/12 a week before; on the 10th the news that the report sent on the 9th was returned; 12/12
      // three days before, the report not being sent; sent again on the 13th: nothing on the 14th,
      // the 15th or the 25th, the last day late reports are taken.
      expect(days).toEqual([8, 10, 12]);
      expect(of995.get(10)).toEqual([expect.stringMatching(/^Báo cáo bị trả lại/)]);
      expect(of995.get(8)).toEqual([
        "Sắp đến hạn báo cáo (còn 7 ngày): kỳ 15/12/2026 — Kế hoạch số 995/KH-SGDĐT",
      ]);
      expect(of995.get(12)).toEqual([
        "Sắp đến hạn báo cáo (còn 3 ngày): kỳ 15/12/2026 — Kế hoạch số 995/KH-SGDĐT",
      ]);
      const mail = mailsTo("gdtrh@so.test").find((m) =>
        m.subject.includes("kỳ 15/12/2026 — Kế hoạch số 995"),
      );
      expect(mail?.text).toContain("Đơn vị chưa gửi báo cáo kỳ 15/12/2026 của Kế hoạch số 995/KH-SGDĐT.");
      expect(mail?.text).toContain("https://kehoach.so.test/#/workspace");
    });

    it.skipIf(kind.name !== "postgres")("two servers on one PostgreSQL send each reminder once", async () => {
      now = morning(1);
      const planId = await api.importText(
        "vanthu",
        "ke-hoach-996.txt",
        PLAN.replace("995/KH", "996/KH").replace("15/7/2026", "20/8/2026"),
      );
      expect((await api.confirmAndPublish("vanthu", planId)).statusCode).toBe(204);
      now = new Date(Date.UTC(2026, 7, 13, 1, 0, 0));
      const before = mailsTo("gdtrh@so.test").length;
      const [a, b] = await Promise.all([scheduler().tick(), scheduler().tick()]);
      expect([a.reminders, b.reminders].filter((r) => r !== null)).toHaveLength(1);
      const week = mailsTo("gdtrh@so.test")
        .slice(before)
        .filter((m) => m.subject.includes("còn 7 ngày"));
      expect(week).toHaveLength(1);
    });
  });
}
