// Dates as Vietnamese documents write them.

/** "2026-12-15" → "15/12/2026"; nothing for no date. */
export function viDate(iso: string | null): string {
  return iso ? iso.split("-").reverse().join("/") : "";
}
