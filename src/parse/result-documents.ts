// The result documents a unit's report names as its evidence ("sản phẩm", "minh chứng"), for the
// summary's appendix, which lists them by number and date.

import { viDate } from "../domain/dates.js";
import { findMentions } from "./legal-references.js";
import { foldLower } from "./lines.js";

/**
 * "Báo cáo số 15/BC-GDTrH ngày 26/3/2027; ảnh hoạt động" → ["15/BC-GDTrH ngày 26/03/2027"].
 * Evidence that names no numbered document is kept as written.
 */
export function resultDocuments(evidence: string): string[] {
  const text = evidence.trim();
  if (!text) return [];
  const found = findMentions(text, foldLower(text));
  if (!found.length) return [text];
  return found.map((m) => (m.date ? `${m.number} ngày ${viDate(m.date)}` : m.number));
}
