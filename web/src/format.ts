// How the interface writes values: dates as the documents write them, a dash for none.

import { viDate as asDocumentsWrite } from "../../src/domain/dates";

/** "2026-12-15" → "15/12/2026"; "—" for no date. */
export const viDate = (iso: string | null) => asDocumentsWrite(iso) || "—";
