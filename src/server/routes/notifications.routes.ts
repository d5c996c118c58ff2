// /api/v1/notifications: the signed-in person's notifications, their mail address and choices.

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ServiceContext } from "../../services/context.js";
import {
  failedMailList,
  myNotifications,
  myPreferences,
  readNotifications,
  setMyPreferences,
} from "../../services/notifications.service.js";
import { signedIn } from "../context.js";
import {
  FailedMailList,
  NoContent,
  NotificationList,
  Preferences,
  type PreferencesReply,
  ReadBody,
} from "../contract/index.js";

export const notificationRoutes =
  (ctx: ServiceContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["notifications"];
    app.get(
      "",
      {
        schema: { tags, summary: "Thông báo của tôi (mới nhất trước)", response: { 200: NotificationList } },
      },
      async (request) => myNotifications(ctx, signedIn(request)),
    );
    app.post(
      "/read",
      { schema: { tags, summary: "Đánh dấu đã đọc", body: ReadBody, response: { 204: NoContent } } },
      async (request, reply) => {
        await readNotifications(ctx, signedIn(request), request.body.ids ?? null);
        return reply.code(204).send(null);
      },
    );
    app.get(
      "/preferences",
      { schema: { tags, summary: "Địa chỉ thư và cách nhận thông báo", response: { 200: Preferences } } },
      async (request) => (await myPreferences(ctx, signedIn(request))) as PreferencesReply,
    );
    app.put(
      "/preferences",
      {
        schema: {
          tags,
          summary: "Đổi địa chỉ thư và cách nhận thông báo",
          body: Preferences,
          response: { 200: Preferences },
        },
      },
      async (request) => (await setMyPreferences(ctx, signedIn(request), request.body)) as PreferencesReply,
    );
    app.get(
      "/failed-mail",
      { schema: { tags, summary: "Thư không gửi được (quản trị)", response: { 200: FailedMailList } } },
      async (request) => ({ mails: await failedMailList(ctx, signedIn(request)) }),
    );
  };
