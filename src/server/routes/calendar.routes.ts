// /api/v1/calendar: the signed-in person's secret calendar link (made or renewed; said to exist),
// and the ICS feeds calendar apps fetch with it, without a session.

import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  calendarLink,
  personFeed,
  planFeed,
  renewCalendarLink,
  unitFeed,
} from "../../services/calendar.service.js";
import type { ServiceContext } from "../../services/context.js";
import { signedIn } from "../context.js";
import {
  CalendarLinkReply,
  CalendarLinkStatus,
  FeedParams,
  FileReply,
  PlanFeedParams,
  presentCalendarLink,
} from "../contract/index.js";

const ICS = "text/calendar; charset=utf-8";

export const calendarRoutes =
  (ctx: ServiceContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["calendar"];
    // The address the feeds and their events link to: the installation's, else the request's own.
    const base = (request: FastifyRequest) => ctx.publicUrl ?? `${request.protocol}://${request.host}/`;
    // A calendar app fetches a feed every few minutes at most; a whole office behind one address
    // stays well under this.
    const feed = {
      config: { rateLimit: { max: 120, timeWindow: "1 minute" } },
      schema: { tags, produces: ["text/calendar"], response: { 200: FileReply } },
    };
    app.get(
      "/token",
      {
        schema: {
          tags,
          summary: "Đã có liên kết lịch chưa (không trả mã)",
          response: { 200: CalendarLinkStatus },
        },
      },
      async (request) => calendarLink(ctx, signedIn(request)),
    );
    app.post(
      "/token",
      {
        schema: {
          tags,
          summary: "Tạo hoặc đổi liên kết lịch (liên kết cũ thôi dùng được); trả các địa chỉ lịch một lần",
          response: { 200: CalendarLinkReply },
        },
      },
      async (request) => {
        const made = await renewCalendarLink(ctx, signedIn(request));
        return presentCalendarLink(`${base(request)}${app.prefix.slice(1)}/${made.token}`, made.createdAt);
      },
    );
    app.get(
      "/:token/me.ics",
      { ...feed, schema: { ...feed.schema, summary: "Lịch công việc của tôi (ICS)", params: FeedParams } },
      async (request, reply) =>
        reply.type(ICS).send(await personFeed(ctx, request.params.token, base(request))),
    );
    app.get(
      "/:token/unit.ics",
      { ...feed, schema: { ...feed.schema, summary: "Lịch công việc của đơn vị (ICS)", params: FeedParams } },
      async (request, reply) =>
        reply.type(ICS).send(await unitFeed(ctx, request.params.token, base(request))),
    );
    app.get(
      "/:token/plans/:planId.ics",
      {
        ...feed,
        schema: {
          ...feed.schema,
          summary: "Lịch một kế hoạch: các hạn và hạn báo cáo (ICS)",
          params: PlanFeedParams,
        },
      },
      async (request, reply) =>
        reply.type(ICS).send(await planFeed(ctx, request.params.token, request.params.planId, base(request))),
    );
  };
