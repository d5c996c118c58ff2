// The services' context for tests: a store, a clock (stopped at a day where a test needs one), and
// the in-process plan reader.

import type { Store } from "../src/db/connection.js";
import { type Clock, systemClock } from "../src/domain/clock.js";
import { inProcessReader } from "../src/intake/in-process-reader.js";
import type { ServiceContext } from "../src/services/context.js";

/** `const ctx = testContext(store, fixedClock("2026-06-16T08:00:00Z"))` */
export function testContext(store: Store, clock: Clock = systemClock): ServiceContext {
  return { db: store.db, clock, reader: inProcessReader };
}
