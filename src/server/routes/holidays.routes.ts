// /api/v1/holidays: the holiday calendar by year (everyone signed in reads it; administrators set a
// year from the Government's notice) and the working-day setting.

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { today } from "../../domain/clock.js";
import type { ServiceContext } from "../../services/context.js";
import {
  holidayCalendar,
  setHolidays,
  setMoveDueToWorkingDay,
  workingDaySettings,
} from "../../services/holidays.service.js";
import { signedIn } from "../context.js";
import {
  HolidayCalendarReply,
  HolidayListBody,
  HolidayYearParams,
  HolidayYearQuery,
  presentHolidayCalendar,
  presentWorkingDaySettings,
  WorkingDaySettingsBody,
  WorkingDaySettingsReply,
} from "../contract/index.js";

export const holidayRoutes =
  (ctx: ServiceContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["holidays"];
    app.get(
      "",
      {
        schema: {
          tags,
          summary: "Ngày nghỉ lễ của một năm",
          querystring: HolidayYearQuery,
          response: { 200: HolidayCalendarReply },
        },
      },
      async (request) => {
        signedIn(request);
        const year = request.query.year ?? Number(today(ctx.clock).slice(0, 4));
        return presentHolidayCalendar(await holidayCalendar(ctx, year));
      },
    );
    app.put(
      "/:year",
      {
        schema: {
          tags,
          summary: "Đặt ngày nghỉ lễ của một năm theo thông báo của Chính phủ (quản trị viên)",
          params: HolidayYearParams,
          body: HolidayListBody,
          response: { 200: HolidayCalendarReply },
        },
      },
      async (request) =>
        presentHolidayCalendar(
          await setHolidays(ctx, signedIn(request), request.params.year, request.body.text),
        ),
    );
    app.get(
      "/settings",
      {
        schema: { tags, summary: "Thiết lập ngày làm việc", response: { 200: WorkingDaySettingsReply } },
      },
      async (request) => {
        signedIn(request);
        return presentWorkingDaySettings(await workingDaySettings(ctx));
      },
    );
    app.put(
      "/settings",
      {
        schema: {
          tags,
          summary: "Hạn rơi vào ngày nghỉ có dời sang ngày làm việc kế tiếp không (quản trị viên)",
          body: WorkingDaySettingsBody,
          response: { 200: WorkingDaySettingsReply },
        },
      },
      async (request) =>
        presentWorkingDaySettings(
          await setMoveDueToWorkingDay(ctx, signedIn(request), request.body.moveDueToWorkingDay),
        ),
    );
  };
