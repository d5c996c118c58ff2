// The calendar part of the API: the secret link to a person's ICS feeds (made or renewed, said to
// exist), and the feeds' parameters.

import { z } from "zod";
import { Id, Instant } from "./common.js";

export const CalendarLinkStatus = z.object({
  exists: z.boolean().describe("Đã có liên kết lịch"),
  createdAt: Instant.nullable().describe("Thời điểm tạo liên kết hiện hành"),
});

export const CalendarLinkReply = z.object({
  createdAt: Instant.describe("Thời điểm tạo liên kết"),
  feeds: z
    .object({
      person: z.string().describe("Lịch công việc của tôi (việc nêu tên tôi và việc của đơn vị)"),
      unit: z.string().describe("Lịch công việc của đơn vị"),
      plan: z.string().describe("Lịch một kế hoạch: thay {planId} bằng mã kế hoạch"),
    })
    .describe("Địa chỉ các lịch (chỉ hiện một lần; đổi liên kết thì địa chỉ cũ thôi dùng được)"),
});
export type CalendarLinkReply = z.infer<typeof CalendarLinkReply>;

/** A feed's token: any text, so that a wrong one is "not found" (404) like a renewed one. */
const FeedToken = z.string().max(200).describe("Mã bí mật của liên kết lịch");

export const FeedParams = z.object({ token: FeedToken });
export const PlanFeedParams = z.object({ token: FeedToken, planId: Id.describe("Mã kế hoạch") });

/** The feeds of a link, from the address of its folder ("https://…/api/v1/calendar/<token>"). */
export function presentCalendarLink(root: string, createdAt: string): CalendarLinkReply {
  return {
    createdAt,
    feeds: { person: `${root}/me.ics`, unit: `${root}/unit.ics`, plan: `${root}/plans/{planId}.ics` },
  };
}
