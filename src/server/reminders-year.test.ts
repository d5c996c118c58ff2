// A plan walked through a whole year with a controlled clock, to a real SMTP server started here:
// published on 2 January 2027, its tasks due at the end of March, in June, every quarter and in
// mid-December; every morning at 08:00 (Hà Nội) the scheduler ticks once. The unit reports some
// work done on time (its reminders stop), asks for two extensions (the reminders follow the new
// dates), and leaves the rest late (its leader hears in the morning digest, then the plan officer).
// What the SMTP server received is read back and compared, message by message and day by day, with
// what the rules give from the plans' dates: the reminder days before a deadline (the plan's, 7, 3
// and 1 by default), the day itself, 1, 3 and 7 days after; the unit's officers on each, its leaders
// from 3 days late, the plan officers of the issuing body from 7 days late.

import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoApi, demoApi } from "../../test/api-client.js";
import { type Received, startSmtp, type TestSmtp } from "../../test/smtp.js";
import { STORES } from "../../test/stores.js";
import { savePreferences } from "../db/notifications.repository.js";
import { createAccount } from "../services/auth.service.js";
import { createMailer, type Mailer } from "../services/mailer.js";
import { createScheduler } from "../services/reminders.service.js";

const PLAN_NUMBER = "980/KH-SGDĐT";
const PLAN = `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: ${PLAN_NUMBER}                     Hải Phòng, ngày 02 tháng 01 năm 2027

KẾ HOẠCH
Nâng cao chất lượng giáo dục trung học năm 2027

I. NHIỆM VỤ
1. Rà soát đội ngũ giáo viên trung học
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Thời gian thực hiện: Trước ngày 31/3/2027
2. Bồi dưỡng kỹ năng chuyển cấp cho học sinh lớp 5 lên lớp 6
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Đơn vị phối hợp: Phòng Giáo dục Tiểu học
- Thời gian thực hiện: Trong tháng 6/2027
3. Báo cáo tình hình dạy thêm, học thêm
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Thời gian thực hiện: Hằng quý
4. Tổng kết đổi mới phương pháp dạy học
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Thời gian thực hiện: Trước ngày 15/12/2027
`;

const GDTRH = "SGDDT.GDTRH";
const GDTH = "SGDDT.GDTH";
const SO = "SGDDT";

// The plan's tasks as its text gives them: who does each, and its dates in 2027 ("Trong tháng
// 6/2027" is the month's last day; "Hằng quý" the four quarters' last days).
const TASKS = [
  { key: "I.1", title: "Rà soát đội ngũ giáo viên trung học", dues: ["2027-03-31"], units: [GDTRH] },
  {
    key: "I.2",
    title: "Bồi dưỡng kỹ năng chuyển cấp cho học sinh lớp 5 lên lớp 6",
    dues: ["2027-06-30"],
    units: [GDTRH, GDTH],
  },
  {
    key: "I.3",
    title: "Báo cáo tình hình dạy thêm, học thêm",
    dues: ["2027-03-31", "2027-06-30", "2027-09-30", "2027-12-31"],
    units: [GDTRH],
  },
  { key: "I.4", title: "Tổng kết đổi mới phương pháp dạy học", dues: ["2027-12-15"], units: [GDTRH] },
];

// What happens during the year, after the morning's tick of its day.
const FIRST = "2027-01-02";
const LAST = "2027-12-31";
/** The lead unit reports I.1 done (and I.3 under way): accepted the same day. */
const REPORT_1 = "2027-03-26";
/**
 * The period it reports for: the plan sets no report dates, so the regime's (15/6 and 15/12), each
 * open from the day after the one before closes (10 days after its date) to 10 days after its own.
 */
const PERIOD_1 = "2027-06-15";
/** The lead unit reports its part of I.2 done (and I.3 still under way); the cooperating unit never reports. */
const REPORT_2 = "2027-06-29";
/** 29/6 is past 15/6 by more than 10 days: the next period. */
const PERIOD_2 = "2027-12-15";
/** I.3's next deadline (30/9) extended to 15/10, asked and approved the same day. */
const EXTEND_1 = { day: "2027-09-27", key: "I.3", from: "2027-09-30", to: "2027-10-15" };
/** I.4's deadline (15/12) extended to 22/12. */
const EXTEND_2 = { day: "2027-12-10", key: "I.4", from: "2027-12-15", to: "2027-12-22" };

// Who has an address, and how they take notices.
interface Person {
  login: string;
  name: string;
  email: string;
  role: "unit_officer" | "leader" | "plan_officer";
  unit: string;
  /** For a plan officer: the body whose plans they keep (their office sits right under it). */
  body?: string;
  mode: "each" | "digest" | "none";
  muted: string[];
}
const PEOPLE: Person[] = [
  {
    login: "phongtrunghoc",
    name: "Chuyên viên Phòng Giáo dục Trung học",
    email: "gdtrh@so.test",
    role: "unit_officer",
    unit: GDTRH,
    mode: "each",
    muted: [],
  },
  {
    login: "gdtrh2",
    name: "Chuyên viên thứ hai Phòng Giáo dục Trung học",
    email: "gdtrh2@so.test",
    role: "unit_officer",
    unit: GDTRH,
    mode: "each",
    muted: ["due_soon", "plan_published"],
  },
  {
    login: "gdtrh3",
    name: "Chuyên viên thứ ba Phòng Giáo dục Trung học",
    email: "gdtrh3@so.test",
    role: "unit_officer",
    unit: GDTRH,
    mode: "none",
    muted: [],
  },
  {
    login: "truongphong",
    name: "Trưởng phòng Giáo dục Trung học",
    email: "truongphong@so.test",
    role: "leader",
    unit: GDTRH,
    mode: "digest",
    muted: [],
  },
  {
    login: "phongtieuhoc",
    name: "Chuyên viên Phòng Giáo dục Tiểu học",
    email: "gdth@so.test",
    role: "unit_officer",
    unit: GDTH,
    mode: "each",
    muted: [],
  },
  {
    login: "vanthu",
    name: "Chuyên viên Văn phòng Sở",
    email: "vanthu@so.test",
    role: "plan_officer",
    unit: "SGDDT.VP",
    body: SO,
    mode: "each",
    muted: [],
  },
];

const BASE = "https://kehoach.so.test/";
const DAY_MS = 86_400_000;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
/** Days from `b` to `a`. */
const daysBetween = (a: string, b: string) => Math.round((Date.parse(a) - Date.parse(b)) / DAY_MS);
const vi = (day: string) => day.split("-").reverse().join("/");
/** 08:00 in Hà Nội on a day. */
const morning = (day: string) => new Date(`${day}T01:00:00Z`);

/** One deadline of one unit's work, and the days it stands (an approved extension replaces it). */
interface Due {
  planId: string;
  plan: string;
  key: string;
  title: string;
  unit: string;
  unitName: string;
  keeper: string;
  due: string;
  /** The work's id in the test's terms (plan, task, unit): its done state is the work's. */
  work: string;
  standsFrom: string;
  standsTo: string;
}

/** A notification the rules give: to whom, on which day (the morning it is computed), saying what. */
interface Notice {
  day: string;
  person: Person;
  kind: string;
  title: string;
  body: string;
  link: string;
}

const REMINDER_DAYS = [7, 3, 1];
const AFTER_DAYS = [0, -1, -3, -7];

function label(left: number): { kind: string; text: string } {
  if (left > 0) return { kind: "due_soon", text: `Sắp đến hạn (còn ${left} ngày)` };
  if (left === 0) return { kind: "due_today", text: "Đến hạn hôm nay" };
  return { kind: "overdue", text: `Quá hạn ${-left} ngày` };
}

/** The deadline reminders of the year, by the rules, from the deadlines and the days work was done. */
function deadlineNotices(dues: readonly Due[], doneAfter: ReadonlyMap<string, string>): Notice[] {
  const out: Notice[] = [];
  for (let day = FIRST; day <= LAST; day = addDays(day, 1))
    for (const d of dues) {
      if (day < d.standsFrom || day > d.standsTo) continue;
      const done = doneAfter.get(d.work);
      if (done !== undefined && day > done) continue;
      const left = daysBetween(d.due, day);
      if (!REMINDER_DAYS.includes(left) && !AFTER_DAYS.includes(left)) continue;
      const { kind, text } = label(left);
      const recipients = PEOPLE.filter(
        (p) =>
          (p.role === "unit_officer" && p.unit === d.unit) ||
          (p.role === "leader" && p.unit === d.unit && left <= -3) ||
          (p.role === "plan_officer" && p.body === d.keeper && left <= -7),
      );
      for (const person of recipients)
        out.push({
          day,
          person,
          kind,
          title: `${text}: ${d.key} ${d.title.slice(0, 160)}`,
          body: `Kế hoạch số ${d.plan} — ${d.unitName} — hạn ${vi(d.due)}.`,
          link: `#/plans/${d.planId}`,
        });
    }
  return out;
}

/** A plan's report periods in the year, and the units with work in it (each owes a report a period). */
interface Periods {
  planId: string;
  plan: string;
  dues: string[];
  units: string[];
}

/** Reports are reminded of on the reminder days before their due date, on it, and on the last of the 10 grace days. */
const REPORT_OFFSETS = [...REMINDER_DAYS, 0, -10];

function reportLabel(left: number, due: string, plan: string): { title: string; body: string } {
  const tail = ` — Kế hoạch số ${plan}`;
  if (left < 0)
    return {
      title: `Hôm nay là ngày cuối nhận báo cáo kỳ ${vi(due)}${tail}`,
      body: "Đơn vị chưa gửi báo cáo kỳ này; sau hôm nay kỳ báo cáo bị khóa, muốn gửi phải đề nghị mở lại.",
    };
  const head = left > 0 ? `Sắp đến hạn báo cáo (còn ${left} ngày)` : "Đến hạn báo cáo hôm nay";
  return {
    title: `${head}: kỳ ${vi(due)}${tail}`,
    body: `Đơn vị chưa gửi báo cáo kỳ ${vi(due)} của Kế hoạch số ${plan}.`,
  };
}

/** The report reminders of the year: to the officers of each unit that has not sent its report (`sentOn`: plan, unit, period → day sent). */
function reportNotices(plans: readonly Periods[], sentOn: ReadonlyMap<string, string>): Notice[] {
  const out: Notice[] = [];
  for (let day = FIRST; day <= LAST; day = addDays(day, 1))
    for (const p of plans)
      for (const due of p.dues) {
        const left = daysBetween(due, day);
        if (!REPORT_OFFSETS.includes(left)) continue;
        for (const unit of p.units) {
          const sent = sentOn.get(`${p.planId} ${unit} ${due}`);
          if (sent !== undefined && day > sent) continue;
          for (const person of PEOPLE.filter((x) => x.role === "unit_officer" && x.unit === unit))
            out.push({
              day,
              person,
              kind: "report_due",
              ...reportLabel(left, due, p.plan),
              link: "#/workspace",
            });
        }
      }
  return out;
}

/** A message received, with the morning it came on. */
type Mail = Received & { day: string };

/** A message as the rules expect it: the day it arrives, to whom, its subject, what its text says. */
interface Expected {
  day: string;
  to: string;
  subject: string;
  lines: string[];
}

/** Each notice by itself the morning it is made (the next for one made after the tick); digests the next morning. */
function expectedMail(notices: readonly Notice[]): Expected[] {
  const out: Expected[] = [];
  const digests = new Map<string, { day: string; person: Person; items: Notice[] }>();
  for (const n of notices) {
    if (!n.person.email || n.person.muted.includes(n.kind)) continue;
    if (n.person.mode === "each")
      out.push({
        day: n.day,
        to: n.person.email,
        subject: `[kehoach] ${n.title}`,
        lines: [`Kính gửi ${n.person.name},`, n.title, n.body, `Xem: ${BASE}${n.link.replace(/^\//, "")}`],
      });
    else if (n.person.mode === "digest") {
      // Made at 08:00, after the day's 07:00 digest: in the next morning's.
      const day = addDays(n.day, 1);
      if (day > LAST) continue;
      const key = `${n.person.email} ${day}`;
      const entry = digests.get(key) ?? { day, person: n.person, items: [] };
      entry.items.push(n);
      digests.set(key, entry);
    }
  }
  for (const { day, person, items } of digests.values())
    out.push({
      day,
      to: person.email,
      subject: `[kehoach] Tóm tắt ngày ${vi(day)}: ${items.length} việc cần chú ý`,
      lines: [
        `Kính gửi ${person.name},`,
        `Các việc cần chú ý ngày ${vi(day)}:`,
        ...items.flatMap((i) => [`- ${i.title}`, `  ${i.body}`, `  ${BASE}${i.link.replace(/^\//, "")}`]),
      ],
    });
  return out;
}

for (const kind of STORES) {
  describe(`a plan's year of reminders on ${kind.name}`, () => {
    let api: DemoApi;
    let smtp: TestSmtp;
    let mailer: Mailer;
    let now = morning(FIRST);
    const clock = { now: () => new Date(now) };
    const userIds = new Map<string, string>();

    beforeAll(async () => {
      smtp = await startSmtp();
      mailer = createMailer(smtp.url, "kehoach <kehoach@so.test>");
      api = await demoApi(kind, clock);
      const units = new Map(
        (await api.store.db.selectFrom("unit").select(["id", "code"]).execute()).map((u) => [
          u.code,
          String(u.id),
        ]),
      );
      for (const p of PEOPLE) {
        const existing = await api.store.db
          .selectFrom("app_user")
          .select("id")
          .where("login", "=", p.login)
          .executeTakeFirst();
        const id = existing
          ? String(existing.id)
          : await createAccount(api.ctx, null, {
              login: p.login,
              displayName: p.name,
              unitId: units.get(p.unit) ?? "",
              role: p.role,
              password: `Mat-khau-${p.login}-2027`,
            });
        userIds.set(p.login, id);
        await savePreferences(api.store.db, id, { email: p.email, mode: p.mode, muted: p.muted });
      }
    });
    afterAll(async () => {
      mailer?.close();
      await api?.close();
      await smtp?.close();
    });

    it("mails the right people on the right days all year, once each, and nothing for work done", async () => {
      // Published on the morning of 2 January, before the scheduler's first tick of the year.
      const planId = await api.importText("vanthu", "ke-hoach-980.txt", PLAN);
      expect((await api.confirmAndPublish("vanthu", planId)).statusCode).toBe(204);

      // The deadlines as published are the plan's dates, one set per unit given the task.
      const rows = await sql<{ key: string; code: string; role: string; due: string }>`
        select t.key, u.code, w.role, d.due::text as due from deadline d
        join work_item w on w.id = d.work_item_id join task t on t.id = w.task_id join unit u on u.id = w.unit_id
        where t.plan_id = ${planId}`.execute(api.store.db);
      expect(rows.rows.map((r) => `${r.key} ${r.code} ${r.role} ${r.due}`).sort()).toEqual(
        TASKS.flatMap((t) =>
          t.units.flatMap((u) =>
            t.dues.map((due) => `${t.key} ${u} ${u === t.units[0] ? "lead" : "cooperate"} ${due}`),
          ),
        ).sort(),
      );

      // The demo plans already in the store have deadlines of their own in the year (and at the end
      // of 2026, late in January): their reminders go out too, to the same people, by the same rules.
      const others = await sql<{
        plan_id: string;
        number: string;
        key: string;
        title: string;
        code: string;
        name: string;
        keeper: string;
        due: string;
        wid: string;
      }>`
        select p.id as plan_id, p.number, t.key, t.title, u.code, u.name, ku.code as keeper,
               d.due::text as due, w.id as wid
        from deadline d join work_item w on w.id = d.work_item_id
        join task t on t.id = w.task_id and t.removed_at is null
        join plan p on p.id = t.plan_id and p.status = 'published'
        join unit u on u.id = w.unit_id join unit ku on ku.id = p.issuer_unit_id
        where p.id <> ${planId}`.execute(api.store.db);
      const unitNames = new Map(
        (await api.store.db.selectFrom("unit").select(["code", "name"]).execute()).map((u) => [
          u.code,
          u.name,
        ]),
      );
      const dues: Due[] = [
        ...others.rows.map((r) => ({
          planId: String(r.plan_id),
          plan: r.number,
          key: r.key,
          title: r.title,
          unit: r.code,
          unitName: r.name,
          keeper: r.keeper,
          due: r.due,
          work: `w${r.wid}`,
          standsFrom: FIRST,
          standsTo: LAST,
        })),
        ...TASKS.flatMap((t) =>
          t.units.flatMap((unit) =>
            t.dues.map((due) => ({
              planId,
              plan: PLAN_NUMBER,
              key: t.key,
              title: t.title,
              unit,
              unitName: unitNames.get(unit) ?? unit,
              keeper: SO,
              due,
              work: `${t.key} ${unit}`,
              standsFrom: FIRST,
              standsTo: LAST,
            })),
          ),
        ),
      ];
      // An approved extension: the old date stands to the day it is approved, the new one from the next.
      for (const e of [EXTEND_1, EXTEND_2]) {
        const old = dues.find(
          (d) => d.planId === planId && d.key === e.key && d.unit === GDTRH && d.due === e.from,
        );
        if (!old) throw new Error(`no deadline ${e.key} ${e.from}`);
        old.standsTo = e.day;
        dues.push({ ...old, due: e.to, standsFrom: addDays(e.day, 1), standsTo: LAST });
      }
      // Work reported done and accepted: reminded up to that day's morning, never after.
      const doneAfter = new Map([
        [`I.1 ${GDTRH}`, REPORT_1],
        [`I.2 ${GDTRH}`, REPORT_2],
      ]);

      const notices = deadlineNotices(dues, doneAfter);

      // Reports: this plan sets no report dates, so the regime's (15/6, 15/12); the demo plan on
      // school safety orders its units to report "Định kỳ trước ngày 15/12 và 15/5". The lead unit
      // sends this plan's two reports before they are due; the cooperating unit and the demo plan's
      // units never do.
      const safety = others.rows.find((r) => r.number === "901/KH-SGDĐT");
      if (!safety) throw new Error("the demo plan 901/KH-SGDĐT is not published");
      const unitsOf = (id: string) => [
        ...new Set(others.rows.filter((r) => r.plan_id === id).map((r) => r.code)),
      ];
      notices.push(
        ...reportNotices(
          [
            { planId, plan: PLAN_NUMBER, dues: ["2027-06-15", "2027-12-15"], units: [GDTRH, GDTH] },
            {
              planId: String(safety.plan_id),
              plan: "901/KH-SGDĐT",
              // Not 30/5/2027: that is the Sở's own report to the city, which no unit owes.
              dues: ["2027-05-15", "2027-12-15"],
              units: unitsOf(safety.plan_id),
            },
          ],
          new Map([
            [`${planId} ${GDTRH} ${PERIOD_1}`, REPORT_1],
            [`${planId} ${GDTRH} ${PERIOD_2}`, REPORT_2],
          ]),
        ),
      );
      const officersOf = (unit: string) => PEOPLE.filter((p) => p.role === "unit_officer" && p.unit === unit);
      // The other notices, made after a morning's tick and mailed the next morning (the plan's on
      // the morning it is published, before the tick): the plan that gives the units work, the
      // accepted reports, the approved extensions.
      for (const unit of [GDTRH, GDTH])
        for (const p of officersOf(unit))
          notices.push({
            day: FIRST,
            person: p,
            kind: "plan_published",
            title: `Kế hoạch mới giao việc cho đơn vị: ${PLAN_NUMBER}`,
            body: "Nâng cao chất lượng giáo dục trung học năm 2027",
            link: `#/plans/${planId}`,
          });
      for (const [day, period] of [
        [REPORT_1, PERIOD_1],
        [REPORT_2, PERIOD_2],
      ] as const)
        for (const p of officersOf(GDTRH))
          notices.push({
            day: addDays(day, 1),
            person: p,
            kind: "report_accepted",
            title: `Báo cáo được chấp nhận: Kế hoạch số ${PLAN_NUMBER}, kỳ ${vi(period)}`,
            body: "",
            link: `#/plans/${planId}`,
          });
      for (const e of [EXTEND_1, EXTEND_2])
        for (const p of officersOf(GDTRH))
          notices.push({
            day: addDays(e.day, 1),
            person: p,
            kind: "extension_decided",
            title: `Đồng ý gia hạn: ${e.key} đến ${vi(e.to)}`,
            body: `Kế hoạch số ${PLAN_NUMBER}, hạn ${vi(e.from)}. Ý kiến: Đồng ý`,
            link: "#/workspace",
          });
      const expected = expectedMail(notices);

      // What the unit and the plan officer do, after the morning's tick of its day.
      const workOf = async (key: string) => {
        const ws = (await api.call("phongtrunghoc", "GET", "/api/v1/workspace")).json();
        const item = (ws.items as Array<{ workItemId: string; planId: string; taskKey: string }>).find(
          (i) => i.planId === planId && i.taskKey === key,
        );
        if (!item) throw new Error(`no work ${key}`);
        return item.workItemId;
      };
      const report = async (items: Array<[string, "done" | "in_progress"]>, period: string) => {
        await api.signInAgain();
        const day = vi(now.toISOString().slice(0, 10));
        const body = {
          items: await Promise.all(
            items.map(async ([key, status]) => ({
              workItemId: await workOf(key),
              status,
              results: status === "done" ? "Đã hoàn thành" : "Đang thực hiện",
              evidence: status === "done" ? `Báo cáo số 15/BC-GDTrH ngày ${day}` : "",
            })),
          ),
        };
        const saved = await api.call("phongtrunghoc", "PUT", `/api/v1/reports/plans/${planId}`, body);
        expect(saved.statusCode, saved.body).toBe(200);
        expect(saved.json().periodDue).toBe(period);
        const id = saved.json().id as string;
        expect((await api.call("phongtrunghoc", "POST", `/api/v1/reports/${id}/submit`)).statusCode).toBe(
          204,
        );
        const decided = await api.call("vanthu", "POST", `/api/v1/reports/${id}/decision`, { accept: true });
        expect(decided.statusCode).toBe(204);
      };
      const extend = async (e: typeof EXTEND_1) => {
        await api.signInAgain();
        const asked = await api.call("phongtrunghoc", "POST", "/api/v1/extensions", {
          workItemId: await workOf(e.key),
          newDue: e.to,
          reason: "Chờ số liệu của các trường",
        });
        expect(asked.statusCode, asked.body).toBe(201);
        // The deadline it extends is the next one, the one the unit's list shows.
        expect(asked.json()).toMatchObject({ fromDue: e.from, requestedDue: e.to });
        const decided = await api.call("vanthu", "POST", `/api/v1/extensions/${asked.json().id}/decision`, {
          approve: true,
          comment: "Đồng ý",
        });
        expect(decided.statusCode, decided.body).toBe(200);
      };
      const actions = new Map<string, () => Promise<void>>([
        [
          REPORT_1,
          () =>
            report(
              [
                ["I.1", "done"],
                ["I.3", "in_progress"],
              ],
              PERIOD_1,
            ),
        ],
        [
          REPORT_2,
          () =>
            report(
              [
                ["I.2", "done"],
                ["I.3", "in_progress"],
              ],
              PERIOD_2,
            ),
        ],
        [EXTEND_1.day, () => extend(EXTEND_1)],
        [EXTEND_2.day, () => extend(EXTEND_2)],
      ]);

      // The year, a morning at a time, one scheduler; each message tagged with the morning it came.
      const scheduler = createScheduler(api.ctx, { mailer, publicUrl: BASE });
      const got: Mail[] = [];
      for (let day = FIRST; day <= LAST; day = addDays(day, 1)) {
        now = morning(day);
        const before = smtp.received.length;
        expect(await scheduler.tick()).toMatchObject({ day, failed: 0 });
        for (const m of smtp.received.slice(before)) got.push({ ...m, day });
        await actions.get(day)?.();
        // Nothing goes out but from the scheduler's tick.
        expect(smtp.received.length).toBe(got.length);
      }

      // Exactly the expected messages: to the right address, on the right day, with the right subject.
      const line = (m: { day: string; to: string; subject: string }) => `${m.day} ${m.to} ${m.subject}`;
      expect(got.map((m) => line({ ...m, to: m.to.join(",") })).sort()).toEqual(expected.map(line).sort());
      // Each read back says what it is about, in Vietnamese, with its link. (A plan officer may get
      // several with one subject on a day: one per unit late, each naming its unit.)
      const unread = new Set(got);
      for (const e of expected) {
        const m = [...unread].find(
          (x) =>
            x.day === e.day &&
            x.to.join(",") === e.to &&
            x.subject === e.subject &&
            e.lines.every((l) => x.text.split("\n").includes(l)),
        );
        expect(m, `${line(e)}: ${e.lines.join(" | ")}`).toBeDefined();
        if (m) unread.delete(m);
      }
      // Nothing twice: one message an event, each with its own Message-ID; a digest a day at most.
      expect(new Set(got.map((m) => m.messageId)).size).toBe(got.length);
      expect(got.every((m) => /^<[\w.-]+@kehoach>$/.test(m.messageId))).toBe(true);
      const digests = got.filter((m) => m.subject.startsWith("[kehoach] Tóm tắt ngày "));
      expect(new Set(digests.map((m) => `${m.to} ${m.day}`)).size).toBe(digests.length);

      // The same, read off the calendar by hand for a few people and tasks. Work done is reminded
      // up to its report and never after: I.1 (due 31/3, done 26/3) a week before only; the lead's
      // part of I.2 (due 30/6, done 29/6) a week, three days and a day before; the cooperating unit,
      // which never reports, all seven times.
      const days = (to: string, about: RegExp) =>
        got
          .filter((m) => m.to.includes(to) && about.test(`${m.subject}\n${m.text}`))
          .map((m) => m.day.slice(5));
      expect(days("gdtrh@so.test", /: I\.1 Rà soát/)).toEqual(["03-24"]);
      expect(days("gdtrh@so.test", /: I\.2 Bồi dưỡng/)).toEqual(["06-23", "06-27", "06-29"]);
      expect(days("gdth@so.test", /: I\.2 Bồi dưỡng/)).toEqual([
        "06-23",
        "06-27",
        "06-29",
        "06-30",
        "07-01",
        "07-03",
        "07-07",
      ]);
      // The second officer muted "due soon": on the day and after it only.
      expect(days("gdtrh2@so.test", /: I\.4 Tổng kết/)).toEqual(["12-22", "12-23", "12-25", "12-29"]);
      // I.3 every quarter: 31/3 and 30/6 late to the last reminder; 30/9 moved to 15/10 on 27/9;
      // 31/12 reminded up to the year's last day.
      expect(days("gdtrh@so.test", /: I\.3 Báo cáo/)).toEqual([
        ...["03-24", "03-28", "03-30", "03-31", "04-01", "04-03", "04-07"],
        ...["06-23", "06-27", "06-29", "06-30", "07-01", "07-03", "07-07"],
        ...["09-23", "09-27"],
        ...["10-08", "10-12", "10-14", "10-15", "10-16", "10-18", "10-22"],
        ...["12-24", "12-28", "12-30", "12-31"],
      ]);
      // A week late, the plan officer of the Sở: of this plan, the cooperating unit's I.2 and the
      // lead's I.3 (each quarter late) and I.4 (its extended date, 22/12).
      expect(days("vanthu@so.test", new RegExp(PLAN_NUMBER))).toEqual([
        "04-07",
        "07-07",
        "07-07",
        "10-22",
        "12-29",
      ]);
      // The leader takes the morning digest: the day after each 3- and 7-days-late reminder of the
      // unit's work, in this plan and in the demo plan 901 (II.1 due 31/12/2026, II.3 due 30/4/2027).
      expect(got.filter((m) => m.to.includes("truongphong@so.test")).map((m) => m.day.slice(5))).toEqual([
        ...["01-04", "01-08", "04-04", "04-08", "05-04", "05-08"],
        ...["07-04", "07-08", "10-19", "10-23", "12-26", "12-30"],
      ]);
      expect(digests.every((m) => m.to.join() === "truongphong@so.test")).toBe(true);
      const late = got.find((m) => m.to.includes("truongphong@so.test") && m.day === "2027-12-30");
      expect(late?.subject).toBe("[kehoach] Tóm tắt ngày 30/12/2027: 1 việc cần chú ý");
      expect(late?.text).toContain("- Quá hạn 7 ngày: I.4 Tổng kết đổi mới phương pháp dạy học");
      expect(late?.text).toContain(`Kế hoạch số ${PLAN_NUMBER} — Phòng Giáo dục Trung học — hạn 22/12/2027.`);
      expect(late?.text).toContain(`https://kehoach.so.test/#/plans/${planId}`);
      // Who takes no mail gets none, and still finds every notice in the app, like the unit's others.
      expect(got.some((m) => m.to.includes("gdtrh3@so.test"))).toBe(false);
      const titles = async (login: string) =>
        (
          await api.store.db
            .selectFrom("notification")
            .select("title")
            .where("user_id", "=", userIds.get(login) ?? "")
            .orderBy("id")
            .execute()
        ).map((n) => n.title);
      expect((await titles("gdtrh3")).length).toBeGreaterThan(0);
      expect(await titles("gdtrh3")).toEqual(await titles("phongtrunghoc"));
    }, 300_000);
  });
}
