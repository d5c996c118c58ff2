// Reading plan files for an import, off the server's thread (the PlanReader of services/context.ts):
//   const reader = createPlanReaderPool();                 // the server: child processes, limits
//   const reading = await reader.read("ke-hoach.pdf", bytes);
//   reading.plan, reading.sourceText, reading.notes …       // what importPlanFile stores
//   await reader.close();                                  // on shutdown
// One-shot commands and tests read on their own thread: inProcessReader / readPlanInProcess.

export { inProcessReader } from "./in-process-reader.js";
export { createPlanReaderPool, type PlanReaderPool, type PoolOptions } from "./pool.js";
export { readPlanInProcess } from "./read-plan.js";
export { intakeRefusals } from "./refusals.js";
