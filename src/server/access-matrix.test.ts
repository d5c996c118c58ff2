// Who reaches what, route by route: every route the OpenAPI description lists × every kind of
// person (not signed in; unit officer, plan officer, leader, administrator, each placed on the
// object's own unit, a unit below it, a sibling, another body — and a plan officer on a school) ×
// the object's state (a draft and a published plan; for a report's own routes, a report in draft
// and a submitted one). The expected answer of every cell is written below; a route without a row,
// or a row without a route, fails the test.
//
// Cells are status codes; for lists (plans, search, workspace, overview) "in"/"out" says whether
// the object appears in the list the person gets. Requests are real and valid: a cell that is
// allowed does what it says (corrections are made against the current version), and what a cell
// changes is put back before the next one.

import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../test/context.js";
import { freshStore, STORES } from "../../test/stores.js";
import type { Store } from "../db/connection.js";
import { insertImportJob } from "../db/import-jobs.repository.js";
import { planFacts } from "../db/plans.repository.js";
import { listUnits } from "../db/units.repository.js";
import { today } from "../domain/clock.js";
import { lastLockedPeriod, planPeriod } from "../domain/reporting-periods.js";
import { createAccount, type SignedInUser, signIn } from "../services/auth.service.js";
import { renewCalendarLink } from "../services/calendar.service.js";
import type { ServiceContext } from "../services/context.js";
import { importPlanFile, readDirectory } from "../services/plan-import.service.js";
import { confirmFlag, publishPlan, reviewView } from "../services/plan-review.service.js";
import { attachToReport, saveReport, submitReport } from "../services/reports.service.js";
import { addTask } from "../services/task-edits.service.js";
import { importDirectory } from "../services/units.service.js";
import { buildApp } from "./app.js";

// The columns, in the order of the expectations below.
const ACTORS = [
  ["anon", null, null],
  ["uo.own", "unit_officer", "SO.A"],
  ["uo.below", "unit_officer", "SO.A.T"],
  ["uo.sibling", "unit_officer", "SO.B"],
  ["uo.other", "unit_officer", "KHAC"],
  ["po.own", "plan_officer", "SO.VP"],
  ["po.below", "plan_officer", "SO.A"],
  ["po.sibling", "plan_officer", "NV"],
  ["po.other", "plan_officer", "KHAC"],
  ["po.school", "plan_officer", "SO.S"],
  ["ld.own", "leader", "SO"],
  ["ld.below", "leader", "SO.A"],
  ["ld.sibling", "leader", "NV"],
  ["ld.other", "leader", "KHAC"],
  ["ad.own", "admin", "SO"],
  ["ad.other", "admin", "KHAC"],
] as const;
type ActorName = (typeof ACTORS)[number][0];

// A province's tree: the Sở keeps the plans (its office holds the plan officer), Phòng Giáo dục
// Trung học leads their task; Sở Nội vụ is a sibling body; another province's Sở is outside.
const DIRECTORY = `code,name,short_name,kind,parent_code,abbreviations,aliases,active,valid_from,valid_to
TP,Ủy ban nhân dân tỉnh Thử Nghiệm,UBND tỉnh,people_committee,,UBND tỉnh Thử Nghiệm,,1,,
SO,Sở Giáo dục và Đào tạo tỉnh Thử Nghiệm,Sở Giáo dục và Đào tạo,department,TP,Sở GDĐT,Sở,1,,
SO.VP,Văn phòng Sở,,office,SO,,,1,,
SO.A,Phòng Giáo dục Trung học,,division,SO,GDTrH,,1,,
SO.A.T,Tổ Tin học,,other,SO.A,,,1,,
SO.B,Phòng Giáo dục Tiểu học,,division,SO,GDTH,,1,,
SO.S,Trường THPT Thử Nghiệm,,school,SO,,,1,,
NV,Sở Nội vụ tỉnh Thử Nghiệm,Sở Nội vụ,department,TP,,,1,,
KHAC,Sở Giáo dục và Đào tạo tỉnh Khác,,department,,,,1,,
`;

const planText = (number: string, word: string) => `UBND TỈNH THỬ NGHIỆM
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: ${number}/KH-SGDĐT                     Thử Nghiệm, ngày 10 tháng 1 năm 2026

KẾ HOẠCH
Kiểm thử quyền truy cập ${word}

Thực hiện Kế hoạch số 77/KH-UBND ngày 05/01/2026 của Ủy ban nhân dân tỉnh Thử Nghiệm;

I. NHIỆM VỤ
1. Tổ chức chuyên đề dạy học ${word}
- Đơn vị chủ trì: Phòng Giáo dục Trung học
- Đơn vị phối hợp: Phòng Khảo thí; Ban Không Có Thật
- Thời gian thực hiện: Trước ngày 30/6/2099
`;

// anon | unit officer: own below sibling other | plan officer: own below sibling other school |
// leader: own below sibling other | administrator: own other
const MATRIX: Record<string, { draft: string; published: string }> = {
  "POST /api/v1/auth/login": {
    draft: "401 | 401 401 401 401 | 401 401 401 401 401 | 401 401 401 401 | 401 401",
    published: "401 | 401 401 401 401 | 401 401 401 401 401 | 401 401 401 401 | 401 401",
  },
  "POST /api/v1/auth/logout": {
    draft: "204 | 204 204 204 204 | 204 204 204 204 204 | 204 204 204 204 | 204 204",
    published: "204 | 204 204 204 204 | 204 204 204 204 204 | 204 204 204 204 | 204 204",
  },
  "GET /api/v1/auth/me": {
    draft: "401 | 200 200 200 200 | 200 200 200 200 200 | 200 200 200 200 | 200 200",
    published: "401 | 200 200 200 200 | 200 200 200 200 200 | 200 200 200 200 | 200 200",
  },
  "GET /api/v1/plans": {
    draft: "401 | out out out out | in in out out out | out out out out | in in",
    published: "401 | in out out out | in in out out out | in in out out | in in",
  },
  "GET /api/v1/plans/{id}": {
    draft: "401 | 404 404 404 404 | 200 200 404 404 404 | 404 404 404 404 | 200 200",
    published: "401 | 200 404 404 404 | 200 200 404 404 404 | 200 200 404 404 | 200 200",
  },
  // A plan's reporting settings: the reviewers of its issuing body.
  "PUT /api/v1/plans/{id}/settings": {
    draft: "401 | 404 404 404 404 | 200 200 404 404 404 | 404 404 404 404 | 200 200",
    published: "401 | 403 404 404 404 | 200 200 404 404 404 | 403 403 404 404 | 200 200",
  },
  "GET /api/v1/plans/{id}/progress": {
    draft: "401 | 404 404 404 404 | 200 200 404 404 404 | 404 404 404 404 | 200 200",
    published: "401 | 200 404 404 404 | 200 200 404 404 404 | 200 200 404 404 | 200 200",
  },
  // A unit's implementing plan of a published plan: drawn up by the officers of a unit the plan
  // gives work (Phòng Giáo dục Trung học's unit officer, a plan officer placed on it); the Sở's own
  // plan officer has no work in it to carry down (409). Each cell meets the plan with none drawn up.
  "POST /api/v1/plans/{id}/implementing": {
    draft: "401 | 404 404 404 404 | 409 409 404 404 404 | 403 403 403 403 | 403 403",
    published: "401 | 200 404 404 404 | 409 200 404 404 404 | 403 403 403 403 | 403 403",
  },
  // The plans implementing a plan: read as the plan is.
  "GET /api/v1/plans/{id}/cascade": {
    draft: "401 | 404 404 404 404 | 200 200 404 404 404 | 404 404 404 404 | 200 200",
    published: "401 | 200 404 404 404 | 200 200 404 404 404 | 200 200 404 404 | 200 200",
  },
  "POST /api/v1/plans/import": {
    draft: "401 | 403 403 403 403 | 200 200 200 200 200 | 403 403 403 403 | 200 200",
    published: "401 | 403 403 403 403 | 200 200 200 200 200 | 403 403 403 403 | 200 200",
  },
  "GET /api/v1/search": {
    draft: "401 | out out out out | in in out out out | out out out out | in in",
    published: "401 | in out out out | in in out out out | in in out out | in in",
  },
  "GET /api/v1/review/{id}": {
    draft: "401 | 403 403 403 403 | 200 200 404 404 404 | 403 403 403 403 | 200 200",
    published: "401 | 403 403 403 403 | 200 200 404 404 404 | 403 403 403 403 | 200 200",
  },
  "GET /api/v1/review/{id}/publication": {
    draft: "401 | 403 403 403 403 | 200 200 404 404 404 | 403 403 403 403 | 200 200",
    published: "401 | 403 403 403 403 | 200 200 404 404 404 | 403 403 403 403 | 200 200",
  },
  "GET /api/v1/review/{id}/amendment": {
    draft: "401 | 403 403 403 403 | 200 200 404 404 404 | 403 403 403 403 | 200 200",
    published: "401 | 403 403 403 403 | 200 200 404 404 404 | 403 403 403 403 | 200 200",
  },
  "POST /api/v1/review/{id}/tasks": {
    draft: "401 | 403 403 403 403 | 200 200 404 404 404 | 403 403 403 403 | 200 200",
    published: "401 | 403 403 403 403 | 409 409 404 404 404 | 403 403 403 403 | 409 409",
  },
  "DELETE /api/v1/review/{id}/tasks/{key}": {
    draft: "401 | 403 403 403 403 | 200 200 404 404 404 | 403 403 403 403 | 200 200",
    published: "401 | 403 403 403 403 | 409 409 404 404 404 | 403 403 403 403 | 409 409",
  },
  "POST /api/v1/review/{id}/tasks-merge": {
    draft: "401 | 403 403 403 403 | 200 200 404 404 404 | 403 403 403 403 | 200 200",
    published: "401 | 403 403 403 403 | 409 409 404 404 404 | 403 403 403 403 | 409 409",
  },
  "POST /api/v1/review/{id}/sections/{section}/not-tasks": {
    draft: "401 | 403 403 403 403 | 200 200 404 404 404 | 403 403 403 403 | 200 200",
    published: "401 | 403 403 403 403 | 409 409 404 404 404 | 403 403 403 403 | 409 409",
  },
  "GET /api/v1/review/{id}/edits": {
    draft: "401 | 403 403 403 403 | 200 200 404 404 404 | 403 403 403 403 | 200 200",
    published: "401 | 403 403 403 403 | 409 409 404 404 404 | 403 403 403 403 | 409 409",
  },
  "POST /api/v1/review/{id}/edits/undo": {
    draft: "401 | 403 403 403 403 | 200 200 404 404 404 | 403 403 403 403 | 200 200",
    published: "401 | 403 403 403 403 | 409 409 404 404 404 | 403 403 403 403 | 409 409",
  },
  "POST /api/v1/review/{id}/units/settle": {
    draft: "401 | 403 403 403 403 | 200 200 404 404 404 | 403 403 403 403 | 200 200",
    published: "401 | 403 403 403 403 | 409 409 404 404 404 | 403 403 403 403 | 409 409",
  },
  "POST /api/v1/review/{id}/flags/confirm-group": {
    draft: "401 | 403 403 403 403 | 200 200 404 404 404 | 403 403 403 403 | 200 200",
    published: "401 | 403 403 403 403 | 409 409 404 404 404 | 403 403 403 403 | 409 409",
  },
  "POST /api/v1/review/{id}/tasks/{key}/split": {
    draft: "401 | 403 403 403 403 | 200 200 404 404 404 | 403 403 403 403 | 200 200",
    published: "401 | 403 403 403 403 | 409 409 404 404 404 | 403 403 403 403 | 409 409",
  },
  "POST /api/v1/review/{id}/tasks/{key}/move": {
    draft: "401 | 403 403 403 403 | 200 200 404 404 404 | 403 403 403 403 | 200 200",
    published: "401 | 403 403 403 403 | 409 409 404 404 404 | 403 403 403 403 | 409 409",
  },
  "POST /api/v1/review/{id}/own-work": {
    draft: "401 | 403 403 403 403 | 200 200 404 404 404 | 403 403 403 403 | 200 200",
    published: "401 | 403 403 403 403 | 409 409 404 404 404 | 403 403 403 403 | 409 409",
  },
  "PATCH /api/v1/review/{id}": {
    draft: "401 | 403 403 403 403 | 200 200 404 404 404 | 403 403 403 403 | 200 200",
    published: "401 | 403 403 403 403 | 409 409 404 404 404 | 403 403 403 403 | 409 409",
  },
  "DELETE /api/v1/review/{id}": {
    draft: "401 | 403 403 403 403 | 204 204 404 404 404 | 403 403 403 403 | 204 204",
    published: "401 | 403 403 403 403 | 409 409 404 404 404 | 403 403 403 403 | 409 409",
  },
  "POST /api/v1/review/{id}/publish": {
    draft: "401 | 403 403 403 403 | 409 409 404 404 404 | 403 403 403 403 | 409 409",
    published: "401 | 403 403 403 403 | 409 409 404 404 404 | 403 403 403 403 | 409 409",
  },
  "POST /api/v1/review/{id}/flags/{flagId}/confirm": {
    draft: "401 | 403 403 403 403 | 204 204 404 404 404 | 403 403 403 403 | 204 204",
    published: "401 | 403 403 403 403 | 409 409 404 404 404 | 403 403 403 403 | 409 409",
  },
  "PATCH /api/v1/review/{id}/tasks/{key}": {
    draft: "401 | 403 403 403 403 | 200 200 404 404 404 | 403 403 403 403 | 200 200",
    published: "401 | 403 403 403 403 | 409 409 404 404 404 | 403 403 403 403 | 409 409",
  },
  "PUT /api/v1/review/{id}/tasks/{key}/units": {
    draft: "401 | 403 403 403 403 | 200 200 404 404 404 | 403 403 403 403 | 200 200",
    published: "401 | 403 403 403 403 | 409 409 404 404 404 | 403 403 403 403 | 409 409",
  },
  "PUT /api/v1/review/{id}/references": {
    draft: "401 | 403 403 403 403 | 200 200 404 404 404 | 403 403 403 403 | 200 200",
    published: "401 | 403 403 403 403 | 409 409 404 404 404 | 403 403 403 403 | 409 409",
  },
  "PUT /api/v1/review/{id}/reporting": {
    draft: "401 | 403 403 403 403 | 200 200 404 404 404 | 403 403 403 403 | 200 200",
    published: "401 | 403 403 403 403 | 409 409 404 404 404 | 403 403 403 403 | 409 409",
  },
  "GET /api/v1/reports/plans/{planId}": {
    draft: "401 | 403 403 403 403 | 404 404 404 404 404 | 404 404 404 404 | 404 404",
    published: "401 | 403 403 403 403 | 200 200 404 404 404 | 200 404 404 404 | 200 200",
  },
  "PUT /api/v1/reports/plans/{planId}": {
    draft: "401 | 404 404 404 404 | 403 403 403 403 403 | 403 403 403 403 | 403 403",
    published: "401 | 200 404 404 404 | 403 403 403 403 403 | 403 403 403 403 | 403 403",
  },
  // The report's own routes: "draft" is a report not yet submitted, "published" a submitted one.
  "POST /api/v1/reports/{id}/submit": {
    draft: "401 | 204 404 404 404 | 403 403 403 403 403 | 403 403 403 403 | 403 403",
    published: "401 | 409 404 404 404 | 403 403 403 403 403 | 403 403 403 403 | 403 403",
  },
  "POST /api/v1/reports/{id}/decision": {
    draft: "401 | 403 403 403 403 | 409 409 404 404 404 | 403 403 403 403 | 409 409",
    published: "401 | 403 403 403 403 | 204 204 404 404 404 | 403 403 403 403 | 204 204",
  },
  "POST /api/v1/reports/{id}/attachments": {
    draft: "401 | 200 404 404 404 | 403 403 403 403 403 | 403 403 403 403 | 403 403",
    published: "401 | 409 404 404 404 | 403 403 403 403 403 | 403 403 403 403 | 403 403",
  },
  "GET /api/v1/reports/{id}/attachments/{attachmentId}": {
    draft: "401 | 200 404 404 404 | 200 200 404 404 404 | 200 200 404 404 | 200 200",
    published: "401 | 200 404 404 404 | 200 200 404 404 404 | 200 200 404 404 | 200 200",
  },
  "GET /api/v1/workspace": {
    draft: "401 | out out out out | out out out out out | out out out out | out out",
    published: "401 | in out out out | out in out out out | out in out out | out out",
  },
  // Nobody in this tree is named by the plans: "my work" is empty for all, and answers everyone.
  "GET /api/v1/workspace/mine": {
    draft: "401 | out out out out | out out out out out | out out out out | out out",
    published: "401 | out out out out | out out out out out | out out out out | out out",
  },
  "GET /api/v1/overview": {
    draft: "401 | out out out out | out out out out out | out out out out | out out",
    published: "401 | in out out out | in in out out out | in in out out | in in",
  },
  // Warnings are of today's dates, which the matrix's plan does not reach: who sees which work is
  // the overview's reach (the same query), tested with a set clock in warnings.test.ts.
  "GET /api/v1/overview/warnings": {
    draft: "401 | 200 200 200 200 | 200 200 200 200 200 | 200 200 200 200 | 200 200",
    published: "401 | 200 200 200 200 | 200 200 200 200 200 | 200 200 200 200 | 200 200",
  },
  "GET /api/v1/overview/work": {
    draft: "401 | out out out out | out out out out out | out out out out | out out",
    published: "401 | in out out out | in in out out out | in in out out | in in",
  },
  "GET /api/v1/overview/work.csv": {
    draft: "401 | out out out out | out out out out out | out out out out | out out",
    published: "401 | in out out out | in in out out out | in in out out | in in",
  },
  // Files are bytes: who sees which work in them is the overview's reach, read back in exports.test.ts.
  "GET /api/v1/overview/work.xlsx": {
    draft: "401 | 200 200 200 200 | 200 200 200 200 200 | 200 200 200 200 | 200 200",
    published: "401 | 200 200 200 200 | 200 200 200 200 200 | 200 200 200 200 | 200 200",
  },
  // A plan's files: whoever may read the plan.
  "GET /api/v1/exports/plans/{id}/matrix.xlsx": {
    draft: "401 | 404 404 404 404 | 200 200 404 404 404 | 404 404 404 404 | 200 200",
    published: "401 | 200 404 404 404 | 200 200 404 404 404 | 200 200 404 404 | 200 200",
  },
  "GET /api/v1/exports/plans/{id}/assignments.docx": {
    draft: "401 | 404 404 404 404 | 200 200 404 404 404 | 404 404 404 404 | 200 200",
    published: "401 | 200 404 404 404 | 200 200 404 404 404 | 200 200 404 404 | 200 200",
  },
  "GET /api/v1/exports/plans/{id}/assignments.xlsx": {
    draft: "401 | 404 404 404 404 | 200 200 404 404 404 | 404 404 404 404 | 200 200",
    published: "401 | 200 404 404 404 | 200 200 404 404 404 | 200 200 404 404 | 200 200",
  },
  // The overview's numbers, each person's within their reach (read back in exports.test.ts).
  "GET /api/v1/exports/reporting.xlsx": {
    draft: "401 | 200 200 200 200 | 200 200 200 200 200 | 200 200 200 200 | 200 200",
    published: "401 | 200 200 200 200 | 200 200 200 200 200 | 200 200 200 200 | 200 200",
  },
  "GET /api/v1/units": {
    draft: "401 | 200 200 200 200 | 200 200 200 200 200 | 200 200 200 200 | 200 200",
    published: "401 | 200 200 200 200 | 200 200 200 200 200 | 200 200 200 200 | 200 200",
  },
  "GET /api/v1/units/suggest": {
    draft: "401 | 200 200 200 200 | 200 200 200 200 200 | 200 200 200 200 | 200 200",
    published: "401 | 200 200 200 200 | 200 200 200 200 200 | 200 200 200 200 | 200 200",
  },
  "POST /api/v1/units/import": {
    draft: "401 | 403 403 403 403 | 403 403 403 403 403 | 403 403 403 403 | 200 200",
    published: "401 | 403 403 403 403 | 403 403 403 403 403 | 403 403 403 403 | 200 200",
  },
  // The holiday calendar: everyone signed in reads it; administrators set it.
  "GET /api/v1/holidays": {
    draft: "401 | 200 200 200 200 | 200 200 200 200 200 | 200 200 200 200 | 200 200",
    published: "401 | 200 200 200 200 | 200 200 200 200 200 | 200 200 200 200 | 200 200",
  },
  "PUT /api/v1/holidays/{year}": {
    draft: "401 | 403 403 403 403 | 403 403 403 403 403 | 403 403 403 403 | 200 200",
    published: "401 | 403 403 403 403 | 403 403 403 403 403 | 403 403 403 403 | 200 200",
  },
  "GET /api/v1/holidays/settings": {
    draft: "401 | 200 200 200 200 | 200 200 200 200 200 | 200 200 200 200 | 200 200",
    published: "401 | 200 200 200 200 | 200 200 200 200 200 | 200 200 200 200 | 200 200",
  },
  "PUT /api/v1/holidays/settings": {
    draft: "401 | 403 403 403 403 | 403 403 403 403 403 | 403 403 403 403 | 200 200",
    published: "401 | 403 403 403 403 | 403 403 403 403 403 | 403 403 403 403 | 200 200",
  },
  "PUT /api/v1/units/{id}/report-regime": {
    draft: "401 | 403 403 403 403 | 403 403 403 403 403 | 403 403 403 403 | 200 200",
    published: "401 | 403 403 403 403 | 403 403 403 403 403 | 403 403 403 403 | 200 200",
  },
  // The staff of Phòng Giáo dục Trung học: read within reach, kept by its body's officers and leaders.
  "GET /api/v1/units/{id}/staff": {
    draft: "401 | 200 404 404 404 | 200 200 404 404 404 | 200 200 404 404 | 200 200",
    published: "401 | 200 404 404 404 | 200 200 404 404 404 | 200 200 404 404 | 200 200",
  },
  "POST /api/v1/units/{id}/staff": {
    draft: "401 | 403 403 403 403 | 200 200 404 404 404 | 200 200 404 404 | 200 200",
    published: "401 | 403 403 403 403 | 200 200 404 404 404 | 200 200 404 404 | 200 200",
  },
  // Imports as jobs: sent by reviewers; a job is seen by whoever sent it (here po.own) and admins.
  "POST /api/v1/imports": {
    draft: "401 | 403 403 403 403 | 202 202 202 202 202 | 403 403 403 403 | 202 202",
    published: "401 | 403 403 403 403 | 202 202 202 202 202 | 403 403 403 403 | 202 202",
  },
  "GET /api/v1/imports": {
    draft: "401 | 403 403 403 403 | 200 200 200 200 200 | 403 403 403 403 | 200 200",
    published: "401 | 403 403 403 403 | 200 200 200 200 200 | 403 403 403 403 | 200 200",
  },
  "GET /api/v1/imports/{id}": {
    draft: "401 | 404 404 404 404 | 200 404 404 404 404 | 404 404 404 404 | 200 200",
    published: "401 | 404 404 404 404 | 200 404 404 404 404 | 404 404 404 404 | 200 200",
  },
  // A person's own notifications and choices: everyone signed in, each their own.
  "GET /api/v1/notifications": {
    draft: "401 | 200 200 200 200 | 200 200 200 200 200 | 200 200 200 200 | 200 200",
    published: "401 | 200 200 200 200 | 200 200 200 200 200 | 200 200 200 200 | 200 200",
  },
  "POST /api/v1/notifications/read": {
    draft: "401 | 204 204 204 204 | 204 204 204 204 204 | 204 204 204 204 | 204 204",
    published: "401 | 204 204 204 204 | 204 204 204 204 204 | 204 204 204 204 | 204 204",
  },
  "GET /api/v1/notifications/preferences": {
    draft: "401 | 200 200 200 200 | 200 200 200 200 200 | 200 200 200 200 | 200 200",
    published: "401 | 200 200 200 200 | 200 200 200 200 200 | 200 200 200 200 | 200 200",
  },
  "PUT /api/v1/notifications/preferences": {
    draft: "401 | 200 200 200 200 | 200 200 200 200 200 | 200 200 200 200 | 200 200",
    published: "401 | 200 200 200 200 | 200 200 200 200 200 | 200 200 200 200 | 200 200",
  },
  "GET /api/v1/notifications/failed-mail": {
    draft: "401 | 403 403 403 403 | 403 403 403 403 403 | 403 403 403 403 | 200 200",
    published: "401 | 403 403 403 403 | 403 403 403 403 403 | 403 403 403 403 | 200 200",
  },
  // The outgoing mail server, for administrators; the matrix has none set, so a test mail has
  // nowhere to go (409), and saving an empty host leaves it so.
  "GET /api/v1/notifications/mail-settings": {
    draft: "401 | 403 403 403 403 | 403 403 403 403 403 | 403 403 403 403 | 200 200",
    published: "401 | 403 403 403 403 | 403 403 403 403 403 | 403 403 403 403 | 200 200",
  },
  "PUT /api/v1/notifications/mail-settings": {
    draft: "401 | 403 403 403 403 | 403 403 403 403 403 | 403 403 403 403 | 200 200",
    published: "401 | 403 403 403 403 | 403 403 403 403 403 | 403 403 403 403 | 200 200",
  },
  "POST /api/v1/notifications/mail-settings/test": {
    draft: "401 | 403 403 403 403 | 403 403 403 403 403 | 403 403 403 403 | 409 409",
    published: "401 | 403 403 403 403 | 403 403 403 403 403 | 403 403 403 403 | 409 409",
  },
  // Extensions: asked by the lead unit's own officers, of published work; read as the plan is;
  // decided by the plan officers of the issuing body.
  "POST /api/v1/extensions": {
    draft: "401 | 404 404 404 404 | 404 404 404 404 404 | 404 404 404 404 | 404 404",
    published: "401 | 201 404 404 404 | 404 404 404 404 404 | 404 404 404 404 | 404 404",
  },
  "GET /api/v1/extensions": {
    draft: "401 | 404 404 404 404 | 200 200 404 404 404 | 404 404 404 404 | 200 200",
    published: "401 | 200 404 404 404 | 200 200 404 404 404 | 200 200 404 404 | 200 200",
  },
  "POST /api/v1/extensions/{id}/decision": {
    draft: "401 | 403 403 403 403 | 404 404 404 404 404 | 403 403 403 403 | 404 404",
    published: "401 | 403 403 403 403 | 200 200 404 404 404 | 403 403 403 403 | 200 200",
  },
  // The summary report: read like the plan's reports (its reviewers, the leaders of its body);
  // edited and compiled again by those who decide on them.
  "GET /api/v1/summaries/plans/{id}": {
    draft: "401 | 403 403 403 403 | 404 404 404 404 404 | 404 404 404 404 | 404 404",
    published: "401 | 403 403 403 403 | 200 200 404 404 404 | 200 404 404 404 | 200 200",
  },
  "PUT /api/v1/summaries/plans/{id}": {
    draft: "401 | 403 403 403 403 | 404 404 404 404 404 | 404 404 404 404 | 404 404",
    published: "401 | 403 403 403 403 | 200 200 404 404 404 | 404 404 404 404 | 200 200",
  },
  "POST /api/v1/summaries/plans/{id}/recompile": {
    draft: "401 | 403 403 403 403 | 404 404 404 404 404 | 404 404 404 404 | 404 404",
    published: "401 | 403 403 403 403 | 200 200 404 404 404 | 404 404 404 404 | 200 200",
  },
  "GET /api/v1/summaries/plans/{id}/report.docx": {
    draft: "401 | 403 403 403 403 | 404 404 404 404 404 | 404 404 404 404 | 404 404",
    published: "401 | 403 403 403 403 | 200 200 404 404 404 | 200 404 404 404 | 200 200",
  },
  // Reopening a locked period: asked by the unit's own officers, like its report; read and decided
  // like extensions.
  "POST /api/v1/reopen": {
    draft: "401 | 404 404 404 404 | 403 403 403 403 403 | 403 403 403 403 | 403 403",
    published: "401 | 201 404 404 404 | 403 403 403 403 403 | 403 403 403 403 | 403 403",
  },
  "GET /api/v1/reopen": {
    draft: "401 | 404 404 404 404 | 200 200 404 404 404 | 404 404 404 404 | 200 200",
    published: "401 | 200 404 404 404 | 200 200 404 404 404 | 200 200 404 404 | 200 200",
  },
  "POST /api/v1/reopen/{id}/decision": {
    draft: "401 | 403 403 403 403 | 404 404 404 404 404 | 403 403 403 403 | 404 404",
    published: "401 | 403 403 403 403 | 200 200 404 404 404 | 403 403 403 403 | 200 200",
  },
  // Calendar feeds: each person's own secret link. The feeds are fetched with it and no session (not
  // signed in: no link, 404); the person's and the unit's hold what the workspace lists, a plan's
  // answers as the plan does.
  "GET /api/v1/calendar/token": {
    draft: "401 | 200 200 200 200 | 200 200 200 200 200 | 200 200 200 200 | 200 200",
    published: "401 | 200 200 200 200 | 200 200 200 200 200 | 200 200 200 200 | 200 200",
  },
  "POST /api/v1/calendar/token": {
    draft: "401 | 200 200 200 200 | 200 200 200 200 200 | 200 200 200 200 | 200 200",
    published: "401 | 200 200 200 200 | 200 200 200 200 200 | 200 200 200 200 | 200 200",
  },
  "GET /api/v1/calendar/{token}/me.ics": {
    draft: "404 | out out out out | out out out out out | out out out out | out out",
    published: "404 | in out out out | out in out out out | out in out out | out out",
  },
  "GET /api/v1/calendar/{token}/unit.ics": {
    draft: "404 | out out out out | out out out out out | out out out out | out out",
    published: "404 | in out out out | out in out out out | out in out out | out out",
  },
  "GET /api/v1/calendar/{token}/plans/{planId}.ics": {
    draft: "404 | 404 404 404 404 | 200 200 404 404 404 | 404 404 404 404 | 200 200",
    published: "404 | 200 404 404 404 | 200 200 404 404 404 | 200 200 404 404 | 200 200",
  },
  "GET /api/v1/users": {
    draft: "401 | 403 403 403 403 | 403 403 403 403 403 | 403 403 403 403 | 200 200",
    published: "401 | 403 403 403 403 | 403 403 403 403 403 | 403 403 403 403 | 200 200",
  },
  "POST /api/v1/users": {
    draft: "401 | 403 403 403 403 | 403 403 403 403 403 | 403 403 403 403 | 201 201",
    published: "401 | 403 403 403 403 | 403 403 403 403 403 | 403 403 403 403 | 201 201",
  },
  // Turning an account off or on, ending its sessions: administrators. Each cell acts on an account
  // made for it, never on one the matrix signs in with.
  "PATCH /api/v1/users/{id}": {
    draft: "401 | 403 403 403 403 | 403 403 403 403 403 | 403 403 403 403 | 204 204",
    published: "401 | 403 403 403 403 | 403 403 403 403 403 | 403 403 403 403 | 204 204",
  },
  "DELETE /api/v1/users/{id}/sessions": {
    draft: "401 | 403 403 403 403 | 403 403 403 403 403 | 403 403 403 403 | 200 200",
    published: "401 | 403 403 403 403 | 403 403 403 403 403 | 403 403 403 403 | 200 200",
  },
  "GET /api/v1/audit": {
    draft: "401 | 403 403 403 403 | 403 403 403 403 403 | 403 403 403 403 | 200 200",
    published: "401 | 403 403 403 403 | 403 403 403 403 403 | 403 403 403 403 | 200 200",
  },
};

const cells = (row: string) => row.split(/[\s|]+/).filter(Boolean);

type State = "draft" | "published";
interface Call {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
  /** For lists: whether the object is in the reply. */
  listed?: (body: string) => boolean;
  /** Sign in afresh for this call (signing out ends the session it is given). */
  freshSession?: boolean;
}

function multipart(name: string, content: string) {
  const boundary = "----kehoachmatrix";
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n`,
      ),
      Buffer.from(content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

describe.each(STORES.map((s) => [s.name, s] as const))(
  "access, route × person × state (%s)",
  (_name, kind) => {
    let store: Store;
    let ctx: ServiceContext;
    let app: Awaited<ReturnType<typeof buildApp>>;
    const users = new Map<ActorName, SignedInUser>();
    const sessions = new Map<ActorName, { cookie: string; csrf: string }>();
    const password = "Mat-khau-kiem-thu-1";
    // The objects: a draft and two published plans (one with a report in draft, one with a submitted report).
    const o = {
      draft: "",
      draftFlag: "",
      published: "",
      publishedFlag: "",
      draftReport: "",
      draftAttachment: "",
      submittedReport: "",
      submittedAttachment: "",
      workItem: "",
      draftWorkItem: "",
      unitSO: "",
      unitA: "",
      importJob: "",
    };
    let counter = 0;

    async function login(name: ActorName): Promise<{ cookie: string; csrf: string }> {
      const r = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { login: name, password },
      });
      if (r.statusCode !== 200) throw new Error(`${name} cannot sign in: ${r.body}`);
      return { cookie: String(r.headers["set-cookie"]).split(";")[0] ?? "", csrf: r.json().csrfToken };
    }

    async function importAs(file: string, text: string): Promise<string> {
      return (await importPlanFile(ctx, await readDirectory(ctx), null, file, Buffer.from(text))).planId;
    }

    async function publishAll(planId: string, admin: SignedInUser): Promise<void> {
      for (const f of (await reviewView(ctx, admin, planId)).flags)
        await confirmFlag(ctx, admin, planId, f.id);
      await publishPlan(ctx, admin, planId);
    }

    // A draft of its own for a call that changes its task list; `withAdded`: a task BS1 added to it.
    async function freshDraft(withAdded = false): Promise<string> {
      const id = await importAs(`t${counter}.txt`, planText(String(3000 + counter++), "Zeta"));
      if (withAdded)
        await addTask(ctx, users.get("ad.own") as SignedInUser, id, {
          version: await version(id),
          title: "Bổ sung",
        });
      return id;
    }
    const version = async (planId: string) =>
      (await store.db.selectFrom("plan").select("version").where("id", "=", planId).executeTakeFirstOrThrow())
        .version;
    const taskVersion = async (planId: string) =>
      (
        await store.db
          .selectFrom("task")
          .select("version")
          .where("plan_id", "=", planId)
          .where("key", "=", "I.1")
          .executeTakeFirstOrThrow()
      ).version;

    beforeAll(async () => {
      store = await freshStore(kind);
      ctx = testContext(store);
      await importDirectory(ctx, null, DIRECTORY);
      const units = await listUnits(store.db);
      const unit = (code: string) => units.find((u) => u.code === code)?.id ?? "";
      o.unitSO = unit("SO");
      o.unitA = unit("SO.A");
      for (const [name, role, code] of ACTORS)
        if (role && code)
          await createAccount(ctx, null, {
            login: name,
            displayName: name,
            unitId: unit(code),
            role,
            password,
          });
      for (const [name, role] of ACTORS) if (role) users.set(name, (await signIn(ctx, name, password)).user);
      // Import jobs stay queued here: a file a cell sends changes nothing another cell reads.
      app = await buildApp({ store, reader: ctx.reader, clock: ctx.clock, importJobs: false });
      o.importJob = (
        await insertImportJob(store.db, {
          actorId: users.get("po.own")?.id ?? null,
          fileName: "ke-hoach.txt",
          content: Buffer.from("KẾ HOẠCH"),
          force: false,
        })
      ).id;
      for (const [name, role] of ACTORS) if (role) sessions.set(name, await login(name));

      const admin = users.get("ad.own") as SignedInUser;
      const officer = users.get("uo.own") as SignedInUser;
      o.draft = await importAs("d.txt", planText("901", "Alphadraft"));
      o.draftFlag = (await reviewView(ctx, admin, o.draft)).flags[0]?.id ?? "";
      o.published = await importAs("p.txt", planText("902", "Betapublished"));
      o.publishedFlag = (await reviewView(ctx, admin, o.published)).flags[0]?.id ?? "";
      await publishAll(o.published, admin);
      const second = await importAs("p2.txt", planText("903", "Gammasubmitted"));
      await publishAll(second, admin);
      const workOf = async (planId: string) =>
        String(
          (
            await store.db
              .selectFrom("work_item")
              .innerJoin("task", "task.id", "work_item.task_id")
              .select("work_item.id")
              .where("task.plan_id", "=", planId)
              .where("work_item.unit_id", "=", o.unitA)
              .executeTakeFirstOrThrow()
          ).id,
        );
      o.workItem = await workOf(o.published);
      o.draftWorkItem = await workOf(o.draft);
      const file = { name: "minh-chung.txt", mediaType: "text/plain", content: Buffer.from("Biên bản") };
      o.draftReport = (
        await saveReport(ctx, officer, {
          planId: o.published,
          items: [{ workItemId: o.workItem, status: "in_progress" }],
        })
      ).id;
      o.draftAttachment = await attachToReport(ctx, officer, o.draftReport, file);
      const secondItem = await workOf(second);
      o.submittedReport = (
        await saveReport(ctx, officer, {
          planId: second,
          items: [{ workItemId: secondItem, status: "in_progress" }],
        })
      ).id;
      o.submittedAttachment = await attachToReport(ctx, officer, o.submittedReport, file);
      await submitReport(ctx, officer, o.submittedReport);
    });
    afterAll(async () => {
      await app?.close();
      await store?.close();
    });

    const plan = (s: State) => (s === "draft" ? o.draft : o.published);
    const report = (s: State) => (s === "draft" ? o.draftReport : o.submittedReport);
    const word = (s: State) => (s === "draft" ? "alphadraft" : "betapublished");
    const has = (text: string) => (body: string) => body.toLowerCase().includes(text.toLowerCase());
    const inPlans = (s: State) => (body: string) =>
      (JSON.parse(body).plans as Array<{ id?: string; planId?: string }>).some(
        (p) => (p.id ?? p.planId) === plan(s),
      );

    // An account made for one cell of the accounts' routes, so that turning it off touches nobody else.
    const throwaway = async () =>
      (
        await store.db
          .insertInto("app_user")
          .values({
            login: `tam${counter++}`,
            display_name: "Tài khoản thử",
            unit_id: o.unitA,
            role: "unit_officer",
            password_hash: "x",
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;

    // The summary report's open period, and edits that are valid whatever the plan.
    const summaryPeriod = async (s: State) => {
      const facts = await planFacts(store.db, plan(s));
      return planPeriod(facts?.reporting ?? [], facts?.regime ?? null, today(ctx.clock), facts?.graceDays);
    };
    const SUMMARY_EDITS = {
      header: {
        parentBody: "",
        body: "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        number: "/BC-SGDĐT",
        place: "",
        date: "2026-12-01",
      },
      subject: "Kết quả thực hiện kế hoạch",
      opening: [],
      sections: [],
      closing: "",
      signer: { capacity: "", position: "GIÁM ĐỐC", name: "Nguyễn Văn A" },
      recipients: ["Lưu: VT"],
    };

    // What each route is asked, per state; and what is put back after a cell that changed something.
    const REQUESTS: Record<string, (s: State, who: ActorName) => Promise<Call>> = {
      "POST /api/v1/auth/login": async () => ({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { login: `khongco${counter++}`, password: "sai-mat-khau" },
      }),
      "POST /api/v1/auth/logout": async () => ({
        method: "POST",
        url: "/api/v1/auth/logout",
        freshSession: true,
      }),
      "GET /api/v1/auth/me": async () => ({ method: "GET", url: "/api/v1/auth/me" }),
      "GET /api/v1/plans": async (s) => ({
        method: "GET",
        url: "/api/v1/plans?limit=500",
        listed: inPlans(s),
      }),
      "GET /api/v1/plans/{id}": async (s) => ({ method: "GET", url: `/api/v1/plans/${plan(s)}` }),
      "PUT /api/v1/plans/{id}/settings": async (s) => ({
        method: "PUT",
        url: `/api/v1/plans/${plan(s)}/settings`,
        payload: { graceDays: 10, reminderDays: [7, 3, 1] },
      }),
      "GET /api/v1/plans/{id}/progress": async (s) => ({
        method: "GET",
        url: `/api/v1/plans/${plan(s)}/progress`,
      }),
      // An implementing plan an earlier cell drew up goes first, with its document.
      "POST /api/v1/plans/{id}/implementing": async (s) => {
        await sql`delete from document where id in
          (select document_id from plan where parent_plan_id = ${plan(s)})`.execute(store.db);
        return { method: "POST", url: `/api/v1/plans/${plan(s)}/implementing` };
      },
      "GET /api/v1/plans/{id}/cascade": async (s) => ({
        method: "GET",
        url: `/api/v1/plans/${plan(s)}/cascade`,
      }),
      "POST /api/v1/plans/import": async () => ({
        method: "POST",
        url: "/api/v1/plans/import",
        ...multipart("nhap.txt", planText(String(1000 + counter++), "Deltaimport")),
      }),
      "GET /api/v1/search": async (s) => ({
        method: "GET",
        url: `/api/v1/search?q=${word(s)}`,
        listed: inPlans(s),
      }),
      "GET /api/v1/review/{id}": async (s) => ({ method: "GET", url: `/api/v1/review/${plan(s)}` }),
      "GET /api/v1/review/{id}/publication": async (s) => ({
        method: "GET",
        url: `/api/v1/review/${plan(s)}/publication`,
      }),
      "GET /api/v1/review/{id}/amendment": async (s) => ({
        method: "GET",
        url: `/api/v1/review/${plan(s)}/amendment`,
      }),
      "POST /api/v1/review/{id}/tasks": async (s) => ({
        method: "POST",
        url: `/api/v1/review/${plan(s)}/tasks`,
        payload: { version: await version(plan(s)), title: "Nhiệm vụ bổ sung" },
      }),
      // Each call on a draft works on a draft of its own: a deleted task is gone for the next caller.
      "DELETE /api/v1/review/{id}/tasks/{key}": async (s) => {
        const id = s === "draft" ? await freshDraft() : o.published;
        return { method: "DELETE", url: `/api/v1/review/${id}/tasks/I.1?version=${await version(id)}` };
      },
      "POST /api/v1/review/{id}/tasks-merge": async (s) => {
        const id = s === "draft" ? await freshDraft(true) : o.published;
        return {
          method: "POST",
          url: `/api/v1/review/${id}/tasks-merge`,
          payload: { version: await version(id), into: "I.1", from: "BS1" },
        };
      },
      "POST /api/v1/review/{id}/sections/{section}/not-tasks": async (s) => {
        const id = s === "draft" ? await freshDraft() : o.published;
        return {
          method: "POST",
          url: `/api/v1/review/${id}/sections/I/not-tasks`,
          payload: { version: await version(id) },
        };
      },
      "GET /api/v1/review/{id}/edits": async (s) => ({
        method: "GET",
        url: `/api/v1/review/${plan(s)}/edits`,
      }),
      "POST /api/v1/review/{id}/edits/undo": async (s) => {
        const id = s === "draft" ? await freshDraft(true) : o.published;
        return {
          method: "POST",
          url: `/api/v1/review/${id}/edits/undo`,
          payload: { version: await version(id) },
        };
      },
      // "Ban Không Có Thật" is in no directory: each call on a draft confirms it on a draft of its own.
      "POST /api/v1/review/{id}/units/settle": async (s) => {
        const id = s === "draft" ? await freshDraft() : o.published;
        return {
          method: "POST",
          url: `/api/v1/review/${id}/units/settle`,
          payload: { version: await version(id), text: "Ban Không Có Thật", choice: { action: "confirm" } },
        };
      },
      "POST /api/v1/review/{id}/flags/confirm-group": async (s) => ({
        method: "POST",
        url: `/api/v1/review/${plan(s)}/flags/confirm-group`,
        payload: { kind: "warning", about: "không có thời gian thực hiện." },
      }),
      "POST /api/v1/review/{id}/tasks/{key}/split": async (s) => {
        const id = s === "draft" ? await freshDraft() : o.published;
        return {
          method: "POST",
          url: `/api/v1/review/${id}/tasks/I.1/split`,
          payload: { version: await version(id), at: 10 },
        };
      },
      "POST /api/v1/review/{id}/tasks/{key}/move": async (s) => {
        const id = s === "draft" ? await freshDraft(true) : o.published;
        return {
          method: "POST",
          url: `/api/v1/review/${id}/tasks/BS1/move`,
          payload: { version: await version(id), direction: "up" },
        };
      },
      "POST /api/v1/review/{id}/own-work": async (s) => ({
        method: "POST",
        url: `/api/v1/review/${plan(s)}/own-work`,
        payload: { version: await version(plan(s)) },
      }),
      "PATCH /api/v1/review/{id}": async (s) => ({
        method: "PATCH",
        url: `/api/v1/review/${plan(s)}`,
        payload: { version: await version(plan(s)) },
      }),
      // A draft of its own for each cell: an allowed cell discards it.
      "DELETE /api/v1/review/{id}": async (s) => ({
        method: "DELETE",
        url: `/api/v1/review/${s === "draft" ? await importAs(`x${counter}.txt`, planText(String(2000 + counter++), "Epsilon")) : o.published}`,
      }),
      "POST /api/v1/review/{id}/publish": async (s) => ({
        method: "POST",
        url: `/api/v1/review/${plan(s)}/publish`,
      }),
      "POST /api/v1/review/{id}/flags/{flagId}/confirm": async (s) => ({
        method: "POST",
        url: `/api/v1/review/${plan(s)}/flags/${s === "draft" ? o.draftFlag : o.publishedFlag}/confirm`,
      }),
      "PATCH /api/v1/review/{id}/tasks/{key}": async (s) => ({
        method: "PATCH",
        url: `/api/v1/review/${plan(s)}/tasks/I.1`,
        payload: { version: await taskVersion(plan(s)), timeframe: "Trước ngày 30/6/2099" },
      }),
      "PUT /api/v1/review/{id}/tasks/{key}/units": async (s) => ({
        method: "PUT",
        url: `/api/v1/review/${plan(s)}/tasks/I.1/units`,
        payload: {
          version: await taskVersion(plan(s)),
          units: [
            { role: "lead", text: "Phòng Giáo dục Trung học", unitIds: [o.unitA] },
            { role: "cooperate", text: "Phòng Khảo thí", unitIds: [] },
            { role: "cooperate", text: "Ban Không Có Thật", unitIds: [] },
          ],
        },
      }),
      "PUT /api/v1/review/{id}/references": async (s) => ({
        method: "PUT",
        url: `/api/v1/review/${plan(s)}/references`,
        payload: { version: await version(plan(s)), number: "77/KH-UBND", targetPlanId: null },
      }),
      "PUT /api/v1/review/{id}/reporting": async (s) => ({
        method: "PUT",
        url: `/api/v1/review/${plan(s)}/reporting`,
        payload: { version: await version(plan(s)), schedule: "Định kỳ trước ngày 15/6 và 15/12 hằng năm" },
      }),
      "GET /api/v1/reports/plans/{planId}": async (s) => ({
        method: "GET",
        url: `/api/v1/reports/plans/${plan(s)}`,
      }),
      "PUT /api/v1/reports/plans/{planId}": async (s) => ({
        method: "PUT",
        url: `/api/v1/reports/plans/${plan(s)}`,
        payload: {
          items: [{ workItemId: s === "draft" ? o.draftWorkItem : o.workItem, status: "in_progress" }],
        },
      }),
      "POST /api/v1/reports/{id}/submit": async (s) => ({
        method: "POST",
        url: `/api/v1/reports/${report(s)}/submit`,
      }),
      "POST /api/v1/reports/{id}/decision": async (s) => ({
        method: "POST",
        url: `/api/v1/reports/${report(s)}/decision`,
        payload: { accept: false, comment: "Bổ sung số liệu." },
      }),
      "POST /api/v1/reports/{id}/attachments": async (s) => ({
        method: "POST",
        url: `/api/v1/reports/${report(s)}/attachments`,
        ...multipart("them.txt", "Thêm minh chứng"),
      }),
      "GET /api/v1/reports/{id}/attachments/{attachmentId}": async (s) => ({
        method: "GET",
        url: `/api/v1/reports/${report(s)}/attachments/${s === "draft" ? o.draftAttachment : o.submittedAttachment}`,
      }),
      "GET /api/v1/workspace": async (s) => ({
        method: "GET",
        url: "/api/v1/workspace",
        listed: (body) =>
          (JSON.parse(body).items as Array<{ planId: string }>).some((i) => i.planId === plan(s)),
      }),
      "GET /api/v1/workspace/mine": async (s) => ({
        method: "GET",
        url: "/api/v1/workspace/mine",
        listed: (body) =>
          (JSON.parse(body).items as Array<{ planId: string }>).some((i) => i.planId === plan(s)),
      }),
      "GET /api/v1/overview": async (s) => ({ method: "GET", url: "/api/v1/overview", listed: inPlans(s) }),
      "GET /api/v1/overview/warnings": async () => ({ method: "GET", url: "/api/v1/overview/warnings" }),
      "GET /api/v1/overview/work": async (s) => ({
        method: "GET",
        url: "/api/v1/overview/work?state=in_progress",
        listed: (body) =>
          (JSON.parse(body).items as Array<{ planId: string }>).some((i) => i.planId === plan(s)),
      }),
      "GET /api/v1/overview/work.csv": async (s) => ({
        method: "GET",
        url: "/api/v1/overview/work.csv?state=in_progress",
        listed: has(`Tổ chức chuyên đề dạy học ${s === "draft" ? "Alphadraft" : "Betapublished"}`),
      }),
      "GET /api/v1/overview/work.xlsx": async () => ({
        method: "GET",
        url: "/api/v1/overview/work.xlsx?state=in_progress",
      }),
      "GET /api/v1/exports/plans/{id}/matrix.xlsx": async (s) => ({
        method: "GET",
        url: `/api/v1/exports/plans/${plan(s)}/matrix.xlsx`,
      }),
      "GET /api/v1/exports/plans/{id}/assignments.docx": async (s) => ({
        method: "GET",
        url: `/api/v1/exports/plans/${plan(s)}/assignments.docx`,
      }),
      "GET /api/v1/exports/plans/{id}/assignments.xlsx": async (s) => ({
        method: "GET",
        url: `/api/v1/exports/plans/${plan(s)}/assignments.xlsx`,
      }),
      "GET /api/v1/exports/reporting.xlsx": async () => ({
        method: "GET",
        url: "/api/v1/exports/reporting.xlsx",
      }),
      "GET /api/v1/units": async () => ({ method: "GET", url: "/api/v1/units" }),
      "GET /api/v1/units/suggest": async () => ({
        method: "GET",
        url: "/api/v1/units/suggest?q=Ph%C3%B2ng%20GDTrH",
      }),
      "POST /api/v1/units/import": async () => ({
        method: "POST",
        url: "/api/v1/units/import",
        ...multipart("don-vi.csv", DIRECTORY),
      }),
      "GET /api/v1/holidays": async () => ({ method: "GET", url: "/api/v1/holidays?year=2027" }),
      // An empty list puts the year back to its defaults: nothing a later cell sees is changed.
      "PUT /api/v1/holidays/{year}": async () => ({
        method: "PUT",
        url: "/api/v1/holidays/2099",
        payload: { text: "" },
      }),
      "GET /api/v1/holidays/settings": async () => ({ method: "GET", url: "/api/v1/holidays/settings" }),
      "PUT /api/v1/holidays/settings": async () => ({
        method: "PUT",
        url: "/api/v1/holidays/settings",
        payload: { moveDueToWorkingDay: false },
      }),
      "PUT /api/v1/units/{id}/report-regime": async () => ({
        method: "PUT",
        url: `/api/v1/units/${o.unitSO}/report-regime`,
        payload: { reportRegime: null },
      }),
      "GET /api/v1/units/{id}/staff": async () => ({ method: "GET", url: `/api/v1/units/${o.unitA}/staff` }),
      "POST /api/v1/units/{id}/staff": async () => ({
        method: "POST",
        url: `/api/v1/units/${o.unitA}/staff`,
        payload: { name: `Cán bộ Thử ${counter++}` },
      }),
      "POST /api/v1/imports": async () => ({
        method: "POST",
        url: "/api/v1/imports",
        ...multipart("ke-hoach.txt", planText("990", "Omega")),
      }),
      "GET /api/v1/imports": async () => ({ method: "GET", url: "/api/v1/imports" }),
      "GET /api/v1/imports/{id}": async () => ({ method: "GET", url: `/api/v1/imports/${o.importJob}` }),
      "GET /api/v1/notifications": async () => ({ method: "GET", url: "/api/v1/notifications" }),
      "POST /api/v1/notifications/read": async () => ({
        method: "POST",
        url: "/api/v1/notifications/read",
        payload: {},
      }),
      "GET /api/v1/notifications/preferences": async () => ({
        method: "GET",
        url: "/api/v1/notifications/preferences",
      }),
      "PUT /api/v1/notifications/preferences": async () => ({
        method: "PUT",
        url: "/api/v1/notifications/preferences",
        payload: { email: null, mode: "each", muted: [] },
      }),
      "GET /api/v1/notifications/failed-mail": async () => ({
        method: "GET",
        url: "/api/v1/notifications/failed-mail",
      }),
      "GET /api/v1/notifications/mail-settings": async () => ({
        method: "GET",
        url: "/api/v1/notifications/mail-settings",
      }),
      "PUT /api/v1/notifications/mail-settings": async () => ({
        method: "PUT",
        url: "/api/v1/notifications/mail-settings",
        payload: { host: "", port: 587, secure: false, from: "kehoach <kehoach@so.test>" },
      }),
      "POST /api/v1/notifications/mail-settings/test": async () => ({
        method: "POST",
        url: "/api/v1/notifications/mail-settings/test",
        payload: { to: "quantri@so.test" },
      }),
      "POST /api/v1/extensions": async (s) => ({
        method: "POST",
        url: "/api/v1/extensions",
        payload: { workItemId: await leadWork(plan(s)), newDue: "2099-07-31", reason: "Thử" },
      }),
      "GET /api/v1/extensions": async (s) => ({ method: "GET", url: `/api/v1/extensions?planId=${plan(s)}` }),
      "POST /api/v1/extensions/{id}/decision": async (s) => {
        const made = await sql<{ id: string }>`insert into extension_request
          (work_item_id, from_due, requested_due, reason, requested_at)
          values (${await leadWork(plan(s))}, '2099-06-30', '2099-07-31', 'Thử', now())
          returning id`.execute(store.db);
        return {
          method: "POST",
          url: `/api/v1/extensions/${made.rows[0]?.id}/decision`,
          payload: { approve: false, comment: "Không" },
        };
      },
      "GET /api/v1/summaries/plans/{id}": async (s) => ({
        method: "GET",
        url: `/api/v1/summaries/plans/${plan(s)}`,
      }),
      "PUT /api/v1/summaries/plans/{id}": async (s) => {
        await sql`delete from summary_report`.execute(store.db);
        return {
          method: "PUT",
          url: `/api/v1/summaries/plans/${plan(s)}`,
          payload: { period: await summaryPeriod(s), version: 0, edits: SUMMARY_EDITS },
        };
      },
      "POST /api/v1/summaries/plans/{id}/recompile": async (s) => ({
        method: "POST",
        url: `/api/v1/summaries/plans/${plan(s)}/recompile`,
        payload: { period: await summaryPeriod(s) },
      }),
      "GET /api/v1/summaries/plans/{id}/report.docx": async (s) => ({
        method: "GET",
        url: `/api/v1/summaries/plans/${plan(s)}/report.docx`,
      }),
      "POST /api/v1/reopen": async (s) => {
        // A period locked today, owed since the plan was out before it; no request pending yet.
        const facts = await planFacts(store.db, plan(s));
        await sql`update plan set published_on = '2000-01-01' where id = ${plan(s)} and status <> 'draft'`.execute(
          store.db,
        );
        await sql`delete from reopen_request where plan_id = ${plan(s)}`.execute(store.db);
        const due = lastLockedPeriod(
          facts?.reporting ?? [],
          facts?.regime ?? null,
          today(ctx.clock),
          facts?.graceDays,
        );
        return {
          method: "POST",
          url: "/api/v1/reopen",
          payload: { planId: plan(s), periodDue: due, reason: "Thử" },
        };
      },
      "GET /api/v1/reopen": async (s) => ({ method: "GET", url: `/api/v1/reopen?planId=${plan(s)}` }),
      "POST /api/v1/reopen/{id}/decision": async (s) => {
        await sql`delete from reopen_request where plan_id = ${plan(s)}`.execute(store.db);
        const made = await sql<{ id: string }>`insert into reopen_request
          (plan_id, unit_id, period_due, reason, requested_at)
          values (${plan(s)}, ${o.unitA}, '2099-06-15', 'Thử', now())
          returning id`.execute(store.db);
        return {
          method: "POST",
          url: `/api/v1/reopen/${made.rows[0]?.id}/decision`,
          payload: { grant: false, comment: "Không" },
        };
      },
      "GET /api/v1/calendar/token": async () => ({ method: "GET", url: "/api/v1/calendar/token" }),
      "POST /api/v1/calendar/token": async () => ({ method: "POST", url: "/api/v1/calendar/token" }),
      "GET /api/v1/calendar/{token}/me.ics": async (s, who) => ({
        method: "GET",
        url: `/api/v1/calendar/${await feedToken(who)}/me.ics`,
        listed: has(`Tổ chức chuyên đề dạy học ${s === "draft" ? "Alphadraft" : "Betapublished"}`),
      }),
      "GET /api/v1/calendar/{token}/unit.ics": async (s, who) => ({
        method: "GET",
        url: `/api/v1/calendar/${await feedToken(who)}/unit.ics`,
        listed: has(`Tổ chức chuyên đề dạy học ${s === "draft" ? "Alphadraft" : "Betapublished"}`),
      }),
      "GET /api/v1/calendar/{token}/plans/{planId}.ics": async (s, who) => ({
        method: "GET",
        url: `/api/v1/calendar/${await feedToken(who)}/plans/${plan(s)}.ics`,
      }),
      "GET /api/v1/users": async () => ({ method: "GET", url: "/api/v1/users" }),
      "POST /api/v1/users": async () => ({
        method: "POST",
        url: "/api/v1/users",
        payload: {
          login: `moi${counter++}`,
          displayName: "Người mới",
          unitId: o.unitA,
          role: "unit_officer",
          password,
        },
      }),
      "PATCH /api/v1/users/{id}": async () => ({
        method: "PATCH",
        url: `/api/v1/users/${await throwaway()}`,
        payload: { active: false },
      }),
      "DELETE /api/v1/users/{id}/sessions": async () => ({
        method: "DELETE",
        url: `/api/v1/users/${await throwaway()}/sessions`,
      }),
      "GET /api/v1/audit": async () => ({ method: "GET", url: "/api/v1/audit" }),
    };

    // Phòng Giáo dục Trung học's lead work in a plan as it stands now (corrections remake work items).
    async function leadWork(planId: string): Promise<string> {
      const r = await sql<{ id: string }>`select w.id from work_item w join task t on t.id = w.task_id
        where t.plan_id = ${planId} and w.unit_id = ${o.unitA} and w.role = 'lead' order by w.id limit 1`.execute(
        store.db,
      );
      return String(r.rows[0]?.id);
    }

    // A person's calendar link as it stands now (a cell of POST …/calendar/token renews it); none for
    // someone not signed in.
    async function feedToken(who: ActorName): Promise<string> {
      const user = users.get(who);
      return user ? (await renewCalendarLink(ctx, user)).token : "x".repeat(43);
    }

    // Puts back what an allowed cell changed, so that every cell meets the same objects.
    async function restore(): Promise<void> {
      await sql`update report set status = 'draft', submitted_at = null where id = ${o.draftReport}`.execute(
        store.db,
      );
      await sql`update report set status = 'submitted' where id = ${o.submittedReport}`.execute(store.db);
      await sql`delete from extension_request`.execute(store.db);
    }

    it("has a row for every route the OpenAPI description lists, and no row for a route it does not", async () => {
      const paths = (await app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json().paths as Record<
        string,
        Record<string, unknown>
      >;
      const routes = Object.entries(paths).flatMap(([path, methods]) =>
        Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
      );
      expect(routes.sort()).toEqual(Object.keys(MATRIX).sort());
      expect(Object.keys(REQUESTS).sort()).toEqual(Object.keys(MATRIX).sort());
      for (const [route, row] of Object.entries(MATRIX))
        for (const s of ["draft", "published"] as const)
          expect(cells(row[s]), `${route} ${s}`).toHaveLength(ACTORS.length);
    });

    it("answers every cell as the table says", async () => {
      const wrong: string[] = [];
      let asked = 0;
      for (const [route, row] of Object.entries(MATRIX))
        for (const s of ["draft", "published"] as const) {
          const expected = cells(row[s]);
          for (const [i, [name, role]] of ACTORS.entries()) {
            const call = await (REQUESTS[route] as (s: State, who: ActorName) => Promise<Call>)(s, name);
            const session = role ? (call.freshSession ? await login(name) : sessions.get(name)) : undefined;
            const r = await app.inject({
              method: call.method,
              url: call.url,
              payload: call.payload as never,
              headers: {
                ...(session ? { cookie: session.cookie, "x-csrf-token": session.csrf } : {}),
                ...call.headers,
              },
            });
            asked++;
            const got =
              call.listed && r.statusCode === 200
                ? call.listed(r.body)
                  ? "in"
                  : "out"
                : String(r.statusCode);
            if (got !== expected[i])
              wrong.push(
                `${route} [${s}] ${name}: expected ${expected[i]}, got ${got} ${got.startsWith("2") || got.length === 2 || got === "in" ? "" : r.body.slice(0, 120)}`,
              );
            await restore();
          }
        }
      expect(wrong).toEqual([]);
      expect(asked).toBe(Object.keys(MATRIX).length * 2 * ACTORS.length);
    });
  },
);
