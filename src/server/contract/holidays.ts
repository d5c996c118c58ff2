// The holidays part of the API: the installation's holiday calendar by year (the Labour Code's days
// by default, or a year an administrator set from the Government's notice), and whether due dates on
// a day off move to the next working day on publication.

import { z } from "zod";
import type { HolidayCalendar, WorkingDaySettings } from "../../services/holidays.service.js";
import { IsoDay } from "./common.js";

export const HolidayYearQuery = z.object({
  year: z.coerce.number().int().min(1900).max(2199).optional().describe("Năm; mặc định: năm nay"),
});

export const HolidayYearParams = z.object({ year: z.coerce.number().int().min(1900).max(2199) });

export const HolidayListBody = z.object({
  text: z
    .string()
    .max(20_000)
    .describe(
      "Mỗi dòng một ngày: «2027-02-05 Tết Nguyên đán» hoặc «05/02/2027 Tết Nguyên đán»; rỗng: về mặc định",
    ),
});

export const HolidayCalendarReply = z.object({
  year: z.number().int(),
  source: z.enum(["default", "set"]).describe("default: theo Bộ luật Lao động; set: quản trị viên nhập"),
  setAt: z.string().nullable(),
  holidays: z.array(z.object({ date: IsoDay, name: z.string() })),
});
export type HolidayCalendarReply = z.infer<typeof HolidayCalendarReply>;

export const WorkingDaySettingsBody = z.object({
  moveDueToWorkingDay: z
    .boolean()
    .describe("true: hạn rơi vào ngày nghỉ được dời sang ngày làm việc kế tiếp khi công bố kế hoạch"),
});

export const WorkingDaySettingsReply = WorkingDaySettingsBody.extend({
  zone: z.string().describe("Múi giờ của hệ thống (IANA)"),
});
export type WorkingDaySettingsReply = z.infer<typeof WorkingDaySettingsReply>;

export function presentHolidayCalendar(c: HolidayCalendar): HolidayCalendarReply {
  return { year: c.year, source: c.source, setAt: c.setAt, holidays: c.holidays };
}

export function presentWorkingDaySettings(s: WorkingDaySettings): WorkingDaySettingsReply {
  return { moveDueToWorkingDay: s.moveDueToWorkingDay, zone: s.zone };
}
