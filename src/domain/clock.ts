// The one place the system asks what time it is. Services are given a Clock, so tests set the
// date ("today is 2026-06-16") instead of depending on the day they run.

export interface Clock {
  /** The current instant. */
  now(): Date;
}

/** The machine's clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock stopped at one instant: `fixedClock("2026-06-16T08:00:00Z")`. */
export function fixedClock(at: string | Date): Clock {
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`not an instant: ${String(at)}`);
  return { now: () => new Date(instant) };
}

/** The ISO day of an instant, UTC: `isoDay(new Date("2026-06-16T08:00:00Z"))` → "2026-06-16". */
export function isoDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The ISO day `days` after an ISO day: `addDays("2026-06-16", 30)` → "2026-07-16". */
export function addDays(day: string, days: number): string {
  return isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));
}

/** The clock's day: `today(clock)` → "2026-06-16". */
export function today(clock: Clock): string {
  return isoDay(clock.now());
}
