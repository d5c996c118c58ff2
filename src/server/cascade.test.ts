// Implementing plans that cascade, end to end in the API: the Sở publishes a plan giving work to
// Phòng GDĐT quận Hồng Bàng; the Phòng's officer draws up the Phòng's implementing plan from it,
// adds a task of its own, gives the Sở's tasks to its schools, and publishes; a school does the same
// with the Phòng's plan; the school's report, accepted, moves the Phòng's task and then the Sở's.
// The cascade view shows the three levels with their counts and reports, and the work nobody
// carries down yet. The demo directory has no schools under a Phòng: the test adds two.

import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoApi, demoApi, multipart } from "../../test/api-client.js";
import { STORES } from "../../test/stores.js";

const SCHOOLS = `code,name,short_name,kind,parent_code,abbreviations,aliases,active,valid_from,valid_to
Q.HONGBANG.THCS1,Trường THCS Hồng Bàng Một,THCS Hồng Bàng Một,school,Q.HONGBANG.PGDDT,,,1,,
Q.HONGBANG.THCS2,Trường THCS Hồng Bàng Hai,THCS Hồng Bàng Hai,school,Q.HONGBANG.PGDDT,,,1,,
`;

const SO_PLAN = `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 931/KH-SGDĐT                     Hải Phòng, ngày 01 tháng 9 năm 2026

KẾ HOẠCH
Phát triển thư viện trường học năm học 2026-2027

I. NHIỆM VỤ
1. Xây dựng thư viện xanh ở các trường trung học cơ sở
- Đơn vị chủ trì: Phòng GDĐT quận Hồng Bàng
- Thời gian thực hiện: Trước ngày 30/6/2027
2. Bổ sung sách tham khảo cho thư viện trường
- Đơn vị chủ trì: Phòng GDĐT quận Hồng Bàng
- Thời gian thực hiện: Trước ngày 31/5/2027
3. Tổ chức ngày hội đọc sách
- Đơn vị chủ trì: Phòng GDĐT quận Lê Chân
- Thời gian thực hiện: Trước ngày 30/4/2027
4. Bồi dưỡng cán bộ thư viện
- Đơn vị chủ trì: Phòng GDĐT quận Hồng Bàng
- Thời gian thực hiện: Trước ngày 31/3/2027
5. Hướng dẫn nghiệp vụ thư viện
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Thời gian thực hiện: Trước ngày 31/3/2027
`;

// A plan of the Sở that says it implements the city's demo plan (77/KH-UBND), one task titled as the city's.
const SO_IMPLEMENTS_CITY = `SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 932/KH-SGDĐT                     Hải Phòng, ngày 02 tháng 9 năm 2026

KẾ HOẠCH
Triển khai an toàn trường học năm học 2026-2027

Thực hiện Kế hoạch số 77/KH-UBND ngày 20/8/2026 của Ủy ban nhân dân thành phố về an toàn trường học;

I. NHIỆM VỤ
1. Xây dựng kế hoạch an toàn trường học của ngành
- Đơn vị chủ trì: Văn phòng Sở
- Thời gian thực hiện: Trước ngày 30/9/2026
`;

interface Node {
  planId: string;
  parentPlanId: string | null;
  depth: number;
  number: string | null;
  title: string | null;
  status: string;
  issuerName: string | null;
  counts: Record<string, number>;
  reports: { periodDue: string; sent: number; expected: number } | null;
  uncovered: Array<{ taskKey: string; unitName: string }>;
  mayReview: boolean;
}

interface Work {
  workItemId: string;
  taskKey: string;
  unitName: string;
  status: string;
  doneOn: string | null;
  deadlines: string[];
}

describe.each(STORES.map((s) => [s.name, s] as const))("implementing plans that cascade (%s)", (_n, kind) => {
  let api: DemoApi;
  let now = new Date("2026-10-05T02:00:00Z");
  const password = "Mat-khau-kiem-thu-cap-duoi-1";
  const sessions = new Map<string, { cookie: string; csrf: string }>();
  const unitIds = new Map<string, string>();
  let soPlan = "";
  let phongPlan = "";
  let schoolPlan = "";

  // The accounts this test adds sign in here; the demo's through the kit.
  const signIn = async (login: string) => {
    const r = await api.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { login, password },
    });
    if (r.statusCode !== 200) throw new Error(`sign-in ${login}: ${r.statusCode} ${r.body}`);
    sessions.set(login, {
      cookie: String(r.headers["set-cookie"]).split(";")[0] ?? "",
      csrf: r.json().csrfToken,
    });
  };
  const call = async (
    who: string,
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    payload?: unknown,
  ): Promise<LightMyRequestResponse> => {
    const session = sessions.get(who);
    if (!session) return api.call(who, method, url, payload);
    return api.app.inject({
      method,
      url,
      payload: payload as never,
      headers: { cookie: session.cookie, "x-csrf-token": session.csrf },
    });
  };
  const ok = async (r: Promise<LightMyRequestResponse>, status = 200) => {
    const reply = await r;
    expect(reply.statusCode, reply.body).toBe(status);
    return reply.statusCode === 204 ? null : reply.json();
  };
  const work = async (who: string, planId: string): Promise<Work[]> =>
    (await ok(call(who, "GET", `/api/v1/plans/${planId}`))).work;
  const cascade = async (who: string, planId: string) =>
    (await ok(call(who, "GET", `/api/v1/plans/${planId}/cascade`))) as {
      nodes: Node[];
      implement: { unitId: string; unitName: string; planId: string | null } | null;
    };
  const taskVersion = async (planId: string, key: string) => (await api.versions(planId)).tasks[key] ?? 0;
  const reportAndAccept = async (writer: string, decider: string, planId: string, items: unknown[]) => {
    const saved = await ok(call(writer, "PUT", `/api/v1/reports/plans/${planId}`, { items }));
    await ok(call(writer, "POST", `/api/v1/reports/${saved.id}/submit`), 204);
    await ok(call(decider, "POST", `/api/v1/reports/${saved.id}/decision`, { accept: true }), 204);
  };

  beforeAll(async () => {
    api = await demoApi(kind, { now: () => new Date(now) });
    const csv = multipart("truong.csv", SCHOOLS);
    expect(
      (await api.call("quantri", "POST", "/api/v1/units/import", csv.body, csv.headers)).statusCode,
    ).toBe(200);
    const units = (await ok(api.call("quantri", "GET", "/api/v1/units"))).units as Array<{
      id: string;
      code: string;
    }>;
    for (const u of units) unitIds.set(u.code, u.id);
    const accounts: Array<[string, string, string]> = [
      ["phonggdhb", "unit_officer", "Q.HONGBANG.PGDDT"],
      ["phonggdlc", "unit_officer", "Q.LECHAN.PGDDT"],
      ["thcs1", "unit_officer", "Q.HONGBANG.THCS1"],
    ];
    for (const [login, role, code] of accounts) {
      await ok(
        api.call("quantri", "POST", "/api/v1/users", {
          login,
          displayName: login,
          unitId: unitIds.get(code),
          role,
          password,
        }),
        201,
      );
      await signIn(login);
    }
    soPlan = await api.importText("vanthu", "ke-hoach-931.txt", SO_PLAN);
    expect((await api.confirmAndPublish("vanthu", soPlan)).statusCode).toBe(204);
  });
  afterAll(async () => api?.close());

  it("lets the Phòng's officer draw up its implementing plan: the Sở's tasks for it, linked, in a draft it reviews", async () => {
    // Only a published plan, only a unit it gives work to, only officers.
    expect((await call("giamdoc", "POST", `/api/v1/plans/${soPlan}/implementing`)).statusCode).toBe(403);
    expect((await call("thcs1", "POST", `/api/v1/plans/${soPlan}/implementing`)).statusCode).toBe(404);
    const none = await call("vanthu", "POST", `/api/v1/plans/${soPlan}/implementing`);
    expect([none.statusCode, none.json().error]).toEqual([409, "plan.no_work_for_unit"]);
    expect((await cascade("phonggdhb", soPlan)).implement).toMatchObject({
      unitName: "Phòng Giáo dục và Đào tạo quận Hồng Bàng",
      planId: null,
    });

    const made = await ok(call("phonggdhb", "POST", `/api/v1/plans/${soPlan}/implementing`));
    expect(made).toMatchObject({ status: "created", tasks: 3 });
    phongPlan = made.planId;
    expect(await ok(call("phonggdhb", "POST", `/api/v1/plans/${soPlan}/implementing`))).toEqual({
      planId: phongPlan,
      status: "existing",
      tasks: 0,
    });
    const plan = await ok(call("phonggdhb", "GET", `/api/v1/plans/${phongPlan}`));
    expect(plan).toMatchObject({
      status: "draft",
      number: null,
      issuer: "Phòng Giáo dục và Đào tạo quận Hồng Bàng",
      title:
        "Kế hoạch triển khai thực hiện Kế hoạch số 931/KH-SGDĐT ngày 01/09/2026 của Sở Giáo dục và Đào tạo Hải Phòng",
      references: [{ number: "931/KH-SGDĐT", relation: "implements", targetPlanId: soPlan }],
    });
    expect(
      plan.tasksDetail.map((t: { key: string; title: string; units: Array<{ text: string }> }) => [
        t.key,
        t.title,
        t.units.map((u) => u.text),
      ]),
    ).toEqual([
      [
        "I.1",
        "Xây dựng thư viện xanh ở các trường trung học cơ sở",
        ["Phòng Giáo dục và Đào tạo quận Hồng Bàng"],
      ],
      ["I.2", "Bổ sung sách tham khảo cho thư viện trường", ["Phòng Giáo dục và Đào tạo quận Hồng Bàng"]],
      ["I.4", "Bồi dưỡng cán bộ thư viện", ["Phòng Giáo dục và Đào tạo quận Hồng Bàng"]],
    ]);
    // The unit's deadlines come with the tasks.
    expect((plan.work as Work[]).map((w) => [w.taskKey, w.deadlines])).toEqual([
      ["I.1", ["2027-06-30"]],
      ["I.2", ["2027-05-31"]],
      ["I.4", ["2027-03-31"]],
    ]);
    // Its review is the Phòng's: the source text beside the tasks; nobody else's unit reviews it,
    // and the Sở's officers do not reach a Phòng of the district.
    const review = await ok(call("phonggdhb", "GET", `/api/v1/review/${phongPlan}`));
    expect(review.text).toContain("I.1. Xây dựng thư viện xanh ở các trường trung học cơ sở");
    expect((await call("phongtrunghoc", "GET", `/api/v1/review/${phongPlan}`)).statusCode).toBe(403);
    expect((await call("phonggdlc", "GET", `/api/v1/review/${phongPlan}`)).statusCode).toBe(403);
    expect((await call("vanthu", "GET", `/api/v1/review/${phongPlan}`)).statusCode).toBe(404);
    // The Phòng's own list shows its draft.
    const listed = (await ok(call("phonggdhb", "GET", "/api/v1/plans"))).plans as Array<{ id: string }>;
    expect(listed.map((p) => p.id)).toContain(phongPlan);
  });

  it("lets the Phòng add its own task, give the Sở's tasks to its schools (only below it), drop one, and publish", async () => {
    const v = async () => (await api.versions(phongPlan)).plan;
    const added = await ok(
      call("phonggdhb", "POST", `/api/v1/review/${phongPlan}/tasks`, {
        version: await v(),
        title: "Tổ chức hội nghị triển khai thư viện xanh",
        timeframe: "Trước ngày 31/10/2026",
      }),
    );
    expect(added.key).toBe("BS1");
    await ok(call("phonggdhb", "POST", `/api/v1/review/${phongPlan}/own-work`, { version: await v() }));
    const give = async (key: string, code: string, name: string) =>
      call("phonggdhb", "PUT", `/api/v1/review/${phongPlan}/tasks/${key}/units`, {
        version: await taskVersion(phongPlan, key),
        units: [{ role: "lead", text: name, unitIds: [unitIds.get(code)] }],
      });
    // A school of the Sở is not the Phòng's to give work to.
    const beyond = await give("I.1", "SGDDT.THPT.NGOQUYEN", "Trường THPT Ngô Quyền");
    expect([beyond.statusCode, beyond.json().error]).toEqual([422, "task.unit_not_below"]);
    await ok(give("I.1", "Q.HONGBANG.THCS1", "Trường THCS Hồng Bàng Một"));
    await ok(give("I.2", "Q.HONGBANG.THCS2", "Trường THCS Hồng Bàng Hai"));
    // I.4 the Phòng does itself, reporting to the Sở directly: not carried down.
    await ok(call("phonggdhb", "DELETE", `/api/v1/review/${phongPlan}/tasks/I.4?version=${await v()}`));
    await ok(call("phonggdhb", "POST", `/api/v1/review/${phongPlan}/publish`), 204);
    const plan = await ok(call("phonggdhb", "GET", `/api/v1/plans/${phongPlan}`));
    expect(plan.status).toBe("published");
    expect((plan.work as Work[]).map((w) => [w.taskKey, w.unitName])).toEqual([
      ["I.1", "Trường THCS Hồng Bàng Một"],
      ["I.2", "Trường THCS Hồng Bàng Hai"],
      ["BS1", "Phòng Giáo dục và Đào tạo quận Hồng Bàng"],
    ]);
    // The school sees the Phòng's plan and its work in it.
    const ws = (await ok(call("thcs1", "GET", "/api/v1/workspace"))).items as Array<{ planId: string }>;
    expect(ws.some((i) => i.planId === phongPlan)).toBe(true);
  });

  it("lets the school draw up its own from the Phòng's, and rolls its accepted report up to the Phòng and the Sở", async () => {
    const made = await ok(call("thcs1", "POST", `/api/v1/plans/${phongPlan}/implementing`));
    expect(made).toMatchObject({ status: "created", tasks: 1 });
    schoolPlan = made.planId;
    await ok(call("thcs1", "POST", `/api/v1/review/${schoolPlan}/publish`), 204);

    // The Phòng reports on I.4 to the Sở itself; the Sở accepts.
    const phongWork = (await work("phonggdhb", soPlan)).find((w) => w.taskKey === "I.4") as Work;
    await reportAndAccept("phonggdhb", "vanthu", soPlan, [
      { workItemId: phongWork.workItemId, status: "in_progress", results: "Đã mở 1 lớp bồi dưỡng" },
    ]);

    // The school's report on its own plan, accepted by its own officer: in progress.
    const mine = (await work("thcs1", schoolPlan))[0] as Work;
    await reportAndAccept("thcs1", "thcs1", schoolPlan, [
      { workItemId: mine.workItemId, status: "in_progress", results: "Đã bố trí phòng thư viện" },
    ]);
    const at = (list: Work[], key: string) => list.find((w) => w.taskKey === key) as Work;
    expect(at(await work("phonggdhb", phongPlan), "I.1")).toMatchObject({
      unitName: "Trường THCS Hồng Bàng Một",
      status: "in_progress",
    });
    expect(at(await work("vanthu", soPlan), "I.1")).toMatchObject({ status: "in_progress" });
    // I.2's school has not reported: the Sở's I.2 is derived not started; I.4 keeps what the Phòng said.
    expect(at(await work("vanthu", soPlan), "I.2")).toMatchObject({ status: "not_started" });
    expect(at(await work("vanthu", soPlan), "I.4")).toMatchObject({ status: "in_progress" });

    // The school's report appears, attributed, in the summary report of the Phòng's plan and of the
    // Sở's, traced to that report; the Phòng's own report on I.4 in the Sở's beside it.
    const summary = async (who: string, planId: string) =>
      (await ok(call(who, "GET", `/api/v1/summaries/plans/${planId}`))).document.sections.flatMap(
        (x: { paragraphs: Array<{ text: string; sources: unknown[] }> }) => x.paragraphs,
      ) as Array<{ text: string; sources: Array<{ reportId: string; unitName: string; via?: string }> }>;
    const said =
      "- Trường THCS Hồng Bàng Một (qua kế hoạch triển khai của đơn vị): Đã bố trí phòng thư viện (đang thực hiện).";
    for (const [who, planId] of [
      ["phonggdhb", phongPlan],
      ["vanthu", soPlan],
    ] as const) {
      const found = (await summary(who, planId)).find((p) => p.text === said);
      expect(found?.sources, `${who}: ${said}`).toEqual([
        {
          reportId: expect.any(String),
          unitName: "Trường THCS Hồng Bàng Một",
          via: "kế hoạch triển khai của đơn vị",
        },
      ]);
    }
    expect((await summary("vanthu", soPlan)).map((p) => p.text)).toContainEqual(
      expect.stringMatching(/^- Phòng .*Hồng Bàng: Đã mở 1 lớp bồi dưỡng \(đang thực hiện\)\.$/),
    );

    // Next period: the school reports it done; the Phòng's task and the Sở's are done that day.
    now = new Date("2027-01-05T02:00:00Z");
    await api.signInAgain();
    for (const login of ["phonggdhb", "phonggdlc", "thcs1"]) await signIn(login);
    await reportAndAccept("thcs1", "thcs1", schoolPlan, [
      {
        workItemId: mine.workItemId,
        status: "done",
        evidence: "Biên bản nghiệm thu số 05/BB-THCS ngày 04/01/2027",
      },
    ]);
    expect(at(await work("phonggdhb", phongPlan), "I.1")).toMatchObject({
      status: "done",
      doneOn: "2027-01-05",
    });
    expect(at(await work("vanthu", soPlan), "I.1")).toMatchObject({ status: "done", doneOn: "2027-01-05" });
    expect(at(await work("vanthu", soPlan), "I.4")).toMatchObject({ status: "in_progress" });
  });

  it("shows the cascade: three levels with their counts and reports, and the work nobody carries down", async () => {
    const seen = await cascade("vanthu", soPlan);
    expect(seen.implement).toBeNull();
    expect(seen.nodes.map((n) => [n.depth, n.planId, n.parentPlanId, n.issuerName, n.status])).toEqual([
      [0, soPlan, null, "Sở Giáo dục và Đào tạo Hải Phòng", "published"],
      [1, phongPlan, soPlan, "Phòng Giáo dục và Đào tạo quận Hồng Bàng", "published"],
      [2, schoolPlan, phongPlan, "Trường THCS Hồng Bàng Một", "published"],
    ]);
    const [so, phong, school] = seen.nodes as [Node, Node, Node];
    // The Sở's five work items: I.1 done on time, the others open before their deadlines.
    expect(so.counts).toEqual({ done_on_time: 1, done_late: 0, in_progress: 4, overdue: 0 });
    expect(phong.counts).toEqual({ done_on_time: 1, done_late: 0, in_progress: 1, overdue: 1 });
    expect(school.counts).toEqual({ done_on_time: 1, done_late: 0, in_progress: 0, overdue: 0 });
    // Reports of the period open on 5 January 2027 (due 15 June): the school's alone is in.
    expect(so.reports).toEqual({ periodDue: "2027-06-15", sent: 0, expected: 3 });
    expect(phong.reports).toEqual({ periodDue: "2027-06-15", sent: 0, expected: 3 });
    expect(school.reports).toEqual({ periodDue: "2027-06-15", sent: 1, expected: 1 });
    // Chưa có đơn vị triển khai: Lê Chân's task, the Phòng's I.4 it keeps for itself, the second
    // school's; not the Sở's own division's (I.5), which carries the Sở's plan out as part of the Sở.
    expect(so.uncovered.map((u) => [u.taskKey, u.unitName])).toEqual([
      ["I.3", "Phòng Giáo dục và Đào tạo quận Lê Chân"],
      ["I.4", "Phòng Giáo dục và Đào tạo quận Hồng Bàng"],
    ]);
    expect(phong.uncovered.map((u) => [u.taskKey, u.unitName])).toEqual([
      ["I.2", "Trường THCS Hồng Bàng Hai"],
    ]);
    expect(school.uncovered).toEqual([]);
    expect(seen.nodes.map((n) => n.mayReview)).toEqual([true, false, false]);

    // The Phòng sees its own level and below, and of the Sở's only its own work uncovered.
    const phongView = await cascade("phonggdhb", soPlan);
    expect(phongView.implement).toMatchObject({ planId: phongPlan });
    expect(phongView.nodes.map((n) => n.planId)).toEqual([soPlan, phongPlan, schoolPlan]);
    expect(phongView.nodes[0]?.uncovered.map((u) => u.taskKey)).toEqual(["I.4"]);
    expect(phongView.nodes.map((n) => n.mayReview)).toEqual([false, true, false]);
    // Lê Chân reads the Sở's plan, not Hồng Bàng's plans below it.
    const other = await cascade("phonggdlc", soPlan);
    expect(other.nodes.map((n) => n.planId)).toEqual([soPlan]);
    expect(other.nodes[0]?.uncovered.map((u) => u.taskKey)).toEqual(["I.3"]);
    // One who does not read the plan gets no cascade either.
    expect((await call("thcs1", "GET", `/api/v1/plans/${soPlan}/cascade`)).statusCode).toBe(404);
  });

  it("links an imported plan that says it implements a plan of the system, task by matching title, on publication", async () => {
    const city = (await ok(call("vanthu", "GET", "/api/v1/plans?limit=500"))).plans.find(
      (p: { number: string | null }) => p.number === "77/KH-UBND",
    ).id as string;
    const sub = await api.importText("vanthu", "ke-hoach-932.txt", SO_IMPLEMENTS_CITY);
    expect((await api.confirmAndPublish("vanthu", sub)).statusCode).toBe(204);
    const tree = await cascade("vanthu", city);
    expect(tree.nodes.map((n) => [n.planId, n.parentPlanId])).toContainEqual([sub, city]);
    const linked = await api.store.db
      .selectFrom("task as c")
      .innerJoin("task as p", "p.id", "c.parent_task_id")
      .select(["c.key", "p.plan_id", "p.title"])
      .where("c.plan_id", "=", sub)
      .execute();
    expect(linked.map((r) => [r.key, String(r.plan_id), r.title])).toEqual([
      ["I.1", city, "Xây dựng kế hoạch an toàn trường học của ngành"],
    ]);
  });
});
