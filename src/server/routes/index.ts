// The API's routes by the first segment of their URL: /api/v1/<segment>/… is answered by
// routes/<segment>.routes.ts, and by nothing else (the architecture test holds every file to it).

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ServiceContext } from "../../services/context.js";
import { auditRoutes } from "./audit.routes.js";
import { authRoutes } from "./auth.routes.js";
import { calendarRoutes } from "./calendar.routes.js";
import { exportRoutes } from "./exports.routes.js";
import { extensionRoutes } from "./extensions.routes.js";
import { holidayRoutes } from "./holidays.routes.js";
import { importRoutes } from "./imports.routes.js";
import { notificationRoutes } from "./notifications.routes.js";
import { overviewRoutes } from "./overview.routes.js";
import { planRoutes } from "./plans.routes.js";
import { reopenRoutes } from "./reopen.routes.js";
import { reportRoutes } from "./reports.routes.js";
import { reviewRoutes } from "./review.routes.js";
import { searchRoutes } from "./search.routes.js";
import { summaryRoutes } from "./summaries.routes.js";
import { unitRoutes } from "./units.routes.js";
import { userRoutes } from "./users.routes.js";
import { workspaceRoutes } from "./workspace.routes.js";

export const API_PREFIX = "/api/v1";

/** segment → the routes of /api/v1/<segment>. */
export const ROUTES: Record<string, (ctx: ServiceContext) => FastifyPluginAsyncZod> = {
  audit: auditRoutes,
  auth: authRoutes,
  calendar: calendarRoutes,
  exports: exportRoutes,
  extensions: extensionRoutes,
  holidays: holidayRoutes,
  imports: importRoutes,
  notifications: notificationRoutes,
  overview: overviewRoutes,
  plans: planRoutes,
  reopen: reopenRoutes,
  reports: reportRoutes,
  review: reviewRoutes,
  search: searchRoutes,
  summaries: summaryRoutes,
  units: unitRoutes,
  users: userRoutes,
  workspace: workspaceRoutes,
};
