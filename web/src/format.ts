// How the interface writes values.

/** "2026-12-15" → "15/12/2026", as Vietnamese documents write dates. */
export const viDate = (iso: string | null) => (iso ? iso.split("-").reverse().join("/") : "—");
