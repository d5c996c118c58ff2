// /api/v1/notifications: the signed-in person's notifications, their mail address and choices.

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ServiceContext } from "../../services/context.js";
import { mailSettings, saveMailSettings, sendTestMail } from "../../services/mail-settings.service.js";
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
  MailSettingsBody,
  MailSettingsReply,
  NoContent,
  NotificationList,
  Preferences,
  type PreferencesReply,
  ReadBody,
  TestMailBody,
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
    app.get(
      "/mail-settings",
      {
        schema: { tags, summary: "Máy chủ thư gửi đi (quản trị)", response: { 200: MailSettingsReply } },
      },
      async (request) => mailSettings(ctx, signedIn(request)),
    );
    app.put(
      "/mail-settings",
      {
        schema: {
          tags,
          summary: "Đặt máy chủ thư gửi đi (quản trị); thay cho máy chủ của biến môi trường",
          body: MailSettingsBody,
          response: { 200: MailSettingsReply },
        },
      },
      async (request) => saveMailSettings(ctx, signedIn(request), request.body),
    );
    app.post(
      "/mail-settings/test",
      {
        schema: {
          tags,
          summary: "Gửi thư thử qua máy chủ thư đang đặt (quản trị)",
          body: TestMailBody,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await sendTestMail(ctx, signedIn(request), request.body.to);
        return reply.code(204).send(null);
      },
    );
  };
