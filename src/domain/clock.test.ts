import { describe, expect, it } from "vitest";
import { dayIn, fixedClock, today, zonedInstant, zonedSystemClock } from "./clock.js";

describe("the day where the installation is", () => {
  it("is Vietnam's day by default: 01:00 in Hà Nội is already the next day in UTC's evening", () => {
    expect(today(fixedClock("2026-06-15T18:00:00Z"))).toBe("2026-06-16");
    expect(today(fixedClock("2026-06-15T16:59:59Z"))).toBe("2026-06-15");
    expect(today({ ...fixedClock("2026-06-15T18:00:00Z"), zone: "UTC" })).toBe("2026-06-15");
  });

  it("finds the instant an hour begins in a zone", () => {
    expect(zonedInstant("2026-06-23", 7, "Asia/Ho_Chi_Minh").toISOString()).toBe("2026-06-23T00:00:00.000Z");
    expect(zonedInstant("2026-01-10", 7, "Europe/Paris").toISOString()).toBe("2026-01-10T06:00:00.000Z");
    expect(dayIn(zonedInstant("2026-12-31", 0, "Asia/Ho_Chi_Minh"), "Asia/Ho_Chi_Minh")).toBe("2026-12-31");
  });

  it("takes the installation's zone by its IANA name, and refuses a name no zone has", () => {
    expect(zonedSystemClock("Asia/Bangkok").zone).toBe("Asia/Bangkok");
    expect(() => zonedSystemClock("Asia/Hanoi-Saigon")).toThrow(
      /không phải múi giờ IANA: Asia\/Hanoi-Saigon/,
    );
  });
});
