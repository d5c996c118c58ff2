// /api/v1/overview: the leaders' overview within reach, and the work behind each number (JSON, or a
// CSV file Excel opens as it is, or an XLSX file).

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { workCsv, workCsvName } from "../../render/work-csv.js";
import type { ServiceContext } from "../../services/context.js";
import { overviewWorkFile } from "../../services/exports.service.js";
import { overview, overviewWarnings, overviewWork } from "../../services/overview.service.js";
import { signedIn } from "../context.js";
import {
  FileReply,
  OverviewQuery,
  OverviewReply,
  OverviewWarningsReply,
  OverviewWorkReply,
  presentOverview,
  presentOverviewWarnings,
  presentOverviewWork,
  WorkQuery,
} from "../contract/index.js";
import { sendFile } from "../download.js";

export const overviewRoutes =
  (ctx: ServiceContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "",
      {
        schema: {
          tags: ["overview"],
          summary: "Tổng quan tiến độ và báo cáo (các đơn vị theo trang: thiếu báo cáo nhiều nhất trước)",
          querystring: OverviewQuery,
          response: { 200: OverviewReply },
        },
      },
      async (request) => presentOverview(await overview(ctx, signedIn(request), request.query)),
    );
    app.get(
      "/warnings",
      {
        schema: {
          tags: ["overview"],
          summary: "Cảnh báo về công việc trong phạm vi, tính theo ngày hôm nay",
          response: { 200: OverviewWarningsReply },
        },
      },
      async (request) => presentOverviewWarnings(await overviewWarnings(ctx, signedIn(request))),
    );
    app.get(
      "/work",
      {
        schema: {
          tags: ["overview"],
          summary: "Công việc sau một con số của tổng quan",
          querystring: WorkQuery,
          response: { 200: OverviewWorkReply },
        },
      },
      async (request) =>
        presentOverviewWork(
          await overviewWork(ctx, signedIn(request), request.query.state, request.query.unitId),
        ),
    );
    app.get(
      "/work.csv",
      {
        schema: {
          tags: ["overview"],
          summary: "Công việc sau một con số của tổng quan, tệp CSV mở bằng Excel",
          querystring: WorkQuery,
          produces: ["text/csv"],
          response: { 200: FileReply },
        },
      },
      async (request, reply) => {
        const work = await overviewWork(ctx, signedIn(request), request.query.state, request.query.unitId);
        return reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="${workCsvName(work.state)}"`)
          .send(workCsv(work));
      },
    );
    app.get(
      "/work.xlsx",
      {
        schema: {
          tags: ["overview"],
          summary: "Công việc sau một con số của tổng quan, tệp XLSX",
          querystring: WorkQuery,
          produces: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
          response: { 200: FileReply },
        },
      },
      async (request, reply) =>
        sendFile(
          reply,
          await overviewWorkFile(ctx, signedIn(request), request.query.state, request.query.unitId),
        ),
    );
  };
