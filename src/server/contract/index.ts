// The API contract in one place: request and reply schemas (zod), from which the server validates
// and serialises, the OpenAPI description is generated, and the browser takes its types.

export * from "./audit.js";
export * from "./auth.js";
export * from "./calendar.js";
export * from "./cascade.js";
export * from "./common.js";
export * from "./exports.js";
export * from "./extensions.js";
export * from "./holidays.js";
export * from "./imports.js";
export * from "./notifications.js";
export * from "./overview.js";
export * from "./plans.js";
export * from "./reopen.js";
export * from "./reports.js";
export * from "./review.js";
export * from "./summaries.js";
export * from "./units.js";
export * from "./users.js";
export * from "./workspace.js";
