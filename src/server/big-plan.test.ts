// A plan of any size keeps all its tasks: 20,000 numbered tasks (labels past 999 included) are all
// read, stored with their work and deadlines, and listed — never cut in silence.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoApi, demoApi, multipart } from "../../test/api-client.js";
import { STORES } from "../../test/stores.js";
import { planCounts } from "../db/plans.repository.js";

const TASKS = 20_000;
const plan = () => {
  const parts = [
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    "Số: 970/KH-SGDĐT                     Hải Phòng, ngày 12 tháng 1 năm 2099",
    "",
    "KẾ HOẠCH",
    "Rà soát hồ sơ các trường năm 2099",
    "",
    "I. NHIỆM VỤ",
  ];
  for (let i = 1; i <= TASKS; i++)
    parts.push(
      `${i}. Rà soát hồ sơ đợt ${i} của các trường trung học phổ thông`,
      "- Đơn vị chủ trì: Phòng Giáo dục Trung học",
      "- Thời gian thực hiện: Trước ngày 30/6/2099",
    );
  return parts.join("\n");
};

for (const kind of STORES) {
  describe(`a plan of ${TASKS} tasks on ${kind.name}`, () => {
    let api: DemoApi;
    beforeAll(async () => {
      api = await demoApi(kind);
    });
    afterAll(async () => api.close());

    it("keeps every task with its work and deadline", async () => {
      const file = multipart("ra-soat-ho-so.txt", plan());
      const r = await api.call("vanthu", "POST", "/api/v1/plans/import", file.body, file.headers);
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({ status: "imported", tasks: TASKS, review: 0 });
      const planId = r.json().planId as string;
      expect(await planCounts(api.store.db, planId)).toMatchObject({
        tasks: TASKS,
        workItems: TASKS,
        deadlines: TASKS,
      });
      const detail = (await api.call("vanthu", "GET", `/api/v1/plans/${planId}`)).json();
      expect(detail.tasks).toBe(TASKS);
      const keys = (detail.tasksDetail as Array<{ key: string }>).map((t) => t.key);
      expect(keys.slice(998, 1001)).toEqual(["I.999", "I.1000", "I.1001"]);
      expect(keys.at(-1)).toBe(`I.${TASKS}`);
    });
  });
}
