// The one place the system asks what time it is. Services are given a Clock, so tests set the
// date ("today is 2026-06-16") instead of depending on the day they run.

export interface Clock {
  /** The current instant. */
  now(): Date;
  /** The installation's time zone (IANA); default Vietnam's: "today" is Vietnam's day, not UTC's. */
  zone?: string;
}

/** The time zone days are counted in where the clock names none. */
export const DEFAULT_ZONE = "Asia/Ho_Chi_Minh";

/** The machine's clock. */
export const systemClock: Clock = { now: () => new Date() };

/**
 * The machine's clock counting days in `zone` (an IANA name, "Asia/Ho_Chi_Minh"); throws a RangeError
 * naming a zone the runtime does not know: `zonedSystemClock("Asia/Bangkok")`.
 */
export function zonedSystemClock(zone: string): Clock {
  try {
    new Intl.DateTimeFormat("en-CA", { timeZone: zone });
  } catch {
    throw new RangeError(`không phải múi giờ IANA: ${zone} (ví dụ Asia/Ho_Chi_Minh)`);
  }
  return { ...systemClock, zone };
}

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

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The ISO day of an instant in a time zone: `dayIn(new Date("2026-06-15T18:00:00Z"), "Asia/Ho_Chi_Minh")` → "2026-06-16". */
export function dayIn(at: Date, zone: string): string {
  let format = dayFormats.get(zone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    dayFormats.set(zone, format);
  }
  return format.format(at);
}

/** The clock's day where the installation is: `today(clock)` → "2026-06-16" (01:00 in Hà Nội is already the 16th). */
export function today(clock: Clock): string {
  return dayIn(clock.now(), clock.zone ?? DEFAULT_ZONE);
}

/**
 * The instant a wall-clock hour of a day begins in a zone:
 * `zonedInstant("2026-06-23", 7, "Asia/Ho_Chi_Minh")` → 2026-06-23T00:00:00Z.
 */
export function zonedInstant(day: string, hour: number, zone: string): Date {
  const [y, m, d] = day.split("-").map(Number);
  const guess = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, hour);
  // The zone's offset at that moment, read back from how the zone writes the guess.
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(guess));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const shown = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return new Date(guess - (shown - guess));
}
